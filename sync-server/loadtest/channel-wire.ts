import * as instagram from "@inbox/connectors/instagram/fake.ts";
import * as line from "@inbox/connectors/line/fake.ts";
import * as messenger from "@inbox/connectors/messenger/fake.ts";
import * as telegram from "@inbox/connectors/telegram/fake.ts";
import * as wechat from "@inbox/connectors/wechat/fake.ts";
import * as whatsapp from "@inbox/connectors/whatsapp/fake.ts";
import type { PlatformChannel } from "./platforms.ts";

/** A signed webhook as the platform sends it; `query` goes on the URL (WeChat signs there). */
export interface Delivery {
  headers: Record<string, string>;
  body: string;
  query?: string;
}

/** A customer's id in the platform's own format, from their number in the run. */
export function customerExternalId(channel: PlatformChannel, n: number): string {
  switch (channel) {
    case "whatsapp":
      return `5511${String(900000000 + n)}`;
    case "messenger":
    case "instagram":
      return String(6000000000000000 + n);
    case "telegram":
      return String(700000000 + n);
    case "line":
      return `U${n.toString(16).padStart(32, "0")}`;
    case "wechat":
      return `oLoad${n.toString(36).padStart(23, "0")}`;
  }
}

/**
 * A customer's text message in the platform's wire format, signed with the inbox's credentials
 * (the connectors' fakes build them exactly as the platforms do). `seq` is unique in the run, so
 * every delivery key (Telegram's update_id, WeChat's MsgId, LINE's event id, Meta's body hash)
 * is new and nothing is taken for a redelivery.
 */
export function textDelivery(channel: PlatformChannel, creds: Record<string, string>, customer: { externalId: string; name: string }, seq: number, text: string): Delivery {
  const from = customer.externalId;
  switch (channel) {
    case "whatsapp":
      return whatsapp.buildWebhook(whatsapp.textMessage({ from, name: customer.name, id: `wamid.LOAD${seq}`, text, phoneNumberId: creds.phoneNumberId }), { appSecret: creds.appSecret ?? "" });
    case "messenger":
      return messenger.buildWebhook(messenger.textMessage({ from, id: `m_load${seq}`, pageId: creds.pageId, text }), creds);
    case "instagram":
      return instagram.buildWebhook(instagram.textMessage({ from, id: `aWdfload${seq}`, igAccountId: creds.igAccountId, text }), creds);
    case "telegram": {
      const n = seq + 1;
      return telegram.buildWebhook(telegram.textMessage({ from: Number(from), name: customer.name, id: n, updateId: n, date: Math.floor(Date.now() / 1000), text }), creds);
    }
    case "line":
      return line.buildWebhook(line.textMessage({ from, id: String(500000000000 + seq), webhookEventId: `01LOAD${String(seq).padStart(20, "0")}`, text }), creds);
    case "wechat":
      return wechat.buildWebhook(wechat.textMessage({ from, id: String(1000000000000000000n + BigInt(seq)), text }), creds, { mode: creds.encodingAesKey ? "safe" : "plain" });
  }
}
