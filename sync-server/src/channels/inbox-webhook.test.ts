import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminInboxResponseSchema, ChannelWebhookResponseSchema, type AdminInbox } from "@inbox/shared";
import { createFakeTelegram, fakeWebhook, requestFields } from "@inbox/connectors/telegram/fake.ts";
import type { FakePlatform } from "@inbox/connectors/testing";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// Telegram's webhook is set by an API call: connecting points the bot at the inbox, disabling
// stops it, and Settings shows what Telegram says about it (through the fake's wire format).

let server: TestServer;
let fake: FakePlatform;
let admin: string;
const botToken = "123456:AAH-webhook-test-token";
const secretToken = "s3cret-token-value";
const webhook = fakeWebhook();
const PUBLIC = "https://inbox.example";

beforeAll(async () => {
  fake = await createFakeTelegram({ botToken, webhook }).start();
  server = await startTestServer({ platformApiUrls: { telegram: fake.baseUrl } });
  admin = await server.login("admin@demo.inbox");
});
afterAll(async () => {
  await fake.stop();
  await server.stop();
});

async function connect(): Promise<AdminInbox> {
  const res = await server.api("/api/admin/inboxes", {
    method: "POST",
    token: admin,
    json: { name: "Support bot", channel: "telegram", teamId: server.seed!.teamIds.support, credentials: { botToken, secretToken } },
  });
  expect(res.status).toBe(201);
  return AdminInboxResponseSchema.parse(await res.json()).inbox;
}

async function status(id: string, method: "GET" | "POST" = "GET") {
  const res = await server.api(`/api/admin/inboxes/${id}/webhook`, { method, token: admin });
  expect(res.status).toBe(200);
  return ChannelWebhookResponseSchema.parse(await res.json()).webhook;
}

const calls = (method: string) => fake.requests.filter((r) => r.path === `/bot${botToken}/${method}`);

describe("the Telegram webhook follows the channel", () => {
  it("a server without a public https address connects anyway, and Settings says why nothing was registered", async () => {
    const inbox = await connect();
    expect(inbox.webhookManaged).toBe(true);
    expect(calls("setWebhook")).toHaveLength(0);
    const view = await status(inbox.id);
    expect(view).toMatchObject({ expectedUrl: null, url: null, registered: false });
    expect(view.problem).toMatch(/is not a public https address/);
  });

  it("connect → setWebhook with our URL and the secret token; disable keeps it (the server holds what arrives); enable sets it again", async () => {
    // PUBLIC_URL: the server listens on loopback behind a proxy that serves it at PUBLIC.
    server.core.endpoints.publicUrl = PUBLIC;
    const inbox = await connect();
    const url = `${PUBLIC}/webhooks/telegram/${inbox.id}`;
    expect(inbox.webhookUrl).toBe(url);
    const set = calls("setWebhook").at(-1)!;
    expect(await requestFields(set)).toMatchObject({ url, secret_token: secretToken });
    expect(webhook.url).toBe(url);
    expect(await status(inbox.id)).toMatchObject({ expectedUrl: url, url, registered: true, pendingUpdates: 0, lastError: null, problem: null });

    const off = await server.api(`/api/admin/inboxes/${inbox.id}/enabled`, { method: "POST", token: admin, json: { enabled: false } });
    expect(off.status).toBe(200);
    expect(calls("deleteWebhook")).toHaveLength(0);
    expect(webhook.url).toBe(url);
    const setsBefore = calls("setWebhook").length;

    const on = await server.api(`/api/admin/inboxes/${inbox.id}/enabled`, { method: "POST", token: admin, json: { enabled: true } });
    expect(on.status).toBe(200);
    expect(calls("setWebhook")).toHaveLength(setsBefore + 1);
    expect(webhook.url).toBe(url);

    const audit = await server.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.target, inbox.id) });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["inbox.webhook_registered"]));
  });

  it("shows Telegram's last delivery error, and 'register again' points it back at the inbox", async () => {
    server.core.endpoints.publicUrl = PUBLIC;
    const inbox = await connect();
    webhook.url = "https://elsewhere.example/hook";
    webhook.lastError = { date: 1739321024, message: "Wrong response from the webhook: 502 Bad Gateway" };
    const before = await status(inbox.id);
    expect(before).toMatchObject({ registered: false, lastError: "Wrong response from the webhook: 502 Bad Gateway", lastErrorAt: 1739321024_000 });
    expect(before.problem).toMatch(/another address/);
    const after = await status(inbox.id, "POST");
    expect(after).toMatchObject({ registered: true, url: `${PUBLIC}/webhooks/telegram/${inbox.id}`, problem: null });
  });

  it("says in words when Telegram refuses the registration", async () => {
    server.core.endpoints.publicUrl = PUBLIC;
    const inbox = await connect();
    fake.failWhere((r) => r.path.endsWith("/setWebhook"), { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: bad webhook: Failed to resolve host" } });
    try {
      webhook.url = "";
      const view = await status(inbox.id, "POST");
      expect(view.registered).toBe(false);
      expect(view.problem).toBe("Telegram refused: Bad Request: bad webhook: Failed to resolve host.");
    } finally {
      fake.reset();
    }
  });

  it("web chat has no platform webhook: the status says so", async () => {
    const rows = await server.core.db.query.inboxes.findMany();
    const webchat = rows.find((r) => r.channel === "webchat")!;
    expect((await status(webchat.id)).problem).toMatch(/platform's own console/);
  });
});
