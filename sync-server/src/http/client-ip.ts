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
  let warned = false;
  return async (c, next) => {
    const peer = peerAddress(c);
    const forwardedFor = c.req.header("x-forwarded-for");
    c.set("clientIp", resolveClientIp(peer, forwardedFor, trusted));
    // A proxy on this machine or network that is not configured: every client would look like
    // the proxy (and share one sign-in throttle). Say so once, in the operator's words.
    if (!warned && forwardedFor && peer && !trusted.has(normaliseIp(peer)) && isPrivate(normaliseIp(peer))) {
      warned = true;
      console.warn(`X-Forwarded-For arrived from ${normaliseIp(peer)}, which is not in TRUSTED_PROXIES, so it was ignored. If a reverse proxy runs there, set TRUSTED_PROXIES=${normaliseIp(peer)}.`);
    }
    await next();
  };
}

/** Loopback and private ranges: where a reverse proxy of this server would be. */
function isPrivate(ip: string): boolean {
  return /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip) || ip === "::1" || /^f[cd][0-9a-f]{2}:/.test(ip);
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
