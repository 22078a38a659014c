import { FakePlatform } from "@inbox/connectors/testing";
import { buildWebhook, telegramHandler, textMessage } from "@inbox/connectors/telegram/fake.ts";

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
  const res = await fetch(`${serverUrl}/api/admin/inboxes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ name, channel: "telegram", teamId, credentials }),
  });
  if (!res.ok) throw new Error(`connecting the fake Telegram inbox failed: ${res.status} ${await res.text()}`);
  const inboxId = ((await res.json()) as { inbox: { id: string } }).inbox.id;
  return {
    inboxId,
    fake,
    async deliver(url, o) {
      const { headers, body } = buildWebhook(textMessage({ from: o.from, name: o.name, id: o.messageId, updateId: o.messageId, date: Math.floor(Date.now() / 1000), text: o.text }), credentials);
      try {
        return (await fetch(`${url}/webhooks/telegram/${inboxId}`, { method: "POST", headers, body })).status;
      } catch {
        return 0;
      }
    },
  };
}
