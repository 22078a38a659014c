import type { ConnectorContext, Credentials } from "../src/connector.ts";

/**
 * Access tokens and the `{errcode, errmsg}` envelope every WeChat API answers with (HTTP 200
 * even on errors). https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html
 */

/** Why a call failed: a WeChat errcode, an HTTP status, or no answer at all. */
export type ApiFailure =
  | { type: "errcode"; errcode: number; errmsg: string }
  | { type: "http"; status: number; retryAfterMs?: number }
  | { type: "network"; message: string };

export type ApiOutcome<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

/** Codes meaning "this access token is no longer good": fetch a new one and retry once. */
const STALE_TOKEN_CODES = new Set([40001, 40014, 41001, 42001]);

interface CachedToken {
  token: string;
  expiresAt: number;
}

// One token per account (and API host, so fakes never share one with the real API). Getting a
// new token makes older ones expire soon, so concurrent callers share a single refresh.
const cache = new Map<string, CachedToken>();
const pending = new Map<string, Promise<ApiOutcome<string>>>();

const cacheKey = (credentials: Credentials, ctx: ConnectorContext) => `${ctx.apiBaseUrl}\n${credentials.appId ?? ""}`;

/** Refresh this long before WeChat's expiry, so a token is never used in its last minutes. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export function apiUrl(ctx: ConnectorContext, path: string, query: Record<string, string>): string {
  return `${ctx.apiBaseUrl.replace(/\/+$/, "")}${path}?${new URLSearchParams(query).toString()}`;
}

/** Fetches a new token from WeChat, bypassing (and then filling) the cache. */
export async function fetchAccessToken(credentials: Credentials, ctx: ConnectorContext): Promise<ApiOutcome<string>> {
  const url = apiUrl(ctx, "/cgi-bin/token", {
    grant_type: "client_credential",
    appid: credentials.appId ?? "",
    secret: credentials.appSecret ?? "",
  });
  const outcome = await readJson(() => ctx.fetch(url));
  if (!outcome.ok) return outcome;
  const body = outcome.value as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== "string" || !body.access_token) {
    return { ok: false, failure: { type: "errcode", errcode: -1, errmsg: "no access_token in the token response" } };
  }
  const lifetimeMs = (typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 7200) * 1000;
  cache.set(cacheKey(credentials, ctx), {
    token: body.access_token,
    expiresAt: ctx.now() + Math.max(lifetimeMs - EXPIRY_MARGIN_MS, lifetimeMs / 2),
  });
  return { ok: true, value: body.access_token };
}

async function accessToken(credentials: Credentials, ctx: ConnectorContext): Promise<ApiOutcome<string>> {
  const key = cacheKey(credentials, ctx);
  const cached = cache.get(key);
  if (cached && cached.expiresAt > ctx.now()) return { ok: true, value: cached.token };
  let inFlight = pending.get(key);
  if (!inFlight) {
    inFlight = fetchAccessToken(credentials, ctx).finally(() => pending.delete(key));
    pending.set(key, inFlight);
  }
  return inFlight;
}

function forget(credentials: Credentials, ctx: ConnectorContext, token: string): void {
  const key = cacheKey(credentials, ctx);
  // Only if nobody has refreshed it meanwhile.
  if (cache.get(key)?.token === token) cache.delete(key);
}

/**
 * Runs `call` with a cached access token; if WeChat says the token is stale (40001/40014/
 * 41001/42001), gets a fresh one and retries exactly once.
 */
export async function withAccessToken<T>(
  credentials: Credentials,
  ctx: ConnectorContext,
  call: (token: string) => Promise<ApiOutcome<T>>,
): Promise<ApiOutcome<T>> {
  const first = await accessToken(credentials, ctx);
  if (!first.ok) return first;
  const outcome = await call(first.value);
  if (outcome.ok || outcome.failure.type !== "errcode" || !STALE_TOKEN_CODES.has(outcome.failure.errcode)) return outcome;
  forget(credentials, ctx, first.value);
  const second = await accessToken(credentials, ctx);
  if (!second.ok) return second;
  return call(second.value);
}

/** Performs a request whose answer is WeChat JSON; errcode ≠ 0 becomes a failure. */
export async function readJson(request: () => Promise<Response>): Promise<ApiOutcome<Record<string, unknown>>> {
  let response: Response;
  try {
    response = await request();
  } catch (err) {
    return { ok: false, failure: { type: "network", message: err instanceof Error ? err.message : String(err) } };
  }
  return readJsonResponse(response);
}

export async function readJsonResponse(response: Response): Promise<ApiOutcome<Record<string, unknown>>> {
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    return { ok: false, failure: { type: "network", message: err instanceof Error ? err.message : String(err) } };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const errcode = body && typeof body === "object" ? (body as { errcode?: unknown }).errcode : undefined;
  if (typeof errcode === "number" && errcode !== 0) {
    const errmsg = (body as { errmsg?: unknown }).errmsg;
    return { ok: false, failure: { type: "errcode", errcode, errmsg: typeof errmsg === "string" ? errmsg : "" } };
  }
  if (!response.ok || body === undefined || body === null || typeof body !== "object") {
    return { ok: false, failure: { type: "http", status: response.ok ? 502 : response.status, ...retryAfter(response) } };
  }
  return { ok: true, value: body as Record<string, unknown> };
}

function retryAfter(response: Response): { retryAfterMs?: number } {
  const header = response.headers.get("retry-after");
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {};
}

/** For tests: forget every cached token. */
export function clearTokenCache(): void {
  cache.clear();
  pending.clear();
}
