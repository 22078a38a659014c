import { eq } from "drizzle-orm";
import type * as Y from "yjs";
import { can, NoteSchema, WORK_DRAFT, WORK_LABELS, WORK_NOTES, type Note } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { conversations } from "../db/schema.ts";
import { eventInsert } from "../db/event-rows.ts";
import { notifyMentions } from "../notifications/index.ts";
import { toConversation, type ConversationRow } from "../db/read-model.ts";
import { isPeer, type PeerUser } from "../rooms/peer.ts";
import type { Room } from "../rooms/room.ts";
import { WORK_LIMITS, guardWorkUpdate } from "./work-update-guard.ts";
import { recordWhisper } from "./intervene.ts";

/** What a work room's watcher needs: recording notes and labels, publishing, notifying mentions. */
export type WorkRoomDeps = Writes & Publishes;

/**
 * Watches a conversation's work room (notes, shared draft, labels), which agents edit directly
 * and which merges after offline work. Before an agent's update is applied, its sizes and shape
 * are checked (work-update-guard.ts). Once applied, what it did is checked and recorded:
 * - a new note must be well-formed and signed by the agent who sent it;
 * - only a note's author, or a supervisor or admin, may edit or delete it, and an edit keeps
 *   the note's author; each edit and delete is an event naming who did it;
 * - labels are short, at most WORK_LIMITS.labels of them, mirrored into the conversation (for
 *   lists and filters) with an event; the draft stays within WORK_LIMITS.draftChars.
 * Anything refused is put back by the server, for everyone in the room.
 */
export function watchWorkRoom(core: WorkRoomDeps, room: Room, conversationId: string): void {
  const notes = room.doc.getMap(WORK_NOTES);
  const labels = room.doc.getMap(WORK_LABELS);
  const draft = room.doc.getText(WORK_DRAFT);
  room.guardUpdates = guardWorkUpdate;

  notes.observe((event, txn) => {
    if (!isPeer(txn.origin)) return;
    const editor = txn.origin.user;
    const outcome = judgeNoteChanges(event, notes, editor, conversationId);
    if (outcome.restore.size) room.doc.transact(() => putBack(notes, outcome.restore), "server");
    if (outcome.added.length || outcome.edited.length || outcome.deleted.length) void recordNotes(core, conversationId, editor, outcome);
  });

  labels.observe((event, txn) => {
    if (!isPeer(txn.origin)) return;
    const actorId = txn.origin.user.id;
    const restore = new Map<string, unknown>();
    const turnedOn: [string, unknown][] = [];
    for (const [key, change] of event.changes.keys) {
      if (change.action === "delete") continue;
      const value = labels.get(key);
      const previous = change.action === "add" ? undefined : change.oldValue;
      if (key.length === 0 || key.length > WORK_LIMITS.labelChars || typeof value !== "boolean") restore.set(key, previous);
      else if (value === true && previous !== true) turnedOn.push([key, previous]);
    }
    // Too many labels: this change's new ones are taken back.
    if (activeLabels(labels).filter((k) => !restore.has(k)).length > WORK_LIMITS.labels) for (const [key, previous] of turnedOn) restore.set(key, previous);
    if (restore.size) room.doc.transact(() => putBack(labels, restore), "server");
    // Read after the put-back, which runs right after this transaction.
    void Promise.resolve().then(() => mirrorLabels(core, conversationId, actorId, activeLabels(labels)));
  });

  draft.observe((event, txn) => {
    if (!isPeer(txn.origin) || draft.length <= WORK_LIMITS.draftChars) return;
    // Past the limit: what this change inserted is taken out again, from the end backwards.
    const inserted: [number, number][] = [];
    let at = 0;
    for (const op of event.delta) {
      if (op.retain) at += op.retain;
      else if (typeof op.insert === "string") {
        inserted.push([at, op.insert.length]);
        at += op.insert.length;
      }
    }
    room.doc.transact(() => {
      for (const [index, length] of inserted.reverse()) draft.delete(index, length);
    }, "server");
  });
}

interface NoteOutcome {
  /** Key → the value to put back (undefined: remove the key). */
  restore: Map<string, unknown>;
  added: { id: string; createdAt: number; mentions: string[]; text: string; whisperTo?: string }[];
  edited: { id: string; authorId: string; mentions: string[]; text: string }[];
  deleted: { id: string; authorId: string | null }[];
}

/** Those who supervise (supervisors, admins, custom roles with it) may edit and remove colleagues' notes; others only their own. */
function moderates(editor: PeerUser): boolean {
  return editor.role !== undefined && can({ role: editor.role, permissions: editor.permissions }, "supervise");
}

function judgeNoteChanges(event: Y.YMapEvent<unknown>, notes: Y.Map<unknown>, editor: PeerUser, conversationId: string): NoteOutcome {
  const outcome: NoteOutcome = { restore: new Map(), added: [], edited: [], deleted: [] };
  for (const [key, change] of event.changes.keys) {
    const next = NoteSchema.safeParse(notes.get(key));
    const note: Note | null = next.success && next.data.id === key && next.data.conversationId === conversationId ? next.data : null;
    if (change.action === "add") {
      // A whisper (a note to the assignee) is a supervisor's or admin's word to an agent.
      if (note && note.authorId === editor.id && (note.whisperTo === undefined || moderates(editor))) {
        outcome.added.push({ id: key, createdAt: note.createdAt, mentions: mentionsIn(note.text), text: note.text, ...(note.whisperTo ? { whisperTo: note.whisperTo } : {}) });
      } else outcome.restore.set(key, undefined);
      continue;
    }
    const before = NoteSchema.safeParse(change.oldValue);
    const previous = before.success ? before.data : null;
    const allowed = moderates(editor) || (previous !== null && previous.authorId === editor.id);
    if (!allowed) {
      outcome.restore.set(key, change.oldValue);
    } else if (change.action === "delete") {
      outcome.deleted.push({ id: key, authorId: previous?.authorId ?? null });
    } else if (
      !note ||
      note.authorId !== (previous?.authorId ?? editor.id) ||
      (previous && (note.createdAt !== previous.createdAt || note.whisperTo !== previous.whisperTo))
    ) {
      // An edit keeps who wrote the note, when, and whom it whispers to; it cannot sign it with another name.
      outcome.restore.set(key, change.oldValue);
    } else {
      outcome.edited.push({ id: key, authorId: note.authorId, mentions: mentionsIn(note.text), text: note.text });
    }
  }
  return outcome;
}

function putBack(map: Y.Map<unknown>, restore: Map<string, unknown>): void {
  for (const [key, value] of restore) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
}

/** Labels set to true (older clients set a removed label to false), alphabetically. */
function activeLabels(labels: Y.Map<unknown>): string[] {
  return [...labels.entries()].filter(([, v]) => v === true).map(([k]) => k).sort();
}

function mentionsIn(text: string): string[] {
  return [...text.matchAll(/@([\p{L}\p{N}._-]+)/gu)].map((m) => m[1]!);
}

async function recordNotes(core: WorkRoomDeps, conversationId: string, editor: PeerUser, outcome: NoteOutcome): Promise<void> {
  const conv = await core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
  if (!conv) return;
  const at = core.now();
  const base = { workspaceId: conv.workspaceId, conversationId, actorKind: "agent" as const, actorId: editor.id, at };
  try {
    await core.writer.write([
      ...outcome.added.map((n) => eventInsert(core, { ...base, type: "note.added", data: { noteId: n.id, writtenAt: n.createdAt, mentions: n.mentions } })),
      ...outcome.edited.map((n) => eventInsert(core, { ...base, type: "note.edited", data: { noteId: n.id, authorId: n.authorId, mentions: n.mentions } })),
      ...outcome.deleted.map((n) => eventInsert(core, { ...base, type: "note.deleted", data: { noteId: n.id, authorId: n.authorId } })),
    ]);
    // Colleagues new notes @mention are told (once per note and person); edits tell nobody again.
    if (outcome.added.length) await notifyMentions(core, conv, editor, outcome.added);
    for (const n of outcome.added) if (n.whisperTo) await recordWhisper(core, conv, editor, { noteId: n.id, to: n.whisperTo, text: n.text });
  } catch (err) {
    console.error("could not record notes", err);
  }
}

async function mirrorLabels(core: WorkRoomDeps, conversationId: string, actorId: string, labels: string[]): Promise<void> {
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
