import { eq } from "drizzle-orm";
import type { WorkspaceSecurity } from "@inbox/shared/api/account";
import { securityOf, twoFactorRequired } from "../auth/index.ts";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import type { Reads, Writes } from "../db/record.ts";
import { users, workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";

export async function readWorkspaceSecurity(core: Reads, workspaceId: string): Promise<WorkspaceSecurity> {
  const row = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId), columns: { security: true } });
  return securityOf(row?.security);
}

/**
 * Who must use two-factor sign-in and how long new sessions last. A requirement takes effect at
 * once (people without a second factor are held at enrolment on their next request); a new
 * lifetime applies to sessions opened from now on. An admin cannot require of admins what they
 * have not set up themselves: that would hold them at enrolment in the middle of Settings.
 */
export async function saveWorkspaceSecurity(core: Writes, admin: SessionUser, actor: AuditActor, next: WorkspaceSecurity): Promise<WorkspaceSecurity> {
  const before = await readWorkspaceSecurity(core, admin.workspaceId);
  if (twoFactorRequired(next, admin.role)) {
    const me = await core.db.query.users.findFirst({ where: eq(users.id, admin.id), columns: { totpEnabledAt: true } });
    if (me?.totpEnabledAt == null) {
      throw new HttpError(409, "conflict", "Set up two-factor sign-in on your own profile first, then require it.", { reason: "enrol_first" });
    }
  }
  if (before.require2fa === next.require2fa && before.sessionHours === next.sessionHours) return before;
  await core.writer.write([
    core.db.update(workspaces).set({ security: next }).where(eq(workspaces.id, admin.workspaceId)),
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: "workspace.security_changed", target: admin.workspaceId, data: { before, after: next }, at: core.now() }),
  ]);
  return next;
}
