import { and, eq, ne } from "drizzle-orm";
import type { ChangePasswordRequest } from "@inbox/shared/api/account";
import { clearedOnSuccess, recordFailure, refuseWeakPassword, refuseWhileLocked, throttleKeys } from "../auth/index.ts";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import { sessions, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import type { RequestOrigin } from "../http/audit-actor.ts";
import { HttpError, notFound } from "../http/http-error.ts";
import type { AccountDeps } from "./account-deps.ts";
import { closeSessions } from "./devices.ts";

/**
 * Changing one's password: the current one first (throttled like sign-in, so a stolen session
 * cannot guess it), the new one by the policy; every other session of the person ends (their
 * sockets close), since whoever knew the old password may be signed in somewhere.
 */
export async function changePassword(core: AccountDeps, user: SessionUser, actor: AuditActor, from: RequestOrigin, req: ChangePasswordRequest): Promise<{ endedSessions: number }> {
  const row = await core.db.query.users.findFirst({ where: eq(users.id, user.id) });
  if (!row) throw notFound("account");
  const keys = throttleKeys(row.email, from.ip);
  await refuseWhileLocked(core, keys);
  if (!(await core.passwords.verify(req.currentPassword, row.passwordHash)).ok) {
    await recordFailure(core, keys);
    throw new HttpError(400, "validation_failed", "Your current password is not right.", { reason: "wrong_password" });
  }
  if (req.newPassword === req.currentPassword) throw new HttpError(400, "validation_failed", "Choose a password different from the current one.", { reason: "password_same" });
  refuseWeakPassword(req.newPassword, { email: row.email, name: row.name });
  const at = core.now();
  const others = await core.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, user.sessionTokenHash)));
  await core.writer.write([
    core.db.update(users).set({ passwordHash: await core.passwords.hash(req.newPassword), passwordChangedAt: at }).where(eq(users.id, user.id)),
    core.db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, user.sessionTokenHash))),
    ...clearedOnSuccess(core, keys),
    auditInsert(core, { ...actor, workspaceId: user.workspaceId, action: "auth.password_changed", target: user.id, data: { endedSessions: others.length }, at }),
  ]);
  closeSessions(core, others.map((s) => s.tokenHash), "Your password was changed. Please sign in again.");
  return { endedSessions: others.length };
}
