import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { and, eq } from "drizzle-orm";
import type { CommandResult, Conversation, Note } from "@inbox/shared";
import type { UploadResponse } from "@inbox/shared/api/uploads";
import { fromBase64 } from "@inbox/connectors/src/crypto.ts";
import { docUpdates, events, media, notifications } from "../db/schema.ts";
import { bearerWebSocket, waitFor, type TestServer } from "../testing/test-server.ts";

/** A real 1×1 PNG (what an agent attaches). */
export const PNG = fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

export interface Customer {
  conversation: Conversation;
  contactId: string;
  inboxId: string;
  externalId: string;
  /** What the customer, the agent and the note said: none of it may survive an erasure. */
  words: { customer: string; reply: string; note: string };
  noteId: string;
  /** Keys of the media files of the conversation (the customer's photo, the agent's PNG). */
  mediaKeys: string[];
}

/**
 * A WhatsApp customer (through the demo simulator's signed webhooks) with a whole history: their
 * text and a photo, an agent's text reply and an attached image, and a note @mentioning Ana
 * (so Ana has a notification). Resolves once every part is in the record.
 */
export async function customerWithHistory(server: TestServer, adminToken: string, name: string, externalId: string): Promise<Customer> {
  const inbox = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "whatsapp")!;
  const tag = externalId.slice(-4);
  const words = { customer: `My card ending ${tag} was charged twice`, reply: `Refund ${tag} is on its way`, note: `Customer ${tag} is upset, @Ana please follow up` };
  for (const action of [{ kind: "text", text: words.customer }, { kind: "image", caption: `receipt ${tag}` }]) {
    const res = await server.simulatorApi(`/inboxes/${inbox.id}/customer`, { customer: { externalId, name }, action });
    if (res.status !== 200) throw new Error(`simulator refused: ${res.status} ${await res.text()}`);
  }
  const conversation = await waitFor(`${name}'s conversation with two messages`, async () => {
    const list = (await (await server.api("/api/conversations", { token: adminToken })).json()) as { conversations: Conversation[] };
    const conv = list.conversations.find((c) => c.contactName === name);
    if (!conv) return undefined;
    const rows = await server.core.db.query.messages.findMany({ where: (m, { eq: is }) => is(m.conversationId, conv.id) });
    return rows.length === 2 && conv;
  }, 10_000);

  const uploaded = await server.api(`/api/uploads?conversationId=${conversation.id}&filename=plan.png`, {
    method: "POST",
    token: adminToken,
    headers: { "content-type": "image/png" },
    body: PNG as Uint8Array<ArrayBuffer>,
  });
  const { url } = (await uploaded.json()) as UploadResponse;
  const reply = async (text: string, content?: unknown) => {
    const res = await server.api("/api/commands", { method: "POST", token: adminToken, json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId: conversation.id, text, content }] } });
    const [result] = ((await res.json()) as { results: CommandResult[] }).results;
    if (!result?.ok) throw new Error(`reply refused: ${JSON.stringify(result)}`);
  };
  await reply(words.reply);
  await reply("", { kind: "image", url, mimeType: "image/png", caption: `plan ${tag}` });

  const adminId = (await server.core.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.email, "admin@demo.inbox") }))!.id;
  const note: Note = { id: crypto.randomUUID(), conversationId: conversation.id, authorId: adminId, authorName: "Alice Admin", text: words.note, createdAt: server.core.now() };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `work.${conversation.id}`, doc, { WebSocketPolyfill: bearerWebSocket(adminToken), disableBc: true });
  await waitFor("work room synced", () => provider.synced);
  doc.getMap("notes").set(note.id, note);
  await waitFor("note recorded and stored", async () => {
    const recorded = await server.core.db.select().from(events).where(and(eq(events.conversationId, conversation.id), eq(events.type, "note.added")));
    const told = await server.core.db.select().from(notifications).where(eq(notifications.noteId, note.id));
    const stored = await server.core.db.select().from(docUpdates).where(eq(docUpdates.room, `work.${conversation.id}`));
    return recorded.length === 1 && told.length === 1 && stored.length > 0;
  });
  provider.destroy();
  doc.destroy();

  const files = await waitFor("both files placed", async () => {
    const rows = await server.core.db.select({ key: media.key }).from(media).where(eq(media.conversationId, conversation.id));
    return rows.length === 2 && rows;
  });
  return { conversation, contactId: conversation.contactId, inboxId: inbox.id, externalId, words, noteId: note.id, mediaKeys: files.map((f) => f.key) };
}
