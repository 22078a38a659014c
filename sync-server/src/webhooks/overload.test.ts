import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import * as line from "@inbox/connectors/line/fake.ts";
import * as telegram from "@inbox/connectors/telegram/fake.ts";
import * as wechat from "@inbox/connectors/wechat/fake.ts";
import * as whatsapp from "@inbox/connectors/whatsapp/fake.ts";
import { messages, webhookEvents } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { occupyBacklog, releaseBacklog } from "../testing/occupied-backlog.ts";

// Overload (issue 17): with a tiny admission limit, platforms that redeliver (Meta, Telegram)
// are answered 503 with Retry-After and nothing is stored; after they redeliver, every message is
// in the record exactly once and in each customer's order. WeChat and LINE, which may not retry,
// are never refused. The widget's POST gets the same 503 and its retry (same clientId) is stored once.

const LIMIT = 10;
const OPS_TOKEN = "operator-token-for-the-overload-test-0123456789";
let server: TestServer;
beforeAll(async () => {
  // Few widget sessions per address (a leave-a-message form makes one): a refusal must not spend them.
  server = await startTestServer({ admission: { webhookBacklog: LIMIT, retryAfterSeconds: 1 }, opsToken: OPS_TOKEN, widgetLimits: { sessionsPerAddress: { burst: 4, refillMs: 3_600_000 } } });
});
afterAll(() => server.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function inbox(channel: string) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { id: row.id, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

function post(channel: string, inboxId: string, hook: { headers: Record<string, string>; body: string; query?: string }) {
  return fetch(`${server.url}/webhooks/${channel}/${inboxId}${hook.query ? `?${hook.query}` : ""}`, { method: "POST", headers: hook.headers, body: hook.body });
}

async function stored(inboxId: string): Promise<number> {
  const [row] = await server.core.db.select({ n: sql<number>`count(*)` }).from(webhookEvents).where(eq(webhookEvents.inboxId, inboxId));
  return Number(row!.n);
}

describe("overload: admission control at the edge", () => {
  it("refuses Meta and Telegram with 503 and Retry-After, stores nothing, and keeps taking WeChat and LINE", async () => {
    const [wa, tg, wc, ln] = await Promise.all([inbox("whatsapp"), inbox("telegram"), inbox("wechat"), inbox("line")]);
    await occupyBacklog(server, wa.id, LIMIT + 1);
    const before = await Promise.all([wa, tg, wc, ln].map((i) => stored(i.id)));

    const refusedWa = await post("whatsapp", wa.id, whatsapp.buildWebhook(whatsapp.textMessage({ from: "5511900000001", name: "Busy", id: "wamid.busy.1", text: "busy?", phoneNumberId: wa.credentials.phoneNumberId }), { appSecret: wa.credentials.appSecret ?? "" }));
    const refusedTg = await post("telegram", tg.id, telegram.buildWebhook(telegram.textMessage({ from: 880001, id: 1, updateId: 771000001, text: "busy?" }), tg.credentials));
    for (const res of [refusedWa, refusedTg]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
    }
    // WeChat tries three times in 15 s and LINE may not redeliver at all: stored and acknowledged.
    const wcRes = await post("wechat", wc.id, wechat.buildWebhook(wechat.textMessage({ from: "oBusyCustomer1", id: "9200000000000000001", text: "still here" }), wc.credentials, { mode: "safe" }));
    expect(wcRes.status).toBe(200);
    expect(await wcRes.text()).toBe("success");
    const lnRes = await post("line", ln.id, line.buildWebhook(line.textMessage({ from: `U${"b".repeat(32)}`, text: "still here" }), ln.credentials));
    expect(lnRes.status).toBe(200);

    expect(await Promise.all([wa, tg, wc, ln].map((i) => stored(i.id)))).toEqual([before[0], before[1], before[2]! + 1, before[3]! + 1]);
    const figures = server.core.admission.figures();
    expect(figures).toMatchObject({ overloaded: "webhook_backlog", limits: { webhookBacklog: LIMIT } });
    expect(figures.refusedWebhooks).toBeGreaterThanOrEqual(2);
    expect(figures.keptWhileOverloaded).toBeGreaterThanOrEqual(2);
    // Operators see the same on /healthz, still 200: the process is healthy, only behind.
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, overloaded: "webhook_backlog" });
    // The gauges and counts (every workspace's traffic) only with the operator's token.
    const operator = await fetch(`${server.url}/healthz`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } });
    expect(await operator.json()).toMatchObject({ ok: true, overloaded: "webhook_backlog", load: { overloaded: "webhook_backlog", refusedWebhooks: figures.refusedWebhooks } });
    await releaseBacklog(server);
  });

  it("under a flood, the platforms' redeliveries leave every message in the record once, in each customer's order", { timeout: 120_000 }, async () => {
    const [wa, tg, wc, ln] = await Promise.all([inbox("whatsapp"), inbox("telegram"), inbox("wechat"), inbox("line")]);
    const PER_CUSTOMER = 6;
    const statuses = { refused: 0, refusedWithoutRetryAfter: 0, wechatLineRefused: 0 };
    /** As Meta and Telegram do: deliver until answered 200 (they keep their own schedule, not Retry-After). */
    const deliverUntilTaken = async (send: () => Promise<Response>) => {
      for (;;) {
        const res = await send();
        if (res.status === 200) return;
        expect(res.status).toBe(503);
        statuses.refused++;
        if (!res.headers.get("retry-after")) statuses.refusedWithoutRetryAfter++;
        await sleep(20);
      }
    };
    /** WeChat and LINE: one try; a refusal would be a lost message. */
    const deliverOnce = async (send: () => Promise<Response>) => {
      if ((await send()).status !== 200) statuses.wechatLineRefused++;
    };
    const customer = (c: number) => ({
      kind: c % 10 < 6 ? "whatsapp" : c % 10 < 8 ? "telegram" : c % 10 === 8 ? "wechat" : "line",
      n: c,
    });
    const text = (c: number, m: number) => `flood ${c} message ${m}`;
    const send = (c: number, m: number): (() => Promise<Response>) => {
      const { kind } = customer(c);
      if (kind === "whatsapp")
        return () => post("whatsapp", wa.id, whatsapp.buildWebhook(whatsapp.textMessage({ from: `55118${String(c).padStart(8, "0")}`, name: `Flood ${c}`, id: `wamid.flood.${c}.${m}`, text: text(c, m), phoneNumberId: wa.credentials.phoneNumberId }), { appSecret: wa.credentials.appSecret ?? "" }));
      if (kind === "telegram")
        return () => post("telegram", tg.id, telegram.buildWebhook(telegram.textMessage({ from: 990000 + c, name: `Flood ${c}`, id: 100 * c + m, updateId: 772000000 + 100 * c + m, text: text(c, m) }), tg.credentials));
      if (kind === "wechat")
        return () => post("wechat", wc.id, wechat.buildWebhook(wechat.textMessage({ from: `oFlood${c}`, id: String(9300000000000000000n + BigInt(100 * c + m)), text: text(c, m) }), wc.credentials, { mode: "safe" }));
      return () => post("line", ln.id, line.buildWebhook(line.textMessage({ from: `U${String(c).padStart(32, "0")}`, text: text(c, m) }), ln.credentials));
    };

    const CUSTOMERS = 50;
    // Each customer writes in order (the next message after the last one was taken), all at once.
    await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, c) => {
        for (let m = 0; m < PER_CUSTOMER; m++) {
          const kind = customer(c).kind;
          await (kind === "wechat" || kind === "line" ? deliverOnce(send(c, m)) : deliverUntilTaken(send(c, m)));
        }
      }),
    );
    expect(statuses.wechatLineRefused).toBe(0);
    // Fifty customers at once against a limit of ten: the server pushed back.
    expect(statuses.refused).toBeGreaterThan(0);
    expect(statuses.refusedWithoutRetryAfter).toBe(0);

    const inboxIds = [wa.id, tg.id, wc.id, ln.id];
    const floodTexts = (await waitFor("every message processed", async () => {
      const pending = await server.core.db.select({ n: sql<number>`count(*)` }).from(webhookEvents).where(eq(webhookEvents.state, "pending"));
      if (Number(pending[0]!.n) > 0) return false;
      const rows = await server.core.db
        .select({ conversationId: messages.conversationId, text: messages.text })
        .from(messages)
        .where(and(inArray(messages.inboxId, inboxIds), eq(messages.direction, "inbound"), sql`${messages.text} like 'flood %'`))
        .orderBy(asc(messages.conversationId), asc(messages.position));
      return rows.length >= CUSTOMERS * PER_CUSTOMER && rows;
    }, 60_000))!;
    const failed = await server.core.db.select({ n: sql<number>`count(*)` }).from(webhookEvents).where(eq(webhookEvents.state, "failed"));
    expect(Number(failed[0]!.n)).toBe(0);
    // Exactly once, and each customer's conversation in the order they wrote.
    expect(floodTexts).toHaveLength(CUSTOMERS * PER_CUSTOMER);
    const byConversation = new Map<string, string[]>();
    for (const r of floodTexts) byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r.text]);
    const sequences = [...byConversation.values()].map((texts) => texts.join("|")).sort();
    const expected = Array.from({ length: CUSTOMERS }, (_, c) => Array.from({ length: PER_CUSTOMER }, (_, m) => text(c, m)).join("|")).sort();
    expect(sequences).toEqual(expected);
    console.log(`overload flood: ${CUSTOMERS * PER_CUSTOMER} webhooks, ${statuses.refused} answered 503 and redelivered; admission ${JSON.stringify(server.core.admission.figures())}`);
  });

  it("the widget's POST gets a 503 with Retry-After and its words; the same clientId sent again is stored once", async () => {
    const site = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "webchat")!;
    const session = await server.api(`/api/widget/${site.id}/sessions`, { method: "POST", json: { name: "Busy visitor" } });
    const { token } = (await session.json()) as { token: string };
    const send = () => server.api(`/api/widget/${site.id}/messages`, { method: "POST", token, json: { clientId: "visitor-busy-0001", text: "is anyone there?" } });

    await occupyBacklog(server, site.id, LIMIT + 1);
    const refused = await send();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    // The widget runs on the customer's website: the browser lets it read Retry-After only if exposed.
    const crossSite = await fetch(`${server.url}/api/widget/${site.id}/messages`, {
      method: "POST",
      headers: { origin: "https://shop.example", authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ clientId: "visitor-busy-0001", text: "is anyone there?" }),
    });
    expect(crossSite.status).toBe(503);
    expect(crossSite.headers.get("access-control-expose-headers")).toMatch(/retry-after/i);
    expect(await refused.json()).toEqual({ error: { code: "overloaded", message: "We're very busy right now. Your message will be sent in a moment." } });
    const none = await server.core.db.select().from(messages).where(eq(messages.clientId, "visitor-busy-0001"));
    expect(none).toEqual([]);

    await releaseBacklog(server);
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(200); // a lost answer's retry: the same message
    const once = await server.core.db.select().from(messages).where(eq(messages.clientId, "visitor-busy-0001"));
    expect(once).toHaveLength(1);
  });

  it("the leave-a-message form gets the same 503, stores nothing and spends no rate token; the same clientId sent again lands once", async () => {
    const site = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "webchat")!;
    const form = { clientId: "leave-busy-0001", name: "Busy Bea", email: "bea@example.com", text: "Please call me back." };
    const leave = () => server.api(`/api/widget/${site.id}/leave-message`, { method: "POST", json: form });

    await occupyBacklog(server, site.id, LIMIT + 1);
    const refusedBefore = server.core.admission.figures().refusedWidgetMessages;
    // More tries than the address's session allowance (4): refusals must not use it up.
    for (let i = 0; i < 6; i++) {
      const refused = await leave();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(await refused.json()).toEqual({ error: { code: "overloaded", message: "We're very busy right now. Your message will be sent in a moment." } });
    }
    expect(server.core.admission.figures().refusedWidgetMessages).toBe(refusedBefore + 6);
    expect(await server.core.db.select().from(messages).where(eq(messages.clientId, form.clientId))).toEqual([]);

    await releaseBacklog(server);
    expect((await leave()).status).toBe(201);
    expect((await leave()).status).toBe(200); // a lost answer's retry: the same conversation
    expect(await server.core.db.select().from(messages).where(eq(messages.clientId, form.clientId))).toHaveLength(1);
  });
});
