import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { and, eq, inArray, like, or } from "drizzle-orm";
import { CONV_MESSAGES, newId, SyncPullResponseSchema, TEAM_CONVERSATIONS, type Conversation, type Message, type SyncPullResponse } from "@inbox/shared";
import { ContactEraseResponseSchema, ERASED_TEXT } from "@inbox/shared/api/data-rights";
import { auditLog, contactIdentities, contacts, conversations, docUpdates, events, media, messages, notifications, processedCommands } from "../db/schema.ts";
import { bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { customerWithHistory, type Customer } from "./customer-fixture.ts";

// Erasing a customer on a real server: what they, the agent and the note said is gone from the
// record, the media storage, the live rooms agents have open, the rooms' stored histories and
// devices' next pull; the rows stay (counts and metrics add up); the audit entry holds counts
// only; and the same WhatsApp number writing again is a new, anonymous contact.

let server: TestServer;
let admin: string;
let customer: Customer;
const NAME = "Erase Edna";

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
  customer = await customerWithHistory(server, admin, NAME, "5511977770002");
});
afterAll(() => server?.stop());

async function pull(token: string, cursor?: string): Promise<SyncPullResponse> {
  const res = await server.api(`/api/sync/pull?${new URLSearchParams({ limit: "2000", ...(cursor ? { cursor } : {}) })}`, { token });
  expect(res.status).toBe(200);
  return SyncPullResponseSchema.parse(await res.json());
}

async function pullToEnd(token: string): Promise<string> {
  let cursor: string | undefined;
  for (;;) {
    const page = await pull(token, cursor);
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}

function room(name: string, token: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", name, doc, { WebSocketPolyfill: bearerWebSocket(token), disableBc: true });
  return { doc, provider };
}

const erase = (token: string, confirm: string, id = customer.contactId) => server.api(`/api/contacts/${id}/erase`, { method: "POST", token, json: { confirm } });

describe("erasing a contact", () => {
  it("is refused to supervisors and agents, and without their name typed", async () => {
    for (const email of ["supervisor@demo.inbox", "ana@demo.inbox"]) expect((await erase(await server.login(email), NAME)).status, email).toBe(403);
    const wrong = await erase(admin, "Edna");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(`"${NAME}"`);
    expect((await server.core.db.query.contacts.findFirst({ where: eq(contacts.id, customer.contactId) }))!.erasedAt).toBeNull();
  });

  it("removes what was said everywhere, keeps the rows, updates open screens and devices, and audits counts only", async () => {
    const { db } = server.core;
    const ana = await server.login("ana@demo.inbox");
    const cursor = await pullToEnd(ana);
    // Agents have the chat and the team list open.
    const timeline = room(`conv.${customer.conversation.id}`, ana);
    const list = room(`team.${customer.conversation.teamId}`, ana);
    await waitFor("rooms synced", () => timeline.provider.synced && list.provider.synced);
    expect(JSON.stringify(timeline.doc.getMap(CONV_MESSAGES).toJSON())).toContain(customer.words.customer);

    // A duplicate merged into them earlier: its tombstone still holds what it knew.
    const duplicateId = newId();
    await server.core.writer.write([db.insert(contacts).values({ id: duplicateId, workspaceId: customer.conversation.workspaceId, name: "Edna E.", email: "edna.erase@example.com", phone: null, createdAt: server.core.now() })]);
    expect((await server.api(`/api/contacts/${customer.contactId}/merge`, { method: "POST", token: admin, json: { duplicateId } })).status).toBe(200);

    const res = await erase(admin, " erase  EDNA ");
    expect(res.status).toBe(200);
    const body = ContactEraseResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ alreadyErased: false, counts: { conversations: 1, messages: 4, mediaFiles: 2, identities: 1, notifications: 1 } });
    expect(body.contact).toMatchObject({ name: null, email: null, phone: null, notes: null, company: null, identities: [] });
    expect(body.contact.erasedAt).toEqual(expect.any(Number));

    // The rows stay, each saying "[erased]"; customers' messages no longer carry their name.
    const rows = await db.select().from(messages).where(eq(messages.conversationId, customer.conversation.id));
    expect(rows).toHaveLength(4);
    expect(rows.every((m) => m.text === ERASED_TEXT && JSON.stringify(m.content) === JSON.stringify({ kind: "text", text: ERASED_TEXT }))).toBe(true);
    expect(rows.filter((m) => m.senderKind === "customer").every((m) => m.senderName !== NAME)).toBe(true);
    const conv = (await db.query.conversations.findFirst({ where: eq(conversations.id, customer.conversation.id) }))!;
    expect(conv).toMatchObject({ lastMessagePreview: ERASED_TEXT, status: customer.conversation.status });
    expect(conv.contactName).not.toBe(NAME);
    expect(await db.select().from(contactIdentities).where(eq(contactIdentities.contactId, customer.contactId))).toEqual([]);
    expect(await db.query.contacts.findFirst({ where: eq(contacts.id, duplicateId) })).toMatchObject({ name: null, email: null, mergedIntoId: customer.contactId, erasedAt: body.contact.erasedAt });
    expect((await db.select().from(notifications).where(eq(notifications.noteId, customer.noteId)))[0]).toMatchObject({ excerpt: ERASED_TEXT, contactName: conv.contactName });

    // Media files are gone from storage and from the media table.
    for (const key of customer.mediaKeys) expect(await server.core.blobs.get(key)).toBeNull();
    expect(await db.select().from(media).where(inArray(media.key, customer.mediaKeys))).toEqual([]);

    // Nothing they said or were called is left in the record (events and audit included), nor
    // in any room's stored history.
    await server.core.rooms.flush();
    const said = [customer.words.customer, customer.words.reply, customer.words.note, NAME, "edna.erase@example.com", `receipt ${customer.externalId.slice(-4)}`];
    const dump = JSON.stringify([
      await db.select().from(messages).where(eq(messages.conversationId, customer.conversation.id)),
      await db.select().from(conversations).where(eq(conversations.id, customer.conversation.id)),
      await db.select().from(contacts).where(inArray(contacts.id, [customer.contactId, duplicateId])),
      await db.select().from(notifications),
      await db.select().from(processedCommands),
      await db.select().from(events),
      await db.select().from(auditLog),
    ]);
    for (const words of said) expect(dump.includes(words), words).toBe(false);
    const stored = await db
      .select()
      .from(docUpdates)
      .where(or(like(docUpdates.room, `%.${customer.conversation.id}`), eq(docUpdates.room, `team.${customer.conversation.teamId}`), like(docUpdates.room, "user.%")));
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) for (const words of said) expect(Buffer.from(row.update).includes(words), `${row.room}: ${words}`).toBe(false);

    // Open screens change at once: the timeline says "[erased]", the list shows no name.
    await waitFor("timeline erased", () => Object.values(timeline.doc.getMap(CONV_MESSAGES).toJSON() as Record<string, Message>).every((m) => m.content.kind === "text" && m.content.text === ERASED_TEXT));
    await waitFor("list anonymous", () => (list.doc.getMap(TEAM_CONVERSATIONS).get(customer.conversation.id) as Conversation | undefined)?.contactName === conv.contactName);
    timeline.provider.destroy();
    list.provider.destroy();

    // A device catching up gets the erased messages, conversation and contact.
    const delta = await pull(ana, cursor);
    expect(delta.messages.filter((m) => m.conversationId === customer.conversation.id).map((m) => m.content)).toEqual(Array(4).fill({ kind: "text", text: ERASED_TEXT }));
    expect(delta.conversations.find((c) => c.id === customer.conversation.id)).toMatchObject({ lastMessagePreview: ERASED_TEXT });
    expect(delta.contacts.find((c) => c.id === customer.contactId)).toMatchObject({ name: null, identities: [], erasedAt: body.contact.erasedAt });

    // The audit entry: who and counts, never content.
    const entry = (await db.select().from(auditLog).where(and(eq(auditLog.action, "contact.erased"), eq(auditLog.target, customer.contactId))))[0]!;
    expect(entry).toMatchObject({ actorName: "Alice Admin", data: { conversations: 1, messages: 4, mediaFiles: 2, identities: 1, notifications: 1 } });
    const event = (await db.select().from(events).where(eq(events.type, "contact.erased")))[0]!;
    expect(event.data).toMatchObject({ contactId: customer.contactId, messages: 4 });

    // Erasing again changes nothing and says so.
    const again = ContactEraseResponseSchema.parse(await (await erase(admin, "anything")).json());
    expect(again).toMatchObject({ alreadyErased: true, counts: { conversations: 0, messages: 0 } });
  });

  it("a new message from the same WhatsApp number starts a new, anonymous contact and conversation", async () => {
    const res = await server.simulatorApi(`/inboxes/${customer.inboxId}/customer`, { customer: { externalId: customer.externalId, name: "Edna Again" }, action: { kind: "text", text: "hello again" } });
    expect(res.status).toBe(200);
    const fresh = await waitFor("a new conversation", async () => {
      const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
      return list.conversations.find((c) => c.contactName === "Edna Again");
    }, 10_000);
    expect(fresh.id).not.toBe(customer.conversation.id);
    expect(fresh.contactId).not.toBe(customer.contactId);
    const erased = await server.core.db.select().from(messages).where(eq(messages.conversationId, customer.conversation.id));
    expect(erased).toHaveLength(4);
  });
});
