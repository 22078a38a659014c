import type { ConnectorContext, Credentials, SendResult } from "../src/connector.ts";
import { hmacSha256, toHex, utf8 } from "../src/crypto.ts";

/**
 * One Graph API call with the account's token: `Authorization: Bearer` (accepted by
 * graph.facebook.com and graph.instagram.com alike, and kept out of URLs and logs) plus
 * `appsecret_proof` = hex HMAC-SHA256(app secret, token), which apps with "Require app secret"
 * demand. https://developers.facebook.com/docs/graph-api/securing-requests
 */
export interface GraphResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function graphRequest(
  ctx: ConnectorContext,
  credentials: Credentials,
  method: "GET" | "POST",
  path: string,
  options: { query?: Record<string, string>; json?: unknown } = {},
): Promise<GraphResponse> {
  const url = new URL(ctx.apiBaseUrl.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const token = credentials.accessToken ?? "";
  if (credentials.appSecret && token) url.searchParams.set("appsecret_proof", toHex(await hmacSha256(credentials.appSecret, utf8(token))));
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const res = await ctx.fetch(url, { method, headers, ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // not JSON (proxies, HTML error pages): keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

/** Graph's error envelope: `{"error":{"message","type","code","error_subcode","fbtrace_id"}}`. */
export interface GraphError {
  code: number | null;
  subcode: number | null;
  message: string;
}

export function graphErrorOf(body: unknown): GraphError | null {
  if (body === null || typeof body !== "object" || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (error === null || typeof error !== "object") return null;
  const e = error as Record<string, unknown>;
  return {
    code: typeof e.code === "number" ? e.code : typeof e.code === "string" && e.code !== "" ? Number(e.code) : null,
    subcode: typeof e.error_subcode === "number" ? e.error_subcode : typeof e.error_subcode === "string" && e.error_subcode !== "" ? Number(e.error_subcode) : null,
    message: typeof e.message === "string" ? e.message : "Unknown error",
  };
}

/** Codes from Meta's Instagram messaging / Graph error pages (see README for the table). */
const TOKEN_CODES = new Set([190, 102]);
const WINDOW_SUBCODES = new Set([2534022, 2018278]);
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80002, 80006]);
const TEMPORARY_CODES = new Set([1, 2]);
const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;

export type SendFailure = Extract<SendResult, { ok: false }>;

/** Maps a failed Graph response to the inbox's failure kinds, with a reason an agent understands. */
export function classifyGraphFailure(res: GraphResponse): SendFailure {
  const error = graphErrorOf(res.body);
  const code = error?.code ?? null;
  const subcode = error?.subcode ?? null;
  const platformCode = code === null ? `http_${res.status}` : subcode === null ? String(code) : `${code}/${subcode}`;
  const detail = error?.message ?? (typeof res.body === "string" && res.body ? res.body.slice(0, 200) : `HTTP ${res.status}`);

  if ((code !== null && TOKEN_CODES.has(code)) || (code === null && res.status === 401)) {
    return { ok: false, kind: "token_expired", platformCode, reason: "The Instagram connection has expired or was revoked. An admin needs to reconnect the channel." };
  }
  if ((subcode !== null && WINDOW_SUBCODES.has(subcode)) || /outside (of )?(the )?allowed window/i.test(detail)) {
    return {
      ok: false,
      kind: "window_closed",
      platformCode,
      reason: "Instagram only allows replies within 24 hours of the customer's last message (7 days for a human agent). Wait for the customer to write again.",
    };
  }
  if (code === 551 || (code === 100 && (subcode === 2534014 || subcode === 2018001))) {
    return {
      ok: false,
      kind: "blocked",
      platformCode,
      reason: "The customer can't be reached on Instagram (they may have blocked this account or deleted their profile), so the message was not delivered.",
    };
  }
  if ((code !== null && RATE_LIMIT_CODES.has(code)) || res.status === 429) {
    return {
      ok: false,
      kind: "rate_limited",
      platformCode,
      retryAfterMs: retryAfterMs(res.headers) ?? DEFAULT_RATE_LIMIT_PAUSE_MS,
      reason: "Instagram's sending limit was reached, so sending is paused for a while.",
    };
  }
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) {
    return {
      ok: false,
      kind: "token_expired",
      platformCode,
      reason: `Instagram refused permission to send (${detail}). An admin needs to reconnect the channel with the instagram_manage_messages permission.`,
    };
  }
  if ((code !== null && TEMPORARY_CODES.has(code)) || res.status >= 500 || (code === null && res.status < 400)) {
    return { ok: false, kind: "retry", platformCode, reason: `Instagram had a temporary problem (${detail}); the message will be retried.` };
  }
  return { ok: false, kind: "rejected", platformCode, reason: `Instagram refused this message: ${detail}` };
}

/**
 * Retry hints: `Retry-After` (seconds) or the Business Use Case header's
 * `estimated_time_to_regain_access` (minutes), e.g.
 * `X-Business-Use-Case-Usage: {"<id>":[{"type":"instagram","call_count":100,"estimated_time_to_regain_access":5}]}`.
 */
export function retryAfterMs(headers: Headers): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim()) * 1000;
  const buc = headers.get("x-business-use-case-usage");
  if (!buc) return undefined;
  try {
    let minutes = 0;
    for (const usages of Object.values(JSON.parse(buc) as Record<string, unknown>)) {
      for (const usage of Array.isArray(usages) ? usages : []) {
        const t = (usage as { estimated_time_to_regain_access?: unknown }).estimated_time_to_regain_access;
        if (typeof t === "number" && t > minutes) minutes = t;
      }
    }
    return minutes > 0 ? minutes * 60_000 : undefined;
  } catch {
    return undefined;
  }
}
