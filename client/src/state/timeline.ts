/** The chat timeline as pure functions: merging sources, order, sides and the unread marker. */
import { byCreatedAt, type Message, type Note } from "@inbox/shared";

/**
 * One timeline from three sources, later ones winning for the same message:
 * the server's copies already known (local database, REST detail), the live room, and the
 * agent's own replies the server has not shown back yet. A pending reply is dropped once a
 * message with its clientId arrives from anywhere else, so it is never shown twice; until then
 * it stays after everything known, in the order written (it will be sent after all of it).
 */
export function mergeTimeline(
  rest: readonly Message[],
  live: readonly Message[],
  pending: readonly Message[],
): Message[] {
  const byId = new Map<string, Message>();
  for (const m of rest) byId.set(m.id, m);
  for (const m of live) byId.set(m.id, m);
  const confirmedClientIds = new Set<string>();
  for (const m of byId.values()) if (m.clientId) confirmedClientIds.add(m.clientId);
  const confirmed = [...byId.values()].sort(byCreatedAt);
  const seen = new Set<string>();
  for (const m of pending) {
    if (m.clientId && confirmedClientIds.has(m.clientId)) continue;
    if (byId.has(m.id) || seen.has(m.id)) continue;
    seen.add(m.id);
    confirmed.push(m);
  }
  return confirmed;
}

export type Side = "left" | "right" | "center";

/** Customers on the left, the business (agents and bots) on the right, system events centred. */
export function messageSide(m: Pick<Message, "senderKind">): Side {
  if (m.senderKind === "customer") return "left";
  if (m.senderKind === "system") return "center";
  return "right";
}

/**
 * Where the "New messages" marker goes: before the oldest of the last `unreadCount` customer
 * messages (those are the ones no agent has read). Null when nothing is unread.
 */
export function firstUnreadId(sorted: readonly Message[], unreadCount: number): string | null {
  if (unreadCount <= 0) return null;
  let remaining = unreadCount;
  let found: string | null = null;
  for (let i = sorted.length - 1; i >= 0 && remaining > 0; i--) {
    const m = sorted[i]!;
    if (m.senderKind === "customer") {
      found = m.id;
      remaining--;
    }
  }
  return found;
}

/** Index where a new calendar day starts, so the timeline can print a day divider there. */
export function startsNewDay(sorted: readonly { createdAt: number }[], index: number, dayKey: (t: number) => string): boolean {
  if (index === 0) return true;
  return dayKey(sorted[index - 1]!.createdAt) !== dayKey(sorted[index]!.createdAt);
}

/** The message an agent sees while their send is in flight: outbound, queued ("Sending…"). */
export function pendingMessage(args: {
  conversationId: string;
  clientId: string;
  text: string;
  senderId: string;
  senderName: string;
  now: number;
}): Message {
  return {
    id: `pending-${args.clientId}`,
    conversationId: args.conversationId,
    direction: "outbound",
    senderKind: "agent",
    senderId: args.senderId,
    senderName: args.senderName,
    content: { kind: "text", text: args.text },
    status: "queued",
    failureReason: null,
    clientId: args.clientId,
    createdAt: args.now,
  };
}

/** One row of the timeline: a message, or an internal note between agents. */
export type TimelineItem =
  | { kind: "message"; id: string; createdAt: number; message: Message }
  | { kind: "note"; id: string; createdAt: number; note: Note };

/**
 * Messages (in timeline order) with the notes woven in by time. The same message or note
 * object always gets the same item object, so the list keeps its DOM across updates.
 */
export function createTimelineItems(): (messages: readonly Message[], notes: readonly Note[]) => TimelineItem[] {
  const messageItems = new WeakMap<Message, TimelineItem>();
  const noteItems = new WeakMap<Note, TimelineItem>();
  const ofMessage = (m: Message) => {
    let item = messageItems.get(m);
    if (!item) messageItems.set(m, (item = { kind: "message", id: m.id, createdAt: m.createdAt, message: m }));
    return item;
  };
  const ofNote = (n: Note) => {
    let item = noteItems.get(n);
    if (!item) noteItems.set(n, (item = { kind: "note", id: `note-${n.id}`, createdAt: n.createdAt, note: n }));
    return item;
  };
  return (messages, notes) => {
    const out: TimelineItem[] = [];
    let j = 0;
    for (const m of messages) {
      while (j < notes.length && notes[j]!.createdAt <= m.createdAt) out.push(ofNote(notes[j++]!));
      out.push(ofMessage(m));
    }
    while (j < notes.length) out.push(ofNote(notes[j++]!));
    return out;
  };
}
