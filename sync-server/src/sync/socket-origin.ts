import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { forbiddenBecause } from "../http/http-error.ts";
import { comesFromOurOrigin } from "../http/same-origin.ts";

/**
 * An agent's socket may be opened only by the inbox app itself. Browsers send `Origin` on every
 * WebSocket upgrade (a page cannot remove it), and the session cookie would go along from any
 * site: so a browser's upgrade must come from our own origin (the same rule as state-changing
 * requests, `comesFromOurOrigin`). A request without an Origin is not a browser's; it is accepted
 * only when it authenticates itself with a Bearer token (API clients, tests), never with a
 * cookie alone.
 */
export function requireOwnOrigin(c: Context<AppEnv>): void {
  if (c.req.header("origin") === undefined) {
    if (!c.req.header("authorization")?.startsWith("Bearer ")) throw forbiddenBecause("socket_needs_bearer");
    return;
  }
  if (!comesFromOurOrigin(c)) throw forbiddenBecause("socket_other_origin");
}
