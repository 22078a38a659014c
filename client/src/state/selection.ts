/**
 * Selected-conversation slice: which conversation is open, its live room, its REST detail
 * (contact, inbox, first paint of the timeline), the contact's history, and the commands an
 * agent runs on it (reply, assign, resolve, reopen, mark read).
 */
import type { Contact, Conversation, Inbox, Message } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, untrack, type Accessor } from "solid-js";
import { api } from "../api/endpoints.ts";
import { ApiError } from "../api/http.ts";
import type { RoomStatus } from "../sync/connection.ts";
import { createConversationRoom } from "../sync/conversation-room.ts";
import type { ConversationsSlice } from "./conversations.ts";
import { createRequest } from "./request.ts";
import type { SessionSlice } from "./session.ts";
import { firstUnreadId, mergeTimeline, pendingMessage } from "./timeline.ts";

export interface SelectionSlice {
  selectedId: Accessor<string | null>;
  select(id: string | null): void;
  conversation: Accessor<Conversation | null>;
  contact: Accessor<Contact | null>;
  inbox: Accessor<Inbox | null>;
  /** The contact's other conversations, newest first. */
  earlierConversations: Accessor<Conversation[]>;
  historyLoading: Accessor<boolean>;
  /** Time-ordered: REST detail, live room and own sends in flight, merged. */
  timeline: Accessor<Message[]>;
  /** Where the "New messages" marker goes, fixed when the conversation is opened. */
  firstUnreadId: Accessor<string | null>;
  liveStatus: Accessor<RoomStatus | null>;
  loading: Accessor<boolean>;
  loadError: Accessor<ApiError | null>;
  /** Posts a reply; rejects with an ApiError whose message the composer shows. */
  send(text: string, clientId: string): Promise<void>;
  assignToMe(): Promise<void>;
  resolve(): Promise<void>;
  reopen(): Promise<void>;
  commandBusy: Accessor<boolean>;
  commandError: Accessor<string | null>;
  draft(id: string): string;
  setDraft(id: string, text: string): void;
}

export function createSelectionSlice(session: SessionSlice, conversations: ConversationsSlice): SelectionSlice {
  const [selectedId, setSelectedId] = createSignal<string | null>(null);
  const userId = () => session.me()?.user.id ?? null;


  const room = createConversationRoom(selectedId);
  const detail = createRequest(selectedId, (id) => api.conversation(id));

  const conversation = createMemo(() => {
    const id = selectedId();
    if (!id) return null;
    const fallback = room()?.conversation() ?? detail.data()?.conversation ?? null;
    return conversations.resolve(id, fallback);
  });

  const contactKey = createMemo(() => {
    const id = selectedId();
    const contactId = conversation()?.contactId;
    return id && contactId ? { id, contactId } : null;
  });
  // Keyed by conversation too, so opening another chat of the same person refreshes the history.
  const contactDetail = createRequest(contactKey, (k) => api.contact(k.contactId), (k) => `${k.id}:${k.contactId}`);

  // Own messages: "Sending…" placeholders, then the server's answer until the room has it.
  const [local, setLocal] = createSignal<ReadonlyMap<string, readonly Message[]>>(new Map());
  const updateLocal = (convId: string, f: (list: readonly Message[]) => readonly Message[]) => {
    const next = new Map(local());
    next.set(convId, f(local().get(convId) ?? []));
    setLocal(next);
  };

  const timeline = createMemo(() => {
    const id = selectedId();
    if (!id) return [];
    return mergeTimeline(detail.data()?.messages ?? [], room()?.messages() ?? [], local().get(id) ?? []);
  });

  // Errors of assign/resolve/reopen, shown in the chat header until the next command or chat.
  const [commandBusy, setCommandBusy] = createSignal(false);
  const [commandError, setCommandError] = createSignal<string | null>(null);

  // The unread count as it was when the chat was opened; reading it resets the live count.
  const [unreadAtOpen, setUnreadAtOpen] = createSignal(0);
  // The marker is placed once, when the opened chat's messages are first known, and then stays
  // where it is: new messages arriving while the agent reads must not move it.
  const [markerId, setMarkerId] = createSignal<string | null>(null);
  let markerPlaced = false;
  createEffect(() => {
    const messages = timeline();
    if (markerPlaced || detail.loading() || messages.length === 0) return;
    markerPlaced = true;
    setMarkerId(firstUnreadId(messages, untrack(unreadAtOpen)));
  });

  // Reading: on open, and again when customer messages arrive while the chat is open.
  let readInFlight = false;
  const markRead = (id: string) => {
    if (readInFlight) return;
    readInFlight = true;
    api
      .markRead(id)
      .then((r) => conversations.applyCommandResult(r.conversation))
      .catch(() => {
        // Not critical: the badge stays until the next successful read.
      })
      .finally(() => {
        readInFlight = false;
      });
  };
  createEffect(
    on(selectedId, (id) => {
      setUnreadAtOpen(untrack(() => (id ? (conversations.byId(id)?.unreadCount ?? 0) : 0)));
      markerPlaced = false;
      setMarkerId(null);
      setCommandError(null);
      if (id) markRead(id);
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

  const command = async (run: (id: string) => Promise<{ conversation: Conversation }>) => {
    const id = selectedId();
    if (!id || commandBusy()) return;
    setCommandBusy(true);
    setCommandError(null);
    try {
      const r = await run(id);
      conversations.applyCommandResult(r.conversation);
    } catch (err) {
      setCommandError(err instanceof ApiError ? err.message : "Something went wrong. Try again.");
    } finally {
      setCommandBusy(false);
    }
  };

  const [drafts, setDrafts] = createSignal<ReadonlyMap<string, string>>(new Map());

  // Signing out (or in as someone else) closes whatever was open and forgets unsent text.
  createEffect(
    on(
      userId,
      () => {
        setSelectedId(null);
        setDrafts(new Map());
        setLocal(new Map());
      },
      { defer: true },
    ),
  );

  return {
    selectedId,
    select: (id) => setSelectedId(id),
    conversation,
    contact: () => detail.data()?.contact ?? contactDetail.data()?.contact ?? null,
    inbox: () => detail.data()?.inbox ?? null,
    earlierConversations: () => {
      const id = selectedId();
      return (contactDetail.data()?.conversations ?? [])
        .filter((c) => c.id !== id)
        .sort((a, b) => b.lastActivityAt - a.lastActivityAt);
    },
    historyLoading: () => contactDetail.loading(),
    timeline,
    firstUnreadId: markerId,
    liveStatus: () => room()?.status() ?? null,
    loading: () => detail.loading() && timeline().length === 0,
    loadError: () => detail.error(),
    send: async (text, clientId) => {
      const id = selectedId();
      const me = session.me()?.user;
      if (!id || !me) return;
      const pending = pendingMessage({
        conversationId: id,
        clientId,
        text,
        senderId: me.id,
        senderName: me.name,
        now: Date.now(),
      });
      updateLocal(id, (list) => [...list, pending]);
      try {
        const { message } = await api.sendReply(id, { clientId, text });
        updateLocal(id, (list) => list.map((m) => (m.id === pending.id ? message : m)));
      } catch (err) {
        updateLocal(id, (list) => list.filter((m) => m.id !== pending.id));
        throw err;
      }
    },
    assignToMe: () => command((id) => api.assign(id, session.me()?.user.id ?? null)),
    resolve: () => command((id) => api.setStatus(id, "resolved")),
    reopen: () => command((id) => api.setStatus(id, "open")),
    commandBusy,
    commandError,
    draft: (id) => drafts().get(id) ?? "",
    setDraft: (id, text) => {
      const next = new Map(drafts());
      if (text) next.set(id, text);
      else next.delete(id);
      setDrafts(next);
    },
  };
}
