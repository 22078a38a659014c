import type { Connector, ConnectorContext, CredentialCheck, Credentials } from "../src/connector.ts";
import { callApi, redact, type TgUser } from "./api.ts";
import { DEFAULT_API_BASE_URL, capabilities, credentialsSchema } from "./config.ts";
import { downloadMedia } from "./media.ts";
import { parse } from "./parse.ts";
import { send } from "./send.ts";
import { acknowledge, deliveryKeys, handshake, verify, webhookSecrets } from "./verify.ts";
import { registerWebhook, unregisterWebhook, webhookStatus } from "./webhook.ts";

/**
 * Telegram Bot API (https://core.telegram.org/bots/api). The webhook is registered with
 * `setWebhook` when the channel is connected or enabled (webhook.ts), updates authenticate with the secret-token header, and the bot
 * token in the URL path authenticates every call.
 */
export const telegramConnector: Connector = {
  channel: "telegram",
  // Telegram retries a refused update and keeps it up to 24 h.
  redeliversRefusedWebhooks: true,
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
  registerWebhook,
  unregisterWebhook,
  webhookStatus,
};

/** `getMe` succeeds only for a live token; the bot's @username names the account. */
async function validateCredentials(credentials: Credentials, ctx: ConnectorContext): Promise<CredentialCheck> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  try {
    const { status, reply } = await callApi<TgUser>("getMe", {}, parsed.data, ctx);
    if (reply?.ok) return { ok: true, accountName: reply.result.username ? `@${reply.result.username}` : (reply.result.first_name ?? String(reply.result.id)) };
    if (status === 401 || status === 404) return { ok: false, reason: "Telegram refused this bot token. Copy the current token from @BotFather." };
    return { ok: false, reason: `Telegram could not check the bot token (${reply && !reply.ok ? reply.description : `HTTP ${status}`}).` };
  } catch (err) {
    return { ok: false, reason: `Telegram could not be reached: ${redact(String(err), credentials)}` };
  }
}
