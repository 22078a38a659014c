import { eq, lt } from "drizzle-orm";
import type { User } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { sessions, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { loadUser } from "../db/read-model.ts";
import { CLOSE_UNAUTHENTICATED } from "../rooms/peer.ts";
import { usersOfSessions, type SessionReads } from "./session-users.ts";
import type { PasswordHasher } from "./password.ts";
import { clearedOnSuccess, recordFailure, refuseWhileLocked, throttleKeys } from "./sign-in-throttle.ts";
import { randomToken, sha256Hex } from "./tokens.ts";

export const SESSION_COOKIE = "inbox_session";

/** What signing in and out needs. */
export interface AuthDeps extends Writes {
  passwords: PasswordHasher;
  sessionTtlMs: number;
  /** Session cookies' Secure flag; "auto": on unless the request is plain http to a loopback address. */
  secureCookies: boolean | "auto";
  /** This process's agent sockets: sign-out closes the session's at once (sync/socket-guard.ts). */
  sockets: { closeSession(sessionTokenHash: string, code: number, reason: string): void };
}

/**
 * Checks the password and opens a session; the same words for unknown email and wrong password.
 * Throttled per account and per address (sign-in-throttle.ts); a stored hash weaker than the
 * current setting is replaced while we hold the password.
 */
export async function signIn(
  core: AuthDeps,
  email: string,
  password: string,
  from: RequestOrigin,
): Promise<{ user: User; token: string; expiresAt: number }> {
  const normalised = email.trim().toLowerCase();
  const keys = throttleKeys(normalised, from.ip);
  await refuseWhileLocked(core, keys);
  const row = await core.db.query.users.findFirst({ where: eq(users.email, normalised) });
  const verified = await core.passwords.verify(password, row?.passwordHash ?? null);
  const at = core.now();
  // A deactivated user is told the same as a wrong password: nothing to learn about the account.
  if (!row || !verified.ok || row.deactivatedAt !== null) {
    await recordFailure(core, keys);
    if (row) {
      await core.writer.write([
        auditInsert(core, { workspaceId: row.workspaceId, ...auditActor(row, from), action: "auth.sign_in_failed", at }),
      ]);
    }
    throw new HttpError(401, "invalid_credentials", "Wrong email or password.");
  }
  const token = randomToken();
  const expiresAt = at + core.sessionTtlMs;
  const rehashed = verified.rehash ? await core.passwords.hash(password) : null;
  await core.writer.write([
    core.db.insert(sessions).values({ tokenHash: await sha256Hex(token), userId: row.id, createdAt: at, expiresAt }),
    eventInsert(core, { workspaceId: row.workspaceId, type: "user.signed_in", actorKind: "agent", actorId: row.id, at }),
    auditInsert(core, { workspaceId: row.workspaceId, ...auditActor(row, from), action: "auth.signed_in", at }),
    core.db.delete(sessions).where(lt(sessions.expiresAt, at)),
    ...clearedOnSuccess(core, keys),
    ...(rehashed ? [core.db.update(users).set({ passwordHash: rehashed }).where(eq(users.id, row.id))] : []),
  ]);
  const { passwordHash: _, ...user } = (await loadUser(core.db, row.id))!;
  return { user, token, expiresAt };
}

/** The user behind a session token, or null if it is unknown, expired or its user deactivated. */
export async function resolveSession(core: SessionReads, token: string): Promise<SessionUser | null> {
  const tokenHash = await sha256Hex(token);
  return (await usersOfSessions(core, [tokenHash])).get(tokenHash) ?? null;
}

export async function signOut(core: AuthDeps, user: SessionUser, from: RequestOrigin | null = null): Promise<void> {
  const at = core.now();
  await core.writer.write([
    core.db.delete(sessions).where(eq(sessions.tokenHash, user.sessionTokenHash)),
    eventInsert(core, { workspaceId: user.workspaceId, type: "user.signed_out", actorKind: "agent", actorId: user.id, at }),
    auditInsert(core, { workspaceId: user.workspaceId, ...auditActor(user, from), action: "auth.signed_out", at }),
  ]);
  // This process's sockets of the session close now; other instances' at their next access check.
  core.sockets.closeSession(user.sessionTokenHash, CLOSE_UNAUTHENTICATED, "Signed out");
}

/**
 * The session cookie's Secure flag. "auto" (the default) sets it unless the request is plain
 * http to this machine's loopback (a developer's `npm start`): everywhere else a cookie must
 * never travel unencrypted.
 */
export function secureCookieFor(core: AuthDeps, requestUrl: string): boolean {
  if (core.secureCookies !== "auto") return core.secureCookies;
  const url = new URL(requestUrl);
  return !(url.protocol === "http:" && isLoopbackHost(url.hostname));
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
