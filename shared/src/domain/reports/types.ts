import type { BusinessCalendar } from "../business-hours.ts";
import type { Priority } from "../conversation.ts";
import type { DomainEvent } from "../event.ts";
import type { SlaPolicy, SlaTarget } from "../sla.ts";

/**
 * The shapes the reference report reads and returns. docs/REPORTS.md defines every figure;
 * the names here are the doc's names.
 */

/** One row of the events table (the caller has already narrowed it to one workspace). */
export type ReportEvent = Pick<DomainEvent, "id" | "type" | "conversationId" | "actorKind" | "actorId" | "data" | "at">;

/**
 * What the events do not (reliably) say about a conversation, keyed by conversation id. Inbox
 * and channel are read from `conversation.created` when present; team, priority and labels
 * only from here (see the doc's Gaps), and they describe the conversation as it is now.
 */
export interface ConversationFacts {
  inboxId?: string;
  channel?: string;
  teamId?: string;
  priority?: Priority;
  labels?: readonly string[];
  /** For conversations older than their `conversation.created` event (or without one). */
  createdAt?: number;
}

export const GRANULARITIES = ["hour", "day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Each filter given keeps what matches any of its values; filters given together must all match. */
export interface ReportFilters {
  teamIds?: readonly string[];
  inboxIds?: readonly string[];
  channels?: readonly string[];
  /** Keeps figures attributed to these agents (the doc's attribution table says to whom each one is). */
  agentIds?: readonly string[];
  labels?: readonly string[];
  priorities?: readonly Priority[];
}

export interface ReportOptions {
  /** The period, [from, to) in ms. Only events before `to` are read (merges excepted). */
  from: number;
  to: number;
  /** IANA zone for the series buckets and the heatmap. */
  timeZone: string;
  /** The series' bucket size; day when absent. */
  granularity?: Granularity;
  /** When given, every duration counts only this calendar's opening time; otherwise calendar time. */
  businessHours?: BusinessCalendar;
  conversations?: ReadonlyMap<string, ConversationFacts>;
  filters?: ReportFilters;
  /** The SLA policies and calendar to judge targets by; without them there are no SLA figures. */
  sla?: { policies: readonly SlaPolicy[]; calendar: BusinessCalendar };
}

/** A distribution of durations in ms. Percentiles are nearest-rank; null when count is 0. */
export interface TimeStat {
  count: number;
  median: number | null;
  p90: number | null;
  average: number | null;
  /** How many fell in each duration band (duration-bands.ts), shortest first. */
  bands: number[];
}

export const DURATION_METRICS = ["firstResponse", "firstResponseFromAssignment", "response", "pickup", "resolution"] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

export const COUNT_METRICS = [
  // conversations
  "started",
  "new",
  "reopened",
  "attended",
  "reassigned",
  "resolved",
  // agents: their first reply in a cycle
  "agentAttended",
  // messages
  "received",
  "sent",
  "delivered",
  "read",
  "failed",
  "unconfirmed",
  "autoReplies",
  // satisfaction: questions sent, and ratings by score
  "csatAsked",
  "csat1",
  "csat2",
  "csat3",
  "csat4",
  "csat5",
] as const;
export type CountMetric = (typeof COUNT_METRICS)[number];

export type SlaOutcome = "met" | "breached";
export interface SlaCounts {
  met: number;
  breached: number;
}

export interface SlaFigures extends SlaCounts {
  byTarget: Record<SlaTarget, SlaCounts>;
  byTeam: Record<string, SlaCounts>;
  byInbox: Record<string, SlaCounts>;
}

/** Customer satisfaction (docs/REPORTS.md §3.4): questions sent, ratings received by score. */
export interface CsatFigures {
  asked: number;
  rated: number;
  /** Ratings of 1, 2, 3, 4 and 5, in that order. */
  ratings: [number, number, number, number, number];
  /** Mean score; null without ratings. */
  average: number | null;
}

export interface Figures {
  conversations: {
    /** Cycles started: new conversations plus reopenings. */
    total: number;
    new: number;
    reopened: number;
    attended: number;
    reassigned: number;
    resolved: number;
    /** `total` split by channel. */
    byChannel: Record<string, number>;
  };
  contacts: {
    new: number;
    returning: number;
    /** Customer messages no agent had read at the end of the window. */
    messagesAwaitingRead: number;
  };
  times: Record<DurationMetric, TimeStat>;
  messages: Record<"received" | "sent" | "delivered" | "read" | "failed" | "unconfirmed" | "autoReplies", number>;
  /** Null when the options carry no SLA policies. */
  sla: SlaFigures | null;
  csat: CsatFigures;
}

export interface AgentFigures {
  chatsAttended: number;
  reopens: number;
  resolved: number;
  times: Record<DurationMetric, TimeStat>;
  sla: SlaCounts | null;
  csat: CsatFigures;
}

export interface SeriesPoint {
  /** The bucket's bounds in the time zone (the first and last may reach outside the period; figures never do). */
  start: number;
  end: number;
  /** The bucket in local terms: "2026-03-08T01:00-05:00", "2026-03-08", "2026-W10", "2026-03". */
  label: string;
  figures: Figures;
}

export interface Report {
  period: { from: number; to: number; timeZone: string; clock: "calendar" | "business" };
  totals: Figures;
  byAgent: Record<string, AgentFigures>;
  /** Customer messages received, [weekday 0 = Monday … 6 = Sunday][local hour 0 … 23]. */
  heatmap: number[][];
  series: { granularity: Granularity; points: SeriesPoint[] };
}
