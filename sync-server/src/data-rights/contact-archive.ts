import { asc, eq, inArray } from "drizzle-orm";
import type { Note } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { conversations, events, linkedTickets, media, messages } from "../db/schema.ts";
import type { BlobStore } from "../media/blob-store.ts";
import { loadContact, toConversation, toMessage, type MessageRow } from "../db/read-model.ts";
import type { ContactRow } from "./access.ts";
import { mediaKeyOf } from "./media-keys.ts";
import { storedNotes } from "./work-notes.ts";
import type { ArchiveEntry } from "./zip-stream.ts";

/** SQLite caps bound parameters per statement: long id lists are read in chunks. */
const CHUNK = 500;

export interface ArchiveCounts {
  conversations: number;
  messages: number;
  notes: number;
  mediaFiles: number;
}

export interface ContactArchive {
  filename: string;
  counts: ArchiveCounts;
  /** The archive's files: JSON first, then each media file as it is read from storage. */
  entries(): AsyncIterable<ArchiveEntry>;
}

/**
 * Everything the workspace holds about a contact, as files: the profile with the channels they
 * are known on, each conversation with its messages, internal notes, linked tickets and history
 * (events), and every media file their conversations carry. Read before anything is sent, so
 * the counts (audited) are those of the archive.
 */
export async function contactArchive(core: Reads & { blobs: BlobStore }, row: ContactRow, at: number): Promise<ContactArchive> {
  const { db } = core;
  const profile = await loadContact(db, row.id);
  const convs = await db.select().from(conversations).where(eq(conversations.contactId, row.id)).orderBy(asc(conversations.createdAt));
  const ids = convs.map((c) => c.id);
  const msgRows: MessageRow[] = [];
  const tickets: (typeof linkedTickets.$inferSelect)[] = [];
  const history: (typeof events.$inferSelect)[] = [];
  const placed: string[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    msgRows.push(...(await db.select().from(messages).where(inArray(messages.conversationId, chunk)).orderBy(asc(messages.position))));
    tickets.push(...(await db.select().from(linkedTickets).where(inArray(linkedTickets.conversationId, chunk))));
    history.push(...(await db.select().from(events).where(inArray(events.conversationId, chunk)).orderBy(asc(events.at))));
    placed.push(...(await db.select({ key: media.key }).from(media).where(inArray(media.conversationId, chunk))).map((r) => r.key));
  }
  const notes = new Map<string, Note[]>();
  for (const id of ids) notes.set(id, await storedNotes(core, id));

  // Each file once, with the message that carries it (files agents uploaded and sent too).
  const files = new Map<string, { conversationId: string | null; messageId: string | null }>();
  for (const m of msgRows) {
    const key = mediaKeyOf(m.content);
    if (key && !files.has(key)) files.set(key, { conversationId: m.conversationId, messageId: m.id });
  }
  for (const key of placed) if (!files.has(key)) files.set(key, { conversationId: null, messageId: null });

  const json = (name: string, value: unknown): ArchiveEntry => ({ name, data: new TextEncoder().encode(JSON.stringify(value, null, 2)), compress: true });
  const counts: ArchiveCounts = {
    conversations: convs.length,
    messages: msgRows.length,
    notes: [...notes.values()].reduce((n, list) => n + list.length, 0),
    mediaFiles: files.size,
  };

  async function* entries(): AsyncIterable<ArchiveEntry> {
    yield json("manifest.json", {
      exportedAt: new Date(at).toISOString(),
      contactId: row.id,
      counts,
      files: {
        "contact.json": "the profile and the channels the person is known on",
        "conversations.json": "every conversation with them",
        "conversations/<id>/messages.json": "what was written, both ways, in order",
        "conversations/<id>/notes.json": "the team's internal notes",
        "conversations/<id>/tickets.json": "external tickets linked to the conversation",
        "conversations/<id>/history.json": "what happened (assignments, status changes, …)",
        "media/<file>": "images, audio, video and files sent or received; media.json lists them",
      },
    });
    yield json("contact.json", profile);
    yield json("conversations.json", convs.map(toConversation));
    for (const c of convs) {
      const dir = `conversations/${c.id}`;
      yield json(`${dir}/messages.json`, msgRows.filter((m) => m.conversationId === c.id).map(toMessage));
      yield json(`${dir}/notes.json`, notes.get(c.id) ?? []);
      yield json(`${dir}/tickets.json`, tickets.filter((t) => t.conversationId === c.id).map(({ workspaceId: _, ...t }) => t));
      yield json(`${dir}/history.json`, history.filter((e) => e.conversationId === c.id).map(({ workspaceId: _, ...e }) => e));
    }
    const listed: { file: string; mimeType: string | null; conversationId: string | null; messageId: string | null; missing: boolean }[] = [];
    for (const [key, where] of files) {
      const blob = await core.blobs.get(key);
      listed.push({ file: `media/${key}`, mimeType: blob?.mimeType ?? null, ...where, missing: !blob });
      if (blob) yield { name: `media/${key}`, data: blob.bytes, compress: false };
    }
    yield json("media.json", listed);
  }

  return { filename: `contact-${row.id.slice(0, 8)}-${new Date(at).toISOString().slice(0, 10)}.zip`, counts, entries };
}
