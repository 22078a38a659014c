/**
 * The `work.<conversationId>` documents: internal notes, the shared reply draft and labels,
 * which agents edit together and offline. Each is persisted with y-indexeddb (one database per
 * user and conversation) and synced over its writable room; both merge on reconnect.
 *
 * One Y.Doc per conversation per tab, shared by everyone who needs it (the open chat, the
 * outbox putting a refused reply back into a draft): two docs over one y-indexeddb database
 * would not see each other's edits until a reload.
 */
import { WORK_DRAFT, WORK_LABELS, WORK_NOTES, roomName } from "@inbox/shared";
import { createSignal, type Accessor } from "solid-js";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { workDocDbName } from "../local/db.ts";
import type { RoomStatus } from "./connection.ts";
import { appendToDraft } from "./outcomes.ts";
import { openRoom, type Room } from "./room.ts";

export interface WorkDoc {
  conversationId: string;
  doc: Y.Doc;
  notes: Y.Map<unknown>;
  draft: Y.Text;
  labels: Y.Map<unknown>;
  status: Accessor<RoomStatus>;
  /** The server's state has arrived at least once. */
  synced: Accessor<boolean>;
  /** What this device had stored is loaded. */
  loaded: Accessor<boolean>;
  whenLoaded: Promise<void>;
}

export interface WorkDocs {
  /** The conversation's work document, shared; call release() when done with it. */
  acquire(conversationId: string): { doc: WorkDoc; release(): void };
  /** Puts text back at the end of a conversation's draft, open on screen or not. */
  appendDraft(conversationId: string, text: string): Promise<void>;
  openIds(): string[];
  destroy(): void;
}

/** How long a released document stays open, so its last edits reach the server. */
const LINGER_MS = 5_000;

interface Entry {
  work: WorkDoc;
  room: Room;
  persistence: IndexeddbPersistence;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

export function createWorkDocs(userId: string, opts: { onOpen?(conversationId: string): void } = {}): WorkDocs {
  const entries = new Map<string, Entry>();

  const open = (conversationId: string): Entry => {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(workDocDbName(userId, conversationId), doc);
    const [loaded, setLoaded] = createSignal(false);
    const whenLoaded = persistence.whenSynced.then(() => void setLoaded(true));
    const room = openRoom(roomName({ kind: "work", id: conversationId }), { doc, crossTab: true, owned: false });
    const work: WorkDoc = {
      conversationId,
      doc,
      notes: doc.getMap(WORK_NOTES),
      draft: doc.getText(WORK_DRAFT),
      labels: doc.getMap(WORK_LABELS),
      status: room.status,
      synced: room.synced,
      loaded,
      whenLoaded,
    };
    opts.onOpen?.(conversationId);
    return { work, room, persistence, refs: 0, closeTimer: null };
  };

  const close = (conversationId: string, entry: Entry) => {
    entries.delete(conversationId);
    entry.room.destroy();
    void entry.persistence.destroy();
    entry.work.doc.destroy();
  };

  const acquire = (conversationId: string) => {
    let entry = entries.get(conversationId);
    if (!entry) {
      entry = open(conversationId);
      entries.set(conversationId, entry);
    }
    if (entry.closeTimer) clearTimeout(entry.closeTimer);
    entry.closeTimer = null;
    entry.refs++;
    const e = entry;
    let released = false;
    return {
      doc: e.work,
      release() {
        if (released) return;
        released = true;
        e.refs--;
        if (e.refs > 0) return;
        e.closeTimer = setTimeout(() => {
          if (e.refs === 0 && entries.get(conversationId) === e) close(conversationId, e);
        }, LINGER_MS);
      },
    };
  };

  return {
    acquire,
    async appendDraft(conversationId, text) {
      const { doc, release } = acquire(conversationId);
      try {
        // Stored drafts load first, so the text goes after them, not before.
        await Promise.race([doc.whenLoaded, new Promise((r) => setTimeout(r, 3_000))]);
        appendToDraft(doc.draft, text);
      } finally {
        release();
      }
    },
    openIds: () => [...entries.keys()],
    destroy() {
      for (const [id, e] of [...entries]) {
        if (e.closeTimer) clearTimeout(e.closeTimer);
        close(id, e);
      }
    },
  };
}
