import type { Connector } from "../src/connector.ts";
import { capabilities, credentialsSchema, DEFAULT_API_BASE_URL } from "./config.ts";
import { downloadMedia } from "./media.ts";
import { fetchProfile } from "./profile.ts";
import { parse } from "./parse.ts";
import { send } from "./send.ts";
import { validateCredentials } from "./validate.ts";
import { acknowledge, deliveryKeys, handshake, verify, webhookSecrets } from "./verify.ts";

/**
 * WeChat Official Account (公众号): webhook pushes in XML (plaintext, compatible or safe mode),
 * replies through the customer-service (客服) message API within 48 h. See README.md.
 */
export const wechatConnector: Connector = {
  channel: "wechat",
  // WeChat tries 3 times within about 15 s: a refused push would be lost, so it is always stored.
  redeliversRefusedWebhooks: false,
  capabilities,
  credentialsSchema,
  defaultApiBaseUrl: DEFAULT_API_BASE_URL,
  handshake,
  verify,
  deliveryKeys,
  webhookSecrets,
  acknowledge,
  parse,
  send,
  downloadMedia,
  validateCredentials,
  fetchProfile,
};
