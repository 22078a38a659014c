/**
 * Selected-conversation slice: which conversation is open, and everything shown about it.
 *
 * The timeline renders from the local database (so anything pulled is readable offline),
 * merged with the live `conv.<id>` room and the REST detail while online (both also mirrored
 * into the database), plus the agent's replies still in the outbox. Notes, labels and the
 * reply draft live in the `work.<id>` document. Every change the agent makes (reply, status,
 * priority, assign, read) is a command through the outbox.
 */
import {
  canSeeConversation,
  type Command,
  type Contact,
  type Conversation,
  type ConversationStatus,
  type Inbox,
  type Message,
  type Note,
  type Priority,
} from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from "solid-js";
import { loadApi } from "../api/load-api.ts";
import type { ApiError } from "../api/http.ts";
import type { LocalSlice, SessionSlice } from "../app/index.ts";
import type { ConversationsSlice } from "../conversation-list/index.ts";
import type { LocalDb } from "../local/db.ts";
import { createLiveQuery } from "../local/live-query.ts";
import { stripConversation, stripMessage, type ContactRow, type ConversationRow, type MessageRow } from "../local/rows.ts";
import { contactConversations, conversationMessages, putContacts, putConversations, putInbox, putMessages } from "../local/store.ts";
import type { RoomStatus } from "../sync/connection.ts";
import { liveLayer, startLive, whenLive } from "../sync/live.ts";
import { createCustomerTyping } from "./customer-typing.ts";
import type { WorkDoc } from "../sync/work-docs.ts";
import { normalizeLabel, notesInOrder, readLabels } from "../sync/work-values.ts";
import { hasQueuedRead, overlayPending, pendingReplies } from "../sync/pending.ts";
import { createRequest } from "../api/request.ts";
import { firstUnreadId, mergeTimeline } from "./timeline/timeline.ts";

/** How long "Snoozed" from the status menu snoozes for. */
const SNOOZE_MS = 24 * 3600_000;

export interface SelectionSlice {
  selectedId: Accessor<string | null>;
  select(id: string | null): void;
  conversation: Accessor<Conversation | null>;
  contact: Accessor<Contact | null>;
  inbox: Accessor<Inbox | null>;
  /** The contact's other conversations, newest first. */
  earlierConversations: Accessor<Conversation[]>;
  historyLoading: Accessor<boolean>;
  /** Time-ordered: stored, live and REST messages merged, then own replies still waiting. */
  timeline: Accessor<Message[]>;
  /** Internal notes of the open conversation, oldest first. */
  notes: Accessor<Note[]>;
  labels: Accessor<string[]>;
  /** The open conversation's work document (draft, notes, labels). */
  work: Accessor<WorkDoc | null>;
  /** Where the "New messages" marker goes, fixed when the conversation is opened. */
  firstUnreadId: Accessor<string | null>;
  liveStatus: Accessor<RoomStatus | null>;
  /** The web chat visitor is typing now. */
  customerTyping: Accessor<boolean>;
  loading: Accessor<boolean>;
  loadError: Accessor<ApiError | null>;
  /** Queues a reply in the outbox; rejects only if this device could not store it. */
  send(text: string): Promise<void>;
  /** An internal note; with `whisperTo`, a supervisor's whisper to that agent (issue 12). */
  addNote(text: string, whisperTo?: string): void;
  addLabel(label: string): void;
  removeLabel(label: string): void;
  assignToMe(): Promise<void>;
  resolve(): Promise<void>;
  reopen(): Promise<void>;
  setStatus(status: ConversationStatus): Promise<void>;
  setPriority(priority: Priority): Promise<void>;
  /** Supervision (issue 12): an agent raises or lowers a hand for help; a supervisor joins. */
  setHand(raised: boolean): Promise<void>;
  join(): Promise<void>;
  /**
   * A supervisor gives the chat to a chosen person (null: back to the queue), sent with who they
   * saw assigned so a race is reported rather than silently overwritten.
   */
  assign(assigneeId: string | null, opts?: { reason?: string; override?: boolean }): Promise<void>;
  /** A supervisor moves the chat to another team's queue, sent with the team they saw. */
  transfer(teamId: string, reason?: string): Promise<void>;
  commandError: Accessor<string | null>;
}

interface Source {
  db: LocalDb;
  id: string;
}

export function createSelectionSlice(session: SessionSlice, local: LocalSlice, conversations: ConversationsSlice): SelectionSlice {
  const [selectedId, setSelectedId] = createSignal<string | null>(null);
  const userId = createMemo(() => session.me()?.user.id ?? null);

  // The live room and the work document come with the live layer (sync/live.ts), asked for at
  // once when a chat opens; the database's copy shows meanwhile.
  createEffect(() => {
    if (selectedId()) startLive();
  });
  const liveRoom = whenLive((live) => live.createConversationRoom(selectedId));
  const room = () => liveRoom()?.() ?? null;
  const customerTyping = createCustomerTyping(() => room()?.customerTyping() ?? null);
  const detail = createRequest(selectedId, async (id) => (await loadApi()).conversation(id));

  const source = createMemo<Source | null>(
    () => {
      const db = local.db();
      const id = selectedId();
      return db && id ? { db, id } : null;
    },
    null,
    { equals: (a, b) => a?.db === b?.db && a?.id === b?.id },
  );
  const storedConversation = createLiveQuery(source, (s) => s.db.conversations.get(s.id), undefined as ConversationRow | undefined);
  const storedMessages = createLiveQuery(source, (s) => conversationMessages(s.db, s.id), [] as MessageRow[]);

  // Keep the open conversation while evicting, and mirror what the server shows into the database.
  createEffect(() => local.setProtected(selectedId() ? [selectedId()!] : []));
  const store = (what: string, p: Promise<unknown>) => p.catch((err) => console.warn(`Could not store ${what}`, err));
  // Only what this person may see goes on the device: the conversation room's last word before
  // it closes on someone who lost the chat (an assigned-only role, unassigned) can arrive after
  // the narrow list dropped it, and would put it back.
  const mayKeep = (c: Conversation) => {
    const me = untrack(session.me)?.user;
    return !me || canSeeConversation(me, c);
  };
  createEffect(
    on(detail.data, (d) => {
      const db = untrack(local.db);
      if (!d || !db) return;
      if (mayKeep(d.conversation)) store("the conversation", putConversations(db, [d.conversation]));
      store("the contact", putContacts(db, [d.contact]));
      store("the inbox", putInbox(db, d.inbox));
      store("messages", putMessages(db, d.messages));
    }),
  );
  createEffect(() => {
    const r = room();
    if (!r) return;
    const mirrored = new WeakSet<Message>();
    createEffect(
      on(r.messages, (list) => {
        const db = untrack(local.db);
        if (!db) return;
        const fresh = list.filter((m) => !mirrored.has(m));
        for (const m of list) mirrored.add(m);
        if (fresh.length > 0) store("messages", putMessages(db, fresh));
      }),
    );
    createEffect(
      on(r.conversation, (c) => {
        const db = untrack(local.db);
        if (c && db && mayKeep(c)) store("the conversation", putConversations(db, [c]));
      }),
    );
  });

  const conversation = createMemo((): Conversation | null => {
    const id = selectedId();
    if (!id) return null;
    const row = storedConversation();
    const base =
      row && row.id === id
        ? stripConversation(row)
        : (room()?.conversation() ?? (detail.data()?.conversation.id === id ? detail.data()!.conversation : null));
    if (!base || base.id !== id) return null;
    return overlayPending(base, local.queued().get(id));
  });

  // ---------- contact, inbox, history ----------
  const contactId = createMemo(() => conversation()?.contactId ?? null);
  const contactSource = createMemo(
    () => {
      const db = local.db();
      const id = contactId();
      return db && id ? { db, id } : null;
    },
    null,
    { equals: (a, b) => a?.db === b?.db && a?.id === b?.id },
  );
  const storedContact = createLiveQuery(contactSource, (s) => s.db.contacts.get(s.id), undefined as ContactRow | undefined);
  const storedHistory = createLiveQuery(contactSource, (s) => contactConversations(s.db, s.id), [] as ConversationRow[]);
  const inboxSource = createMemo(
    () => {
      const db = local.db();
      const id = conversation()?.inboxId;
      return db && id ? { db, id } : null;
    },
    null,
    { equals: (a, b) => a?.db === b?.db && a?.id === b?.id },
  );
  const storedInbox = createLiveQuery(inboxSource, (s) => s.db.inboxes.get(s.id), undefined as Inbox | undefined);

  const contactKey = createMemo(() => {
    const id = selectedId();
    const cid = contactId();
    return id && cid ? { id, contactId: cid } : null;
  });
  // Keyed by conversation too, so opening another chat of the same person refreshes the history.
  const contactDetail = createRequest(contactKey, async (k) => (await loadApi()).contact(k.contactId), (k) => `${k.id}:${k.contactId}`);

  // ---------- timeline ----------
  const timeline = createMemo((): Message[] => {
    const id = selectedId();
    if (!id) return [];
    const me = session.me()?.user;
    const d = detail.data();
    const known = storedMessages().map(stripMessage);
    const rest = d && d.conversation.id === id ? d.messages : [];
    const pending = me ? pendingReplies(local.outbox(), id, { id: me.id, name: me.name }) : [];
    return mergeTimeline(rest.length ? [...known, ...rest] : known, room()?.messages() ?? [], pending);
  });

  // ---------- work document: notes, labels, draft ----------
  const workState = createMemo(() => {
    const id = selectedId();
    const docs = local.workDocs();
    const live = liveLayer();
    if (!id || !docs || !live) return null;
    const { doc, release } = docs.acquire(id);
    onCleanup(release);
    return {
      doc,
      notes: live.createYMapValues(doc.notes, live.NoteSchema, "note"),
      labels: live.createYMapDerived(doc.labels, readLabels),
      touched: live.createYMapDerived(doc.labels, (m) => m.size > 0),
    };
  });
  const notes = createMemo(() => notesInOrder(workState()?.notes() ?? []));
  /** The work document is the truth for labels once it knows any; before, the server's mirror. */
  const labelsFromDoc = () => {
    const w = workState();
    return !!w && (w.touched() || w.doc.synced());
  };
  const labels = createMemo(() => (labelsFromDoc() ? (workState()?.labels() ?? []) : (conversation()?.labels ?? [])));
  const editLabels = (edit: (map: WorkDoc["labels"]) => void) => {
    const w = workState();
    if (!w) return;
    const seed = labelsFromDoc() ? [] : (conversation()?.labels ?? []);
    w.doc.doc.transact(() => {
      for (const l of seed) w.doc.labels.set(l, true);
      edit(w.doc.labels);
    });
  };

  // ---------- commands ----------
  const [commandError, setCommandError] = createSignal<string | null>(null);
  const base = (id: string) => ({ clientId: crypto.randomUUID(), conversationId: id });
  const run = async (make: (id: string) => Command) => {
    const id = selectedId();
    if (!id) return;
    setCommandError(null);
    try {
      await local.enqueue(make(id));
    } catch (err) {
      console.error(err);
      setCommandError("This change could not be saved on this device. Try again.");
    }
  };
  const setStatus = (status: ConversationStatus) =>
    run((id) => ({ ...base(id), type: "status", status, ...(status === "snoozed" ? { snoozedUntil: Date.now() + SNOOZE_MS } : {}) }));

  // Reading: on open, and again when customer messages arrive while the chat is open.
  const lastRead = new Map<string, number>();
  const markRead = (id: string) => {
    const now = Date.now();
    if ((lastRead.get(id) ?? 0) > now - 2_000) return;
    if (hasQueuedRead(untrack(local.outbox), id)) return;
    lastRead.set(id, now);
    local.enqueue({ ...base(id), type: "read" }).catch(() => {});
  };

  // The unread count as it was when the chat was opened; reading it resets the live count.
  const [unreadAtOpen, setUnreadAtOpen] = createSignal(0);
  // The marker is placed once, when the opened chat's messages are first known, and then stays
  // where it is: new messages arriving while the agent reads must not move it.
  const [markerId, setMarkerId] = createSignal<string | null>(null);
  let markerPlaced = false;
  createEffect(() => {
    const messages = timeline();
    if (markerPlaced || detail.loading() || !storedMessages.loaded() || messages.length === 0) return;
    markerPlaced = true;
    setMarkerId(firstUnreadId(messages, untrack(unreadAtOpen)));
  });
  createEffect(
    on(selectedId, (id) => {
      const unread = untrack(() => (id ? (conversations.peek(id)?.unreadCount ?? 0) : 0));
      setUnreadAtOpen(unread);
      markerPlaced = false;
      setMarkerId(null);
      setCommandError(null);
      if (id && unread > 0) markRead(id);
    }),
  );
  createEffect(
    on(
      () => conversation()?.unreadCount ?? 0,
      (unread) => {
        const id = untrack(selectedId);
        if (id && unread > 0 && document.visibilityState === "visible") markRead(id);
      },
      { defer: true },
    ),
  );

  // Signing out (or in as someone else) closes whatever was open.
  createEffect(on(userId, () => setSelectedId(null), { defer: true }));

  return {
    selectedId,
    select: (id) => setSelectedId(id),
    conversation,
    contact: () => {
      const d = detail.data();
      const stored = storedContact();
      return stored ?? (d && d.contact.id === contactId() ? d.contact : null) ?? contactDetail.data()?.contact ?? null;
    },
    // The team room's copy is live (an admin disabling the channel shows at once); the stored
    // one is the last known state offline; the REST detail fills in before either arrives.
    inbox: () => {
      const id = conversation()?.inboxId;
      if (!id) return null;
      const d = detail.data()?.inbox;
      return conversations.inboxes().get(id) ?? storedInbox() ?? (d && d.id === id ? d : null);
    },
    earlierConversations: () => {
      const id = selectedId();
      const byId = new Map<string, Conversation>();
      for (const c of contactDetail.data()?.conversations ?? []) byId.set(c.id, c);
      for (const r of storedHistory()) {
        const prev = byId.get(r.id);
        if (!prev || r.lastActivityAt >= prev.lastActivityAt) byId.set(r.id, stripConversation(r));
      }
      byId.delete(id ?? "");
      return [...byId.values()].sort((a, b) => b.lastActivityAt - a.lastActivityAt);
    },
    historyLoading: () => contactDetail.loading() && storedHistory().length === 0,
    timeline,
    notes,
    labels,
    work: () => workState()?.doc ?? null,
    firstUnreadId: markerId,
    liveStatus: () => room()?.status() ?? null,
    customerTyping,
    loading: () => (!storedMessages.loaded() || detail.loading()) && timeline().length === 0,
    loadError: () => detail.error(),
    send: async (text) => {
      const id = selectedId();
      if (!id) return;
      const expected = conversation()?.assigneeId ?? null;
      await local.enqueue({
        ...base(id),
        type: "reply",
        text,
        expectedAssigneeId: expected,
        writtenAt: Date.now(),
      });
    },
    addNote: (text, whisperTo) => {
      const w = workState();
      const me = session.me()?.user;
      const id = selectedId();
      if (!w || !me || !id) return;
      const note: Note = {
        id: crypto.randomUUID(),
        conversationId: id,
        authorId: me.id,
        authorName: me.name,
        text,
        createdAt: Date.now(),
        ...(whisperTo ? { whisperTo } : {}),
      };
      w.doc.notes.set(note.id, note);
    },
    addLabel: (label) => {
      const l = normalizeLabel(label);
      if (l) editLabels((map) => map.set(l, true));
    },
    removeLabel: (label) => editLabels((map) => map.delete(label)),
    assignToMe: () => run((id) => ({ ...base(id), type: "assign", assigneeId: session.me()?.user.id ?? null })),
    resolve: () => setStatus("resolved"),
    reopen: () => setStatus("open"),
    setStatus,
    setPriority: (priority) => run((id) => ({ ...base(id), type: "priority", priority })),
    setHand: (raised) => run((id) => ({ ...base(id), type: "hand", raised })),
    join: () => run((id) => ({ ...base(id), type: "join" })),
    assign: (assigneeId, opts = {}) => {
      const reason = opts.reason?.trim();
      return run((id) => ({
        ...base(id),
        type: "assign",
        assigneeId,
        expectedAssigneeId: conversation()?.assigneeId ?? null,
        ...(reason ? { reason } : {}),
        ...(opts.override ? { override: true } : {}),
      }));
    },
    transfer: (teamId, reason) => {
      const why = reason?.trim();
      const seen = conversation()?.teamId;
      return run((id) => ({ ...base(id), type: "transfer", teamId, ...(why ? { reason: why } : {}), ...(seen ? { expectedTeamId: seen } : {}) }));
    },
    commandError,
  };
}
