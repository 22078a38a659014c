import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { SessionReads } from "./session-users.ts";
import { sessions } from "../db/schema.ts";
import type { WriteQueue } from "../db/write-queue.ts";
import type { AppEnv, SessionUser } from "../http/app-env.ts";
import { SESSION_COOKIE, resolveSession } from "./sessions.ts";

/** "Last used" on the devices list is to the minute: a session is stamped at most once a minute. */
export const LAST_USED_GRAIN_MS = 60_000;

/**
 * Where a caller's session token may come from: the cookie (the PWA, sockets included) or a
 * Bearer header (API clients). Never the URL: query strings end up in logs and histories.
 */
export function sessionToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | null {
  const header = c.req.header("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return getCookie(c, SESSION_COOKIE) ?? null;
}

/**
 * Resolves the caller once per request; routes then decide by role and team. With a writer, a
 * session not stamped within the last minute is stamped as used (the devices list).
 */
export function sessionMiddleware(core: SessionReads & { writer?: WriteQueue }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const user = token ? await resolveSession(core, token) : null;
    c.set("user", user);
    if (user && core.writer) stampUse(core as SessionReads & { writer: WriteQueue }, user);
    await next();
  };
}

/**
 * Not awaited: the stamp is a hint for the devices list and never holds up or fails a request.
 * Conditional, so requests racing at the minute's turn write it once.
 */
function stampUse(core: SessionReads & { writer: WriteQueue }, user: SessionUser): void {
  const now = core.now();
  if (user.sessionLastUsedAt !== undefined && now - user.sessionLastUsedAt < LAST_USED_GRAIN_MS) return;
  const stale = now - LAST_USED_GRAIN_MS;
  core.writer
    .write([
      core.db
        .update(sessions)
        .set({ lastUsedAt: now })
        .where(and(eq(sessions.tokenHash, user.sessionTokenHash), or(isNull(sessions.lastUsedAt), lt(sessions.lastUsedAt, stale)))),
    ])
    .catch(() => {});
}
