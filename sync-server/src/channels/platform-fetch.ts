import ipaddr from "ipaddr.js";

/**
 * Every request the server makes on a platform's behalf (API calls, media downloads, links a
 * platform hands us) goes through here. A URL someone else chose must never make the server
 * call its own network: only https to public addresses, redirects only within the same host,
 * responses no larger than a limit (refused early on Content-Length, cut off while streaming),
 * and no request longer than a timeout. The operator's own API overrides (PLATFORM_API_URLS,
 * e.g. the fakes on loopback in tests) are trusted as configured.
 */
export interface PlatformFetchOptions {
  /** The runtime's fetch. */
  fetch: typeof fetch;
  /** Origins the operator configured (PLATFORM_API_URLS): reachable even on private addresses or http. */
  trustedOrigins: readonly string[];
  /** Largest response body accepted, in bytes. */
  maxBytes: number;
  /** Resolves a host name to its addresses (Node: DNS), so a public name pointing inward is refused too; absent on Workers, whose fetch cannot reach a private network. */
  resolve?: (hostname: string) => Promise<string[]>;
  timeoutMs?: number;
}

const MAX_REDIRECTS = 3;
const DEFAULT_TIMEOUT_MS = 120_000;

export class PlatformFetchRefused extends Error {
  override name = "PlatformFetchRefused";
}

export function platformFetch(opts: PlatformFetchOptions): typeof fetch {
  const trusted = new Set(opts.trustedOrigins);
  const guarded = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : input.toString());
    const method = (init.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const signal = init.signal ?? AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    for (let hop = 0; ; hop++) {
      await refuseUnsafe(url, trusted, opts.resolve);
      const response = await opts.fetch(hop === 0 ? input : url.toString(), { ...init, signal, redirect: "manual" });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status > 399 || location === null) return limited(response, opts.maxBytes);
      await response.body?.cancel();
      // Redirects are followed only for reads, only to the same host, and only a few times.
      const next = new URL(location, url);
      if (method !== "GET" && method !== "HEAD") throw new PlatformFetchRefused(`The platform redirected a ${method} request; it was not followed.`);
      if (next.host !== url.host || next.protocol !== url.protocol) throw new PlatformFetchRefused(`The platform redirected to another host (${next.host}); it was not followed.`);
      if (hop + 1 > MAX_REDIRECTS) throw new PlatformFetchRefused("The platform redirected too many times.");
      url = next;
    }
  };
  return guarded as typeof fetch;
}

async function refuseUnsafe(url: URL, trusted: ReadonlySet<string>, resolve: PlatformFetchOptions["resolve"]): Promise<void> {
  if (trusted.has(url.origin)) return;
  if (url.protocol !== "https:") throw new PlatformFetchRefused(`Only https addresses of the platforms are fetched, not ${url.protocol}//${url.host}.`);
  if (url.username || url.password) throw new PlatformFetchRefused("Addresses with credentials in them are not fetched.");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) throw new PlatformFetchRefused(`${url.hostname} is this machine; it is not fetched.`);
  const addresses = ipaddr.isValid(host) ? [host] : resolve ? await resolve(host) : [];
  for (const address of addresses) {
    if (!isPublicAddress(address)) throw new PlatformFetchRefused(`${url.hostname} is a private or reserved address (${address}); it is not fetched.`);
  }
}

/** Globally routable unicast only (no loopback, private, link-local, CGNAT, multicast, reserved…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}

/** The response with its body cut off (as an error) past `maxBytes`; refused at once when the length says so. */
function limited(response: Response, maxBytes: number): Response {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel();
    throw new PlatformFetchRefused(`The platform's response is ${declared} bytes, more than the ${maxBytes} bytes this server accepts.`);
  }
  if (!response.body) return response;
  let seen = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) controller.error(new PlatformFetchRefused(`The platform's response is larger than the ${maxBytes} bytes this server accepts.`));
      else controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
}
