import { SLA_TARGETS, type SlaTarget } from "../sla-summary.ts";
import { holderAt, unreadBefore, type Observation } from "./observations.ts";
import type { ConversationView, Observed } from "./observe.ts";
import { timeStat } from "./percentiles.ts";
import { COUNT_METRICS, DURATION_METRICS, type AgentFigures, type CsatFigures, type CountMetric, type DurationMetric, type Figures, type ReportFilters, type SlaCounts, type SlaFigures, type TimeStat } from "./types.ts";

/** A window [start, end) and the filters: what one report, bucket or agent row aggregates. */
export interface Scope {
  start: number;
  end: number;
  filters: ReportFilters;
  sla: boolean;
}

const matches = (wanted: readonly string[] | undefined, value: string | null): boolean => !wanted || (value !== null && wanted.includes(value));

export function conversationPasses(view: ConversationView | undefined, f: ReportFilters): boolean {
  if (!view) return !f.teamIds && !f.inboxIds && !f.channels && !f.labels && !f.priorities;
  return (
    matches(f.teamIds, view.teamId) &&
    matches(f.inboxIds, view.inboxId) &&
    matches(f.channels, view.channel) &&
    matches(f.priorities, view.priority) &&
    (!f.labels || view.labels.some((l) => f.labels!.includes(l)))
  );
}

/** The observations a scope counts: in its window, on conversations its filters keep, attributed to its agents. */
export function observationsIn(observed: Observed, scope: Scope): Observation[] {
  return observed.observations.filter(
    (o) => o.at >= scope.start && o.at < scope.end && conversationPasses(observed.views.get(o.conversationId), scope.filters) && matches(scope.filters.agentIds, o.agentId),
  );
}

function tally(list: readonly Observation[]) {
  const counts = Object.fromEntries(COUNT_METRICS.map((m) => [m, 0])) as Record<CountMetric, number>;
  const samples = Object.fromEntries(DURATION_METRICS.map((m) => [m, [] as number[]])) as Record<DurationMetric, number[]>;
  for (const o of list) {
    if (o.kind === "count") counts[o.metric] += 1;
    else if (o.kind === "duration") samples[o.metric].push(o.ms);
  }
  const times = Object.fromEntries(DURATION_METRICS.map((m) => [m, timeStat(samples[m])])) as Record<DurationMetric, TimeStat>;
  return { counts, times };
}

const zero = (): SlaCounts => ({ met: 0, breached: 0 });

/** Satisfaction from the counts: ratings by score, their mean. */
export function csatFigures(counts: Record<CountMetric, number>): CsatFigures {
  const ratings: CsatFigures["ratings"] = [counts.csat1, counts.csat2, counts.csat3, counts.csat4, counts.csat5];
  return { asked: counts.csatAsked, rated: ratings.reduce((a, b) => a + b, 0), ratings, average: csatAverage(ratings) };
}

/** The mean score of ratings counted by score (1 … 5); null without ratings. */
export function csatAverage(ratings: CsatFigures["ratings"]): number | null {
  const rated = ratings.reduce((a, b) => a + b, 0);
  return rated ? ratings.reduce((sum, n, i) => sum + n * (i + 1), 0) / rated : null;
}

function slaFigures(list: readonly Observation[], observed: Observed): SlaFigures {
  const byTarget = Object.fromEntries(SLA_TARGETS.map((t) => [t, zero()])) as Record<SlaTarget, SlaCounts>;
  const out: SlaFigures = { ...zero(), byTarget, byTeam: {}, byInbox: {} };
  for (const o of list) {
    if (o.kind !== "sla") continue;
    const view = observed.views.get(o.conversationId);
    const team = (out.byTeam[view?.teamId ?? "unknown"] ??= zero());
    const inbox = (out.byInbox[view?.inboxId ?? "unknown"] ??= zero());
    for (const c of [out, byTarget[o.target], team, inbox]) c[o.outcome] += 1;
  }
  return out;
}

export function figuresFor(observed: Observed, scope: Scope): Figures {
  const list = observationsIn(observed, scope);
  const { counts, times } = tally(list);
  const byChannel: Record<string, number> = {};
  const fresh = new Set<string>();
  const returning = new Set<string>();
  for (const o of list) {
    if (o.kind === "count" && o.metric === "started") {
      const channel = observed.views.get(o.conversationId)?.channel ?? "unknown";
      byChannel[channel] = (byChannel[channel] ?? 0) + 1;
    }
    // A person is new in the window holding their first message ever, returning in a later one.
    if (o.kind === "contact") (o.firstAt >= scope.start ? fresh : returning).add(o.personId);
  }
  let awaitingRead = 0;
  for (const trace of observed.traces.values()) {
    if (!conversationPasses(observed.views.get(trace.conversationId), scope.filters)) continue;
    if (!matches(scope.filters.agentIds, holderAt(trace, scope.end - 1))) continue;
    awaitingRead += unreadBefore(trace, scope.end);
  }
  return {
    conversations: {
      total: counts.started,
      new: counts.new,
      reopened: counts.reopened,
      attended: counts.attended,
      reassigned: counts.reassigned,
      resolved: counts.resolved,
      byChannel,
    },
    contacts: { new: fresh.size, returning: returning.size, messagesAwaitingRead: awaitingRead },
    times,
    messages: {
      received: counts.received,
      sent: counts.sent,
      delivered: counts.delivered,
      read: counts.read,
      failed: counts.failed,
      unconfirmed: counts.unconfirmed,
      autoReplies: counts.autoReplies,
    },
    sla: scope.sla ? slaFigures(list, observed) : null,
    csat: csatFigures(counts),
  };
}

/** One row per agent that anything in the scope is attributed to. */
export function agentFiguresFor(observed: Observed, scope: Scope): Record<string, AgentFigures> {
  const byAgent = new Map<string, Observation[]>();
  for (const o of observationsIn(observed, scope)) {
    if (o.agentId === null) continue;
    const list = byAgent.get(o.agentId) ?? [];
    list.push(o);
    byAgent.set(o.agentId, list);
  }
  const out: Record<string, AgentFigures> = {};
  for (const [agentId, list] of [...byAgent].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { counts, times } = tally(list);
    const sla = scope.sla ? list.reduce((c, o) => (o.kind === "sla" ? { ...c, [o.outcome]: c[o.outcome] + 1 } : c), zero()) : null;
    out[agentId] = { chatsAttended: counts.agentAttended, reopens: counts.reopened, resolved: counts.resolved, times, sla, csat: csatFigures(counts) };
  }
  return out;
}
