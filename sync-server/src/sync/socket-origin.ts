import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { forbidden } from "../http/http-error.ts";

/**
 * An agent's socket may be opened only by the inbox app itself. Browsers send `Origin` on every
 * WebSocket upgrade (a page cannot remove it), and the session cookie would go along from any
 * site: so a request with an Origin must come from this server's own host. A request without
 * one is not a browser's; it is accepted only when it authenticates itself with a Bearer token
 * (API clients, tests), never with a cookie alone.
 */
export function requireOwnOrigin(c: Context<AppEnv>): void {
  const origin = c.req.header("origin");
  if (origin === undefined) {
    if (!c.req.header("authorization")?.startsWith("Bearer ")) throw forbidden("A live connection without an Origin must sign in with a Bearer token.");
    return;
  }
  if (hostOf(origin) !== ownHost(c)) throw forbidden("Live connections are only accepted from the inbox app itself.");
}

/** The host this request was sent to (the Host header; the URL's when a runtime leaves it out). */
function ownHost(c: Context<AppEnv>): string {
  return c.req.header("host") ?? new URL(c.req.url).host;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null; // "null" (sandboxed frames, files) and anything malformed
  }
}
