import type { BusinessCalendar } from "../business-hours.ts";
import type { SlaPolicy } from "../sla.ts";
import { replayConversation } from "./conversation-replay.ts";
import type { ConversationTrace, Observation } from "./observations.ts";
import { lastPriority, type ConversationView } from "./observe.ts";
import { slaObservations } from "./sla-outcomes.ts";
import type { ConversationFacts, ReportEvent } from "./types.ts";

/**
 * One conversation's observations as the rows reports aggregate (docs/REPORTS.md §5): what the
 * reference computes for it, over its whole history, with each duration in both clocks and the
 * changes of its unread messages. Observations are causal (each depends only on events at or
 * before its instant), so rows made from the whole history and cut to a period equal the
 * reference's for that period; the rollup property test holds them to it.
 */

type FactKind = "count" | "duration" | "contact" | "sla" | "unread";

export interface FactRow {
  kind: FactKind;
  /** Count or duration metric, SLA target; "" for contact and unread rows. */
  metric: string;
  /** SLA outcome; "" otherwise. */
  outcome: string;
  at: number;
  agentId: string | null;
  ms: number | null;
  businessMs: number | null;
  personId: string | null;
  /** Unread rows: `delta` messages awaited read from `at` until `until` (STILL_UNREAD: still now), while one person held the chat. */
  delta: number | null;
  until: number | null;
}

/** `until` of messages still awaiting read: later than any report's end. */
const STILL_UNREAD = 8_640_000_000_000_000;

export interface ConversationFactsInput {
  conversationId: string;
  /** All of the conversation's events, in record order. */
  events: readonly ReportEvent[];
  /** What the conversation row says (team, priority and labels as now; inbox and channel when no event says). */
  facts: ConversationFacts;
  calendar: BusinessCalendar;
  /** The workspace's SLA policies; none: no SLA rows. */
  policies: readonly SlaPolicy[];
  personOf(contactId: string): string;
  /** The roll's time: SLA targets are judged as they stand now (a later breach event rolls the chat again). */
  now: number;
}

export function conversationFactRows(input: ConversationFactsInput): { rows: FactRow[]; view: ConversationView } {
  const replay = (businessHours: BusinessCalendar | undefined) =>
    replayConversation({
      conversationId: input.conversationId,
      events: input.events,
      createdAt: input.facts.createdAt,
      businessHours,
      personOf: input.personOf,
      // New or returning is decided when a report reads the rows (the person's earliest row), not here.
      firstMessageAt: () => Number.NEGATIVE_INFINITY,
    });
  const calendarRun = replay(undefined);
  const businessRun = replay(input.calendar);
  const { trace } = calendarRun;
  const view: ConversationView = {
    inboxId: trace.inboxId ?? input.facts.inboxId ?? null,
    channel: trace.channel ?? input.facts.channel ?? null,
    teamId: input.facts.teamId ?? null,
    priority: input.facts.priority ?? lastPriority(input.events) ?? "normal",
    labels: input.facts.labels ?? [],
  };

  const rows: FactRow[] = calendarRun.observations.map((o, i) => rowOf(o, businessRun.observations[i]));
  if (input.policies.length) {
    const sla = slaObservations({ conversationId: input.conversationId, events: input.events, trace, inboxId: view.inboxId, priority: view.priority, policies: input.policies, calendar: input.calendar, to: input.now });
    rows.push(...sla.map((o) => rowOf(o, undefined)));
  }
  rows.push(...unreadPieces(trace));
  return { rows, view };
}

const empty = { outcome: "", ms: null, businessMs: null, personId: null, delta: null, until: null };

function rowOf(o: Observation, business: Observation | undefined): FactRow {
  const base = { ...empty, at: o.at, agentId: o.agentId };
  switch (o.kind) {
    case "count":
      return { ...base, kind: "count", metric: o.metric };
    case "duration":
      // The two replays differ only in how durations are measured, so their observations pair up one to one.
      if (business?.kind !== "duration" || business.metric !== o.metric || business.at !== o.at) throw new Error(`report replays disagree at ${o.conversationId}`);
      return { ...base, kind: "duration", metric: o.metric, ms: o.ms, businessMs: business.ms };
    case "contact":
      return { ...base, kind: "contact", metric: "", personId: o.personId };
    case "sla":
      return { ...base, kind: "sla", metric: o.target, outcome: o.outcome };
  }
}

/**
 * Messages awaiting read as pieces of constant count and holder: a piece of n messages from
 * `at` to `until` counts at an instant T when at < T ≤ until, exactly what `unreadBefore` and
 * `holderAt` give there (both read the events before T). A report then sums the pieces alive at
 * an instant, with no replay and no scan of the history before the period.
 */
function unreadPieces(trace: ConversationTrace): FactRow[] {
  const instants = [...new Set([...trace.holders.map((h) => h.at), ...trace.unread.map((u) => u.at)])].sort((a, b) => a - b);
  const out: FactRow[] = [];
  let holder: string | null = null;
  let count = 0;
  let since = 0;
  let h = 0;
  let u = 0;
  for (const at of instants) {
    let nextHolder: string | null = holder;
    let next = count;
    while (h < trace.holders.length && trace.holders[h]!.at === at) nextHolder = trace.holders[h++]!.agentId;
    while (u < trace.unread.length && trace.unread[u]!.at === at) next = trace.unread[u++]!.change === "in" ? next + 1 : 0;
    if (nextHolder === holder && next === count) continue;
    if (count > 0) out.push({ ...empty, kind: "unread", metric: "", at: since, agentId: holder, delta: count, until: at });
    holder = nextHolder;
    count = next;
    since = at;
  }
  if (count > 0) out.push({ ...empty, kind: "unread", metric: "", at: since, agentId: holder, delta: count, until: STILL_UNREAD });
  return out;
}
