import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { FakePlatform } from "@inbox/connectors/testing";
import { createFakeTelegram } from "@inbox/connectors/telegram/fake.ts";
import { buildWebhook, createFakeWhatsapp, FAKE_WHATSAPP_CREDENTIALS, imageMessage, type FakeWhatsapp } from "@inbox/connectors/whatsapp/fake.ts";
import type { WhatsappCredentials } from "@inbox/connectors/whatsapp/config.ts";
import type { Conversation, Message } from "@inbox/shared";
import { inboxes } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Where the server's requests for a channel may go (server-side request forgery): the platforms'
// own APIs, or what the operator configured (PLATFORM_API_URLS, here the fakes), never an address
// a workspace admin or a platform payload names.

let server: TestServer;
let admin: string;
let internal: FakePlatform; // stands for the cloud metadata service or an admin panel on the server's network
let whatsapp: FakeWhatsapp;
let telegram: FakePlatform;
const LIMIT = 64 * 1024;

async function inboxOf(channel: string) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { row, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

/** Makes a demo inbox a real one: no simulator marker, so it reaches the platform (the operator's fake). */
async function unsimulate(channel: string, extra: Record<string, string> = {}) {
  const { row } = await inboxOf(channel);
  const { apiBaseUrl: _simulator, ...settings } = row.settings;
  await server.core.db.update(inboxes).set({ settings: { ...settings, ...extra } }).where(eq(inboxes.id, row.id));
  server.core.caches.inboxes.delete(row.id);
}

beforeAll(async () => {
  internal = await new FakePlatform(() => ({ body: { secret: "instance credentials" } })).start();
  // The fakes listen first: the operator's configuration names their addresses.
  whatsapp = createFakeWhatsapp({ ...FAKE_WHATSAPP_CREDENTIALS });
  telegram = createFakeTelegram();
  await whatsapp.start();
  await telegram.start();
  server = await startTestServer({ platformApiUrls: { whatsapp: whatsapp.baseUrl, telegram: telegram.baseUrl }, platformDownloadLimitBytes: LIMIT });
  admin = await server.login("admin@demo.inbox");
  // The fakes must know the seeded credentials.
  const wa = await inboxOf("whatsapp");
  Object.assign(whatsapp.credentials, wa.credentials as WhatsappCredentials);
  await unsimulate("whatsapp");
});
afterAll(async () => {
  await server.stop();
  await Promise.all([internal.stop(), whatsapp.stop(), telegram.stop()]);
});

describe("a workspace cannot point a channel elsewhere", () => {
  it("connecting a channel with an API address is refused, and the address is never called", async () => {
    const res = await server.api("/api/admin/inboxes", {
      method: "POST",
      token: admin,
      json: { name: "Bot", channel: "telegram", teamId: server.seed!.teamIds.support, credentials: { botToken: "123456:AAH-token", secretToken: "s3cret-token-value" }, settings: { apiBaseUrl: internal.baseUrl } },
    });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { message: string; fields?: Record<string, string> } }).error;
    expect(error.fields?.["settings.apiBaseUrl"]).toMatch(/operator/);
    expect(internal.requests).toHaveLength(0);
  });

  it("an API address already stored on a channel is ignored: replies go to the platform", async () => {
    await unsimulate("telegram", { apiBaseUrl: internal.baseUrl });
    const { row, credentials } = await inboxOf("telegram");
    // A customer writes (signed as Telegram does), then the agent answers.
    const update = { update_id: 44001, message: { message_id: 1, from: { id: 5550101, is_bot: false, first_name: "Rita" }, chat: { id: 5550101, type: "private" }, date: Math.floor(Date.now() / 1000), text: "hi" } };
    const hook = await fetch(`${server.url}/webhooks/telegram/${row.id}`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": credentials.secretToken! }, body: JSON.stringify(update) });
    expect(hook.status).toBe(200);
    await server.core.webhooks.idle();
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    const conv = list.conversations.find((c) => c.contactName === "Rita")!;
    const sent = await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: admin, json: { clientId: crypto.randomUUID(), text: "hello Rita" } });
    expect(sent.status).toBe(201);
    await server.core.outbox.idle();
    expect(internal.requests).toHaveLength(0);
    expect(telegram.requests.some((r) => r.path.endsWith("/sendMessage"))).toBe(true);
  });
});

describe("media downloads", () => {
  async function receiveImage(mediaId: string, caption: string): Promise<Message> {
    const { row, credentials } = await inboxOf("whatsapp");
    const hook = buildWebhook(imageMessage({ mediaId, caption, from: "5511977770001", name: "Media Mia", phoneNumberId: credentials.phoneNumberId }), { appSecret: credentials.appSecret! });
    expect((await fetch(`${server.url}/webhooks/whatsapp/${row.id}`, { method: "POST", headers: hook.headers, body: hook.body })).status).toBe(200);
    return waitFor(`the message "${caption}"`, async () => {
      await server.core.webhooks.idle();
      const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
      const conv = list.conversations.find((c) => c.contactName === "Media Mia");
      if (!conv) return null;
      const { messages } = (await (await server.api(`/api/conversations/${conv.id}`, { token: admin })).json()) as { messages: Message[] };
      return messages.find((m) => JSON.stringify(m.content).includes(caption) || (m.content.kind === "unsupported" && JSON.stringify(m.content.raw).includes(mediaId)));
    });
  }

  it("a platform answer that points the download at an internal address is not followed", async () => {
    whatsapp.failWhere((req) => req.method === "GET" && req.path.endsWith("/777000111"), {
      body: { messaging_product: "whatsapp", url: `${internal.baseUrl}/latest/meta-data/`, mime_type: "image/jpeg", id: "777000111" },
    });
    try {
      const message = await receiveImage("777000111", "inward");
      expect(message.content.kind).toBe("unsupported");
      expect(internal.requests).toHaveLength(0);
    } finally {
      whatsapp.reset();
    }
  });

  it("a redirect to another host is not followed", async () => {
    whatsapp.media.set("777000222", { bytes: new Uint8Array([1, 2, 3]), mimeType: "image/jpeg" });
    whatsapp.failWhere((req) => req.path === "/whatsapp_business/attachments/" && req.query.get("mid") === "777000222", {
      status: 302,
      headers: { location: `${internal.baseUrl}/steal` },
    });
    try {
      const message = await receiveImage("777000222", "redirected");
      expect(message.content.kind).toBe("unsupported");
      expect(internal.requests).toHaveLength(0);
    } finally {
      whatsapp.reset();
    }
  });

  it("a file over the download limit is refused, and the message says what could not be fetched", async () => {
    whatsapp.media.set("777000333", { bytes: new Uint8Array(LIMIT + 1).fill(7), mimeType: "image/jpeg" });
    const message = await receiveImage("777000333", "too big");
    expect(message.content).toMatchObject({ kind: "unsupported", description: expect.stringMatching(/did not let us download/) });
  });
});
