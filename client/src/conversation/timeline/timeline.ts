/** The chat timeline as pure functions: merging sources, order, sides and the unread marker. */
import { inTimelineOrder, linkChoices, type DomainEvent, type Message, type Note } from "@inbox/shared";

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
  const confirmed = [...byId.values()].sort(inTimelineOrder);
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

/** One row of the timeline: a message, an internal note between agents, or a recorded change. */
export type TimelineItem =
  | { kind: "message"; id: string; createdAt: number; message: Message }
  | { kind: "note"; id: string; createdAt: number; note: Note }
  | { kind: "event"; id: string; createdAt: number; event: DomainEvent };

/**
 * Messages (in timeline order) with the notes and history events woven in by time; on equal
 * times notes and events come first (a reopen is recorded at the instant of the message that
 * caused it). The same message, note or event object always gets the same item object, so the
 * list keeps its DOM across updates.
 */
export function createTimelineItems(): (messages: readonly Message[], notes: readonly Note[], events?: readonly DomainEvent[]) => TimelineItem[] {
  const messageItems = new WeakMap<Message, TimelineItem>();
  const noteItems = new WeakMap<Note, TimelineItem>();
  const eventItems = new WeakMap<DomainEvent, TimelineItem>();
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
  const ofEvent = (e: DomainEvent) => {
    let item = eventItems.get(e);
    if (!item) eventItems.set(e, (item = { kind: "event", id: `event-${e.id}`, createdAt: e.at, event: e }));
    return item;
  };
  return (messages, notes, events = []) => {
    const out: TimelineItem[] = [];
    let j = 0;
    let k = 0;
    const before = (at: number) => {
      while (true) {
        const n = notes[j];
        const e = events[k];
        const nextNote = n && n.createdAt <= at ? n : null;
        const nextEvent = e && e.at <= at ? e : null;
        if (!nextNote && !nextEvent) return;
        if (nextEvent && (!nextNote || nextEvent.at <= nextNote.createdAt)) {
          out.push(ofEvent(nextEvent));
          k++;
        } else {
          out.push(ofNote(nextNote!));
          j++;
        }
      }
    };
    for (const m of messages) {
      before(m.createdAt);
      out.push(ofMessage(m));
    }
    before(Number.POSITIVE_INFINITY);
    return out;
  };
}

/** How a customer's message answers buttons or quick replies the business offered. */
export interface ChoiceAnswer {
  /** The message that offered the choices. */
  questionId: string;
  question: string;
  choiceId: string;
}

/**
 * Links customers' answers to the buttons / quick replies they answer (the rule: linkChoices in
 * shared). Returns answers by answering message id and the chosen choice by offering message id.
 */
export function linkChoiceAnswers(sorted: readonly Message[]): { answers: Map<string, ChoiceAnswer>; chosen: Map<string, string> } {
  const answers = new Map<string, ChoiceAnswer>();
  const chosen = new Map<string, string>();
  for (const { answer, offer, choiceId } of linkChoices(sorted, (m) => ({ fromCustomer: m.senderKind === "customer", content: m.content }))) {
    const q = offer.content;
    answers.set(answer.id, { questionId: offer.id, question: q.kind === "buttons" || q.kind === "quick_replies" ? q.text : "", choiceId });
    chosen.set(offer.id, choiceId);
  }
  return { answers, chosen };
}

/**
 * How many messages arrived after `previousLastId` (the newest the agent had when they scrolled
 * up), not counting the agent's own sends: the count on the "new messages" button.
 */
export function countNewSince(items: readonly TimelineItem[], previousLastId: string | undefined, isOwn: (m: Message) => boolean): number {
  const from = previousLastId === undefined ? -1 : items.findIndex((i) => i.id === previousLastId);
  if (from === -1 && previousLastId !== undefined) return 0;
  let n = 0;
  for (let i = from + 1; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === "message" && !isOwn(item.message)) n++;
  }
  return n;
}
