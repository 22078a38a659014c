import type { Credentials, DeliveryKeys, HandshakeResponse, WebhookRequest, WebhookSecrets } from "./connector.ts";
import { hmacSha256, timingSafeEqualText, toHex } from "./crypto.ts";
import { bodyKey } from "./delivery.ts";

// Meta's webhook rules, the same for every Graph webhook object (WhatsApp Business Account,
// Page/Messenger, Instagram): https://developers.facebook.com/docs/graph-api/webhooks/getting-started

/**
 * The subscription check: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` is answered
 * with the raw challenge when the token matches, 403 otherwise. Any other GET is not a handshake.
 */
export async function metaHandshake(req: WebhookRequest, credentials: Credentials): Promise<HandshakeResponse | null> {
  if (req.method.toUpperCase() !== "GET") return null;
  const params = req.url.searchParams;
  if (!params.has("hub.mode") && !params.has("hub.verify_token") && !params.has("hub.challenge")) return null;
  const mode = params.get("hub.mode");
  const challenge = params.get("hub.challenge");
  const token = params.get("hub.verify_token") ?? "";
  const expected = credentials.verifyToken ?? "";
  if (mode === "subscribe" && challenge !== null && expected !== "" && timingSafeEqualText(token, expected)) {
    return { status: 200, body: challenge, contentType: "text/plain" };
  }
  return { status: 403, body: "Verify token does not match this inbox.", contentType: "text/plain" };
}

const SIGNATURE_PREFIX = "sha256=";

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. Meta signs the bytes it
 * sends (non-ASCII escaped as \uXXXX), so only the raw body verifies, never re-serialised JSON.
 * The legacy SHA-1 `X-Hub-Signature` header is ignored.
 */
export async function metaVerifySignature(req: WebhookRequest, credentials: Credentials): Promise<boolean> {
  const header = req.headers.get("x-hub-signature-256");
  const secret = credentials.appSecret;
  if (!header || !secret || !header.toLowerCase().startsWith(SIGNATURE_PREFIX)) return false;
  const received = header.slice(SIGNATURE_PREFIX.length).trim().toLowerCase();
  const expected = toHex(await hmacSha256(secret, req.body));
  return timingSafeEqualText(received, expected);
}

/** Meta only needs a quick 200; its own samples answer with this body. */
export function metaAcknowledge(): HandshakeResponse {
  return { status: 200, body: "EVENT_RECEIVED", contentType: "text/plain" };
}

/**
 * Meta retries a delivery with the same bytes (and batches updates differently per delivery),
 * so an identical redelivery is recognised by its body's hash.
 */
export function metaDeliveryKeys(req: WebhookRequest): Promise<DeliveryKeys> {
  return bodyKey(req.body);
}

/** The signature headers (and the subscription check's token, which is never stored anyway). */
export const metaWebhookSecrets: WebhookSecrets = {
  headers: ["x-hub-signature-256", "x-hub-signature"],
  query: ["hub.verify_token", "hub.challenge"],
};
