import type { Connector, ConnectorContext, Credentials, CredentialCheck } from "../src/connector.ts";
import { LINE_API_BASE_URL, lineCapabilities, lineCredentialsSchema } from "./config.ts";
import { downloadMedia } from "./media.ts";
import { fetchProfile } from "./profile.ts";
import { parse } from "./parse.ts";
import { apiBase, send } from "./send.ts";
import { acknowledge, deliveryKeys, handshake, verify, webhookSecrets } from "./verify.ts";

/**
 * LINE Messaging API: webhooks signed with the channel secret, replies by push with a retry
 * key, media fetched from LINE's content API. See README.md for what it can send and receive.
 */
export const lineConnector: Connector = {
  channel: "line",
  // LINE redelivers only when the admin opted in: a refused event may be lost, so it is always stored.
  redeliversRefusedWebhooks: false,
  capabilities: lineCapabilities,
  credentialsSchema: lineCredentialsSchema,
  defaultApiBaseUrl: LINE_API_BASE_URL,
  // Each push carries X-Line-Retry-Key from our message id; LINE keeps a key for 24 hours.
  repeatSend: { kind: "deduplicated", withinMs: 24 * 3600_000 },
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

/**
 * The bot info endpoint answers only for a valid channel access token and names the account.
 * (The channel secret cannot be checked by an API call: a wrong one shows as refused webhooks.)
 * https://developers.line.biz/en/reference/messaging-api/#get-bot-info
 */
async function validateCredentials(credentials: Credentials, ctx: ConnectorContext): Promise<CredentialCheck> {
  const parsed = lineCredentialsSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "Both the channel access token and the channel secret are required." };
  let res: Response;
  try {
    res = await ctx.fetch(`${apiBase(ctx)}/v2/bot/info`, { headers: { authorization: `Bearer ${parsed.data.channelAccessToken}` } });
  } catch (err) {
    return { ok: false, reason: `Could not reach LINE (${err instanceof Error ? err.message : String(err)}).` };
  }
  if (res.status === 401) return { ok: false, reason: "LINE refused the channel access token. Issue a new one in the LINE Developers Console (Messaging API tab)." };
  if (!res.ok) return { ok: false, reason: `LINE could not check the credentials (HTTP ${res.status}).` };
  const info = (await res.json().catch(() => ({}))) as { displayName?: string; basicId?: string };
  const accountName = info.displayName ?? info.basicId;
  return accountName ? { ok: true, accountName } : { ok: true };
}
