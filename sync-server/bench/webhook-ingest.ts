import type { Client } from "@libsql/client";
import type { FakeTelegramInbox } from "../src/testing/fake-telegram-inbox.ts";
import { whatsappText, type FakeWhatsappInbox } from "../src/testing/fake-whatsapp-inbox.ts";

// Issue 17: signed platform webhooks are the main way messages arrive. A flood of them, as the
// platform delivers (many in flight at once, each signed, each answered only once stored), is
// timed from the first send until every message is in the record (message, event and the
// conversation's update commit together, so the message row is the sign).

export interface WebhookIngest {
  /** Messages per second, from the first send until the last is processed. */
  rate: number;
  /** Each delivery's time to its 200 (stored), in ms. */
  acks: number[];
}

/** How one platform's delivery is sent: the i-th message of customer c. */
export type Deliver = (serverUrl: string, c: number, i: number, run: string) => Promise<number>;

export function whatsappDeliver(inbox: FakeWhatsappInbox): Deliver {
  return (url, c, i, run) =>
    inbox.deliver(url, whatsappText({ from: `55119${String(c).padStart(8, "0")}`, name: `Customer ${c}`, id: `wamid.${run}.${i}`, text: `Message ${i}: where is my order?` }));
}

export function telegramDeliver(inbox: FakeTelegramInbox): Deliver {
  // Telegram's message ids are numbers; a run's ids stay apart from another run's.
  return (url, c, i, run) => inbox.deliver(url, { from: 700_000_000 + c, name: `Customer ${c}`, messageId: Number.parseInt(run, 36) * 100_000 + i, text: `Message ${i}: where is my order?` });
}

/**
 * `total` messages from `customers` customers, `senders` deliveries in flight at a time (each
 * sender waits for its delivery's answer, as a platform's delivery worker does).
 */
export async function ingestThroughWebhooks(
  o: { url: string; db: Client; inboxId: string; deliver: Deliver },
  total: number,
  senders: number,
  customers: number,
): Promise<WebhookIngest> {
  const run = Math.floor(Math.random() * 30_000 + 1).toString(36);
  const count = async () => Number((await o.db.execute({ sql: "select count(*) as n from messages where inbox_id = ?", args: [o.inboxId] })).rows[0]!.n);
  const before = await count();
  const acks: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < total) {
        const i = next++;
        const sent = performance.now();
        const status = await o.deliver(o.url, i % customers, i, run);
        acks.push(performance.now() - sent);
        if (status !== 200) throw new Error(`webhook ${i} answered ${status}`);
      }
    }),
  );
  while ((await count()) - before < total) await new Promise((r) => setTimeout(r, 10));
  return { rate: total / ((performance.now() - started) / 1000), acks };
}
