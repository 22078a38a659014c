import type { ConnectorContext, Credentials, WebhookChange, WebhookStatusCheck } from "../src/connector.ts";
import { callApi, redact } from "./api.ts";

/**
 * Telegram has no console field for the webhook: the bot points itself at our URL with
 * `setWebhook`, passing the secret token `verify` checks, and stops with `deleteWebhook`.
 * https://core.telegram.org/bots/api#setwebhook
 */

/** What `parse` understands; `my_chat_member` is only delivered when listed (blocks). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** Telegram delivers webhooks over HTTPS on these ports only. */
const WEBHOOK_PORTS = new Set(["443", "80", "88", "8443"]);

export async function registerWebhook(url: string, credentials: Credentials, ctx: ConnectorContext): Promise<WebhookChange> {
  const target = new URL(url);
  const port = target.port || "443";
  if (target.protocol !== "https:" || !WEBHOOK_PORTS.has(port)) {
    return { ok: false, reason: `Telegram only delivers to https addresses on port 443, 80, 88 or 8443, not ${target.origin}.` };
  }
  return change("setWebhook", { url, secret_token: credentials.secretToken ?? "", allowed_updates: ALLOWED_UPDATES }, credentials, ctx);
}

/** Pending updates are kept (Telegram holds them up to 24 h) so re-enabling delivers them. */
export function unregisterWebhook(credentials: Credentials, ctx: ConnectorContext): Promise<WebhookChange> {
  return change("deleteWebhook", { drop_pending_updates: false }, credentials, ctx);
}

interface TgWebhookInfo {
  url?: string;
  pending_update_count?: number;
  last_error_date?: number;
  last_error_message?: string;
}

export async function webhookStatus(credentials: Credentials, ctx: ConnectorContext): Promise<WebhookStatusCheck> {
  try {
    const { status, reply } = await callApi<TgWebhookInfo>("getWebhookInfo", {}, credentials, ctx);
    if (!reply?.ok) return { ok: false, reason: refusal(status, reply ? reply.description : null) };
    const info = reply.result;
    return {
      ok: true,
      status: {
        url: info.url ? info.url : null,
        pendingUpdates: info.pending_update_count ?? 0,
        lastError: info.last_error_message ?? null,
        // Telegram gives Unix seconds.
        lastErrorAt: info.last_error_date ? info.last_error_date * 1000 : null,
      },
    };
  } catch (err) {
    return { ok: false, reason: `Telegram could not be reached: ${redact(String(err), credentials)}` };
  }
}

async function change(method: string, body: Record<string, unknown>, credentials: Credentials, ctx: ConnectorContext): Promise<WebhookChange> {
  try {
    const { status, reply } = await callApi<boolean>(method, body, credentials, ctx);
    if (reply?.ok) return { ok: true };
    return { ok: false, reason: refusal(status, reply ? reply.description : null) };
  } catch (err) {
    return { ok: false, reason: `Telegram could not be reached: ${redact(String(err), credentials)}` };
  }
}

function refusal(status: number, description: string | null): string {
  if (status === 401 || status === 404) return "Telegram refused the bot token. An admin must reconnect the channel with the current token from @BotFather.";
  return `Telegram refused: ${description ?? `HTTP ${status}`}.`;
}
