import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";
import { refused } from "./http-error.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Paths other sites are meant to call: the widget's CORS API (Bearer token, never cookies) and
 * platforms' webhooks (verified by signature). Everything else that changes state is ours alone.
 */
const CROSS_SITE_BY_DESIGN = [/^\/api\/widget\//, /^\/webhooks\//];

/**
 * CSRF defence for every state-changing request (POST, PUT, PATCH, DELETE): a browser says where
 * a request comes from (`Sec-Fetch-Site`, or `Origin` in older browsers) and a page cannot forge
 * either, so a request another site's page makes with our cookie is refused before any route
 * runs. Requests with neither header are not from a browser page (API clients, scripts) and
 * carry no ambient credentials a page could abuse.
 */
export function sameOriginWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !CROSS_SITE_BY_DESIGN.some((re) => re.test(c.req.path)) && !comesFromOurOrigin(c)) {
      throw refused(403, "forbidden", "cross_site");
    }
    await next();
  };
}

/** What the browser says about where the request comes from: our own pages (or no browser page at all). */
export function comesFromOurOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header("sec-fetch-site");
  // "none": the user's own action (address bar, bookmark), not a page's.
  if (site) return site === "same-origin" || site === "none";
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  try {
    // Host, not scheme: behind a proxy that ends TLS the request reaches us as http.
    return new URL(origin).host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false; // "null" (sandboxed frames, file:) or garbage
  }
}
