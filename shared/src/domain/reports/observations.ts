import type { SlaTarget } from "../sla-summary.ts";
import type { Interval } from "./clock.ts";
import type { CountMetric, DurationMetric, SlaOutcome } from "./types.ts";

/**
 * What the events mean for reports, one record per countable fact, each at the instant that
 * decides its period and bucket (its anchor) and attributed to at most one agent. Aggregating
 * them over a window is all a report does; drill-down is the same list filtered.
 */
interface Base {
  at: number;
  conversationId: string;
  /** Whom the figure is attributed to (docs/REPORTS.md, "Attribution"); null: nobody. */
  agentId: string | null;
}

export type Observation =
  | (Base & { kind: "count"; metric: CountMetric })
  | (Base & { kind: "duration"; metric: DurationMetric; ms: number })
  /** A customer message, for new and returning contacts: who wrote (merges followed) and when they first ever did. */
  | (Base & { kind: "contact"; personId: string; firstAt: number })
  | (Base & { kind: "sla"; target: SlaTarget; outcome: SlaOutcome });

/** A conversation as replayed: what snapshot figures (awaiting read, holder at an instant) and filters need. */
export interface ConversationTrace {
  conversationId: string;
  inboxId: string | null;
  channel: string | null;
  createdAt: number;
  /** Every change of assignee, in order ({agentId: null}: back to the queue). */
  holders: Array<{ at: number; agentId: string | null }>;
  /** Customer messages arriving ("in") and agents reading or replying ("clear"), in order. */
  unread: Array<{ at: number; change: "in" | "clear" }>;
  /** Pending and snoozed stretches. */
  paused: Interval[];
}

/** The assignee after every event at or before `at`. */
export function holderAt(trace: ConversationTrace, at: number): string | null {
  let holder: string | null = null;
  for (const h of trace.holders) {
    if (h.at > at) break;
    holder = h.agentId;
  }
  return holder;
}

/** Customer messages received before `end` and not followed by a read or a reply before `end`. */
export function unreadBefore(trace: ConversationTrace, end: number): number {
  let n = 0;
  for (const u of trace.unread) {
    if (u.at >= end) break;
    n = u.change === "in" ? n + 1 : 0;
  }
  return n;
}
