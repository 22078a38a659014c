import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { Conversation } from "@inbox/shared";
import { ContactResponseSchema } from "@inbox/shared/api/contacts";
import { FakePlatform } from "@inbox/connectors/testing";
import { buildWebhook, errorReply, lineFakeHandler, textMessage, type FakeLineProfile } from "@inbox/connectors/line/fake.ts";
import * as messenger from "@inbox/connectors/messenger/fake.ts";
import { contactIdentities, contacts, events, messages } from "../db/schema.ts";
import { bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { connectInbox, deliverWebhook } from "../testing/connect-inbox.ts";

// Customers' names and pictures from the platform's profile API (issue 16), end to end on a
// real server: a LINE customer writes, the server stores the message, then looks the sender up
// through LINE's fake and names the contact; an agent's name is never overwritten; a failing
// profile API leaves the id as the name and the message as it was.

const DAY_MS = 24 * 3600_000;
const credentials = { channelAccessToken: "line-profile-token", channelSecret: "line-profile-secret" };
const profiles = new Map<string, FakeLineProfile>();
const messengerCredentials = { pageAccessToken: "EAAG-profile-token", pageId: messenger.FAKE_PAGE_ID, appSecret: "profile-app-secret", verifyToken: "profile-verify" };
const messengerProfiles = new Map<string, messenger.FakeMessengerProfile>();
let fake: FakePlatform;
let messengerFake: FakePlatform;
let server: TestServer;
let admin: string;
let inboxId: string;
let messengerInboxId: string;
let sent = 0;

beforeAll(async () => {
  fake = await new FakePlatform(lineFakeHandler({ channelAccessToken: credentials.channelAccessToken, profiles })).start();
  messengerFake = await messenger.createFakeMessenger({ pageAccessToken: messengerCredentials.pageAccessToken, profiles: messengerProfiles }).start();
  server = await startTestServer({ platformApiUrls: { line: fake.baseUrl, messenger: messengerFake.baseUrl } });
  admin = await server.login("admin@demo.inbox");
  const teamId = server.seed!.teamIds.support!;
  inboxId = await connectInbox(server.url, admin, { name: "LINE profiles", channel: "line", teamId, credentials });
  messengerInboxId = await connectInbox(server.url, admin, { name: "Messenger profiles", channel: "messenger", teamId, credentials: messengerCredentials });
});
afterAll(async () => {
  await server?.stop();
  await fake?.stop();
  await messengerFake?.stop();
});

const userId = (n: number) => `U${String(n).padStart(32, "0")}`;

/** The customer writes; resolves once the webhook and the profile lookup it asked for are done. */
async function customerWrites(from: string, text: string): Promise<void> {
  sent += 1;
  expect(await deliverWebhook(`${server.url}/webhooks/line/${inboxId}`, buildWebhook(textMessage({ from, text, id: `90000000${sent}` }), credentials))).toBe(200);
  await waitFor(`"${text}" stored`, async () => (await server.core.db.select().from(messages).where(eq(messages.text, text)))[0]);
  await server.core.webhooks.idle();
  await server.core.profiles.idle();
}

async function listed(inbox = inboxId): Promise<Conversation[]> {
  const res = await server.api("/api/conversations", { token: admin });
  return ((await res.json()) as { conversations: Conversation[] }).conversations.filter((c) => c.inboxId === inbox);
}

async function identityOf(from: string, inbox = inboxId) {
  const [row] = await server.core.db.select().from(contactIdentities).where(and(eq(contactIdentities.inboxId, inbox), eq(contactIdentities.externalId, from)));
  return row!;
}

async function contactOf(from: string, inbox = inboxId) {
  const identity = await identityOf(from, inbox);
  return (await server.core.db.query.contacts.findFirst({ where: eq(contacts.id, identity.contactId) }))!;
}

const profileCalls = (from: string) => fake.requests.filter((r) => r.path === `/v2/bot/profile/${from}`).length;

describe("platform profiles", () => {
  it("names a new customer with their LINE display name and picture, and the list shows it", async () => {
    const from = userId(1);
    profiles.set(from, { displayName: "Mei Lin", pictureUrl: "https://profile.line-scdn.net/mei" });
    // An agent's live list (the team room), open while the customer writes.
    const doc = new Y.Doc();
    const room = new WebsocketProvider(`${server.url.replace("http", "ws")}/sync`, `team.${server.seed!.teamIds.support}`, doc, {
      WebSocketPolyfill: bearerWebSocket(admin),
      disableBc: true,
    });
    await waitFor("the list synced", () => room.synced);
    await customerWrites(from, "hello from Mei");
    const live = doc.getMap<Conversation>("conversations");
    await waitFor("the name in the live list", () => [...live.values()].some((c) => c.contactName === "Mei Lin"));
    room.destroy();

    const contact = await waitFor("the profile", async () => {
      const c = await contactOf(from);
      return c.name === "Mei Lin" ? c : null;
    });
    expect(contact).toMatchObject({ name: "Mei Lin", nameSource: "platform", avatarUrl: "https://profile.line-scdn.net/mei" });
    expect((await listed()).find((c) => c.contactId === contact.id)?.contactName).toBe("Mei Lin");
    // Every state change is an event: a system one, saying where the name came from.
    const [event] = await server.core.db.select().from(events).where(and(eq(events.type, "contact.updated"), eq(events.actorKind, "system")));
    expect(event?.data).toMatchObject({ contactId: contact.id, source: "platform", fields: ["name", "avatarUrl"] });
    expect(await identityOf(from)).toMatchObject({ profileDueAt: null, profileAttempts: 0 });

    // Writing again within the week asks LINE nothing more.
    await customerWrites(from, "still Mei");
    expect(profileCalls(from)).toBe(1);
  });

  it("never overwrites a name an agent typed, even when the profile is read again", async () => {
    const from = userId(2);
    profiles.set(from, { displayName: "Ken", pictureUrl: "https://profile.line-scdn.net/ken" });
    await customerWrites(from, "hi, Ken here");
    const contact = await waitFor("Ken's profile", async () => ((await contactOf(from)).name === "Ken" ? contactOf(from) : null));

    const res = await server.api(`/api/contacts/${contact.id}`, { method: "PATCH", token: admin, json: { name: "Kenji Watanabe (ACME)" } });
    expect(res.status).toBe(200);
    expect(ContactResponseSchema.parse(await res.json()).contact.name).toBe("Kenji Watanabe (ACME)");
    expect((await contactOf(from)).nameSource).toBe("agent");

    // Eight days on, the customer writes again with a new LINE name and picture.
    profiles.set(from, { displayName: "Kenny", pictureUrl: "https://profile.line-scdn.net/kenny" });
    server.clock.offsetMs = 8 * DAY_MS;
    try {
      await customerWrites(from, "Ken again");
      await waitFor("the refreshed picture", async () => (await contactOf(from)).avatarUrl === "https://profile.line-scdn.net/kenny");
    } finally {
      server.clock.offsetMs = 0;
    }
    expect(profileCalls(from)).toBe(2);
    expect(await contactOf(from)).toMatchObject({ name: "Kenji Watanabe (ACME)", nameSource: "agent" });
    expect((await listed()).find((c) => c.contactId === contact.id)?.contactName).toBe("Kenji Watanabe (ACME)");
  });

  it("keeps the id as the name, and the message, when the profile API fails; retries later", async () => {
    const from = userId(3);
    profiles.set(from, { displayName: "Would Be Named" });
    fake.failWhere((req) => req.path.startsWith("/v2/bot/profile/"), errorReply("server_error"));
    try {
      await customerWrites(from, "are you there?");
      await waitFor("the failed lookup", async () => (await identityOf(from)).profileAttempts === 1);
    } finally {
      fake.reset();
    }
    const contact = await contactOf(from);
    expect(contact.name).toBeNull();
    const conversation = (await listed()).find((c) => c.contactId === contact.id);
    expect(conversation?.contactName).toBe(from);
    const [message] = await server.core.db.select().from(messages).where(eq(messages.text, "are you there?"));
    expect(message).toMatchObject({ conversationId: conversation?.id, direction: "inbound" });
    // The retry waits a minute; when it comes, LINE answers and the name arrives.
    const identity = await identityOf(from);
    expect(identity.profileDueAt).toBeGreaterThan(Date.now());
    await server.core.profiles.refreshDue(identity.profileDueAt!);
    expect((await contactOf(from)).name).toBe("Would Be Named");
  });

  it("names a Messenger customer from the Graph user profile", async () => {
    const psid = "6021457719846511";
    messengerProfiles.set(psid, { first_name: "Beatriz", last_name: "Alves", profile_pic: "https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=6021457719846511" });
    const webhook = messenger.buildWebhook(messenger.textMessage({ from: psid, text: "olá, Beatriz aqui" }), messengerCredentials);
    expect(await deliverWebhook(`${server.url}/webhooks/messenger/${messengerInboxId}`, webhook)).toBe(200);
    await waitFor("Beatriz's name", async () => ((await identityOf(psid, messengerInboxId)) && (await contactOf(psid, messengerInboxId)).name === "Beatriz Alves" ? true : null));
    const contact = await contactOf(psid, messengerInboxId);
    expect(contact.avatarUrl).toBe("https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=6021457719846511");
    expect((await listed(messengerInboxId)).find((c) => c.contactId === contact.id)?.contactName).toBe("Beatriz Alves");

    // Erasing the person clears what the platform told us too.
    const erased = await server.api(`/api/contacts/${contact.id}/erase`, { method: "POST", token: admin, json: { confirm: "Beatriz Alves" } });
    expect(erased.status).toBe(200);
    expect(await server.core.db.query.contacts.findFirst({ where: eq(contacts.id, contact.id) })).toMatchObject({ name: null, nameSource: null, avatarUrl: null });
  });
});
