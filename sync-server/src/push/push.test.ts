import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { Conversation, Note } from "@inbox/shared";
import { PushPayloadSchema, type PushPayload } from "@inbox/shared/api/push";
import { events, pushDeliveries, pushSubscriptions, serverSecrets } from "../db/schema.ts";
import { RoutingFixtures } from "../routing/routing-fixtures.ts";
import { startFakePushService, type FakeDevice, type FakePushService, type ReceivedPush } from "../testing/fake-push-service.ts";
import { bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Web Push end to end on a real server: devices subscribe through the API, triggers queue pushes,
// and the push service stand-in on loopback checks each request's VAPID signature and decrypts
// its aes128gcm body with the device's private key, as a browser's push service and the browser would.

let server: TestServer;
let push: FakePushService;
const f = new RoutingFixtures(() => server);
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  push = await startFakePushService();
  server = await startTestServer({ pushAllowLoopback: true });
  await f.init();
});
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  await server.stop();
  await push.close();
});

async function subscribeDevice(token: string, device: FakeDevice = push.newDevice()): Promise<FakeDevice> {
  const res = await server.api("/api/push/subscribe", { method: "POST", token, json: { endpoint: device.endpoint, expirationTime: null, keys: device.keys } });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ subscribed: true });
  return device;
}

function payloadOf(p: ReceivedPush): PushPayload {
  expect(p.text).not.toBeNull();
  return PushPayloadSchema.parse(JSON.parse(p.text!));
}

async function pushesTo(device: FakeDevice, count: number): Promise<ReceivedPush[]> {
  const id = device.endpoint.split("/").at(-1);
  await waitFor(`${count} push(es) to the device`, () => push.received.filter((p) => p.device === id).length >= count, 10_000);
  return push.received.filter((p) => p.device === id);
}

async function mention(conv: Conversation, authorToken: string, authorId: string, text: string): Promise<void> {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `work.${conv.id}`, doc, { WebSocketPolyfill: bearerWebSocket(authorToken), disableBc: true });
  providers.push(p);
  await waitFor("work room synced", () => p.synced);
  const note: Note = { id: crypto.randomUUID(), conversationId: conv.id, authorId, authorName: "Ana Souza", text, createdAt: Date.now() };
  doc.getMap("notes").set(note.id, note);
}

describe("Web Push to an agent's devices", () => {
  it("a chat offered to the agent reaches their subscribed device, signed with the server's key and decryptable only by the device", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Pia" }], { routingPickupTimeoutSeconds: 120 });
    const token = await f.loginAs(agents[0]!);
    const key = (await (await server.api("/api/push/key", { token })).json()) as { publicKey: string };
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    // Kept sealed with the secret box: the database holds neither half in the clear.
    const stored = await server.core.db.select().from(serverSecrets).where(eq(serverSecrets.name, "vapid"));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sealed).not.toContain(key.publicKey);

    const device = await subscribeDevice(token);
    const [row] = await server.core.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint));
    expect(row).toMatchObject({ userId: agents[0], failures: 0 });
    expect(row!.keysSealed).not.toContain(device.keys.auth);

    const id = await f.customerWrites(inboxId, "My order #123 never arrived");
    expect(await f.waitAssigned(id)).toBe(agents[0]);
    const [got] = await pushesTo(device, 1);
    expect(push.refused).toEqual([]);
    expect(got!.vapidKey).toBe(key.publicKey);
    expect(got!.claims.aud).toBe(push.url);
    expect(got!.urgency).toBe("high");
    // An offer is worth delivering only until its pickup time runs out.
    expect(got!.ttl).toBeGreaterThan(100);
    expect(got!.ttl).toBeLessThanOrEqual(120);
    expect(got!.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    const payload = payloadOf(got!);
    expect(payload).toMatchObject({ kind: "offered", conversationId: id, tag: `conversation-${id}`, url: `/?conversation=${id}`, body: "My order #123 never arrived" });
    expect(payload.title).toMatch(/^New chat for you: Visitor \d+$/);
    // Delivered: nothing waits in the queue, the device's success is recorded.
    await waitFor("queue empty", async () => (await server.core.db.select().from(pushDeliveries)).length === 0);
    const after = await server.core.db.query.pushSubscriptions.findFirst({ where: eq(pushSubscriptions.id, row!.id) });
    expect(after!.lastSuccessAt).not.toBeNull();
  });

  it("a page of offers rings each offered agent's devices once per chat, in their language, and not those who turned offers off", async () => {
    const { inboxId, teamId, agents } = await f.setup("round_robin", [{ name: "Agent Rui" }, { name: "Agent Sol" }]);
    const [rui, sol] = agents as [string, string];
    const ruiToken = await f.loginAs(rui);
    const solToken = await f.loginAs(sol);
    const ruiPhone = await subscribeDevice(ruiToken);
    const ruiLaptop = await subscribeDevice(ruiToken);
    const solPhone = await subscribeDevice(solToken);
    expect((await server.api("/api/me/preferences", { method: "PUT", token: ruiToken, json: { locale: "pt-BR" } })).status).toBeLessThan(300);
    expect((await server.api("/api/me/profile", { method: "PATCH", token: solToken, json: { pushChoices: { offered: false } } })).status).toBe(200);

    // Four chats waiting at once go out in one page: Rui, Sol, Rui, Sol.
    const chats = await f.chats(inboxId, teamId, [{}, {}, {}, {}]);
    await server.core.router.capacityChanged(teamId);
    expect(await Promise.all(chats.map((id) => f.assigneeOf(id)))).toEqual([rui, sol, rui, sol]);
    for (const device of [ruiPhone, ruiLaptop]) {
      const got = await pushesTo(device, 2);
      expect(got.map((p) => payloadOf(p).conversationId).sort()).toEqual([chats[0], chats[2]].sort());
      expect(got.map((p) => payloadOf(p).title).sort()).toEqual(["Nova conversa para você: Burst 0", "Nova conversa para você: Burst 2"]);
    }
    await server.core.push.settled();
    expect(await pushesTo(solPhone, 0)).toEqual([]);
  });

  it("a mention rings the colleague's device in their language; with that choice off on their profile nothing is sent", async () => {
    const ana = await server.login("ana@demo.inbox");
    const anaId = ((await (await server.api("/api/me", { token: ana })).json()) as { user: { id: string } }).user.id;
    const sam = await server.login("supervisor@demo.inbox");
    const conv = ((await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] }).conversations.find((c) => c.contactName === "Maria Oliveira")!;
    const device = await subscribeDevice(sam);

    await mention(conv, ana, anaId, "@Sam please approve the refund");
    const [got] = await pushesTo(device, 1);
    expect(payloadOf(got!)).toMatchObject({ kind: "mention", title: "Ana Souza mentioned you on Maria Oliveira", body: "@Sam please approve the refund", conversationId: conv.id });
    expect(got!.urgency).toBe("normal");

    // In Portuguese once Sam's language is pt-BR.
    expect((await server.api("/api/me/preferences", { method: "PUT", token: sam, json: { locale: "pt-BR" } })).status).toBeLessThan(300);
    await mention(conv, ana, anaId, "@Sam mais uma coisa");
    const [, second] = await pushesTo(device, 2);
    expect(payloadOf(second!).title).toBe("Ana Souza mencionou você em Maria Oliveira");

    // Mentions no longer ring Sam's devices: the in-app notification still comes, no push does.
    const off = await server.api("/api/me/profile", { method: "PATCH", token: sam, json: { pushChoices: { mention: false } } });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { profile: { pushChoices: Record<string, boolean> } }).profile.pushChoices).toEqual({ mention: false });
    await mention(conv, ana, anaId, "@Sam a third thing");
    await waitFor("Sam notified in the app", async () => {
      const list = (await (await server.api("/api/me/notifications", { token: sam })).json()) as { notifications: { excerpt: string }[] };
      return list.notifications.some((n) => n.excerpt === "@Sam a third thing");
    });
    await server.core.push.settled();
    expect(await server.core.db.select().from(pushDeliveries)).toEqual([]);
    expect(await pushesTo(device, 2)).toHaveLength(2);
  });

  it("a push service that says the device is gone (410) removes the subscription; 429 is retried after Retry-After", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Quin" }]);
    const token = await f.loginAs(agents[0]!);
    const device = await subscribeDevice(token);

    push.answerNext({ status: 429, headers: { "retry-after": "1" } });
    const first = await f.customerWrites(inboxId, "Are you there?");
    const [limited, retried] = await pushesTo(device, 2);
    expect(limited!.status).toBe(429);
    expect(retried!.status).toBe(201);
    // The same message again: same topic, so a push service holding the first copy replaces it.
    expect(retried!.topic).toBe(limited!.topic);
    expect(payloadOf(retried!).conversationId).toBe(first);

    push.answerNext({ status: 410 });
    await f.customerWrites(inboxId, "Hello again");
    await pushesTo(device, 3);
    await waitFor("subscription removed", async () => !(await server.core.db.query.pushSubscriptions.findFirst({ where: eq(pushSubscriptions.endpoint, device.endpoint) })));
    const gone = await server.core.db.select().from(events).where(eq(events.type, "push.unsubscribed"));
    expect(gone.some((e) => e.actorId === agents[0] && e.data.reason === "gone" && e.data.status === 410)).toBe(true);

    // Nothing more is sent to it.
    await f.customerWrites(inboxId, "Third chat");
    await server.core.push.settled();
    expect(await pushesTo(device, 3)).toHaveLength(3);
  });

  it("an SLA breach rings with high urgency and names the target in words; an at-risk warning is normal", async () => {
    const { inboxId, teamId, agents } = await f.setup("manual", [{ name: "Agent Sol" }]);
    const device = await subscribeDevice(await f.loginAs(agents[0]!));
    // A push about a conversation that is not there (deleted, or never was) is not kept.
    const [conversationId] = await f.chats(inboxId, teamId, [{}]);
    // What tellPeople hands over for an SLA alert (sla/sla-notify.ts): the policy speaks, the excerpt is the target.
    const alert = (kind: "sla_at_risk" | "sla_breached") => ({
      id: crypto.randomUUID(),
      kind,
      conversationId: conversationId!,
      actorId: "policy-1",
      actorName: "Standard",
      contactName: "Maria Oliveira",
      excerpt: "first_response",
      createdAt: Date.now(),
      readAt: null,
    });
    server.core.push.notified(agents[0]!, alert("sla_at_risk"));
    server.core.push.notified(agents[0]!, alert("sla_breached"));
    const got = await pushesTo(device, 2);
    const byKind = Object.fromEntries(got.map((p) => [payloadOf(p).kind, p]));
    expect(byKind.sla_breached!.urgency).toBe("high");
    expect(byKind.sla_at_risk!.urgency).toBe("normal");
    expect(payloadOf(byKind.sla_breached!)).toMatchObject({ title: "The chat with Maria Oliveira breached its SLA (Standard)", body: "First response" });
  });

  it("a push a crashed process was sending goes out again once its claim runs out", async () => {
    const { agents } = await f.setup("round_robin", [{ name: "Agent Rui" }]);
    const token = await f.loginAs(agents[0]!);
    const device = await subscribeDevice(token);
    const sub = await server.core.db.query.pushSubscriptions.findFirst({ where: eq(pushSubscriptions.endpoint, device.endpoint) });
    const now = Date.now();
    const payload: PushPayload = { kind: "whisper", title: "Sam whispered to you on Maria", body: "Offer the refund", tag: "conversation-c1", url: "/?conversation=c1", conversationId: "c1" };
    await server.core.db.insert(pushDeliveries).values({
      id: crypto.randomUUID(),
      subscriptionId: sub!.id,
      userId: agents[0]!,
      key: "crash-test",
      payload,
      urgency: "normal",
      expiresAt: now + 3600_000,
      state: "sending",
      attempts: 1,
      nextAttemptAt: now,
      claimedBy: "gone-instance/dead-process",
      claimedUntil: now - 1,
      createdAt: now,
    });
    await server.core.push.kick();
    const [got] = await pushesTo(device, 1);
    expect(payloadOf(got!)).toEqual(payload);
    await waitFor("sent once, then gone from the queue", async () => (await server.core.db.select().from(pushDeliveries)).length === 0);
    expect(await pushesTo(device, 1)).toHaveLength(1);
  });
});

describe("subscribing a device", () => {
  it("accepts only browsers' push services (loopback only where the operator allows), in words", async () => {
    const token = await server.login("ana@demo.inbox");
    const keys = push.newDevice().keys;
    const refused = async (endpoint: string) => {
      const res = await server.api("/api/push/subscribe", { method: "POST", token, json: { endpoint, keys } });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await refused("http://fcm.googleapis.com/fcm/send/abc")).toBe("The browser gave a push address that is not secure (https).");
    expect(await refused("https://evil.example.com/push/abc")).toBe("This browser's push service is not one this server sends to.");
    expect(await refused(`https://fcm.googleapis.com/${"a".repeat(1000)}`)).toContain("The browser gave a push address that is too long.");
    const badKey = await server.api("/api/push/subscribe", { method: "POST", token, json: { endpoint: "https://fcm.googleapis.com/fcm/send/abc", keys: { ...keys, auth: "x" } } });
    expect(badKey.status).toBe(400);
    expect(await server.api("/api/push/subscribe", { method: "POST", json: { endpoint: "https://fcm.googleapis.com/fcm/send/abc", keys } })).toHaveProperty("status", 401);
  });

  it("a device moves to whoever subscribes it last; one person cannot unsubscribe another's device", async () => {
    const ana = await server.login("ana@demo.inbox");
    const bruno = await server.login("bruno@demo.inbox");
    const device = await subscribeDevice(ana);
    await subscribeDevice(bruno, device);
    const rows = await server.core.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint));
    expect(rows).toHaveLength(1);
    const brunoId = ((await (await server.api("/api/me", { token: bruno })).json()) as { user: { id: string } }).user.id;
    expect(rows[0]!.userId).toBe(brunoId);

    expect((await server.api("/api/push/unsubscribe", { method: "POST", token: ana, json: { endpoint: device.endpoint } })).status).toBe(204);
    expect(await server.core.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint))).toHaveLength(1);
    expect((await server.api("/api/push/unsubscribe", { method: "POST", token: bruno, json: { endpoint: device.endpoint } })).status).toBe(204);
    expect(await server.core.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint))).toHaveLength(0);
  });
});
