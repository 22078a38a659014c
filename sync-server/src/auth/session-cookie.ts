import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SIGNED_IN_HINT_COOKIE } from "@inbox/shared/api/auth";
import type { AppEnv } from "../http/app-env.ts";
import { SESSION_COOKIE, secureCookieFor, type AuthDeps } from "./sessions.ts";

/**
 * The session as an HttpOnly cookie (the PWA; the body carries the token too, for Bearer
 * clients), and beside it a readable hint that holds no secret: it lets the PWA, on a device
 * with no remembered user, show sign-in without first asking /api/me for a certain 401.
 */
export function setSessionCookie(c: Context<AppEnv>, core: AuthDeps, session: { token: string; expiresAt: number }): void {
  const common = { sameSite: "Lax" as const, secure: secureCookieFor(core, c.req.url), path: "/", expires: new Date(session.expiresAt) };
  setCookie(c, SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  setCookie(c, SIGNED_IN_HINT_COOKIE, "1", common);
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  deleteCookie(c, SIGNED_IN_HINT_COOKIE, { path: "/" });
}
