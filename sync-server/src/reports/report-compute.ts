import type { ReportQuery } from "@inbox/shared/api/reports";
import { figuresFor, observe, type Figures, type Observed, type ReportOptions } from "@inbox/shared/domain/reports/index";
import type { Reads } from "../db/record.ts";
import { workspaceCalendar, workspacePolicies } from "../sla/index.ts";
import { reportPeriod, seriesBuckets, type Period } from "./report-period.ts";
import { readReportInput, type ConversationRowFacts } from "./report-reads.ts";
import { reportScope, type ReportScope, type ReportViewer } from "./report-scope.ts";

export interface ReportDeps extends Reads {
  now(): number;
}

/** One report's observations and what they were made with: the JSON answer, a drill-down and a CSV table all start here. */
export interface ReportRun {
  period: Period;
  options: ReportOptions;
  observed: Observed;
  scope: ReportScope;
  conversations: Map<string, ConversationRowFacts>;
}

/**
 * Reports are computed from raw events for now: each request reads the events of the
 * conversations its period counts (report-reads.ts) and runs the reference computation of
 * docs/REPORTS.md (`observe` / `computeReport`) over them. Issue 14's rollups replace this read
 * path (figures kept per day, hour, agent, team and inbox as events are written), and the
 * reference stays as the property test's oracle that every rolled-up figure must equal.
 */
export async function runReport(core: ReportDeps, user: ReportViewer, query: ReportQuery): Promise<ReportRun> {
  const [calendar, policies, scope] = await Promise.all([workspaceCalendar(core, user.workspaceId), workspacePolicies(core, user.workspaceId), reportScope(core, user, query)]);
  const timeZone = query.timeZone ?? calendar.timezone;
  const period = reportPeriod(query, timeZone, core.now());
  // Refused before anything is read when the series would be too long.
  seriesBuckets(period, timeZone, query.granularity);
  const input = await readReportInput(core, scope.viewer, period, scope.filters);
  const options: ReportOptions = {
    from: period.from,
    to: period.to,
    timeZone,
    granularity: query.granularity,
    ...(query.clock === "business" ? { businessHours: calendar } : {}),
    conversations: input.conversations,
    filters: scope.filters,
    // Without policies there is nothing to judge: the report says so (sla: null) rather than "0 breached".
    ...(policies.length ? { sla: { policies, calendar } } : {}),
  };
  return { period, options, observed: observe(input.events, options), scope, conversations: input.conversations };
}

export type Breakdown = "teamIds" | "inboxIds" | "channels";

/**
 * The period's figures per team, inbox or channel of the conversations counted: the report's own
 * filters with that one value, so a row is what the report would show filtered to it.
 */
export function breakdown(run: ReportRun, by: Breakdown): Record<string, Figures> {
  const key = by === "teamIds" ? "teamId" : by === "inboxIds" ? "inboxId" : "channel";
  const values = new Set<string>();
  for (const view of run.observed.views.values()) if (view[key] !== null) values.add(view[key]);
  const filters = run.options.filters ?? {};
  const out: Record<string, Figures> = {};
  for (const value of [...values].sort()) {
    if (filters[by] && !filters[by].includes(value)) continue;
    out[value] = figuresFor(run.observed, { start: run.period.from, end: run.period.to, filters: { ...filters, [by]: [value] }, sla: run.options.sla !== undefined });
  }
  return out;
}
