import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Core } from "../core.ts";
import type { AppEnv } from "../http/app-env.ts";
import { SESSION_COOKIE, resolveSession } from "./sessions.ts";

/** Where a caller's session token may come from: cookie (PWA), Bearer (API clients), or `?token=` on sockets. */
export function sessionToken(c: Parameters<MiddlewareHandler<AppEnv>>[0], allowQuery: boolean): string | null {
  const header = c.req.header("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) return cookie;
  return allowQuery ? (c.req.query("token") ?? null) : null;
}

/** Resolves the caller once per request; routes then decide by role and team. */
export function sessionMiddleware(core: Core): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c, c.req.header("upgrade")?.toLowerCase() === "websocket");
    c.set("user", token ? await resolveSession(core, token) : null);
    await next();
  };
}
