import type { Credentials, DeliveryKeys, HandshakeResponse, WebhookRequest, WebhookSecrets } from "../src/connector.ts";
import { bodyKey, idsKey } from "../src/delivery.ts";
import { fromBase64, hmacSha256, timingSafeEqual, toBase64 } from "../src/crypto.ts";

/**
 * LINE has no GET handshake: the webhook URL is set in the LINE Developers Console and its
 * "Verify" button sends an ordinary signed POST whose `events` array is empty.
 * https://developers.line.biz/en/docs/messaging-api/receiving-messages/
 */
export async function handshake(): Promise<HandshakeResponse | null> {
  return null;
}

export const SIGNATURE_HEADER = "x-line-signature";

/** The header value LINE sends: Base64(HMAC-SHA256(key = channel secret, message = raw body)). */
export async function signLine(body: Uint8Array, channelSecret: string): Promise<string> {
  return toBase64(await hmacSha256(channelSecret, body));
}

/**
 * Checks `x-line-signature` over the exact raw bytes, before any JSON parsing, with a
 * constant-time compare of the decoded MACs.
 * https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/
 */
export async function verify(req: WebhookRequest, credentials: Credentials): Promise<boolean> {
  if (req.method.toUpperCase() !== "POST") return false;
  const header = req.headers.get(SIGNATURE_HEADER)?.trim();
  const secret = credentials.channelSecret;
  if (!header || !secret) return false;
  let given: Uint8Array;
  try {
    given = fromBase64(header);
  } catch {
    return false; // not Base64 at all
  }
  const expected = await hmacSha256(secret, req.body);
  return timingSafeEqual(given, expected);
}

/** LINE only looks at the status code; any 2xx within its timeout counts as delivered. */
export function acknowledge(): HandshakeResponse {
  return { status: 200, body: "" };
}

/**
 * LINE's redelivery re-sends each event with its `webhookEventId` but not the same bytes
 * (`deliveryContext.isRedelivery` turns true), so a delivery is named by its events' ids; an
 * empty one (the console's Verify) by its body.
 * https://developers.line.biz/en/docs/messaging-api/receiving-messages/#webhook-redelivery
 */
export async function deliveryKeys(req: WebhookRequest): Promise<DeliveryKeys> {
  let ids: string[] = [];
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(req.body));
    const events = typeof body === "object" && body !== null ? (body as { events?: unknown }).events : undefined;
    if (Array.isArray(events)) {
      ids = events.map((e: unknown) => (typeof e === "object" && e !== null ? (e as { webhookEventId?: unknown }).webhookEventId : undefined)).filter((id): id is string => typeof id === "string" && id !== "");
      // Keyed by ids only when every event has one: otherwise a changed event could hide behind its neighbours' ids.
      if (ids.length !== events.length) ids = [];
    }
  } catch {
    ids = [];
  }
  return ids.length ? { delivery: await idsKey("events", ids) } : bodyKey(req.body);
}

export const webhookSecrets: WebhookSecrets = { headers: [SIGNATURE_HEADER], query: [] };
