import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as line from "@inbox/connectors/line/fake.ts";
import * as telegram from "@inbox/connectors/telegram/fake.ts";
import * as wechat from "@inbox/connectors/wechat/fake.ts";
import { contactIdentities, inboxes, webhookEvents } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// The intake of platform webhooks as an attacker and a retrying platform see it: replays,
// stale signatures, redeliveries (stored once, answered as usual).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function inbox(channel: string) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { row, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

async function stored(inboxId: string) {
  return server.core.db.select().from(webhookEvents).where(eq(webhookEvents.inboxId, inboxId));
}

function post(channel: string, inboxId: string, hook: { headers: Record<string, string>; body: string; query?: string }) {
  return fetch(`${server.url}/webhooks/${channel}/${inboxId}${hook.query ? `?${hook.query}` : ""}`, { method: "POST", headers: hook.headers, body: hook.body });
}

describe("WeChat replays", () => {
  it("with an EncodingAESKey configured, a plaintext push is refused; an encrypted one is taken", async () => {
    const { row, credentials } = await inbox("wechat");
    const payload = wechat.textMessage({ from: "oReplay-aes", id: "9100000000000000001", text: "plaintext forged" });
    const before = (await stored(row.id)).length;
    expect((await post("wechat", row.id, wechat.buildWebhook(payload, credentials))).status).toBe(401);
    expect((await stored(row.id)).length).toBe(before);
    expect((await post("wechat", row.id, wechat.buildWebhook(payload, credentials, { mode: "safe" }))).status).toBe(200);
    expect((await stored(row.id)).length).toBe(before + 1);
  });

  it("a stale signed timestamp is refused, and nothing is stored", async () => {
    const { row, credentials } = await inbox("wechat");
    const old = String(Math.floor(Date.now() / 1000) - 10 * 60);
    const hook = wechat.buildWebhook(wechat.textMessage({ from: "oReplay-old", id: "9100000000000000002", text: "from a captured request" }), credentials, { mode: "safe", timestamp: old });
    const before = (await stored(row.id)).length;
    const res = await post("wechat", row.id, hook);
    expect(res.status).toBe(401);
    expect((await stored(row.id)).length).toBe(before);
  });

  describe("in plaintext mode (no EncodingAESKey)", () => {
    let inboxId: string;
    let plain: Record<string, string>;
    beforeAll(async () => {
      const { row, credentials } = await inbox("wechat");
      const { encodingAesKey: _key, ...rest } = credentials;
      plain = rest;
      inboxId = row.id;
      await server.core.db.update(inboxes).set({ secretsEnc: await server.core.secrets.seal(plain) }).where(eq(inboxes.id, row.id));
      server.core.caches.inboxes.delete(row.id);
    });
    afterAll(async () => {
      const { credentials } = await inbox("wechat");
      await server.core.db.update(inboxes).set({ secretsEnc: await server.core.secrets.seal({ ...credentials, encodingAesKey: wechat.fakeWechatCredentials.encodingAesKey }) }).where(eq(inboxes.id, inboxId));
      server.core.caches.inboxes.delete(inboxId);
    });

    it("a signed URL replayed with another body is refused and not stored; the same push again is acknowledged once", async () => {
      const hook = wechat.buildWebhook(wechat.textMessage({ from: "oReplay-plain", id: "9100000000000000003", text: "the real message" }), plain);
      const before = (await stored(inboxId)).length;
      const first = await post("wechat", inboxId, hook);
      expect(first.status).toBe(200);
      expect(await first.text()).toBe("success");

      // The attacker keeps the signed query and writes their own message (a new MsgId, too).
      const forged = wechat.toWechatXml(wechat.textMessage({ from: "oReplay-plain", id: "9100000000000000004", text: "send the refund to me" }));
      const replay = await post("wechat", inboxId, { ...hook, body: forged });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/already used/);
      // WeChat's own retry of the same push: the usual answer, stored once.
      const retry = await post("wechat", inboxId, hook);
      expect(retry.status).toBe(200);
      expect(await retry.text()).toBe("success");

      const rows = await stored(inboxId);
      expect(rows.length).toBe(before + 1);
      expect(rows.some((r) => r.body.includes("send the refund"))).toBe(false);
    });
  });
});

describe("redeliveries", () => {
  it("Telegram: the same update_id again is acknowledged and not stored twice", async () => {
    const { row, credentials } = await inbox("telegram");
    const update = telegram.textMessage({ from: 735900001, id: 7, updateId: 990000001, text: "hello once" });
    const before = (await stored(row.id)).length;
    expect((await post("telegram", row.id, telegram.buildWebhook(update, credentials))).status).toBe(200);
    // Telegram re-sends the update; the bytes need not be identical (here: pretty-printed).
    expect((await post("telegram", row.id, telegram.buildWebhook(JSON.stringify(update, null, 2), credentials))).status).toBe(200);
    expect((await stored(row.id)).length).toBe(before + 1);
  });

  it("LINE: a redelivered event (isRedelivery) is recognised by its webhookEventId, also without a message", async () => {
    const { row, credentials } = await inbox("line");
    const user = "U0000000000000000000000000000beef";
    expect((await post("line", row.id, line.buildWebhook(line.textMessage({ from: user, text: "hi" }), credentials))).status).toBe(200);
    const before = (await stored(row.id)).length;
    // The customer blocks the account, then follows it again…
    const blocked = line.unfollow({ from: user, webhookEventId: "01HREDELIVERUNFOLLOW0000001" });
    expect((await post("line", row.id, line.buildWebhook(blocked, credentials))).status).toBe(200);
    expect((await post("line", row.id, line.buildWebhook(line.follow({ from: user, isUnblocked: true, webhookEventId: "01HREDELIVERFOLLOW00000002" }), credentials))).status).toBe(200);
    await server.core.webhooks.idle();
    // …and LINE redelivers the old unfollow (it had not seen our answer in time).
    expect((await post("line", row.id, line.buildWebhook(line.redelivered(blocked), credentials))).status).toBe(200);
    await server.core.webhooks.idle();

    expect((await stored(row.id)).length).toBe(before + 2);
    const [identity] = await server.core.db.select().from(contactIdentities).where(eq(contactIdentities.externalId, user));
    expect(identity!.blockedAt).toBeNull(); // still reachable: the old block was not applied again
  });
});
