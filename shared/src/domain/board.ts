/**
 * The supervisor's live board: a compact projection of one team (numbers and small rows), the
 * same on the server (which writes it into the `board.<teamId>` room) and the client (which
 * renders and caches it). Pure functions over conversation summaries, so adding a count (SLA at
 * risk / breached) or a list (raised hands) is a field in the summary and a line in one function.
 */
import { z } from "zod";
import { ChannelTypeSchema } from "./inbox.ts";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { ConversationStatusSchema, PrioritySchema, type Priority } from "./conversation.ts";
import { SlaSummarySchema, slaStateAt } from "./sla-summary.ts";

/** Waiting rows kept in the projection per queue: a wall display of 2,000 waiting chats shows the head and the total. */
export const BOARD_WAITING_ROWS = 50;
/** "Waiting too long" when the workspace sets no threshold. */
export const DEFAULT_LONG_WAIT_MS = 5 * 60_000;

/** What the board needs to know of one conversation (server: from the row; tests: literals). */
export const BoardConversationSchema = z.object({
  id: IdSchema,
  inboxId: IdSchema,
  channel: ChannelTypeSchema,
  contactName: z.string(),
  status: ConversationStatusSchema,
  priority: PrioritySchema,
  vip: z.boolean(),
  assigneeId: IdSchema.nullable(),
  offeredTo: IdSchema.nullable(),
  offeredAt: TimestampSchema.nullable(),
  waitingSince: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  /** An agent's raised hand (asking for help): when and who; null when none is raised. */
  helpRequestedAt: TimestampSchema.nullable(),
  helpRequestedBy: IdSchema.nullable(),
  /** The stored SLA summary (absent or null: no SLA runs); its live state is `slaStateAt`. */
  sla: SlaSummarySchema.nullable().optional(),
});
export type BoardConversation = z.infer<typeof BoardConversationSchema>;

export const QueueCountsSchema = z.object({
  open: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  snoozed: z.number().int().nonnegative(),
  unassigned: z.number().int().nonnegative(),
  offered: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  waitingLong: z.number().int().nonnegative(),
  /** Unresolved chats whose SLA is at risk / breached when the board was built (a board cached before SLAs: 0). */
  slaAtRisk: z.number().int().nonnegative().default(0),
  slaBreached: z.number().int().nonnegative().default(0),
});
export type QueueCounts = z.infer<typeof QueueCountsSchema>;

export const WaitingRowSchema = z.object({
  position: z.number().int().positive(),
  conversationId: IdSchema,
  inboxId: IdSchema,
  contactName: z.string(),
  channel: ChannelTypeSchema,
  priority: PrioritySchema,
  vip: z.boolean(),
  waitingSince: TimestampSchema,
  offeredTo: IdSchema.nullable(),
  offeredAt: TimestampSchema.nullable(),
  /** The chat's SLA summary, for the row's countdown (null: none). */
  sla: SlaSummarySchema.nullable().default(null),
});
export type WaitingRow = z.infer<typeof WaitingRowSchema>;

export const QueueSchema = z.object({
  counts: QueueCountsSchema,
  /** The first BOARD_WAITING_ROWS waiting chats in queue order; `counts.waiting` is the total. */
  waiting: z.array(WaitingRowSchema),
});
export type Queue = z.infer<typeof QueueSchema>;

export const BoardAvailabilitySchema = z.enum(["available", "busy", "away", "offline"]);
export type BoardAvailability = z.infer<typeof BoardAvailabilitySchema>;

export const BoardAgentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  availability: BoardAvailabilitySchema,
  availabilitySince: TimestampSchema.nullable(),
  load: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
  open: z.array(z.object({ id: IdSchema, contactName: z.string() })),
  lastReplyAt: TimestampSchema.nullable(),
  handledToday: z.number().int().nonnegative(),
  /** Median first response of today's first responses, in ms; null: none today. */
  medianFirstResponseMs: z.number().nonnegative().nullable(),
});
export type BoardAgent = z.infer<typeof BoardAgentSchema>;

/** A chat whose agent asked for help, on the board until a supervisor joins, whispers or the hand is lowered. */
export const RaisedHandSchema = z.object({
  conversationId: IdSchema,
  contactName: z.string(),
  by: IdSchema.nullable(),
  assigneeId: IdSchema.nullable(),
  at: TimestampSchema,
});
export type RaisedHand = z.infer<typeof RaisedHandSchema>;

/** The whole board of one team: the `board.<teamId>` room's "board" entry. */
export const TeamBoardSchema = z.object({
  teamId: IdSchema,
  teamName: z.string(),
  at: TimestampSchema,
  longWaitMs: z.number().int().positive(),
  team: QueueSchema,
  inboxes: z.array(QueueSchema.extend({ inboxId: IdSchema, name: z.string(), channel: ChannelTypeSchema })),
  agents: z.array(BoardAgentSchema),
  /** Raised hands, longest waiting first (a board cached before they existed has none). */
  raisedHands: z.array(RaisedHandSchema).default([]),
});
export type TeamBoard = z.infer<typeof TeamBoardSchema>;

/** An agent's own numbers for today (no board of their own). */
export const MyNumbersSchema = z.object({
  handledToday: z.number().int().nonnegative(),
  medianFirstResponseMs: z.number().nonnegative().nullable(),
  load: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
});
export type MyNumbers = z.infer<typeof MyNumbersSchema>;

/** Waiting for an agent: open and nobody has taken it (an offer not picked up still waits). */
export function isWaiting(c: Pick<BoardConversation, "status" | "assigneeId">): boolean {
  return c.status === "open" && c.assigneeId === null;
}

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 2, normal: 3, low: 4 };

/** Routing's queue order (sync-server routing): urgent, then VIP, then high / normal / low; oldest first. */
export function queueRank(c: Pick<BoardConversation, "priority" | "vip">): number {
  if (c.priority === "urgent") return 0;
  if (c.vip) return 1;
  return PRIORITY_RANK[c.priority];
}

export function byQueueOrder(a: BoardConversation, b: BoardConversation): number {
  return queueRank(a) - queueRank(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The counts tiles. SLA counts are the live state at `now` (the board's build time): the SLA
 * keeper republishes a chat when it turns at risk or breaches, which rebuilds the board.
 */
export function queueCounts(list: readonly BoardConversation[], now: number, longWaitMs: number): QueueCounts {
  const counts: QueueCounts = { open: 0, pending: 0, snoozed: 0, unassigned: 0, offered: 0, waiting: 0, waitingLong: 0, slaAtRisk: 0, slaBreached: 0 };
  for (const c of list) {
    if (c.status === "open") counts.open += 1;
    else if (c.status === "pending") counts.pending += 1;
    else if (c.status === "snoozed") counts.snoozed += 1;
    if (c.status === "resolved") continue;
    const sla = c.sla ? slaStateAt(c.sla, now) : null;
    if (sla === "at_risk") counts.slaAtRisk += 1;
    else if (sla === "breached") counts.slaBreached += 1;
    if (c.assigneeId === null) counts.unassigned += 1;
    if (!isWaiting(c)) continue;
    counts.waiting += 1;
    if (c.offeredTo) counts.offered += 1;
    if (now - (c.waitingSince ?? c.createdAt) >= longWaitMs) counts.waitingLong += 1;
  }
  return counts;
}

/** The waiting chats in queue order with their 1-based position, the first `limit` of them. */
export function waitingRows(list: readonly BoardConversation[], limit = BOARD_WAITING_ROWS): WaitingRow[] {
  return list
    .filter(isWaiting)
    .sort(byQueueOrder)
    .slice(0, limit)
    .map((c, i) => waitingRowOf(c, i + 1));
}

/** One waiting chat's row at its 1-based position in its queue. */
export function waitingRowOf(c: BoardConversation, position: number): WaitingRow {
  return {
    position,
    conversationId: c.id,
    inboxId: c.inboxId,
    contactName: c.contactName,
    channel: c.channel,
    priority: c.priority,
    vip: c.vip,
    waitingSince: c.waitingSince ?? c.createdAt,
    offeredTo: c.offeredTo,
    offeredAt: c.offeredAt,
    sla: c.sla ?? null,
  };
}

export function queueOf(list: readonly BoardConversation[], now: number, longWaitMs: number): Queue {
  return { counts: queueCounts(list, now, longWaitMs), waiting: waitingRows(list) };
}

/** The median of durations (ms); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The raised hands of a team, longest waiting first. */
export function raisedHands(list: readonly BoardConversation[]): RaisedHand[] {
  return list
    .filter((c): c is BoardConversation & { helpRequestedAt: number } => c.helpRequestedAt !== null && c.status !== "resolved")
    .sort((a, b) => a.helpRequestedAt - b.helpRequestedAt || (a.id < b.id ? -1 : 1))
    .map((c) => ({ conversationId: c.id, contactName: c.contactName, by: c.helpRequestedBy, assigneeId: c.assigneeId, at: c.helpRequestedAt }));
}
