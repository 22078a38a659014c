import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { NoteSchema, WORK_NOTES, roomName, type Note } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { docUpdates } from "../db/schema.ts";

/**
 * A conversation's notes as stored: notes live only in its work room's document, whose updates
 * both runtimes write through to `doc_updates`, so reading them there works on Node and Workers
 * alike (a note written in the last moment may still be on its way).
 */
export async function storedNotes(core: Reads, conversationId: string): Promise<Note[]> {
  const rows = await core.db
    .select({ update: docUpdates.update })
    .from(docUpdates)
    .where(eq(docUpdates.room, roomName({ kind: "work", id: conversationId })))
    .orderBy(asc(docUpdates.id));
  if (rows.length === 0) return [];
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)));
    const notes: Note[] = [];
    for (const value of doc.getMap(WORK_NOTES).values()) {
      const note = NoteSchema.safeParse(value);
      if (note.success) notes.push(note.data);
    }
    return notes.sort((a, b) => a.createdAt - b.createdAt);
  } finally {
    doc.destroy();
  }
}
