import type { BusinessCalendar } from "../business-hours.ts";
import type { Priority } from "../conversation.ts";
import { computeSla, policyFor, type SlaHistoryEvent, type SlaPolicy, type SlaTargetStatus } from "../sla.ts";
import { dataStatus } from "./event-data.ts";
import { holderAt, type ConversationTrace, type Observation } from "./observations.ts";
import type { ReportEvent } from "./types.ts";

/**
 * SLA outcomes by replaying the same clock the server keeps (domain/sla.ts `computeSla`) over
 * the conversation's history, once after every event, so every cycle of every target is seen
 * (the clock itself reports only each target's latest cycle). A cycle is met when it completes
 * within its target (at its completion) and breached at the instant its counted time ran past
 * the target (its `dueAt` while it ran), whether it later completed or not.
 */

export interface SlaReplayInput {
  conversationId: string;
  /** This conversation's events before the period's end, in record order. */
  events: readonly ReportEvent[];
  trace: ConversationTrace;
  inboxId: string | null;
  priority: Priority;
  policies: readonly SlaPolicy[];
  calendar: BusinessCalendar;
  /** The period's end: the clock is read as it stood just before it. */
  to: number;
}

/** The clock's input, mapped as sync-server/src/sla/sla-record.ts maps the record. */
export function slaHistory(events: readonly ReportEvent[]): SlaHistoryEvent[] {
  return events.flatMap((e): SlaHistoryEvent[] => {
    if (e.type === "message.received") return [{ at: e.at, kind: "customer_message" }];
    if (e.type === "message.queued" && e.actorKind === "agent") return [{ at: e.at, kind: "agent_reply" }];
    if (e.type === "conversation.woke") return [{ at: e.at, kind: "status", status: "open" }];
    if (e.type !== "conversation.status_changed") return [];
    const to = dataStatus(e, "to");
    return to ? [{ at: e.at, kind: "status", status: to }] : [];
  });
}

export function slaObservations(input: SlaReplayInput): Observation[] {
  if (input.inboxId === null) return [];
  const policy = policyFor(input.policies, { inboxId: input.inboxId, priority: input.priority });
  if (!policy) return [];
  const history = slaHistory(input.events);
  const read = (upTo: number, now: number): SlaTargetStatus[] =>
    computeSla({ policy, calendar: input.calendar, createdAt: input.trace.createdAt, history: history.slice(0, upTo), now });

  const cycles = new Map<string, { status: SlaTargetStatus; breachedAt: number | null }>();
  const keyOf = (s: SlaTargetStatus) => `${s.target}@${s.cycleStart}`;
  for (let i = 0; i <= history.length; i++) {
    // The clock just before event i (or the period's end): time has run since the last event.
    const last = i > 0 ? history[i - 1]!.at : input.trace.createdAt;
    const next = i < history.length ? history[i]!.at : input.to;
    for (const s of read(i, Math.max(last, next - 1))) {
      const seen = cycles.get(keyOf(s)) ?? { status: s, breachedAt: null };
      seen.status = s;
      if (s.state === "breached" && seen.breachedAt === null) seen.breachedAt = s.completedAt === null ? (s.dueAt ?? s.pausedAt ?? next - 1) : s.completedAt;
      cycles.set(keyOf(s), seen);
    }
  }

  const out: Observation[] = [];
  for (const { status: s, breachedAt } of cycles.values()) {
    const outcome = s.state === "met" ? "met" : s.state === "breached" ? "breached" : null;
    if (outcome === null) continue;
    const at = outcome === "met" ? s.completedAt! : breachedAt!;
    if (at >= input.to) continue;
    out.push({ kind: "sla", target: s.target, outcome, at, conversationId: input.conversationId, agentId: holderAt(input.trace, at) });
  }
  return out;
}
