import type { WebhookRequest, WebhookSecrets } from "@inbox/connectors";

/** Credentials any client may send, whatever the platform: never stored either. */
const ALWAYS_DROPPED = ["authorization", "proxy-authorization", "cookie"];

/**
 * A verified webhook as it may be stored: without the headers and query parameters that
 * authenticate it (the connector names them), so the stored rows hold no secret and no
 * reusable signature. Processing reads only what stays (body, content type, WeChat's
 * `encrypt_type`).
 */
export function withoutSecrets(req: WebhookRequest, secrets: WebhookSecrets): WebhookRequest {
  const headers = new Headers(req.headers);
  for (const name of [...ALWAYS_DROPPED, ...secrets.headers]) headers.delete(name);
  const url = new URL(req.url);
  for (const name of secrets.query) url.searchParams.delete(name);
  return { ...req, headers, url };
}
