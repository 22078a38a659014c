import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "@libsql/client";
import { CommandsResponseSchema, type Conversation, type Message } from "@inbox/shared";
import { startChild, type Child } from "../testing/child-process.ts";
import { connectFakeWhatsapp, startFakeWhatsapp, whatsappText, type FakeWhatsappInbox } from "../testing/fake-whatsapp-inbox.ts";
import { connectFakeTelegram, startFakeTelegram, type FakeTelegramInbox } from "../testing/fake-telegram-inbox.ts";
import { freePort } from "../testing/sqld.ts";
import { waitFor } from "../testing/test-server.ts";

// kill -9 under load. A real server process takes a stream of signed WhatsApp webhooks and an
// agent's replies while it is killed (SIGKILL) and restarted a few times on the same database.
// The WhatsApp fake runs here, outside the killed process, and behaves like WhatsApp: it answers
// sends a little later, keeps a send it accepted even if the caller died meanwhile, has no
// idempotency key, and sends receipts (echoing our id) until they are acknowledged. The
// "platform" redelivers every webhook that was not answered 200; the agent's device replays
// every reply that was not acknowledged, with the same client id.
// Telegram customers get replies too: Telegram has neither an idempotency key nor receipts.
// Afterwards: every acknowledged webhook's message is shown exactly once, in the order the
// customer sent it; no reply reached a platform twice; a reply WhatsApp got shows as delivered,
// one it never got as "may not have been sent"; a Telegram reply is sent (once) or marked so.

const CUSTOMERS = 30;
const TELEGRAM_CUSTOMERS = 5;
const WEBHOOKS = 1050;
const REPLIES = 75;
const KILLS = 3;
const PASSWORD = "crash-load-pw";

interface Info {
  url: string;
  dir: string;
  teamId: string;
}

const children: Child<Info>[] = [];
let whatsapp: FakeWhatsappInbox | undefined;
let telegram: FakeTelegramInbox | undefined;
let db: Client | undefined;
afterAll(async () => {
  for (const c of children) await c.kill();
  await whatsapp?.fake.stop();
  await telegram?.fake.stop();
  db?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("kill -9 under load", () => {
  it("loses no acknowledged webhook, shows each once and in order, and sends no reply twice", { timeout: 120_000 }, async () => {
    const port = await freePort();
    // The platforms live in this process (they outlive the killed server); the server is told
    // where they are by its operator configuration, as a real deployment would be.
    const [waFake, tgFake] = await Promise.all([startFakeWhatsapp(), startFakeTelegram()]);
    const platformApiUrls = `whatsapp=${waFake.fake.baseUrl},telegram=${tgFake.fake.baseUrl}`;
    const start = async (dir?: string) => {
      const child = await startChild<Info>(new URL("../testing/server-process.ts", import.meta.url), {
        SEED_PASSWORD: PASSWORD,
        PORT: String(port),
        PLATFORM_API_URLS: platformApiUrls,
        ...(dir ? { INBOX_DIR: dir } : {}),
      });
      children.push(child);
      return child;
    };
    let server = await start();
    const { url, dir, teamId } = server.info;
    db = createClient({ url: `file:${join(dir, "inbox.db")}` });
    const login = async (email: string) => {
      const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
      return ((await res.json()) as { token: string }).token;
    };
    const admin = await login("admin@demo.inbox");
    const wa = (whatsapp = await connectFakeWhatsapp(url, admin, teamId, waFake));
    const tg = (telegram = await connectFakeTelegram(url, admin, teamId, tgFake));
    tg.fake.respondWith(async (req) => {
      await sleep(10);
      return tg.fake.normal(req);
    });
    wa.fake.deliverStatusesTo(`${url}/webhooks/whatsapp/${wa.inboxId}`);
    // WhatsApp takes a moment to answer a send, and keeps what it accepted even if the caller dies.
    wa.fake.respondWith(async (req) => {
      await sleep(10);
      return wa.fake.normal(req);
    });
    const agent = await login("ana@demo.inbox");

    const phone = (c: number) => `55119${String(c).padStart(8, "0")}`;
    const nameOf = (c: number) => `Load ${String(c).padStart(2, "0")}`;
    // Webhook i is customer i % CUSTOMERS's message number floor(i / CUSTOMERS).
    const payload = (i: number) =>
      whatsappText({ from: phone(i % CUSTOMERS), name: nameOf(i % CUSTOMERS), id: `wamid.load.${i}`, text: `m ${Math.floor(i / CUSTOMERS)} from ${i % CUSTOMERS}` });
    const acknowledged = new Set<number>();
    /** As the platform does: deliver until answered 200 (a crash may have stored it already). */
    const deliverUntilAcknowledged = async (i: number) => {
      while ((await wa.deliver(url, payload(i))) !== 200) await sleep(20);
      acknowledged.add(i);
    };

    // Every customer has written once: their conversations exist for the agent to answer.
    await Promise.all(Array.from({ length: CUSTOMERS }, (_, c) => deliverUntilAcknowledged(c)));
    for (let t = 0; t < TELEGRAM_CUSTOMERS; t++) {
      while ((await tg.deliver(url, { from: 880000 + t, name: `Gram ${t}`, messageId: 500 + t, text: "hi from Telegram" })) !== 200) await sleep(20);
    }
    const [conversations, telegramConversations] = await waitFor("the customers' conversations", async () => {
      const res = await fetch(`${url}/api/conversations`, { headers: { authorization: `Bearer ${agent}` } });
      const list = ((await res.json()) as { conversations: Conversation[] }).conversations;
      const [ours, grams] = [list.filter((c) => c.inboxId === wa.inboxId), list.filter((c) => c.inboxId === tg.inboxId)];
      return ours.length === CUSTOMERS && grams.length === TELEGRAM_CUSTOMERS && ([ours, grams] as const);
    }, 30_000);
    // The load: each customer's messages in order (one lane per customer, as a phone sends),
    // the agent's replies beside them, and kills at a quarter, half and three quarters.
    let next = CUSTOMERS;
    const lanes = Array.from({ length: CUSTOMERS }, (_, c) =>
      (async () => {
        for (let i = c + CUSTOMERS; i < WEBHOOKS; i += CUSTOMERS) {
          await deliverUntilAcknowledged(i);
          next++;
        }
      })(),
    );
    const replyIds = Array.from({ length: REPLIES }, (_, r) => `load-reply-${String(r).padStart(4, "0")}`);
    const replyText = (r: number) => `reply ${r}`;
    const repliesDone = (async () => {
      for (let r = 0; r < REPLIES; r++) {
        // Every third reply goes to a Telegram customer.
        const conversationId = r % 3 === 2 ? telegramConversations[r % TELEGRAM_CUSTOMERS]!.id : conversations[r % CUSTOMERS]!.id;
        const command = { type: "reply", clientId: replyIds[r]!, conversationId, text: replyText(r) };
        // The device's outbox: the same command until the server acknowledges it.
        for (;;) {
          const res = await fetch(`${url}/api/commands`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${agent}` },
            body: JSON.stringify({ commands: [command] }),
          }).catch(() => null);
          if (res?.ok && CommandsResponseSchema.parse(await res.json()).results[0]?.ok) break;
          await sleep(20);
        }
        await sleep(5);
      }
    })();
    for (let k = 1; k <= KILLS; k++) {
      await waitFor(`load before kill ${k}`, () => next >= (WEBHOOKS * k) / (KILLS + 1), 60_000);
      await server.kill();
      server = await start(dir);
    }
    await Promise.all(lanes);
    await repliesDone;

    // Quiet: every webhook processed, nothing left to send, every receipt acknowledged.
    await waitFor("everything processed and sent", async () => {
      await wa.fake.statusesDelivered();
      const pending = await db!.execute("select (select count(*) from webhook_events where state = 'pending') + (select count(*) from outbox where state in ('pending', 'sending')) as n");
      return Number(pending.rows[0]!.n) === 0;
    }, 60_000);
    // Every acknowledged webhook's message, exactly once, in the order the customer sent it.
    expect(acknowledged.size).toBe(WEBHOOKS);
    const failed = await db.execute("select count(*) as n from webhook_events where state <> 'done'");
    expect(Number(failed.rows[0]!.n)).toBe(0);
    const outbound: Message[] = [];
    for (const [c, conv] of [...conversations].sort((a, b) => a.contactName.localeCompare(b.contactName)).entries()) {
      const res = await fetch(`${url}/api/conversations/${conv.id}`, { headers: { authorization: `Bearer ${agent}` } });
      const { messages } = (await res.json()) as { messages: Message[] };
      const texts = messages.filter((m) => m.direction === "inbound").map((m) => (m.content.kind === "text" ? m.content.text : m.content.kind));
      expect(texts).toEqual(Array.from({ length: WEBHOOKS / CUSTOMERS }, (_, n) => `m ${n} from ${c}`));
      outbound.push(...messages.filter((m) => m.direction === "outbound"));
    }

    // No reply reached WhatsApp twice; each shows what became of it.
    const accepted = new Map<string, number>();
    for (const req of wa.fake.requests) {
      if (req.method !== "POST" || !req.path.endsWith("/messages")) continue;
      const id = (req.json() as { biz_opaque_callback_data?: string }).biz_opaque_callback_data;
      if (id) accepted.set(id, (accepted.get(id) ?? 0) + 1);
    }
    expect([...accepted.values()].filter((n) => n > 1)).toEqual([]);
    for (const m of outbound) {
      // Reached WhatsApp: its receipts say delivered (also for a send whose answer was lost).
      // Never reached it: marked, not sent silently.
      expect({ reply: m.clientId, status: m.status }).toEqual({ reply: m.clientId, status: accepted.has(m.id) ? "delivered" : "unconfirmed" });
    }
    const telegramSent = new Map<string, number>();
    for (const req of tg.fake.requests) {
      if (!req.path.endsWith("/sendMessage")) continue;
      const text = String((req.json() as { text?: unknown }).text);
      telegramSent.set(text, (telegramSent.get(text) ?? 0) + 1);
    }
    expect([...telegramSent.entries()].filter(([, n]) => n > 1)).toEqual([]);
    for (const conv of telegramConversations) {
      const res = await fetch(`${url}/api/conversations/${conv.id}`, { headers: { authorization: `Bearer ${agent}` } });
      for (const m of ((await res.json()) as { messages: Message[] }).messages.filter((x) => x.direction === "outbound")) {
        outbound.push(m);
        const text = m.content.kind === "text" ? m.content.text : "";
        // Sent: Telegram got it, once. Otherwise (no key, no receipt): marked as maybe not sent.
        if (m.status !== "unconfirmed") expect({ reply: text, status: m.status, times: telegramSent.get(text) }).toEqual({ reply: text, status: "sent", times: 1 });
      }
    }
    expect(outbound.map((m) => m.clientId).sort()).toEqual(replyIds);
    console.log(
      `kill -9 under load: ${WEBHOOKS} webhooks, ${REPLIES} replies, ${KILLS} kills; ` +
        `${outbound.filter((m) => m.status === "unconfirmed").length} replies marked as maybe not sent, ` +
        `${(await db.execute("select count(*) as n from events where type = 'message.unconfirmed'")).rows[0]!.n} unconfirmed events`,
    );
  });
});

