import type { Credentials, HandshakeResponse, WebhookRequest } from "../src/connector.ts";
import { hmacSha256, timingSafeEqualText, toHex } from "../src/crypto.ts";

/**
 * Meta's subscription check: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`,
 * answered with the raw challenge when the token matches, 403 otherwise.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests
 */
export async function handshake(req: WebhookRequest, credentials: Credentials): Promise<HandshakeResponse | null> {
  if (req.method.toUpperCase() !== "GET") return null;
  const params = req.url.searchParams;
  if (!params.has("hub.mode") && !params.has("hub.verify_token") && !params.has("hub.challenge")) return null;

  const mode = params.get("hub.mode");
  const token = params.get("hub.verify_token") ?? "";
  const challenge = params.get("hub.challenge");
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
 */
export async function verifySignature(req: WebhookRequest, credentials: Credentials): Promise<boolean> {
  const header = req.headers.get("x-hub-signature-256");
  const secret = credentials.appSecret;
  if (!header || !secret || !header.toLowerCase().startsWith(SIGNATURE_PREFIX)) return false;
  const received = header.slice(SIGNATURE_PREFIX.length).trim().toLowerCase();
  const expected = toHex(await hmacSha256(secret, req.body));
  return timingSafeEqualText(received, expected);
}

/** Meta only needs a fast 200; the body is ignored. */
export function acknowledge(): HandshakeResponse {
  return { status: 200, body: "EVENT_RECEIVED", contentType: "text/plain" };
}
