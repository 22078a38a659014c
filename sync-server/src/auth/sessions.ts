import { eq, lt } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { TwoFactorChallenge, User } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { sessions, users, workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { refused } from "../http/http-error.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { auditInsert, eventInsert, USER_AGENT_MAX } from "../db/event-rows.ts";
import { loadUser } from "../db/read-model.ts";
import { CLOSE_UNAUTHENTICATED } from "../rooms/peer.ts";
import { usersOfSessions, type SessionReads } from "./session-users.ts";
import type { PasswordHasher } from "./password.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { countWrongCode, endChallenge, liveChallenge, newChallenge } from "./challenges.ts";
import { spendSecondFactor } from "./second-factor.ts";
import { clearedOnSuccess, recordFailure, refuseWhileLocked, throttleKeys, type ThrottleKeys } from "./sign-in-throttle.ts";
import { securityOf, sessionLifetimeMs } from "./two-factor-policy.ts";
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
  /** The server's key: two-factor secrets are sealed with it, recovery codes keyed by it. */
  secrets: SecretBox;
}

/** A session opened: the token is set as the cookie and returned for Bearer clients. */
export interface OpenedSession {
  user: User;
  token: string;
  expiresAt: number;
}

/**
 * Step one: checks the password; the same words for unknown email and wrong password.
 * Throttled per account and per address (sign-in-throttle.ts); a stored hash weaker than the
 * current setting is replaced while we hold the password. An account with two-factor sign-in
 * gets a challenge instead of a session (step two: `secondFactorSignIn`).
 */
export async function passwordSignIn(core: AuthDeps, email: string, password: string, from: RequestOrigin): Promise<OpenedSession | TwoFactorChallenge> {
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
    throw refused(401, "invalid_credentials", "wrong_password");
  }
  const rehashed = verified.rehash ? await core.passwords.hash(password) : null;
  const alongside = [...clearedOnSuccess(core, keys), ...(rehashed ? [core.db.update(users).set({ passwordHash: rehashed }).where(eq(users.id, row.id))] : [])];
  if (row.totpEnabledAt !== null) return { twoFactor: true, ...(await newChallenge(core, row.id, alongside)) };
  return openSession(core, row, from, alongside);
}

/** Signs in someone who has no second factor (a new account): an invitation accepted. */
export async function signIn(core: AuthDeps, email: string, password: string, from: RequestOrigin): Promise<OpenedSession> {
  const result = await passwordSignIn(core, email, password, from);
  if ("twoFactor" in result) throw refused(401, "invalid_credentials", "use_sign_in_page");
  return result;
}

/** Wrong codes back off per account (after the challenge's own few tries), whatever the challenge. */
export const secondFactorKeys = (userId: string): ThrottleKeys => ({ account: `two-factor:${userId}`, address: null });

const challengeGone = () =>
  refused(401, "invalid_credentials", "challenge_gone");

/**
 * Step two: a code from the authenticator app, or a recovery code (spent), for the challenge
 * the password step gave. Opens the session; a wrong code counts against the challenge and the
 * account, and is audited.
 */
export async function secondFactorSignIn(core: AuthDeps, challenge: string, code: string, from: RequestOrigin): Promise<OpenedSession> {
  const pending = await liveChallenge(core, challenge);
  if (!pending) throw challengeGone();
  const keys = secondFactorKeys(pending.userId);
  await refuseWhileLocked(core, keys);
  const row = await core.db.query.users.findFirst({ where: eq(users.id, pending.userId) });
  if (!row || row.deactivatedAt !== null) throw challengeGone();
  const used = await spendSecondFactor(core, row, code);
  if (!used) {
    await recordFailure(core, keys);
    const left = await countWrongCode(core, pending.tokenHash);
    await core.writer.write([auditInsert(core, { workspaceId: row.workspaceId, ...auditActor(row, from), action: "auth.two_factor_failed", at: core.now() })]);
    if (left === 0) throw challengeGone();
    throw refused(401, "invalid_credentials", "wrong_code");
  }
  const recoveryCodesLeft = used === "recovery" ? row.recoveryCodeHashes.length - 1 : undefined;
  return openSession(core, row, from, [endChallenge(core, pending.tokenHash), ...clearedOnSuccess(core, keys)], { secondFactor: used, recoveryCodesLeft });
}

/**
 * Opens a session for the device the request came from (kept for "your signed-in devices"),
 * lasting what the workspace's admin set, or the server's default.
 */
async function openSession(core: AuthDeps, row: typeof users.$inferSelect, from: RequestOrigin, alongside: BatchItem<"sqlite">[], data?: Record<string, unknown>): Promise<OpenedSession> {
  const workspace = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, row.workspaceId), columns: { security: true } });
  const token = randomToken();
  const at = core.now();
  const expiresAt = at + sessionLifetimeMs(securityOf(workspace?.security), core.sessionTtlMs);
  await core.writer.write([
    core.db.insert(sessions).values({
      tokenHash: await sha256Hex(token),
      userId: row.id,
      createdAt: at,
      expiresAt,
      userAgent: from.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: from.ip,
      lastUsedAt: at,
    }),
    eventInsert(core, { workspaceId: row.workspaceId, type: "user.signed_in", actorKind: "agent", actorId: row.id, at }),
    auditInsert(core, { workspaceId: row.workspaceId, ...auditActor(row, from), action: "auth.signed_in", ...(data ? { data } : {}), at }),
    core.db.delete(sessions).where(lt(sessions.expiresAt, at)),
    ...alongside,
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
