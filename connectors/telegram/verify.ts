import { sha256Hex, timingSafeEqualText, utf8 } from "../src/crypto.ts";
import type { Credentials, DeliveryKeys, HandshakeResponse, WebhookRequest, WebhookSecrets } from "../src/connector.ts";
import { bodyKey } from "../src/delivery.ts";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Telegram has no GET handshake: the webhook is registered by calling `setWebhook`. */
export async function handshake(): Promise<HandshakeResponse | null> {
  return null;
}

/**
 * Telegram signs nothing: every update carries the `secret_token` given to `setWebhook` in
 * `X-Telegram-Bot-Api-Secret-Token`. Compared as SHA-256 digests so neither the content nor the
 * length of the secret leaks through timing. The body is not covered by the secret (HTTPS
 * protects it), so beyond the header we only insist that it is an Update object.
 * https://core.telegram.org/bots/api#setwebhook
 */
export async function verify(req: WebhookRequest, credentials: Credentials): Promise<boolean> {
  const expected = credentials.secretToken;
  const received = req.headers.get(SECRET_HEADER);
  if (req.method !== "POST" || !expected || received === null) return false;
  const same = timingSafeEqualText(await sha256Hex(utf8(received)), await sha256Hex(utf8(expected)));
  return same && isUpdate(req.body);
}

function isUpdate(body: Uint8Array): boolean {
  return updateIdOf(body) !== null;
}

function updateIdOf(body: Uint8Array): number | null {
  try {
    const update: unknown = JSON.parse(new TextDecoder().decode(body));
    const id = typeof update === "object" && update !== null ? (update as { update_id?: unknown }).update_id : undefined;
    return typeof id === "number" && Number.isSafeInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/** Telegram redelivers an update with its `update_id` until it gets a 2xx. */
export async function deliveryKeys(req: WebhookRequest): Promise<DeliveryKeys> {
  const id = updateIdOf(req.body);
  return id === null ? bodyKey(req.body) : { delivery: `update:${id}` };
}

export const webhookSecrets: WebhookSecrets = { headers: [SECRET_HEADER], query: [] };

/**
 * Any 2xx ends Telegram's retries. A button press (callback_query) must be answered or the
 * customer's client keeps a spinner; the webhook reply may carry one Bot API call, so we answer it
 * right here (https://core.telegram.org/bots/api#making-requests-when-getting-updates).
 */
export function acknowledge(req: WebhookRequest): HandshakeResponse {
  const callbackQueryId = callbackQueryIdOf(req.body);
  if (callbackQueryId === null) return { status: 200, body: "" };
  return {
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({ method: "answerCallbackQuery", callback_query_id: callbackQueryId }),
  };
}

function callbackQueryIdOf(body: Uint8Array): string | null {
  try {
    const update = JSON.parse(new TextDecoder().decode(body)) as { callback_query?: { id?: unknown } } | null;
    const id = update?.callback_query?.id;
    return typeof id === "string" && id.length > 0 ? id : null;
  } catch {
    return null;
  }
}
