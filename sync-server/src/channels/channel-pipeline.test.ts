import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTimelineOrder, type Contact, type Conversation, type Message, type SyncPullResponse } from "@inbox/shared";
import { pageCursor, type MessagePageResponse } from "@inbox/shared/api/chat";
import { buildWebhook, textMessage } from "@inbox/connectors/whatsapp/fake.ts";
import type { WhatsappCredentials } from "@inbox/connectors/whatsapp/config.ts";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import type { CustomerAction, SimAdapter, SimCustomer } from "../simulator/index.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// One contract suite over every platform channel: signed webhooks in (through each platform's
// fake wire format), the record, the outbox out to the fake's send API, and the seed's failure
// states. The fakes answer as the platforms document; nothing here knows a wire format.

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

const channels = Object.entries(simulatorAdapters()) as [string, SimAdapter][];

async function inboxOf(channel: string) {
  const rows = await server.core.db.query.inboxes.findMany();
  const row = rows.find((r) => r.channel === channel)!;
  return { row, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

async function deliver(channel: string, adapter: SimAdapter, customer: SimCustomer, action: CustomerAction, messageId = `m-${crypto.randomUUID()}`) {
  const { row, credentials } = await inboxOf(channel);
  const d = adapter.inbound(action, customer, messageId, credentials, `${server.url}/simulator/platform/${row.id}`);
  const post = () => fetch(`${server.url}/webhooks/${channel}/${row.id}${d.query ? `?${d.query}` : ""}`, { method: "POST", headers: d.headers, body: d.body });
  return { post, inbox: row };
}

/** The customer's conversation (platforms that send no profile name show the customer's id). */
async function conversationWith(customer: SimCustomer): Promise<Conversation | undefined> {
  const res = await server.api("/api/conversations", { token: admin });
  return ((await res.json()) as { conversations: Conversation[] }).conversations.find((c) => c.contactName === customer.name || c.contactName === customer.externalId);
}

async function messagesOf(id: string): Promise<Message[]> {
  const res = await server.api(`/api/conversations/${id}`, { token: admin });
  return ((await res.json()) as { messages: Message[] }).messages;
}

async function storedWebhooks(inboxId: string) {
  return server.core.db.query.webhookEvents.findMany({ where: (w, { eq }) => eq(w.inboxId, inboxId), orderBy: (w, { asc }) => asc(w.id) });
}

async function sentCount(inboxId: string): Promise<number> {
  return ((await (await server.simulatorApi(`/inboxes/${inboxId}/sent`)).json()) as { sent: unknown[] }).sent.length;
}

async function settle() {
  await server.core.webhooks.idle();
  await server.core.outbox.idle();
}

async function simulate(inboxId: string, path: string, body: unknown) {
  const res = await server.simulatorApi(`/inboxes/${inboxId}/${path}`, body);
  expect(res.status).toBe(200);
}

async function reply(conversationId: string, text: string) {
  return server.api("/api/commands", {
    method: "POST",
    token: admin,
    json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId, text }] },
  });
}

describe.each(channels)("%s channel", (channel, adapter) => {
  const customer = { externalId: `${adapter.sampleCustomer().externalId.slice(0, -3)}${Math.floor(Math.random() * 900 + 100)}`, name: `${channel} customer` };

  it("a signed message is stored, shown, and a redelivery of the same webhook is a no-op", async () => {
    const { post, inbox } = await deliver(channel, adapter, customer, { kind: "text", text: `Hello from ${channel}` });
    const before = (await storedWebhooks(inbox.id)).length;
    const first = await post();
    expect(first.status).toBe(200);
    const again = await post(); // the platform retried
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await first.text()); // the usual acknowledgement, so the platform stops
    expect((await storedWebhooks(inbox.id)).length).toBe(before + 1);
    await settle();
    const conv = await conversationWith(customer);
    expect(conv).toMatchObject({ channel, lastMessagePreview: `Hello from ${channel}` });
    const texts = (await messagesOf(conv!.id)).map((m) => (m.content.kind === "text" ? m.content.text : m.content.kind));
    expect(texts).toEqual([`Hello from ${channel}`]);
  });

  it("the stored webhook keeps no signature or secret, and is processed from what is kept", async () => {
    const { row, credentials } = await inboxOf(channel);
    const connector = server.core.connectors.get(channel as never)!;
    const { post } = await deliver(channel, adapter, customer, { kind: "text", text: `Stored without secrets on ${channel}` });
    expect((await post()).status).toBe(200);
    await settle();
    const stored = (await storedWebhooks(row.id)).at(-1)!;
    expect(stored.state).toBe("done");
    const url = new URL(stored.url);
    for (const name of connector.webhookSecrets.headers) expect(Object.keys(stored.headers)).not.toContain(name);
    for (const name of connector.webhookSecrets.query) expect(url.searchParams.has(name)).toBe(false);
    const everything = JSON.stringify({ headers: stored.headers, url: stored.url });
    for (const secret of Object.values(credentials)) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/signature/i);
    const conv = (await conversationWith(customer))!;
    expect((await messagesOf(conv.id)).some((m) => m.content.kind === "text" && m.content.text === `Stored without secrets on ${channel}`)).toBe(true);
  });

  it("a webhook with a wrong signature is refused and nothing is stored", async () => {
    const { row } = await inboxOf(channel);
    const before = await server.core.db.$count(server.core.db._.fullSchema.webhookEvents);
    // Signed with made-up secrets: what an attacker who knows the URL could send.
    const wrong = Object.fromEntries(Object.keys((await inboxOf(channel)).credentials).map((k) => [k, "wrongSecretValue1234567890abcdefghijklmnopq".slice(0, k === "encodingAesKey" ? 43 : 32)]));
    const { headers, body, query } = adapter.inbound({ kind: "text", text: "forged" }, customer, "forged-1", wrong, server.url);
    const res = await fetch(`${server.url}/webhooks/${channel}/${row.id}${query ? `?${query}` : ""}`, { method: "POST", headers, body });
    expect([401, 403]).toContain(res.status);
    expect(await server.core.db.$count(server.core.db._.fullSchema.webhookEvents)).toBe(before);
  });

  it("media is downloaded into the inbox's own storage", async () => {
    const { post } = await deliver(channel, adapter, customer, { kind: "image", caption: "my receipt" });
    expect((await post()).status).toBe(200);
    await settle();
    const conv = (await conversationWith(customer))!;
    const image = (await messagesOf(conv.id)).find((m) => m.content.kind === "image");
    expect(image).toBeDefined();
    const url = image!.content.kind === "image" ? image!.content.url : "";
    expect(url).toMatch(/^\/media\//);
    const file = await server.api(url, { token: admin });
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("an agent's reply goes out through the platform's send API and is marked sent", async () => {
    const conv = (await conversationWith(customer))!;
    const res = await reply(conv.id, "Thanks, we're on it!");
    expect(res.status).toBe(200);
    await settle();
    const { row } = await inboxOf(channel);
    const sent = (await (await server.simulatorApi(`/inboxes/${row.id}/sent`)).json()) as { sent: { text: string | null; to: string | null }[] };
    expect(sent.sent.some((s) => s.text?.includes("Thanks, we're on it!"))).toBe(true);
    const out = (await messagesOf(conv.id)).find((m) => m.content.kind === "text" && m.content.text === "Thanks, we're on it!")!;
    expect(["sent", "delivered"]).toContain(out.status);
  });

  it("platform limits pause the channel until the platform's time; the reply waits, queued", async () => {
    const { row } = await inboxOf(channel);
    const conv = (await conversationWith(customer))!;
    await simulate(row.id, "failure", { failure: "rate_limited" });
    await reply(conv.id, "Sent during a rate limit");
    await settle();
    const paused = (await inboxOf(channel)).row;
    expect(paused.status).toBe("rate_limited");
    expect(paused.pausedUntil).toBeGreaterThan(Date.now());
    const out = (await messagesOf(conv.id)).find((m) => m.content.kind === "text" && m.content.text === "Sent during a rate limit")!;
    expect(out.status).toBe("queued");
    // The pause passes: the channel resumes and the reply goes out once.
    await simulate(row.id, "failure", { failure: "none" });
    server.clock.offsetMs = paused.pausedUntil! - Date.now() + 1000;
    try {
      server.core.outbox.kick();
      await waitFor("sent after the pause", async () => {
        await settle();
        const m = (await messagesOf(conv.id)).find((x) => x.content.kind === "text" && x.content.text === "Sent during a rate limit")!;
        return m.status !== "queued" && m;
      });
    } finally {
      server.clock.offsetMs = 0;
    }
    expect((await inboxOf(channel)).row.status).toBe("active");
  });

  it("an expired token stops replies with an error until an admin reconnects; history stays", async () => {
    const { row, credentials } = await inboxOf(channel);
    const conv = (await conversationWith(customer))!;
    await simulate(row.id, "failure", { failure: "token_expired" });
    await reply(conv.id, "This one hits the expired token");
    await settle();
    expect((await inboxOf(channel)).row.status).toBe("token_expired");
    const refused = await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: admin, json: { clientId: crypto.randomUUID(), text: "again?" } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/expired.*reconnect/i);

    await simulate(row.id, "failure", { failure: "none" });
    const again = await server.api(`/api/admin/inboxes/${row.id}/reconnect`, { method: "POST", token: admin, json: { credentials } });
    expect(again.status).toBe(200);
    expect((await inboxOf(channel)).row.status).toBe("active");
    expect((await messagesOf(conv.id)).length).toBeGreaterThan(3);
  });

  it("a disabled channel keeps new messages but shows them only once it is enabled again", async () => {
    const { row } = await inboxOf(channel);
    expect((await server.api(`/api/admin/inboxes/${row.id}/enabled`, { method: "POST", token: admin, json: { enabled: false } })).status).toBe(200);
    const { post } = await deliver(channel, adapter, customer, { kind: "text", text: "written while disabled" });
    expect((await post()).status).toBe(200);
    await settle();
    const conv = (await conversationWith(customer))!;
    expect((await messagesOf(conv.id)).some((m) => m.content.kind === "text" && m.content.text === "written while disabled")).toBe(false);
    const refused = await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: admin, json: { clientId: crypto.randomUUID(), text: "hello?" } });
    expect(refused.status).toBe(409);

    expect((await server.api(`/api/admin/inboxes/${row.id}/enabled`, { method: "POST", token: admin, json: { enabled: true } })).status).toBe(200);
    await settle();
    expect((await messagesOf(conv.id)).some((m) => m.content.kind === "text" && m.content.text === "written while disabled")).toBe(true);
  });
  // Last: on some platforms the block stays in force for this customer.
  it("the customer blocked the business: agents see it, replies are refused at once until the customer writes again", async () => {
    const { row } = await inboxOf(channel);
    const conv = (await conversationWith(customer))!;
    // Through the platform's own signal: a block webhook (LINE's unfollow) or its send error.
    if (adapter.blocksByWebhook) {
      expect((await (await deliver(channel, adapter, customer, { kind: "block" })).post()).status).toBe(200);
      await settle();
    } else {
      await simulate(row.id, "failure", { failure: "blocked" });
      await reply(conv.id, "Are you still there?");
      await settle();
      await simulate(row.id, "failure", { failure: "none" });
      const out = (await messagesOf(conv.id)).find((m) => m.content.kind === "text" && m.content.text === "Are you still there?")!;
      expect(out.status).toBe("failed");
      expect(out.failureReason).toBeTruthy();
    }

    // The customer is marked unreachable on this channel, for agents to see…
    const identity = async () => ((await (await server.api(`/api/contacts/${conv.contactId}`, { token: admin })).json()) as { contact: Contact }).contact.identities.find((i) => i.inboxId === row.id)!;
    expect((await identity()).blockedAt).toEqual(expect.any(Number));
    // …and the next reply is refused at once, without going to the platform again.
    const sentBefore = await sentCount(row.id);
    const refused = await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: admin, json: { clientId: crypto.randomUUID(), text: "Hello again?" } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/blocked the business.*cannot reach them/);
    await settle();
    expect(await sentCount(row.id)).toBe(sentBefore);

    // Writing again makes them reachable: the marker goes and replies go out again.
    expect((await (await deliver(channel, adapter, customer, { kind: "text", text: "I'm back" })).post()).status).toBe(200);
    await settle();
    expect((await identity()).blockedAt).toBeNull();
    expect((await reply(conv.id, "Welcome back!")).status).toBe(200);
    await settle();
    const welcome = (await messagesOf(conv.id)).find((m) => m.content.kind === "text" && m.content.text === "Welcome back!")!;
    expect(["sent", "delivered"]).toContain(welcome.status);
  });

});

describe("messaging windows", () => {
  it("refuses a free-form WhatsApp reply 24 hours after the customer's last message, saying why", async () => {
    const adapter = simulatorAdapters().whatsapp!;
    const customer = { externalId: "5511900000999", name: "Window Wanda" };
    const { post } = await deliver("whatsapp", adapter, customer, { kind: "text", text: "hi" });
    expect((await post()).status).toBe(200);
    await settle();
    const conv = (await conversationWith(customer))!;
    server.clock.offsetMs = 25 * 3600_000;
    try {
      const later = await server.login("admin@demo.inbox"); // yesterday's session has expired
      const res = await server.api("/api/commands", { method: "POST", token: later, json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId: conv.id, text: "late reply" }] } });
      const [result] = ((await res.json()) as { results: { ok: boolean; message?: string; keepAsDraft?: boolean }[] }).results;
      expect(result).toMatchObject({ ok: false, keepAsDraft: true });
      expect(result!.message).toMatch(/more than 24 hours ago.*approved template/);
    } finally {
      server.clock.offsetMs = 0;
    }
  });
});

describe("messages written in the same second", () => {
  it("six quick WhatsApp messages show in the order they arrived everywhere: the timeline, its older pages, the pull", async () => {
    admin = await server.login("admin@demo.inbox"); // the window test above signed in a day later
    const { row, credentials } = await inboxOf("whatsapp");
    const second = Math.floor(Date.now() / 1000);
    const customer = { from: "5511977770006", name: "Parte Paula" };
    // WhatsApp's timestamps have one-second resolution: all six carry the same one.
    for (let n = 1; n <= 6; n++) {
      const { headers, body } = buildWebhook(textMessage({ ...customer, id: `wamid.PARTE${n}${crypto.randomUUID()}`, text: `parte ${n}`, timestamp: second, phoneNumberId: credentials.phoneNumberId }), credentials as WhatsappCredentials);
      expect((await fetch(`${server.url}/webhooks/whatsapp/${row.id}`, { method: "POST", headers, body })).status).toBe(200);
    }
    await settle();
    const conv = (await conversationWith({ externalId: customer.from, name: customer.name }))!;
    const inOrder = ["parte 1", "parte 2", "parte 3", "parte 4", "parte 5", "parte 6"];
    const texts = (list: Message[]) => list.map((m) => (m.content.kind === "text" ? m.content.text : m.content.kind));

    const timeline = await messagesOf(conv.id);
    expect(texts(timeline)).toEqual(inOrder);
    expect(new Set(timeline.map((m) => m.createdAt)).size).toBe(1);

    // Scrolling back two at a time.
    const pages: string[] = [];
    let before: string | undefined;
    for (;;) {
      const q = new URLSearchParams({ limit: "2", ...(before ? { before } : {}) });
      const page = (await (await server.api(`/api/conversations/${conv.id}/messages?${q}`, { token: admin })).json()) as MessagePageResponse;
      pages.unshift(...texts(page.messages));
      if (!page.hasMore) break;
      before = pageCursor(page.messages[0]!);
    }
    expect(pages).toEqual(inOrder);

    // A device's pull carries each message's place, which its timeline sorts by.
    const pulled: Message[] = [];
    for (let cursor: string | undefined, more = true; more; ) {
      const page = (await (await server.api(`/api/sync/pull?${new URLSearchParams({ limit: "500", ...(cursor ? { cursor } : {}) })}`, { token: admin })).json()) as SyncPullResponse;
      pulled.push(...page.messages.filter((m) => m.conversationId === conv.id));
      cursor = page.cursor;
      more = page.hasMore;
    }
    expect(texts([...pulled].sort(inTimelineOrder))).toEqual(inOrder);
  });
});
