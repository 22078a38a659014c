import type { ReportQuery } from "@inbox/shared/api/reports";
import { observe, type Observed, type ReportOptions } from "@inbox/shared/domain/reports/index";
import type { Reads } from "../db/record.ts";
import type { ReportMemory } from "./rollup/report-memory.ts";
import { workspaceCalendar, workspacePolicies } from "../sla/index.ts";
import { reportPeriod, seriesBuckets, type Period } from "./report-period.ts";
import { readReportInput, type ConversationRowFacts } from "./report-reads.ts";
import { reportScope, type ReportScope, type ReportViewer } from "./report-scope.ts";

export interface ReportDeps extends Reads {
  now(): number;
  /** Rolls what was written a moment ago into the report facts before a report reads them. */
  reportRoller: {
    catchUp(): Promise<boolean>;
    /** The in-memory report columns the roller keeps (Node), or none: everything from SQL. */
    readonly memory?: ReportMemory | null;
  };
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
 * A report from raw events: the events of the conversations the period counts
 * (report-reads.ts) through the reference computation of docs/REPORTS.md (`observe`). The
 * routes read the rollup instead (report-facts.ts); this path stays as what the rollup is held
 * to: the baseline `npm run bench` measures it against, and, with report-drilldown.ts, the
 * server-side oracle of the rollup's tests.
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
