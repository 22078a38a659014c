/** The chat timeline as pure functions: merging sources, order, sides and the unread marker. */
import { byCreatedAt, type Message } from "@inbox/shared";

/**
 * One timeline from three sources, later ones winning for the same message:
 * the REST detail (first paint), the live room, and our own sends still in flight.
 * A pending send is dropped once a message with its clientId arrives from anywhere else.
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
  for (const m of pending) {
    if (m.clientId && confirmedClientIds.has(m.clientId)) continue;
    byId.set(m.id, m);
  }
  return [...byId.values()].sort(byCreatedAt);
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
export function startsNewDay(sorted: readonly Message[], index: number, dayKey: (t: number) => string): boolean {
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
