import { eq } from "drizzle-orm";
import type { RetentionPolicy } from "@inbox/shared/api/data-rights";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import type { Reads, Writes } from "../db/record.ts";
import { workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";

export async function loadRetentionPolicy(core: Reads, workspaceId: string): Promise<RetentionPolicy> {
  const [row] = await core.db.select({ retentionDays: workspaces.retentionDays }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return { retentionDays: row?.retentionDays ?? null };
}

/** Sets (or turns off, with null) the policy; the change is an event and an audit entry with before and after. */
export async function saveRetentionPolicy(core: Writes, user: SessionUser, policy: RetentionPolicy, from: RequestOrigin | null): Promise<RetentionPolicy> {
  return core.locks.run(`retention-policy:${user.workspaceId}`, async () => {
    const before = await loadRetentionPolicy(core, user.workspaceId);
    if (before.retentionDays === policy.retentionDays) return before;
    const at = core.now();
    const change = { before, after: policy };
    await core.writer.write([
      core.db.update(workspaces).set({ retentionDays: policy.retentionDays }).where(eq(workspaces.id, user.workspaceId)),
      eventInsert(core, { workspaceId: user.workspaceId, type: "workspace.retention_changed", actorKind: "agent", actorId: user.id, data: change, at }),
      auditInsert(core, { workspaceId: user.workspaceId, ...auditActor(user, from), action: "retention.policy_changed", target: user.workspaceId, data: change, at }),
    ]);
    return policy;
  });
}
