import { sql, type SQL } from "drizzle-orm";
import type { SlaTarget } from "@inbox/shared";
import { durationBandRange } from "@inbox/shared/domain/reports/index";
import { DRILL_COUNTS, type DrillMetric, type DrillFact } from "@inbox/shared/api/reports";
import type { Reads } from "../../db/record.ts";
import { factFilter, type FactScope, type Win } from "./fact-queries.ts";

interface Row {
  conversationId: string;
  at: number;
  agentId: string;
  value: number | null;
  slaTarget: string | null;
  channel: string;
  inboxId: string;
  teamId: string;
  contactName: string | null;
  assigneeId: string | null;
}

export interface DrillQuestion {
  metric: DrillMetric;
  window: Win;
  slaTarget?: SlaTarget;
  /** For durations: only those in one band of the distribution. */
  band?: number;
  business: boolean;
  /** Whether the report judges SLAs (the workspace has policies); without, SLA figures have nothing behind them. */
  sla: boolean;
  limit: number;
}

/**
 * The facts behind one number, read from the same rows and with the same conditions as the
 * figure (fact-queries.ts), so the list and the number cannot disagree: counts and durations
 * (slowest first), SLA outcomes, people new or returning (one row each, where they first wrote in
 * the window), and messages awaiting read at the window's end (one row per chat).
 */
export async function factsDrillDown(core: Reads, scope: FactScope, q: DrillQuestion): Promise<{ facts: DrillFact[]; count: number; total: number }> {
  const { from, to } = q.window;
  const where = (kind: string, extra: SQL) => sql`f.workspace_id = ${scope.workspaceId} AND f.kind = ${kind} AND f.at >= ${from} AND f.at < ${to} AND ${extra} AND ${factFilter(scope)}`;
  const columns = (value: SQL, target: SQL = sql`NULL`, at: SQL = sql`f.at`) =>
    sql`f.conversation_id AS conversationId, ${at} AS at, f.agent_id AS agentId, ${value} AS value, ${target} AS slaTarget, f.channel AS channel, f.inbox_id AS inboxId, f.team_id AS teamId, c.contact_name AS contactName, c.assignee_id AS assigneeId`;
  const from_ = sql`report_facts f LEFT JOIN conversations c ON c.id = f.conversation_id`;
  const page = (select: SQL, order: SQL) => Promise.all([core.db.all<Row>(sql`${select} ORDER BY ${order} LIMIT ${q.limit}`), core.db.all<{ n: number; total: number | null }>(sql`SELECT COUNT(*) AS n, SUM(value) AS total FROM (${select})`)]);

  let rows: Row[];
  let count: { n: number; total: number | null };
  if (q.metric.startsWith("times.")) {
    const metric = q.metric.slice("times.".length);
    const value = q.business ? sql`f.business_ms` : sql`f.ms`;
    const range = q.band === undefined ? undefined : durationBandRange(q.band);
    const inBand = range ? sql` AND ${value} >= ${range.from}${range.to === null ? sql`` : sql` AND ${value} < ${range.to}`}` : sql``;
    [rows, [count = { n: 0, total: 0 }]] = await page(sql`SELECT ${columns(value)} FROM ${from_} WHERE ${where("duration", sql`f.metric = ${metric}${inBand}`)}`, sql`value DESC, at`);
    count = { ...count, total: count.n };
  } else if ((q.metric === "sla.met" || q.metric === "sla.breached") && !q.sla) {
    [rows, count] = [[], { n: 0, total: 0 }];
  } else if (q.metric === "sla.met" || q.metric === "sla.breached") {
    const outcome = q.metric === "sla.met" ? "met" : "breached";
    const target = q.slaTarget ? sql`f.metric = ${q.slaTarget}` : sql`1`;
    [rows, [count = { n: 0, total: 0 }]] = await page(sql`SELECT ${columns(sql`NULL`, sql`f.metric`)} FROM ${from_} WHERE ${where("sla", sql`f.outcome = ${outcome} AND ${target}`)}`, sql`at`);
    count = { ...count, total: count.n };
  } else if (q.metric === "contacts.new" || q.metric === "contacts.returning") {
    // Each person once, at their first message in the window (SQLite takes a MIN() group's other
    // columns from the row holding the minimum); new when nothing of theirs is older than the window.
    const isNew = sql`NOT EXISTS (SELECT 1 FROM report_facts q WHERE q.person_id = f.person_id AND q.at < ${from})`;
    const wanted = q.metric === "contacts.new" ? isNew : sql`NOT ${isNew}`;
    const select = sql`SELECT ${columns(sql`NULL`, sql`NULL`, sql`MIN(f.at)`)} FROM ${from_} WHERE ${where("contact", wanted)} GROUP BY f.person_id`;
    [rows, [count = { n: 0, total: 0 }]] = await page(select, sql`at`);
    count = { ...count, total: count.n };
  } else if (q.metric === "contacts.messagesAwaitingRead") {
    // Pieces alive at the window's end: at < end ≤ until (domain/reports/facts.ts).
    const select = sql`SELECT ${columns(sql`SUM(f.delta)`)} FROM ${from_}
      WHERE f.workspace_id = ${scope.workspaceId} AND f.kind = 'unread' AND f.until >= ${to} AND f.at < ${to} AND ${factFilter(scope)} GROUP BY f.conversation_id`;
    [rows, [count = { n: 0, total: 0 }]] = await page(select, sql`value DESC`);
  } else if (q.metric === "csat.rated") {
    // Each answer with its score (the metric's digit).
    [rows, [count = { n: 0, total: 0 }]] = await page(sql`SELECT ${columns(sql`CAST(substr(f.metric, 5) AS INTEGER)`)} FROM ${from_} WHERE ${where("count", sql`f.metric IN ('csat1', 'csat2', 'csat3', 'csat4', 'csat5')`)}`, sql`at`);
    count = { ...count, total: count.n };
  } else {
    const metric = DRILL_COUNTS[q.metric];
    [rows, [count = { n: 0, total: 0 }]] = await page(sql`SELECT ${columns(sql`NULL`)} FROM ${from_} WHERE ${where("count", sql`f.metric = ${metric ?? ""}`)}`, sql`at`);
    count = { ...count, total: count.n };
  }
  const orNull = (v: string) => (v === "" ? null : v);
  // A snapshot counts at the window's last instant, as the reference dates it.
  const snapshot = q.metric === "contacts.messagesAwaitingRead";
  return {
    count: count.n,
    total: count.total ?? 0,
    facts: rows.map((r) => ({
      conversationId: r.conversationId,
      contactName: r.contactName ?? "",
      channel: orNull(r.channel),
      inboxId: orNull(r.inboxId),
      teamId: orNull(r.teamId),
      assigneeId: r.assigneeId,
      at: snapshot ? to - 1 : r.at,
      agentId: orNull(r.agentId),
      value: r.value,
      slaTarget: (r.slaTarget as SlaTarget | null) ?? null,
    })),
  };
}
