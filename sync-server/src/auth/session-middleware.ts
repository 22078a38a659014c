import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { SessionReads } from "./session-users.ts";
import type { AppEnv } from "../http/app-env.ts";
import { SESSION_COOKIE, resolveSession } from "./sessions.ts";

/**
 * Where a caller's session token may come from: the cookie (the PWA, sockets included) or a
 * Bearer header (API clients). Never the URL: query strings end up in logs and histories.
 */
export function sessionToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | null {
  const header = c.req.header("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return getCookie(c, SESSION_COOKIE) ?? null;
}

/** Resolves the caller once per request; routes then decide by role and team. */
export function sessionMiddleware(core: SessionReads): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    c.set("user", token ? await resolveSession(core, token) : null);
    await next();
  };
}
