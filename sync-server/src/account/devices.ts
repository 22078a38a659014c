import { and, desc, eq, gt, ne } from "drizzle-orm";
import type { Device } from "@inbox/shared/api/account";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import { sessions } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound } from "../http/http-error.ts";
import { CLOSE_UNAUTHENTICATED } from "../rooms/peer.ts";
import type { AccountDeps } from "./account-deps.ts";
import { describeUserAgent } from "./user-agent.ts";

/**
 * A device's id on the list: the start of its session's token hash. It names the session to its
 * owner without being a credential (the hash of a random token does not sign anyone in).
 */
const deviceId = (tokenHash: string) => tokenHash.slice(0, 16);

/** The person's own live sessions, the most recently used first. */
export async function listDevices(core: AccountDeps, user: SessionUser): Promise<Device[]> {
  const rows = await core.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, core.now())))
    .orderBy(desc(sessions.lastUsedAt), desc(sessions.createdAt));
  return rows.map((s) => ({
    id: deviceId(s.tokenHash),
    current: s.tokenHash === user.sessionTokenHash,
    ...describeUserAgent(s.userAgent),
    ip: s.ip,
    createdAt: s.createdAt,
    lastUsedAt: s.lastUsedAt ?? s.createdAt,
    expiresAt: s.expiresAt,
  }));
}

/** This process's sockets of the ended sessions close now; other instances' at their next access check. */
export function closeSessions(core: AccountDeps, tokenHashes: readonly string[], reason: string): void {
  for (const hash of tokenHashes) core.sockets.closeSession(hash, CLOSE_UNAUTHENTICATED, reason);
}

/** "Sign out" on one device of the list. */
export async function signOutDevice(core: AccountDeps, user: SessionUser, actor: AuditActor, id: string): Promise<void> {
  const mine = await core.db.select({ tokenHash: sessions.tokenHash, userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.userId, user.id));
  const target = mine.find((s) => deviceId(s.tokenHash) === id);
  if (!target) throw notFound("device");
  await core.writer.write([
    core.db.delete(sessions).where(eq(sessions.tokenHash, target.tokenHash)),
    auditInsert(core, { ...actor, workspaceId: user.workspaceId, action: "auth.device_signed_out", target: user.id, data: { device: describeUserAgent(target.userAgent) }, at: core.now() }),
  ]);
  closeSessions(core, [target.tokenHash], "You were signed out from another device.");
}

/** "Sign out everywhere else": every session of the person but this one. */
export async function signOutOthers(core: AccountDeps, user: SessionUser, actor: AuditActor): Promise<number> {
  const others = and(eq(sessions.userId, user.id), ne(sessions.tokenHash, user.sessionTokenHash));
  const ended = await core.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(others);
  await core.writer.write([
    core.db.delete(sessions).where(others),
    auditInsert(core, { ...actor, workspaceId: user.workspaceId, action: "auth.signed_out_elsewhere", target: user.id, data: { ended: ended.length }, at: core.now() }),
  ]);
  closeSessions(core, ended.map((s) => s.tokenHash), "You were signed out from another device.");
  return ended.length;
}
