import { Agent, request } from "node:http";
import type { Client } from "@libsql/client";
import { buildWebhook as whatsappWebhook } from "@inbox/connectors/whatsapp/fake.ts";
import { buildWebhook as telegramWebhook, textMessage as telegramText } from "@inbox/connectors/telegram/fake.ts";
import type { StartedFakeTelegram } from "../src/testing/fake-telegram-inbox.ts";
import { whatsappText, type StartedFakeWhatsapp } from "../src/testing/fake-whatsapp-inbox.ts";

// Issue 17: signed platform webhooks are the main way messages arrive. A flood of them, as the
// platform delivers (many in flight at once, each signed, each answered only once stored), is
// timed from the first send until every message is in the record (message, event and the
// conversation's update commit together, so the message row is the sign). The deliveries are
// built and signed before the clock starts, and sent over kept-alive connections, as a
// platform's delivery workers do: the figure is the server's, not the load generator's.

export interface WebhookIngest {
  /** Messages per second, from the first send until the last is processed. */
  rate: number;
  /** Each delivery's time to its 200 (stored), in ms. */
  acks: number[];
}

/** One signed delivery, ready to send. */
export interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A run's customer texts as Meta delivers them: `total` messages from `customers` senders (numbered from `first`). */
export function whatsappDeliveries(inboxId: string, { credentials }: StartedFakeWhatsapp, total: number, customers: number, first = 0): Delivery[] {
  const run = crypto.randomUUID().slice(0, 8);
  return Array.from({ length: total }, (_, i) => {
    const c = first + (i % customers);
    const payload = whatsappText({ from: `55119${String(c).padStart(8, "0")}`, name: `Customer ${c}`, id: `wamid.${run}.${i}`, text: `Message ${i}: where is my order?` });
    return { path: `/webhooks/whatsapp/${inboxId}`, ...whatsappWebhook(payload, credentials) };
  });
}

/** The same as Telegram updates (message and update ids are numbers; a run's stay apart from another's). */
export function telegramDeliveries(inboxId: string, { credentials }: StartedFakeTelegram, total: number, customers: number, first = 0): Delivery[] {
  const base = Math.floor(Math.random() * 30_000 + 1) * 100_000;
  const date = Math.floor(Date.now() / 1000);
  return Array.from({ length: total }, (_, i) => {
    const c = first + (i % customers);
    const update = telegramText({ from: 700_000_000 + c, name: `Customer ${c}`, id: base + i, updateId: base + i, date, text: `Message ${i}: where is my order?` });
    return { path: `/webhooks/telegram/${inboxId}`, ...telegramWebhook(update, credentials) };
  });
}

/** Sends the deliveries, `senders` in flight at a time (each waits for its answer), and times them until all are processed. */
export async function ingestThroughWebhooks(o: { url: string; db: Client; inboxId: string }, deliveries: readonly Delivery[], senders: number): Promise<WebhookIngest> {
  const count = async () => Number((await o.db.execute({ sql: "select count(*) as n from messages where inbox_id = ?", args: [o.inboxId] })).rows[0]!.n);
  const before = await count();
  const { hostname, port } = new URL(o.url);
  const agent = new Agent({ keepAlive: true, maxSockets: senders });
  const acks: number[] = [];
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (next < deliveries.length) {
          const i = next++;
          const sent = performance.now();
          const status = await post(agent, hostname, Number(port), deliveries[i]!);
          acks.push(performance.now() - sent);
          if (status !== 200) throw new Error(`webhook ${i} answered ${status}`);
        }
      }),
    );
    while ((await count()) - before < deliveries.length) await new Promise((r) => setTimeout(r, 20));
  } finally {
    agent.destroy();
  }
  return { rate: deliveries.length / ((performance.now() - started) / 1000), acks };
}

function post(agent: Agent, hostname: string, port: number, d: Delivery): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, hostname, port, path: d.path, method: "POST", headers: { ...d.headers, "content-length": Buffer.byteLength(d.body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(d.body);
  });
}
