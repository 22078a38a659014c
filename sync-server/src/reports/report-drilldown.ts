import type { SlaTarget } from "@inbox/shared";
import { DRILL_COUNTS, type DrillMetric, type DrillFact } from "@inbox/shared/api/reports";
import { conversationPasses, durationBand, holderAt, observationsIn, unreadBefore, type Observation } from "@inbox/shared/domain/reports/index";
import type { Period } from "./report-period.ts";
import type { ReportRun } from "./report-compute.ts";

/**
 * The reference drill-down (the rollup's test holds rollup/fact-drilldown.ts to it). The facts behind one number: the very observations the report aggregated for it over the
 * window (same `observationsIn`, same filters), so the list and the figure cannot disagree.
 * Distinct counts list one row per person (where they first wrote in the window); the
 * awaiting-read snapshot lists each conversation with messages unread at the window's end.
 */
export function drillDown(run: ReportRun, metric: DrillMetric, window: Period, only: { slaTarget?: SlaTarget; band?: number } = {}): { facts: DrillFact[]; total: number } {
  const { slaTarget, band } = only;
  const scope = { start: window.from, end: window.to, filters: run.options.filters ?? {}, sla: run.options.sla !== undefined };
  if (metric === "contacts.messagesAwaitingRead") return awaitingRead(run, window);
  const observed = observationsIn(run.observed, scope);
  let chosen: Array<{ o: Observation; value: number | null; target: SlaTarget | null }>;
  if (metric === "contacts.new" || metric === "contacts.returning") {
    const firstInWindow = new Map<string, Observation & { kind: "contact" }>();
    for (const o of observed) {
      if (o.kind !== "contact" || (o.firstAt >= window.from) !== (metric === "contacts.new")) continue;
      const had = firstInWindow.get(o.personId);
      if (!had || o.at < had.at) firstInWindow.set(o.personId, o);
    }
    chosen = [...firstInWindow.values()].map((o) => ({ o, value: null, target: null }));
  } else if (metric === "sla.met" || metric === "sla.breached") {
    const outcome = metric === "sla.met" ? "met" : "breached";
    chosen = observed.flatMap((o) => (o.kind === "sla" && o.outcome === outcome && (!slaTarget || o.target === slaTarget) ? [{ o, value: null, target: o.target }] : []));
  } else if (metric.startsWith("times.")) {
    const duration = metric.slice("times.".length);
    chosen = observed.flatMap((o) => (o.kind === "duration" && o.metric === duration && (band === undefined || durationBand(o.ms) === band) ? [{ o, value: o.ms, target: null }] : []));
    // The slowest first: what a manager opens a duration to find.
    chosen.sort((a, b) => b.value! - a.value! || a.o.at - b.o.at);
  } else {
    const wanted = DRILL_COUNTS[metric];
    chosen = observed.flatMap((o) => (o.kind === "count" && o.metric === wanted ? [{ o, value: null, target: null }] : []));
    // Ratings list each answer with its score.
    if (metric === "csat.rated") chosen = observed.flatMap((o) => (o.kind === "count" && /^csat[1-5]$/.test(o.metric) ? [{ o, value: Number(o.metric.slice(4)), target: null }] : []));
  }
  if (!metric.startsWith("times.")) chosen.sort((a, b) => a.o.at - b.o.at);
  const facts = chosen.map(({ o, value, target }) => fact(run, o.conversationId, o.at, o.agentId, value, target));
  return { facts, total: facts.length };
}

/** Snapshot at the window's end, as the report takes it: per conversation, attributed to who had it then. */
function awaitingRead(run: ReportRun, window: Period): { facts: DrillFact[]; total: number } {
  const filters = run.options.filters ?? {};
  const facts: DrillFact[] = [];
  let total = 0;
  for (const trace of run.observed.traces.values()) {
    if (!conversationPasses(run.observed.views.get(trace.conversationId), filters)) continue;
    const holder = holderAt(trace, window.to - 1);
    if (filters.agentIds && (holder === null || !filters.agentIds.includes(holder))) continue;
    const unread = unreadBefore(trace, window.to);
    if (unread === 0) continue;
    total += unread;
    facts.push(fact(run, trace.conversationId, window.to - 1, holder, unread, null));
  }
  facts.sort((a, b) => b.value! - a.value!);
  return { facts, total };
}

function fact(run: ReportRun, conversationId: string, at: number, agentId: string | null, value: number | null, slaTarget: SlaTarget | null): DrillFact {
  const row = run.conversations.get(conversationId);
  const view = run.observed.views.get(conversationId);
  return {
    conversationId,
    contactName: row?.contactName ?? "",
    channel: view?.channel ?? null,
    inboxId: view?.inboxId ?? null,
    teamId: view?.teamId ?? null,
    assigneeId: row?.assigneeId ?? null,
    at,
    agentId,
    value,
    slaTarget,
  };
}
