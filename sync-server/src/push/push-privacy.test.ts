import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Notification } from "@inbox/shared/api/content";
import { runRetention } from "../data-rights/index.ts";
import { contacts, conversations, events, pushDeliveries, pushSubscriptions, sessions, users } from "../db/schema.ts";
import { sha256Hex } from "../auth/tokens.ts";
import { usersOfSessions } from "../auth/index.ts";
import { RoutingFixtures } from "../routing/routing-fixtures.ts";
import { startFakePushService, type FakeDevice, type FakePushService } from "../testing/fake-push-service.ts";
import { DEMO_PASSWORD, startTestServer, type TestServer } from "../testing/test-server.ts";
import { PushQueue, type OfferedConversation } from "./push-queue.ts";
import { subscribe } from "./subscriptions.ts";

// What a device may still be told once the customer is erased, or once its session is over:
// nothing. A real server sends to the push service stand-in (it decrypts what a device would
// read); its dispatcher's sweep is stopped so a test decides when a pass runs, and pushes are
// queued by a queue that does not kick it: they wait in `push_deliveries` as they would while
// the dispatcher is busy or the push service is down.

let server: TestServer;
let push: FakePushService;
let held: PushQueue;
const f = new RoutingFixtures(() => server);

beforeAll(async () => {
  push = await startFakePushService();
  server = await startTestServer({ pushAllowLoopback: true });
  await f.init();
  server.core.push.stop();
  await server.core.push.settled();
  held = new PushQueue(server.core, () => {});
});
afterAll(async () => {
  await server.stop();
  await push.close();
});

async function queued(): Promise<void> {
  while (held.pending.size) await Promise.all([...held.pending]);
}

/** Runs the dispatcher until it has nothing left to do. */
async function dispatch(): Promise<void> {
  await server.core.push.kick();
  await server.core.push.settled();
}

async function subscribeDevice(token: string, device: FakeDevice = push.newDevice()): Promise<FakeDevice> {
  const res = await server.api("/api/push/subscribe", { method: "POST", token, json: { endpoint: device.endpoint, expirationTime: null, keys: device.keys } });
  expect(res.status).toBe(200);
  return device;
}

const deviceId = (device: FakeDevice) => device.endpoint.split("/").at(-1);
const textsTo = (device: FakeDevice) => push.received.filter((p) => p.device === deviceId(device)).map((p) => p.text ?? "");
const everythingSent = () => push.received.map((p) => p.text ?? "").join("\n");
const subscriptionOf = (device: FakeDevice) => server.core.db.query.pushSubscriptions.findFirst({ where: eq(pushSubscriptions.endpoint, device.endpoint) });
const deliveriesOf = async (sub: { id: string } | undefined) => (sub ? server.core.db.select().from(pushDeliveries).where(eq(pushDeliveries.subscriptionId, sub.id)) : []);

/** A chat from a customer with this name whose last message says `preview`. */
async function customerChat(inboxId: string, teamId: string, name: string, preview: string, status: "open" | "resolved" = "open") {
  const [id] = await f.chats(inboxId, teamId, [{ status }]);
  const conv = await f.conversation(id!);
  await server.core.db.update(contacts).set({ name }).where(eq(contacts.id, conv.contactId));
  await server.core.db.update(conversations).set({ contactName: name, lastMessagePreview: preview }).where(eq(conversations.id, id!));
  return { id: id!, contactId: conv.contactId, workspaceId: conv.workspaceId };
}

async function offerOf(conversationId: string): Promise<OfferedConversation> {
  const c = await f.conversation(conversationId);
  return { id: c.id, contactName: c.contactName, lastMessagePreview: c.lastMessagePreview, offeredAt: Date.now(), offerExpiresAt: null };
}

function mentionOn(conversationId: string, contactName: string, excerpt: string): Notification {
  return { id: crypto.randomUUID(), kind: "mention", conversationId, actorId: "someone", actorName: "Ana Souza", contactName, excerpt, createdAt: Date.now(), readAt: null };
}

async function erase(contactId: string, name: string): Promise<void> {
  const admin = await server.login("admin@demo.inbox");
  const res = await server.api(`/api/contacts/${contactId}/erase`, { method: "POST", token: admin, json: { confirm: name } });
  expect(res.status).toBe(200);
}


/** An agent with a subscribed device and one push queued to it, for a customer's chat offered to them. */
async function oneQueuedPush(agentName: string, customer: string, text: string) {
  const { inboxId, teamId, agents } = await f.setup("manual", [{ name: agentName }]);
  const agentId = agents[0]!;
  const token = await f.loginAs(agentId);
  const device = await subscribeDevice(token);
  const chat = await customerChat(inboxId, teamId, customer, text);
  held.offered([{ conversation: await offerOf(chat.id), agentId }]);
  await queued();
  const sub = await subscriptionOf(device);
  expect(await deliveriesOf(sub)).toHaveLength(1);
  return { inboxId, teamId, agentId, token, device, sub };
}
describe("queued pushes when a customer's data goes", () => {
  it("erasing a contact deletes the offers and mentions still queued about their chats: the dispatcher sends nothing about them", async () => {
    const { inboxId, teamId, agents } = await f.setup("manual", [{ name: "Agent Eva" }]);
    const eva = agents[0]!;
    const device = await subscribeDevice(await f.loginAs(eva));
    const edna = await customerChat(inboxId, teamId, "Edna Segredo", "My address is 12 Rua Secreta");
    const otto = await customerChat(inboxId, teamId, "Otto Aberto", "Is the shop open?");
    held.offered([
      { conversation: await offerOf(edna.id), agentId: eva },
      { conversation: await offerOf(otto.id), agentId: eva },
    ]);
    held.notified(eva, mentionOn(edna.id, "Edna Segredo", "@Eva she lives at 12 Rua Secreta"));
    await queued();
    const waiting = await deliveriesOf(await subscriptionOf(device));
    expect(waiting).toHaveLength(3);
    expect(JSON.stringify(waiting.map((d) => d.payload))).toContain("Rua Secreta");

    await erase(edna.contactId, "Edna Segredo");
    expect((await deliveriesOf(await subscriptionOf(device))).map((d) => d.conversationId)).toEqual([otto.id]);

    await dispatch();
    // The pass ran (Otto's offer went out); nothing about Edna did.
    const texts = textsTo(device);
    expect(texts).toHaveLength(1);
    expect(JSON.parse(texts[0]!)).toMatchObject({ kind: "offered", conversationId: otto.id });
    expect(everythingSent()).not.toMatch(/Edna|Segredo|Rua Secreta/);
    expect(await server.core.db.select().from(pushDeliveries)).toEqual([]);
  });

  it("a push worded before the erasure but queued after it is not kept", async () => {
    const { inboxId, teamId, agents } = await f.setup("manual", [{ name: "Agent Fil" }]);
    const device = await subscribeDevice(await f.loginAs(agents[0]!));
    const ines = await customerChat(inboxId, teamId, "Ines Escondida", "Call me on 555-0199");
    const words = await offerOf(ines.id);
    await erase(ines.contactId, "Ines Escondida");
    held.offered([{ conversation: words, agentId: agents[0]! }]);
    await queued();
    expect(await deliveriesOf(await subscriptionOf(device))).toEqual([]);
    await dispatch();
    expect(textsTo(device)).toEqual([]);
    expect(everythingSent()).not.toMatch(/Ines|555-0199/);
  });

  it("retention deleting a conversation deletes its queued pushes in the same transaction", async () => {
    const { inboxId, teamId, agents } = await f.setup("manual", [{ name: "Agent Gus" }]);
    const device = await subscribeDevice(await f.loginAs(agents[0]!));
    const rita = await customerChat(inboxId, teamId, "Rita Antiga", "Old complaint about invoice 778", "resolved");
    const now = Date.now();
    await server.core.db.update(conversations).set({ lastActivityAt: now - 90 * 86_400_000 }).where(eq(conversations.id, rita.id));
    held.notified(agents[0]!, mentionOn(rita.id, "Rita Antiga", "@Gus invoice 778 again"));
    await queued();
    expect(await deliveriesOf(await subscriptionOf(device))).toHaveLength(1);

    const report = await runRetention(server.core, rita.workspaceId, 30, { now, actor: null });
    expect(report.conversations).toBeGreaterThanOrEqual(1);
    expect(await f.conversation(rita.id)).toBeUndefined();
    expect(await deliveriesOf(await subscriptionOf(device))).toEqual([]);
    await dispatch();
    expect(textsTo(device)).toEqual([]);
    expect(everythingSent()).not.toMatch(/Rita|invoice 778/);
  });
});

describe("a device rings only while the session that subscribed it lives", () => {
  it("signing out on the phone removes its subscription and queued pushes; the laptop still rings", async () => {
    const { inboxId, teamId, agents } = await f.setup("manual", [{ name: "Agent Hal" }]);
    const hal = agents[0]!;
    const phoneToken = await f.loginAs(hal);
    const laptopToken = await f.loginAs(hal);
    const phone = await subscribeDevice(phoneToken);
    const laptop = await subscribeDevice(laptopToken);
    const chat = await customerChat(inboxId, teamId, "Jo Cliente", "Where is my parcel?");
    held.offered([{ conversation: await offerOf(chat.id), agentId: hal }]);
    await queued();
    const phoneSub = await subscriptionOf(phone);
    expect(await deliveriesOf(phoneSub)).toHaveLength(1);

    expect((await server.api("/api/auth/logout", { method: "POST", token: phoneToken })).status).toBe(204);
    expect(await subscriptionOf(phone)).toBeUndefined();
    expect(await deliveriesOf(phoneSub)).toEqual([]);

    // Pushes queued after the sign-out go to the laptop only.
    const next = await customerChat(inboxId, teamId, "Jo Cliente", "Hello again?");
    held.offered([{ conversation: await offerOf(next.id), agentId: hal }]);
    await queued();
    await dispatch();
    expect(textsTo(phone)).toEqual([]);
    expect(textsTo(laptop).map((t) => (JSON.parse(t) as { conversationId: string }).conversationId).sort()).toEqual([chat.id, next.id].sort());
  });

  it("a session ended from the devices list, by a password change or by deactivation takes its device's subscription with it", async () => {
    const { agents } = await f.setup("manual", [{ name: "Agent Ida" }, { name: "Agent Jan" }]);
    const [ida, jan] = agents as [string, string];
    const admin = await server.login("admin@demo.inbox");
    const ends: { how: string; end: (token: string) => Promise<void> }[] = [
      {
        how: "signed out from the devices list",
        end: async (token) => {
          const other = await f.loginAs(ida);
          const id = (await sha256Hex(token)).slice(0, 16);
          expect((await server.api(`/api/me/sessions/${id}`, { method: "DELETE", token: other })).status).toBe(204);
        },
      },
      {
        how: "sign out everywhere else",
        end: async () => {
          const other = await f.loginAs(ida);
          expect((await server.api("/api/me/sessions/sign-out-others", { method: "POST", token: other })).status).toBe(200);
        },
      },
      {
        how: "password changed on another device",
        end: async () => {
          const other = await f.loginAs(ida);
          const res = await server.api("/api/me/password", { method: "POST", token: other, json: { currentPassword: DEMO_PASSWORD, newPassword: "Quartz-harbour-lantern-91" } });
          // Last: the fixture signs Ida in with the old password.
          expect(res.status).toBe(200);
        },
      },
    ];
    for (const { how, end } of ends) {
      const token = await f.loginAs(ida);
      const device = await subscribeDevice(token);
      expect(await subscriptionOf(device), how).toBeDefined();
      await end(token);
      expect(await subscriptionOf(device), how).toBeUndefined();
    }

    const janDevice = await subscribeDevice(await f.loginAs(jan));
    const res = await server.api(`/api/admin/people/${jan}/active`, { method: "POST", token: admin, json: { active: false } });
    expect(res.status).toBe(200);
    expect(await subscriptionOf(janDevice)).toBeUndefined();
  });

  it("an expired session's device is sent nothing: its queued push is dropped and the subscription forgotten", async () => {
    const { agentId: kai, token, device, sub } = await oneQueuedPush("Agent Kai", "Lia Cliente", "Please call me back");

    // The session runs out (its row stays until the next sweep of expired sessions).
    await server.core.db.update(sessions).set({ expiresAt: Date.now() - 1 }).where(eq(sessions.tokenHash, await sha256Hex(token)));
    await dispatch();
    expect(textsTo(device)).toEqual([]);
    expect(await subscriptionOf(device)).toBeUndefined();
    const forgotten = await server.core.db.select().from(events).where(and(eq(events.type, "push.unsubscribed"), eq(events.actorId, kai)));
    expect(forgotten.map((e) => e.data)).toEqual([expect.objectContaining({ subscriptionId: sub!.id, reason: "session_ended" })]);
    expect(await deliveriesOf(sub)).toEqual([]);
  });

  it("a device whose session row is gone is sent nothing: the queued push is dropped and the subscription forgotten", async () => {
    const { agentId: max, device, sub } = await oneQueuedPush("Agent Max", "Nia Cliente", "My card ends in 4242");

    // A subscription that outlived its session (no row of that session remains to trigger on).
    await server.core.db.update(pushSubscriptions).set({ sessionHash: await sha256Hex("a session signed out long ago") }).where(eq(pushSubscriptions.id, sub!.id));
    await dispatch();
    expect(textsTo(device)).toEqual([]);
    expect(everythingSent()).not.toMatch(/Nia|4242/);
    expect(await subscriptionOf(device)).toBeUndefined();
    expect(await deliveriesOf(sub)).toEqual([]);
    const forgotten = await server.core.db.select().from(events).where(and(eq(events.type, "push.unsubscribed"), eq(events.actorId, max)));
    expect(forgotten.map((e) => e.data)).toEqual([expect.objectContaining({ subscriptionId: sub!.id, reason: "session_ended" })]);
  });

  it("a deactivated person's device whose session row is left is neither queued for nor sent to", async () => {
    const { inboxId, teamId, agentId: oli, device, sub } = await oneQueuedPush("Agent Oli", "Pia Cliente", "Where is my order?");

    // Deactivated by a path that left the session row behind (deactivation normally ends it).
    await server.core.db.update(users).set({ deactivatedAt: Date.now() }).where(eq(users.id, oli));
    const second = await customerChat(inboxId, teamId, "Rui Cliente", "Second question");
    held.offered([{ conversation: await offerOf(second.id), agentId: oli }]);
    await queued();
    expect(await deliveriesOf(sub)).toHaveLength(1);
    await dispatch();
    expect(textsTo(device)).toEqual([]);
    expect(await subscriptionOf(device)).toBeUndefined();
    await server.core.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, oli));
  });

  it("a subscribe whose session ends before it is written keeps nothing", async () => {
    const { agents } = await f.setup("manual", [{ name: "Agent Ned" }]);
    const token = await f.loginAs(agents[0]!);
    const hash = await sha256Hex(token);
    // The request was let in with this session (what the session middleware resolved)…
    const user = (await usersOfSessions(server.core, [hash])).get(hash)!;
    // …then the session ended (another tab signed out) before the subscription was written.
    expect((await server.api("/api/auth/logout", { method: "POST", token })).status).toBe(204);
    const device = push.newDevice();
    await subscribe(server.core, user, { endpoint: device.endpoint, expirationTime: null, keys: device.keys }, null, true);
    expect(await subscriptionOf(device)).toBeUndefined();
  });

  it("queues nothing for a device whose session expired before the push was worded", async () => {
    const { inboxId, teamId, agents } = await f.setup("manual", [{ name: "Agent Lou" }]);
    const token = await f.loginAs(agents[0]!);
    const device = await subscribeDevice(token);
    await server.core.db.update(sessions).set({ expiresAt: Date.now() - 1 }).where(eq(sessions.tokenHash, await sha256Hex(token)));
    const chat = await customerChat(inboxId, teamId, "Mo Cliente", "Any news?");
    held.offered([{ conversation: await offerOf(chat.id), agentId: agents[0]! }]);
    await queued();
    expect(await deliveriesOf(await subscriptionOf(device))).toEqual([]);
  });
});
