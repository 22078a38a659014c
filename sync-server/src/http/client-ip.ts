import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";

/**
 * The caller's address for throttling and the audit log. It comes from the connection, never
 * from a header anyone can write: each runtime says who is on the other end (`PeerAddress`:
 * the socket's remote address on Node, `CF-Connecting-IP` set by Cloudflare's edge on Workers),
 * and only when that peer is a proxy the operator named (TRUSTED_PROXIES) is its
 * `X-Forwarded-For` believed, read from the right up to the first hop that is not a trusted proxy.
 */
export function clientIp(c: Context<AppEnv>): string | null {
  return c.get("clientIp") ?? null;
}

/** Who is on the other end of this request's connection, as the runtime knows it. */
export type PeerAddress = (c: Context<AppEnv>) => string | null;

export function clientIpMiddleware(peerAddress: PeerAddress, trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  const trusted = new Set(trustedProxies.map(normaliseIp).filter(Boolean));
  return async (c, next) => {
    c.set("clientIp", resolveClientIp(peerAddress(c), c.req.header("x-forwarded-for"), trusted));
    await next();
  };
}

export function resolveClientIp(peer: string | null, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string | null {
  const direct = peer ? normaliseIp(peer) : "";
  if (!direct) return null;
  if (!forwardedFor || !trusted.has(direct)) return direct;
  const hops = forwardedFor.split(",").map(normaliseIp).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return hops[0] ?? direct;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; trimmed and lower-cased, so one address has one spelling. */
export function normaliseIp(value: string): string {
  const ip = value.trim().toLowerCase();
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}
