import type { WebhookRequest } from "@inbox/connectors";

/** The largest webhook body stored (platforms send far less). */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** A delivery as connectors read it: method, URL, headers and the raw body bytes (signatures are over those). */
export function asWebhookRequest(raw: Request, body: Uint8Array): WebhookRequest {
  return { method: raw.method, url: new URL(raw.url), headers: raw.headers, body };
}
