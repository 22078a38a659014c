import type { Connector } from "../src/connector.ts";
import { MESSENGER_API_BASE_URL, messengerCapabilities, messengerCredentialsSchema } from "./config.ts";
import { downloadMedia } from "./media.ts";
import { fetchProfile } from "./profile.ts";
import { parseWebhook } from "./parse.ts";
import { sendMessage, validateCredentials } from "./send.ts";
import { acknowledge, deliveryKeys, handshake, verifySignature, webhookSecrets } from "./verify.ts";

/** Facebook Messenger (a Facebook Page's inbox) through the Messenger Platform's webhooks and Send API. */
export const messengerConnector: Connector = {
  channel: "messenger",
  // Meta retries a refused delivery until it succeeds (its app is unsubscribed only after hours of failures).
  redeliversRefusedWebhooks: true,
  capabilities: messengerCapabilities,
  credentialsSchema: messengerCredentialsSchema,
  defaultApiBaseUrl: MESSENGER_API_BASE_URL,
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
