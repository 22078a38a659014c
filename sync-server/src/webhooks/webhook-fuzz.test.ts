import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as ig from "@inbox/connectors/instagram/fake.ts";
import * as line from "@inbox/connectors/line/fake.ts";
import * as ms from "@inbox/connectors/messenger/fake.ts";
import * as tg from "@inbox/connectors/telegram/fake.ts";
import * as wc from "@inbox/connectors/wechat/fake.ts";
import * as wa from "@inbox/connectors/whatsapp/fake.ts";
import { webhookEvents } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// The webhook route under fuzzing, on a real server: what an attacker can send without the
// secrets (random or mutated bodies, headers and queries) is a 401 and stores nothing; what a
// platform signs but garbles is taken and then recorded as failed with a reason. Never a 500.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Signed = { headers: Record<string, string>; body: string; query?: string };
/** Each platform's own way of signing a body (from its fake), and a real payload to mutate. */
const PLATFORMS: Record<string, { sample: (c: Record<string, string>) => string; sign: (body: string, c: Record<string, string>) => Signed }> = {
  whatsapp: { sample: () => JSON.stringify(wa.textMessage({ text: "olá" })), sign: (b, c) => wa.buildWebhook(b, { appSecret: c.appSecret! }) },
  messenger: { sample: (c) => JSON.stringify(ms.textMessage({ from: "6021", text: "hi", pageId: c.pageId })), sign: (b, c) => ms.buildWebhook(b, c) },
  instagram: { sample: () => JSON.stringify(ig.textMessage({ from: "1784", text: "oi" })), sign: (b, c) => ig.buildWebhook(b, c) },
  telegram: { sample: () => JSON.stringify(tg.textMessage({ text: "hello" })), sign: (b, c) => tg.buildWebhook(b, c) },
  line: { sample: () => JSON.stringify(line.textMessage({ from: "U0", text: "hi" })), sign: (b, c) => line.buildWebhook(b, c) },
  wechat: { sample: () => wc.toWechatXml(wc.textMessage({ from: "oFuzz", id: 1, text: "你好" })), sign: (b, c) => wc.buildWebhook(b, c, { mode: "safe" }) },
};

async function inbox(channel: string) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { id: row.id, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

const mutated = (text: string) =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.tuple(fc.nat(text.length), fc.nat(30), fc.string({ unit: "binary", maxLength: 20 })).map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut)),
  );
const headerValue = fc.string({ maxLength: 60 }).filter((v) => /^[\x20-\x7e]*$/.test(v));

describe.each(Object.keys(PLATFORMS))("POST /webhooks/%s/:inbox under fuzzing", (channel) => {
  const platform = PLATFORMS[channel]!;

  it("unsigned random and mutated requests are refused with 401 and nothing is stored", async () => {
    const { id, credentials } = await inbox(channel);
    const before = await server.core.db.$count(webhookEvents, eq(webhookEvents.inboxId, id));
    await fc.assert(
      fc.asyncProperty(
        mutated(platform.sample(credentials)),
        fc.dictionary(fc.constantFrom("x-hub-signature-256", "x-line-signature", "x-telegram-bot-api-secret-token", "content-type"), headerValue),
        fc.dictionary(fc.constantFrom("signature", "msg_signature", "timestamp", "nonce", "encrypt_type"), fc.string({ maxLength: 30 })),
        async (body, headers, query) => {
          const res = await fetch(`${server.url}/webhooks/${channel}/${id}?${new URLSearchParams(query)}`, { method: "POST", headers, body });
          expect([400, 401]).toContain(res.status);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 25 },
    );
    expect(await server.core.db.$count(webhookEvents, eq(webhookEvents.inboxId, id))).toBe(before);
  });

  it("setup handshakes (GET) with random queries are answered or refused, never a 500, and store nothing", async () => {
    const { id } = await inbox(channel);
    const before = await server.core.db.$count(webhookEvents, eq(webhookEvents.inboxId, id));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("hub.mode", "hub.verify_token", "hub.challenge", "signature", "timestamp", "nonce", "echostr"), fc.string({ maxLength: 40 })), async (query) => {
        const res = await fetch(`${server.url}/webhooks/${channel}/${id}?${new URLSearchParams(query)}`);
        expect([200, 403, 404]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: 25 },
    );
    expect(await server.core.db.$count(webhookEvents, eq(webhookEvents.inboxId, id))).toBe(before);
  });

  it("signed but garbled bodies never make a 500; what is stored is processed or failed with a reason", async () => {
    const { id, credentials } = await inbox(channel);
    await fc.assert(
      fc.asyncProperty(mutated(platform.sample(credentials)), async (body) => {
        const signed = platform.sign(body, credentials);
        const res = await fetch(`${server.url}/webhooks/${channel}/${id}${signed.query ? `?${signed.query}` : ""}`, { method: "POST", headers: signed.headers, body: signed.body });
        expect(res.status).toBeLessThan(500);
        await res.arrayBuffer();
      }),
      { numRuns: 25 },
    );
    await server.core.webhooks.idle();
    const rows = await server.core.db.select().from(webhookEvents).where(eq(webhookEvents.inboxId, id));
    for (const row of rows) {
      expect(["done", "failed"]).toContain(row.state);
      if (row.state === "failed") expect(row.error).toBeTruthy();
    }
  });
});

it("unknown platforms and inboxes are a 404, whatever comes with them", async () => {
  await fc.assert(
    fc.asyncProperty(fc.stringMatching(/^[a-z0-9_-]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/), fc.string({ maxLength: 100 }), async (platform, inboxId, body) => {
      const res = await fetch(`${server.url}/webhooks/${platform}/${inboxId}`, { method: "POST", body });
      expect(res.status).toBe(404);
      await res.arrayBuffer();
    }),
    { numRuns: 30 },
  );
});
