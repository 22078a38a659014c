import { DateTime } from "luxon";
import { SLA_TARGETS, type SlaTarget } from "@inbox/shared";
import {
  bucketsBetween,
  COUNT_METRICS,
  csatAverage,
  DURATION_METRICS,
  emptyBands,
  weekdayHour,
  type AgentFigures,
  type CountMetric,
  type CsatFigures,
  type DurationMetric,
  type Figures,
  type Granularity,
  type Report,
  type SlaCounts,
  type TimeStat,
} from "@inbox/shared/domain/reports/index";
import type { Reads } from "../../db/record.ts";
import type { CountGrouping, Grouping, ReportMemory } from "./report-memory.ts";
import { contactRows, countRows, countRowsAtEnds, receivedAtEnds, receivedPerSlot, splitAtHours, timeRows, unreadRows, type ContactRow, type CountRow, type FactScope, type TimeRow, type UnreadRow, type Win } from "./fact-queries.ts";
import { HOUR_MS, SEP } from "./units.ts";

export interface FactsReportOptions {
  from: number;
  to: number;
  timeZone: string;
  granularity: Granularity;
  business: boolean;
  /** Whether the workspace has SLA policies (without them the report says sla: null). */
  sla: boolean;
}

export interface FactsReport {
  report: Report;
  byTeam: Record<string, Figures>;
  byInbox: Record<string, Figures>;
  byChannel: Record<string, Figures>;
}

const QUARTER = 900_000;

/**
 * The report of docs/REPORTS.md from the rolled-up facts: the same figures the reference
 * computes from raw events (the rollup property test holds them equal), by a dozen aggregate
 * queries whatever the period's length.
 */
export async function factsReport(core: Reads, scope: FactScope, o: FactsReportOptions, memory: ReportMemory | null = null): Promise<FactsReport> {
  const period: Win = { i: 0, from: o.from, to: o.to };
  const buckets = bucketsBetween(o.from, o.to, o.timeZone, o.granularity);
  // The first and last buckets are cut to the period, as the reference does.
  const series: Win[] = buckets.map((b, k) => ({ i: k + 1, from: Math.max(b.start, o.from), to: Math.min(b.end, o.to) }));
  const windows = [period, ...series];

  const slotMs = wholeHourOffsets(o) ? HOUR_MS : QUARTER;
  const durationGroupings: Grouping[] = [{ wins: windows, g: "none" }, ...(["team", "inbox", "channel", "agent"] as const).map((g) => ({ wins: [period], g }))];
  const contactGroupings: Grouping[] = [{ wins: windows, g: "none" }, ...(["team", "inbox", "channel"] as const).map((g) => ({ wins: [period], g }))];
  // Counts add up: the period's are its buckets' (which partition it), read once.
  const countGroupings: CountGrouping[] = [{ wins: series, g: "none" }, { wins: [period], g: "combo" }, { wins: [period], g: "agent" }];
  // Memory holds counts per hour: it answers the windows' whole hours, the facts their ends.
  const heatHours = slotMs === HOUR_MS ? (splitAtHours([period]).hours[0] ?? null) : null;
  const m = await memory?.answer(core, scope, {
    business: o.business,
    durations: durationGroupings,
    contacts: contactGroupings,
    unread: { before: o.from, wins: windows },
    counts: { groupings: countGroupings.map((q) => ({ wins: splitAtHours(q.wins).hours, g: q.g })), sla: o.sla },
    received: heatHours,
  });
  // Whatever memory could not give (or all of it, with no memory: the Workers path) from SQL.
  const countsOf = async (k: number): Promise<CountRow[]> => {
    const { wins, g } = countGroupings[k]!;
    const hours = m?.counts?.[k];
    return hours ? [...hours, ...(await countRowsAtEnds(core, scope, wins, g, o.sla))] : countRows(core, scope, wins, g, o.sla);
  };
  const [counts, comboCounts, agentCounts, durations, contactLists, unread, slots] = await Promise.all([
    countsOf(0),
    countsOf(1),
    countsOf(2),
    m?.durations ?? Promise.all(durationGroupings.map((q) => timeRows(core, scope, q.wins, q.g, o.business))),
    m?.contacts ?? Promise.all(contactGroupings.map((q) => contactRows(core, scope, q.wins, q.g))),
    m?.unread ?? unreadRows(core, scope, o.from, windows, "combo"),
    heatHours && m?.received ? receivedAtEnds(core, scope, period).then((ends) => [...m.received!, ...ends]) : receivedPerSlot(core, scope, period, slotMs),
  ]);
  const [times = [], teamTimes = [], inboxTimes = [], channelTimes = [], agentTimes = []] = durations;
  const [contacts = [], teamContacts = [], inboxContacts = [], channelContacts = []] = contactLists;

  const figures = new Figured(o.sla);
  figures.addCounts(counts, (r) => `${r.i}`);
  figures.addCounts(counts, () => "0");
  figures.addTimes(times, (r) => `${r.i}`);
  figures.addContacts(contacts, (r) => `${r.i}`);
  // Breakdown keys: "team:<id>", "inbox:<id>", "channel:<name>".
  for (const [dim, at] of [["team", 0], ["inbox", 1], ["channel", 2]] as const) {
    figures.addCounts(comboCounts, (r) => keyOf(dim, r.g.split(SEP)[at]!));
    figures.addTimes(dim === "team" ? teamTimes : dim === "inbox" ? inboxTimes : channelTimes, (r) => keyOf(dim, r.g));
    figures.addContacts(dim === "team" ? teamContacts : dim === "inbox" ? inboxContacts : channelContacts, (r) => keyOf(dim, r.g));
  }
  figures.addUnread(unread, windows.length);

  const totals = figures.get("0");
  const breakdown = (dim: "team" | "inbox" | "channel"): Record<string, Figures> => {
    const out: Record<string, Figures> = {};
    for (const key of [...figures.keys()].filter((k) => k.startsWith(`${dim}:`)).sort()) {
      const value = key.slice(dim.length + 1);
      if (value !== "") out[value] = figures.get(key);
    }
    return out;
  };

  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const { slot, n } of slots) {
    const [weekday, hour] = weekdayHour(slot * slotMs, o.timeZone);
    heatmap[weekday]![hour]! += n;
  }

  return {
    report: {
      period: { from: o.from, to: o.to, timeZone: o.timeZone, clock: o.business ? "business" : "calendar" },
      totals,
      byAgent: agentFigures(agentCounts, agentTimes, o.sla),
      heatmap,
      series: { granularity: o.granularity, points: buckets.map((b, k) => ({ ...b, figures: figures.get(`${k + 1}`) })) },
    },
    byTeam: breakdown("team"),
    byInbox: breakdown("inbox"),
    byChannel: breakdown("channel"),
  };
}

const keyOf = (dim: string, value: string) => `${dim}:${value}`;

/**
 * Hour slots map to local hours only where the zone's offset is whole hours (all but a few
 * zones: India, Nepal, parts of Australia and Canada…); elsewhere quarter hours are counted.
 */
function wholeHourOffsets(o: FactsReportOptions): boolean {
  return [o.from, o.to].every((at) => DateTime.fromMillis(at, { zone: o.timeZone }).offset % 60 === 0);
}

const zeroSla = (): SlaCounts => ({ met: 0, breached: 0 });

function emptyFigures(sla: boolean): Figures {
  return {
    conversations: { total: 0, new: 0, reopened: 0, attended: 0, reassigned: 0, resolved: 0, byChannel: {} },
    contacts: { new: 0, returning: 0, messagesAwaitingRead: 0 },
    times: Object.fromEntries(DURATION_METRICS.map((m) => [m, { count: 0, median: null, p90: null, average: null, bands: emptyBands() }])) as Record<DurationMetric, TimeStat>,
    messages: { received: 0, sent: 0, delivered: 0, read: 0, failed: 0, unconfirmed: 0, autoReplies: 0 },
    sla: sla ? { ...zeroSla(), byTarget: Object.fromEntries(SLA_TARGETS.map((t) => [t, zeroSla()])) as Record<SlaTarget, SlaCounts>, byTeam: {}, byInbox: {} } : null,
    csat: emptyCsat(),
  };
}

const emptyCsat = (): CsatFigures => ({ asked: 0, rated: 0, ratings: [0, 0, 0, 0, 0], average: null });

/** Adds counted questions and ratings; the mean follows the counts. */
function addCsat(c: CsatFigures, metric: CountMetric, n: number): boolean {
  if (metric === "csatAsked") c.asked += n;
  else if (metric.startsWith("csat")) {
    c.ratings[Number(metric.slice(4)) - 1]! += n;
    c.rated += n;
  } else return false;
  c.average = csatAverage(c.ratings);
  return true;
}

const isCount = (m: string): m is CountMetric => (COUNT_METRICS as readonly string[]).includes(m);
const isDuration = (m: string): m is DurationMetric => (DURATION_METRICS as readonly string[]).includes(m);
const isTarget = (t: string): t is SlaTarget => (SLA_TARGETS as readonly string[]).includes(t);
const orUnknown = (id: string) => (id === "" ? "unknown" : id);

const timeStatOf = (r: TimeRow): TimeStat => ({ count: r.n, median: r.p50, p90: r.p90, average: r.s / r.n, bands: r.bands });

/** Figures per key, filled from the query rows. */
class Figured {
  private readonly map = new Map<string, Figures>();

  constructor(private readonly sla: boolean) {}

  get(key: string): Figures {
    let f = this.map.get(key);
    if (!f) this.map.set(key, (f = emptyFigures(this.sla)));
    return f;
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  addCounts(rows: readonly CountRow[], key: (r: CountRow) => string): void {
    for (const r of rows) {
      // Any row makes its key appear (a team whose chats only had durations in the period still has a row).
      const f = this.get(key(r));
      const outcome = r.outcome === "met" || r.outcome === "breached" ? r.outcome : null;
      if (r.detail) {
        if (r.kind === "count" && r.metric === "started") f.conversations.byChannel[orUnknown(r.ch)] = (f.conversations.byChannel[orUnknown(r.ch)] ?? 0) + r.n;
        if (r.kind === "sla" && f.sla && outcome) {
          (f.sla.byTeam[orUnknown(r.team)] ??= zeroSla())[outcome] += r.n;
          (f.sla.byInbox[orUnknown(r.inbox)] ??= zeroSla())[outcome] += r.n;
        }
      } else if (r.kind === "count" && isCount(r.metric)) addCount(f, r.metric, r.n);
      else if (r.kind === "sla" && f.sla && isTarget(r.metric) && outcome) {
        f.sla[outcome] += r.n;
        f.sla.byTarget[r.metric][outcome] += r.n;
      }
    }
  }

  addTimes(rows: readonly TimeRow[], key: (r: TimeRow) => string): void {
    for (const r of rows) if (isDuration(r.metric)) this.get(key(r)).times[r.metric] = timeStatOf(r);
  }

  addContacts(rows: readonly ContactRow[], key: (r: ContactRow) => string): void {
    for (const r of rows) {
      const f = this.get(key(r));
      f.contacts.new += r.fresh;
      f.contacts.returning += r.returned;
    }
  }

  /** The snapshot at each window's end: what was unread before the period, plus every change up to that end. */
  addUnread(rows: readonly UnreadRow[], windows: number): void {
    const before = new Map<string, number>();
    const during = new Map<string, number>();
    for (const r of rows) {
      const map = r.i < 0 ? before : during;
      const key = r.i < 0 ? r.g : `${r.i}${SEP}${r.g}`;
      map.set(key, (map.get(key) ?? 0) + r.n);
    }
    const combos = new Set(rows.map((r) => r.g));
    for (const combo of combos) {
      const [team, inbox, channel] = combo.split(SEP) as [string, string, string];
      const start = before.get(combo) ?? 0;
      const add = (key: string, n: number) => {
        if (n !== 0 || this.map.has(key)) this.get(key).contacts.messagesAwaitingRead += n;
      };
      const atEnd = start + (during.get(`0${SEP}${combo}`) ?? 0);
      add("0", atEnd);
      for (const [dim, value] of [["team", team], ["inbox", inbox], ["channel", channel]] as const) add(keyOf(dim, value), atEnd);
      // Series buckets are consecutive from the period's start: each one's end sees all before it.
      let running = start;
      for (let i = 1; i < windows; i++) {
        running += during.get(`${i}${SEP}${combo}`) ?? 0;
        add(`${i}`, running);
      }
    }
  }
}

function addCount(f: Figures, metric: CountMetric, n: number): void {
  if (addCsat(f.csat, metric, n)) return;
  const c = f.conversations;
  const m = f.messages;
  switch (metric) {
    case "started":
      c.total += n;
      return;
    case "new":
    case "reopened":
    case "attended":
    case "reassigned":
    case "resolved":
      c[metric] += n;
      return;
    case "received":
    case "sent":
    case "delivered":
    case "read":
    case "failed":
    case "unconfirmed":
    case "autoReplies":
      m[metric] += n;
      return;
    case "agentAttended":
    case "csatAsked":
    case "csat1":
    case "csat2":
    case "csat3":
    case "csat4":
    case "csat5":
      return;
  }
}

/** One row per agent anything in the period is attributed to, as the reference lists them. */
function agentFigures(counts: readonly CountRow[], times: readonly TimeRow[], sla: boolean): Record<string, AgentFigures> {
  const out = new Map<string, AgentFigures>();
  const row = (agentId: string): AgentFigures => {
    let a = out.get(agentId);
    if (!a) out.set(agentId, (a = { chatsAttended: 0, reopens: 0, resolved: 0, times: emptyFigures(false).times, sla: sla ? zeroSla() : null, csat: emptyCsat() }));
    return a;
  };
  for (const r of counts) {
    if (r.g === "" || r.detail) continue;
    const a = row(r.g);
    if (r.kind === "count" && r.metric === "agentAttended") a.chatsAttended += r.n;
    if (r.kind === "count" && r.metric === "reopened") a.reopens += r.n;
    if (r.kind === "count" && r.metric === "resolved") a.resolved += r.n;
    if (r.kind === "count" && isCount(r.metric)) addCsat(a.csat, r.metric, r.n);
    if (r.kind === "sla" && a.sla && (r.outcome === "met" || r.outcome === "breached")) a.sla[r.outcome] += r.n;
  }
  for (const r of times) if (r.g !== "" && isDuration(r.metric)) row(r.g).times[r.metric] = timeStatOf(r);
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
