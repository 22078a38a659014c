import { eq } from "drizzle-orm";
import { NoteSchema, WORK_LABELS, WORK_NOTES } from "@inbox/shared";
import type { Core } from "../core.ts";
import { conversations } from "../db/schema.ts";
import { eventInsert } from "../services/event-rows.ts";
import { notifyMentions } from "../services/notifications.ts";
import { toConversation, type ConversationRow } from "../services/read-model.ts";
import { isPeer } from "./peer.ts";
import { publish } from "./publish.ts";
import type { Room } from "./room.ts";

/**
 * Watches a conversation's work room (notes, shared draft, labels), which agents edit directly
 * and which merges after offline work. What agents add here is checked and recorded: a note
 * must be well-formed and signed by the agent who sent it (anything else is removed again),
 * each new note is an event, and label changes are mirrored into the conversation (for lists
 * and filters) with an event.
 */
export function watchWorkRoom(core: Core, room: Room, conversationId: string): void {
  const notes = room.doc.getMap(WORK_NOTES);
  const labels = room.doc.getMap(WORK_LABELS);

  notes.observe((event, txn) => {
    if (!isPeer(txn.origin)) return;
    const author = txn.origin.user;
    const rejected: string[] = [];
    const accepted: { id: string; createdAt: number; mentions: string[]; text: string }[] = [];
    for (const [key, change] of event.changes.keys) {
      if (change.action !== "add") continue;
      const parsed = NoteSchema.safeParse(notes.get(key));
      if (!parsed.success || parsed.data.id !== key || parsed.data.authorId !== author.id || parsed.data.conversationId !== conversationId) {
        rejected.push(key);
      } else {
        accepted.push({ id: key, createdAt: parsed.data.createdAt, mentions: mentionsIn(parsed.data.text), text: parsed.data.text });
      }
    }
    if (rejected.length) room.doc.transact(() => rejected.forEach((k) => notes.delete(k)), "server");
    if (accepted.length) void recordNotes(core, conversationId, author, accepted);
  });

  labels.observe((_event, txn) => {
    if (!isPeer(txn.origin)) return;
    void mirrorLabels(core, conversationId, txn.origin.user.id, [...labels.keys()].sort());
  });
}

function mentionsIn(text: string): string[] {
  return [...text.matchAll(/@([\p{L}\p{N}._-]+)/gu)].map((m) => m[1]!);
}

async function recordNotes(core: Core, conversationId: string, author: { id: string; name: string }, notes: { id: string; createdAt: number; mentions: string[]; text: string }[]): Promise<void> {
  const authorId = author.id;
  const conv = await core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
  if (!conv) return;
  const at = core.now();
  try {
    await core.writer.write(
      notes.map((n) =>
        eventInsert(core, {
          workspaceId: conv.workspaceId,
          conversationId,
          type: "note.added",
          actorKind: "agent",
          actorId: authorId,
          data: { noteId: n.id, writtenAt: n.createdAt, mentions: n.mentions },
          at,
        }),
      ),
    );
    // Colleagues the notes @mention are told (once per note and person).
    await notifyMentions(core, conv, author, notes);
  } catch (err) {
    console.error("could not record notes", err);
  }
}

async function mirrorLabels(core: Core, conversationId: string, actorId: string, labels: string[]): Promise<void> {
  await core.locks.run(`conversation:${conversationId}`, async () => {
    const conv = await core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
    if (!conv || JSON.stringify(conv.labels) === JSON.stringify(labels)) return;
    const results = await core.writer.write([
      eventInsert(core, {
        workspaceId: conv.workspaceId,
        conversationId,
        type: "conversation.labels_changed",
        actorKind: "agent",
        actorId,
        data: { from: conv.labels, to: labels },
        at: core.now(),
      }),
      core.db.update(conversations).set({ labels }).where(eq(conversations.id, conversationId)).returning(),
    ]);
    const updated = (results[1] as ConversationRow[])[0];
    if (updated) publish(core, toConversation(updated));
  });
}

