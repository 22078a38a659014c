import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/**
 * The security headers of every page and response we serve: the app's routes (app.ts) and, on
 * Workers, the PWA's static files too (worker.ts), so both runtimes send the same ones. A
 * response that sets its own (media's sandbox CSP) keeps them: `overwrite: false`.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      connectSrc: ["'self'", "ws:", "wss:"],
      imgSrc: ["'self'", "data:", "blob:", "https:"],
      mediaSrc: ["'self'", "blob:", "https:"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginResourcePolicy: false,
    overwrite: false,
  });
}
