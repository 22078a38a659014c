import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectorContext } from "../src/connector.ts";
import type { FakePlatform } from "../src/testing/fake-platform.ts";
import * as tg from "./fake.ts";
import { telegramConnector as connector } from "./index.ts";

const credentials = { botToken: "123456789:AAH-test_token", secretToken: "s3cret-Token_1" };
const url = "https://inbox.example/webhooks/telegram/inbox_1";

let fake: FakePlatform;
let webhook: tg.FakeWebhook;
let ctx: ConnectorContext;

beforeAll(async () => {
  fake = await tg.createFakeTelegram({ botToken: credentials.botToken }).start();
  ctx = { fetch, apiBaseUrl: fake.baseUrl, now: Date.now };
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.splice(0);
  webhook = tg.fakeWebhook();
  fake.respondWith(tg.telegramHandler({ botToken: credentials.botToken, webhook }));
});

describe("the Telegram webhook (setWebhook / deleteWebhook / getWebhookInfo)", () => {
  it("registers our URL with the secret token verify checks, and the updates parse understands", async () => {
    expect(await connector.registerWebhook!(url, credentials, ctx)).toEqual({ ok: true });
    const call = fake.requests.at(-1)!;
    expect(call.path).toBe(`/bot${credentials.botToken}/setWebhook`);
    expect(await tg.requestFields(call)).toEqual({
      url,
      secret_token: credentials.secretToken,
      allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member"],
    });
    expect(webhook).toMatchObject({ url, secretToken: credentials.secretToken });
  });

  it("reports the webhook as Telegram sees it, in the neutral shape", async () => {
    await connector.registerWebhook!(url, credentials, ctx);
    webhook.pendingUpdates = 3;
    webhook.lastError = { date: 1739321024, message: "Wrong response from the webhook: 502 Bad Gateway" };
    expect(await connector.webhookStatus!(credentials, ctx)).toEqual({
      ok: true,
      status: { url, pendingUpdates: 3, lastError: "Wrong response from the webhook: 502 Bad Gateway", lastErrorAt: 1739321024_000 },
    });
  });

  it("removes the webhook (keeping pending updates), after which none is reported", async () => {
    await connector.registerWebhook!(url, credentials, ctx);
    expect(await connector.unregisterWebhook!(credentials, ctx)).toEqual({ ok: true });
    const call = fake.requests.at(-1)!;
    expect(call.path).toBe(`/bot${credentials.botToken}/deleteWebhook`);
    expect(await tg.requestFields(call)).toEqual({ drop_pending_updates: false });
    expect(await connector.webhookStatus!(credentials, ctx)).toEqual({ ok: true, status: { url: null, pendingUpdates: 0, lastError: null, lastErrorAt: null } });
  });

  it("refuses an address Telegram cannot deliver to before asking, in words", async () => {
    for (const bad of ["http://inbox.example/webhooks/telegram/x", "https://inbox.example:3000/webhooks/telegram/x"]) {
      const result = await connector.registerWebhook!(bad, credentials, ctx);
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^Telegram only delivers to https addresses on port 443, 80, 88 or 8443/) });
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("says when Telegram refuses the token, without echoing it", async () => {
    const revoked = { ...credentials, botToken: "123456789:AAH-revoked" };
    for (const result of [await connector.registerWebhook!(url, revoked, ctx), await connector.unregisterWebhook!(revoked, ctx), await connector.webhookStatus!(revoked, ctx)]) {
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/refused the bot token/) });
      expect(JSON.stringify(result)).not.toContain("AAH-revoked");
    }
  });
});
