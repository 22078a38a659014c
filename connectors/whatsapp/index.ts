import type { Connector } from "../src/connector.ts";
import { WHATSAPP_API_BASE_URL, whatsappCapabilities, whatsappCredentialsSchema } from "./config.ts";
import { downloadMedia } from "./media.ts";
import { parse } from "./parse.ts";
import { send, validateCredentials } from "./send.ts";
import { whatsappTemplates } from "./templates.ts";
import { acknowledge, deliveryKeys, handshake, verifySignature, webhookSecrets } from "./verify.ts";

/** WhatsApp Business Cloud API (Meta Graph). See README.md for what it sends and receives. */
export const whatsappConnector: Connector = {
  channel: "whatsapp",
  // Meta retries a refused delivery for up to 7 days.
  redeliversRefusedWebhooks: true,
  capabilities: whatsappCapabilities,
  credentialsSchema: whatsappCredentialsSchema,
  defaultApiBaseUrl: WHATSAPP_API_BASE_URL,
  // No idempotency key, but every send's biz_opaque_callback_data (our id) comes back in receipts.
  repeatSend: { kind: "echoed" },
  handshake,
  verify: verifySignature,
  deliveryKeys,
  webhookSecrets,
  acknowledge,
  parse,
  send,
  downloadMedia,
  validateCredentials,
  templates: whatsappTemplates,
};
