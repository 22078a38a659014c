import { FakePlatform } from "@inbox/connectors/testing";
import { buildWebhook, telegramHandler, textMessage } from "@inbox/connectors/telegram/fake.ts";
import { connectInbox, deliverWebhook } from "./connect-inbox.ts";

// Like fake-whatsapp-inbox.ts, for Telegram: a Bot API fake on loopback in the caller's process
// (started first: the server reaches it through PLATFORM_API_URLS), an inbox connected to it
// through the admin API, and updates as Telegram delivers them.

export interface FakeTelegramInbox {
  inboxId: string;
  fake: FakePlatform;
  /** POSTs a customer's text as a Telegram update; resolves with the HTTP status (0: unreachable). */
  deliver(serverUrl: string, o: { from: number; name: string; messageId: number; text: string }): Promise<number>;
}

export interface StartedFakeTelegram {
  fake: FakePlatform;
  credentials: { botToken: string; secretToken: string };
}

/** Starts the fake; give the server `telegram=<fake.baseUrl>` in PLATFORM_API_URLS. */
export async function startFakeTelegram(): Promise<StartedFakeTelegram> {
  const credentials = { botToken: "7000000001:AAfake-telegram-token", secretToken: `secret-${crypto.randomUUID()}` };
  return { fake: await new FakePlatform(telegramHandler({ botToken: credentials.botToken })).start(), credentials };
}

export async function connectFakeTelegram(
  serverUrl: string,
  adminToken: string,
  teamId: string,
  { fake, credentials }: StartedFakeTelegram,
  name = "Telegram (fake)",
): Promise<FakeTelegramInbox> {
  const inboxId = await connectInbox(serverUrl, adminToken, { name, channel: "telegram", teamId, credentials });
  return {
    inboxId,
    fake,
    async deliver(url, o) {
      const update = textMessage({ from: o.from, name: o.name, id: o.messageId, updateId: o.messageId, date: Math.floor(Date.now() / 1000), text: o.text });
      return deliverWebhook(`${url}/webhooks/telegram/${inboxId}`, buildWebhook(update, credentials));
    },
  };
}
