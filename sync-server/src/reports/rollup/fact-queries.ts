import { sql, type SQL } from "drizzle-orm";
import { DURATION_BAND_COUNT, DURATION_BAND_LIMITS, type ReportFilters } from "@inbox/shared/domain/reports/index";
import type { Reads } from "../../db/record.ts";
import { HOUR_MS } from "./units.ts";

/**
 * The SQL over `report_facts` that a report is made of. Every aggregate runs inside SQLite and
 * returns a few rows per group: fetching fact rows into JS costs microseconds each, so nothing
 * here reads the facts themselves. Percentiles are nearest-rank (domain/reports/percentiles.ts)
 * by window functions: the smallest value whose rank reaches ceil(p·n/100).
 */

/** A window [from, to) with its index in the answer (0: the period, 1…: the series buckets). */
export interface Win {
  i: number;
  from: number;
  to: number;
}

/** Which column a query groups by (besides the window). */
export type GroupBy = "none" | "agent" | "team" | "inbox" | "channel" | "combo";

export interface FactScope {
  workspaceId: string;
  filters: ReportFilters;
  /** Extra condition on `f` (the caller's visibility), or null when they see every chat. */
  visible: SQL | null;
  /** Whether `visible` reads the fact's conversation (not only its team): hour sums cannot answer then. */
  visibleByConversation?: boolean;
  /** When `visible` is "the fact's team is one of these": the same condition for the in-memory durations. */
  visibleTeams?: readonly string[];
}


/**
 * Whether the hour sums (`report_hours`) may answer count rows: no condition needs the fact's
 * conversation (labels, a visibility narrower than teams).
 */
const hoursServe = (scope: FactScope): boolean => !scope.filters.labels && !scope.visibleByConversation;

/**
 * The windows cut for the hour sums: each window's whole UTC hours (`hours`) and what is left at
 * its ends (`facts`: a period ending now, a zone with a half-hour offset), which the fact rows
 * answer. The parts keep their window's index, so their rows add up to the window's.
 */
export function splitAtHours(wins: readonly Win[]): { hours: Win[]; facts: Win[] } {
  const hours: Win[] = [];
  const facts: Win[] = [];
  for (const w of wins) {
    const first = Math.ceil(w.from / HOUR_MS) * HOUR_MS;
    const last = Math.floor(w.to / HOUR_MS) * HOUR_MS;
    if (first >= last) {
      facts.push(w);
      continue;
    }
    hours.push({ i: w.i, from: first, to: last });
    if (w.from < first) facts.push({ i: w.i, from: w.from, to: first });
    if (last < w.to) facts.push({ i: w.i, from: last, to: w.to });
  }
  return { hours, facts };
}

/** The windows each source answers: the hour sums where they may, the facts for the rest. */
const bySource = (scope: FactScope, wins: readonly Win[]): { hours: Win[]; facts: Win[] } => (hoursServe(scope) ? splitAtHours(wins) : { hours: [], facts: [...wins] });

const GROUP: Record<Exclude<GroupBy, "combo">, SQL> = {
  none: sql`''`,
  agent: sql`f.agent_id`,
  team: sql`f.team_id`,
  inbox: sql`f.inbox_id`,
  channel: sql`f.channel`,
};

/** team, inbox and channel joined: additive figures grouped once and summed per dimension in JS. */
const groupSql = (g: GroupBy): SQL => (g === "combo" ? sql`f.team_id || char(31) || f.inbox_id || char(31) || f.channel` : GROUP[g]);

const list = (values: readonly string[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);

const windowsCte = (wins: readonly Win[]): SQL => sql`w(i, s, e) AS (VALUES ${sql.join(wins.map((w) => sql`(${w.i}, ${w.from}, ${w.to})`), sql`, `)})`;

/** The report's filters on a fact row `f`: each one a fact of the conversation (or, for agents, of the row). */
export function factFilter(scope: FactScope): SQL {
  const f = scope.filters;
  const parts: SQL[] = [];
  if (f.teamIds) parts.push(sql`f.team_id IN (${list(f.teamIds)})`);
  if (f.inboxIds) parts.push(sql`f.inbox_id IN (${list(f.inboxIds)})`);
  if (f.channels) parts.push(sql`f.channel IN (${list(f.channels)})`);
  if (f.priorities) parts.push(sql`f.priority IN (${list(f.priorities)})`);
  if (f.agentIds) parts.push(sql`f.agent_id IN (${list(f.agentIds)})`);
  // Labels are many per chat and change without re-rolling it: read from the conversation as it is now, as the reference does.
  if (f.labels) parts.push(sql`f.conversation_id IN (SELECT c.id FROM conversations c, json_each(c.labels) l WHERE c.workspace_id = ${scope.workspaceId} AND l.value IN (${list(f.labels)}))`);
  if (scope.visible) parts.push(scope.visible);
  return parts.length ? sql.join(parts, sql` AND `) : sql`1`;
}

/** Rows of one kind in the windows, for the caller's filters. */
// CROSS JOIN keeps the windows as the outer loop (SQLite does not reorder it): each window is then
// one range of the (workspace, kind, at) index. A plain JOIN lets the planner scan every fact of
// the kind once per window when there are many windows.
const factsIn = (scope: FactScope, kinds: readonly string[]): SQL =>
  sql`w CROSS JOIN report_facts f ON f.workspace_id = ${scope.workspaceId} AND f.kind IN (${list(kinds)}) AND f.at >= w.s AND f.at < w.e WHERE ${factFilter(scope)}`;

export interface CountRow {
  i: number;
  g: string;
  kind: string;
  metric: string;
  outcome: string;
  /** The channel of `started` rows (conversations by channel), "" otherwise. */
  ch: string;
  /** Team and inbox of SLA rows (SLA by team and inbox), "" otherwise. */
  team: string;
  inbox: string;
  n: number;
  /** From the pass that splits started chats by channel and SLA outcomes by team and inbox (not counted twice). */
  detail: boolean;
}

/**
 * Counts and SLA outcomes (when the report judges SLAs). Who appears in a window through a
 * duration or a person's message comes from those queries. Conversations by channel and SLA by
 * team and inbox come from a second, narrower pass over just those rows: grouping every row by
 * them costs more than reading twice.
 */
export async function countRows(core: Reads, scope: FactScope, wins: readonly Win[], g: GroupBy, sla: boolean): Promise<CountRow[]> {
  const kinds = sla ? ["count", "sla"] : ["count"];
  // Whole hours from the hour sums (rows are then sums, not single facts), the rest from the facts; the caller adds rows up.
  const { hours, facts } = bySource(scope, wins);
  const parts = await Promise.all([hours.length ? countQuery(core, scope, hours, g, kinds, true) : [], facts.length ? countQuery(core, scope, facts, g, kinds, false) : []]);
  return parts.flat();
}

/** `countRows` of the windows' ends only (what is not whole UTC hours), when their whole hours are read elsewhere (memory). */
export async function countRowsAtEnds(core: Reads, scope: FactScope, wins: readonly Win[], g: GroupBy, sla: boolean): Promise<CountRow[]> {
  const { facts } = splitAtHours(wins);
  return facts.length ? countQuery(core, scope, facts, g, sla ? ["count", "sla"] : ["count"], false) : [];
}

async function countQuery(core: Reads, scope: FactScope, wins: readonly Win[], g: GroupBy, kinds: readonly string[], hours: boolean): Promise<CountRow[]> {
  const rows = hours
    ? sql`w CROSS JOIN report_hours f ON f.workspace_id = ${scope.workspaceId} AND f.kind IN (${list(kinds)}) AND f.hour >= w.s / ${HOUR_MS} AND f.hour < w.e / ${HOUR_MS} WHERE f.n > 0 AND ${factFilter(scope)}`
    : factsIn(scope, kinds);
  const n = hours ? sql`SUM(f.n)` : sql`COUNT(*)`;
  const [all, detail] = await Promise.all([
    core.db.all<CountRow>(sql`
      WITH ${windowsCte(wins)}
      SELECT w.i AS i, ${groupSql(g)} AS g, f.kind AS kind, f.metric AS metric, f.outcome AS outcome, ${n} AS n
      FROM ${rows}
      GROUP BY 1, 2, 3, 4, 5`),
    core.db.all<CountRow>(sql`
      WITH ${windowsCte(wins)}
      SELECT w.i AS i, ${groupSql(g)} AS g, f.kind AS kind, f.metric AS metric, f.outcome AS outcome,
        CASE WHEN f.kind = 'count' THEN f.channel ELSE '' END AS ch,
        CASE WHEN f.kind = 'sla' THEN f.team_id ELSE '' END AS team,
        CASE WHEN f.kind = 'sla' THEN f.inbox_id ELSE '' END AS inbox,
        ${n} AS n
      FROM ${rows} AND (f.kind = 'sla' OR f.metric = 'started')
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`),
  ]);
  return [...all.map((r) => ({ ...r, ch: "", team: "", inbox: "", detail: false })), ...detail.map((r) => ({ ...r, detail: true }))];
}

export interface TimeRow {
  i: number;
  g: string;
  metric: string;
  n: number;
  s: number;
  p50: number;
  p90: number;
  /** How many in each duration band (domain/reports/duration-bands.ts). */
  bands: number[];
}

/** The band of a duration in column `v` (durationBand in SQL). */
const BAND_OF_V = sql.raw(`CASE ${DURATION_BAND_LIMITS.map((limit, b) => `WHEN v < ${limit} THEN ${b}`).join(" ")} ELSE ${DURATION_BAND_LIMITS.length} END`);

/** Count, sum, nearest-rank median and 90th percentile of each duration metric, and its counts per band, per window and group. */
export async function timeRows(core: Reads, scope: FactScope, wins: readonly Win[], g: Exclude<GroupBy, "combo">, business: boolean): Promise<TimeRow[]> {
  const value = business ? sql`f.business_ms` : sql`f.ms`;
  const bandColumns = sql.raw(Array.from({ length: DURATION_BAND_COUNT }, (_, b) => `SUM(b = ${b}) AS b${b}`).join(", "));
  const rows = await core.db.all<Omit<TimeRow, "bands"> & Record<`b${number}`, number>>(sql`
    WITH ${windowsCte(wins)},
    d AS (SELECT w.i AS i, ${GROUP[g]} AS g, f.metric AS metric, ${value} AS v FROM ${factsIn(scope, ["duration"])}),
    r AS (SELECT i, g, metric, v, ${BAND_OF_V} AS b,
      ROW_NUMBER() OVER (PARTITION BY i, g, metric ORDER BY v) AS rn,
      COUNT(*) OVER (PARTITION BY i, g, metric) AS n,
      SUM(v) OVER (PARTITION BY i, g, metric) AS s
      FROM d)
    SELECT i, g, metric, n, s,
      MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN v END) AS p50,
      MAX(CASE WHEN rn = (n * 90 + 99) / 100 THEN v END) AS p90,
      ${bandColumns}
    FROM r GROUP BY i, g, metric`);
  return rows.map((r) => ({ i: r.i, g: r.g, metric: r.metric, n: r.n, s: r.s, p50: r.p50, p90: r.p90, bands: Array.from({ length: DURATION_BAND_COUNT }, (_, b) => r[`b${b}`] ?? 0) }));
}

export interface ContactRow {
  i: number;
  g: string;
  fresh: number;
  returned: number;
}

/**
 * People who wrote in each window, new (their first message ever is in it) or returning. The
 * first message ever is over the whole workspace, whatever the filters (docs/REPORTS.md §2.2).
 */
export function contactRows(core: Reads, scope: FactScope, wins: readonly Win[], g: Exclude<GroupBy, "combo">): Promise<ContactRow[]> {
  return core.db.all<ContactRow>(sql`
    WITH ${windowsCte(wins)},
    x AS (SELECT DISTINCT w.i AS i, w.s AS s, ${GROUP[g]} AS g, f.person_id AS p FROM ${factsIn(scope, ["contact"])}),
    y AS (SELECT i, g, NOT EXISTS (SELECT 1 FROM report_facts q WHERE q.person_id = x.p AND q.at < x.s) AS fresh FROM x)
    SELECT i, g, SUM(fresh) AS fresh, COUNT(*) - SUM(fresh) AS returned FROM y GROUP BY i, g`);
}

export interface UnreadRow {
  i: number;
  g: string;
  n: number;
}

/**
 * Messages awaiting read (docs/REPORTS.md §2.2) from their pieces (domain/reports/facts.ts):
 * those alive at `before` (i = -1), then per window the pieces that began in it less those that
 * ended in it. The snapshot at a window's end is the first plus the windows up to it (the caller
 * adds them up); each query reads only pieces alive at or touching the period, never the history.
 */
export async function unreadRows(core: Reads, scope: FactScope, before: number, wins: readonly Win[], g: Exclude<GroupBy, "agent" | "team" | "inbox" | "channel">): Promise<UnreadRow[]> {
  const filter = factFilter(scope);
  const [alive, began, ended] = await Promise.all([
    core.db.all<UnreadRow>(sql`
      SELECT -1 AS i, ${groupSql(g)} AS g, SUM(f.delta) AS n FROM report_facts f
      WHERE f.workspace_id = ${scope.workspaceId} AND f.kind = 'unread' AND f.until >= ${before} AND f.at < ${before} AND ${filter} GROUP BY 2`),
    core.db.all<UnreadRow>(sql`WITH ${windowsCte(wins)} SELECT w.i AS i, ${groupSql(g)} AS g, SUM(f.delta) AS n FROM ${factsIn(scope, ["unread"])} GROUP BY 1, 2`),
    core.db.all<UnreadRow>(sql`
      WITH ${windowsCte(wins)}
      SELECT w.i AS i, ${groupSql(g)} AS g, -SUM(f.delta) AS n FROM w CROSS JOIN report_facts f
      ON f.workspace_id = ${scope.workspaceId} AND f.kind = 'unread' AND f.until >= w.s AND f.until < w.e WHERE ${filter} GROUP BY 1, 2`),
  ]);
  return [...alive, ...began, ...ended];
}

/** Customer messages per UTC hour (or quarter hour) of the period, for the weekday × hour heatmap (a slot may come twice: the caller adds). */
export async function receivedPerSlot(core: Reads, scope: FactScope, win: Win, slotMs: number): Promise<Array<{ slot: number; n: number }>> {
  const { hours, facts } = slotMs === HOUR_MS ? bySource(scope, [win]) : { hours: [], facts: [win] };
  const parts = await Promise.all([hours.length ? hourSlots(core, scope, hours) : [], facts.length ? factSlots(core, scope, facts, slotMs) : []]);
  return parts.flat();
}

/** `receivedPerSlot` by hour of the window's ends only, when its whole hours are read elsewhere (memory). */
export async function receivedAtEnds(core: Reads, scope: FactScope, win: Win): Promise<Array<{ slot: number; n: number }>> {
  const { facts } = splitAtHours([win]);
  return facts.length ? factSlots(core, scope, facts, HOUR_MS) : [];
}

function hourSlots(core: Reads, scope: FactScope, wins: readonly Win[]): Promise<Array<{ slot: number; n: number }>> {
  return core.db.all(sql`
      WITH ${windowsCte(wins)}
      SELECT f.hour AS slot, SUM(f.n) AS n FROM w CROSS JOIN report_hours f
      ON f.workspace_id = ${scope.workspaceId} AND f.kind = 'count' AND f.hour >= w.s / ${HOUR_MS} AND f.hour < w.e / ${HOUR_MS}
      WHERE f.metric = 'received' AND f.n > 0 AND ${factFilter(scope)} GROUP BY 1`);
}

function factSlots(core: Reads, scope: FactScope, wins: readonly Win[], slotMs: number): Promise<Array<{ slot: number; n: number }>> {
  return core.db.all(sql`
    WITH ${windowsCte(wins)}
    SELECT f.at / ${slotMs} AS slot, COUNT(*) AS n FROM ${factsIn(scope, ["count"])} AND f.metric = 'received' GROUP BY 1`);
}
