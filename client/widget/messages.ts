import type { WidgetMessage } from "@inbox/shared/api/widget";
import { linkChoices, type DeliveryStatus, type MessageContent } from "@inbox/shared/domain/message";

/**
 * The widget's timeline: server messages plus the customer's own messages that the server has
 * not confirmed yet. Pure functions over immutable arrays, so the same message arriving twice
 * (POST response and live socket, or a reconnect's history refetch) shows once.
 */
export type LocalState = "sending" | "sent" | "failed";

export interface ChatItem {
  /** Stable identity for rendering: the clientId when there is one, so the optimistic bubble
   * and the server's copy are the same row. */
  key: string;
  /** Server id once the server has the message. */
  id: string | null;
  clientId: string | null;
  from: WidgetMessage["from"];
  senderName: string;
  content: MessageContent;
  createdAt: number;
  /** Arrival order in the conversation (server messages; 0 until the server has it). */
  position: number;
  /** Server delivery status, once known. */
  status: DeliveryStatus | null;
  state: LocalState;
  /** Why a message could not be sent, in the server's words. */
  error: string | null;
  /** At least one attempt failed on the network; still trying. */
  retrying: boolean;
}

function keyOf(id: string, clientId: string | null): string {
  return clientId ? `c:${clientId}` : `m:${id}`;
}

/** The bubble shown the moment the customer presses Send. */
export function pendingItem(clientId: string, text: string, createdAt: number, choiceId?: string): ChatItem {
  return {
    key: keyOf("", clientId),
    id: null,
    clientId,
    from: "customer",
    senderName: "",
    content: choiceId ? { kind: "text", text, replyTo: { choiceId } } : { kind: "text", text },
    createdAt,
    position: 0,
    status: null,
    state: "sending",
    error: null,
    retrying: false,
  };
}

export function fromServer(m: WidgetMessage): ChatItem {
  return {
    key: keyOf(m.id, m.clientId),
    id: m.id,
    clientId: m.clientId,
    from: m.from,
    senderName: m.senderName,
    content: m.content,
    createdAt: m.createdAt,
    position: m.position,
    status: m.status,
    state: "sent",
    error: null,
    retrying: false,
  };
}

const STATUS_RANK: Record<DeliveryStatus, number> = { queued: 0, unconfirmed: 0, sent: 1, failed: 1, delivered: 2, read: 3 };

function sameMessage(item: ChatItem, m: WidgetMessage): boolean {
  return item.id === m.id || (m.clientId !== null && item.clientId === m.clientId);
}

/**
 * Confirmed messages in the order the server stored them (arrival: two messages in the same
 * millisecond, or a late socket frame, still show in order); unconfirmed ones after, as typed.
 */
function ordered(items: ChatItem[]): ChatItem[] {
  const confirmed = items.filter((i) => i.id !== null);
  const pending = items.filter((i) => i.id === null);
  confirmed.sort((a, b) => a.position - b.position || a.createdAt - b.createdAt || (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
  return [...confirmed, ...pending];
}

/** Add or update one server message; returns the same array when nothing changed. */
export function mergeServerMessage(items: ChatItem[], m: WidgetMessage): ChatItem[] {
  return mergeServerMessages(items, [m]);
}

export function mergeServerMessages(items: ChatItem[], messages: readonly WidgetMessage[]): ChatItem[] {
  let next = items;
  let changed = false;
  for (const m of messages) {
    const i = next.findIndex((item) => sameMessage(item, m));
    if (i === -1) {
      next = [...next, fromServer(m)];
      changed = true;
      continue;
    }
    const old = next[i]!;
    // A stale copy (e.g. the POST response after the socket already said "read") never
    // moves a status backwards.
    if (old.id !== null && old.status && STATUS_RANK[m.status] < STATUS_RANK[old.status]) continue;
    if (old.id === m.id && old.status === m.status && old.state === "sent") continue;
    const item = { ...fromServer(m), key: old.key };
    next = next.map((x, j) => (j === i ? item : x));
    changed = true;
  }
  return changed ? ordered(next) : items;
}

export function addPending(items: ChatItem[], item: ChatItem): ChatItem[] {
  if (items.some((i) => i.clientId === item.clientId)) return items;
  return [...items, item];
}

function updatePending(items: ChatItem[], clientId: string, patch: Partial<ChatItem>): ChatItem[] {
  const i = items.findIndex((x) => x.clientId === clientId && x.id === null);
  if (i === -1) return items;
  return items.map((x, j) => (j === i ? { ...x, ...patch } : x));
}

export function markFailed(items: ChatItem[], clientId: string, error: string): ChatItem[] {
  return updatePending(items, clientId, { state: "failed", error, retrying: false });
}

export function markRetrying(items: ChatItem[], clientId: string): ChatItem[] {
  const item = items.find((x) => x.clientId === clientId && x.id === null);
  return item && !item.retrying ? updatePending(items, clientId, { retrying: true }) : items;
}

export function markSending(items: ChatItem[], clientId: string): ChatItem[] {
  return updatePending(items, clientId, { state: "sending", error: null, retrying: false });
}

/** Has the server confirmed the message the customer sent with this clientId? */
export function isConfirmed(items: readonly ChatItem[], clientId: string): boolean {
  return items.some((i) => i.clientId === clientId && i.id !== null);
}

/**
 * Which reply the customer chose for each offer of buttons / quick replies (by the offer's
 * key): the first of their messages after the offer that says one of its titles, as tapping a
 * choice sends. An answered offer shows its choice; only the newest unanswered one is clickable.
 */
export function chosenReplies(items: readonly ChatItem[]): Map<string, string> {
  const links = linkChoices(items, (i) => ({ fromCustomer: i.from === "customer", content: i.content }));
  return new Map(links.map((l) => [l.offer.key, l.choiceId]));
}
