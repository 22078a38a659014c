import type { Connector } from "../src/connector.ts";
import { validateCredentials } from "./account.ts";
import { INSTAGRAM_API_BASE_URL, instagramCapabilities, instagramCredentialsSchema } from "./config.ts";
import { downloadMedia } from "./media.ts";
import { fetchProfile } from "./profile.ts";
import { parseWebhook } from "./parse.ts";
import { sendMessage } from "./send.ts";
import { acknowledge, deliveryKeys, handshake, verifySignature, webhookSecrets } from "./verify.ts";

/** Instagram Direct messages through Meta's Messenger API for Instagram (see README.md). */
export const instagramConnector: Connector = {
  channel: "instagram",
  // Meta retries a refused delivery, as for Messenger.
  redeliversRefusedWebhooks: true,
  capabilities: instagramCapabilities,
  credentialsSchema: instagramCredentialsSchema,
  defaultApiBaseUrl: INSTAGRAM_API_BASE_URL,
  handshake,
  verify: verifySignature,
  deliveryKeys,
  webhookSecrets,
  acknowledge,
  parse: parseWebhook,
  send: sendMessage,
  downloadMedia,
  validateCredentials,
  fetchProfile,
};
