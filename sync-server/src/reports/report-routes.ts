import { z } from "zod";
import {
  ReportDrillQuerySchema,
  ReportDrillResponseSchema,
  ReportExportQuerySchema,
  ReportQuerySchema,
  ReportResponseSchema,
  type ReportDrillResponse,
  type ReportResponse,
  type ReportScopeAnswer as ScopeAnswer,
} from "@inbox/shared/api/reports";
import { reportFromObserved } from "@inbox/shared/domain/reports/index";
import type { ApiRegistry } from "../http/api-registry.ts";
import { breakdown, runReport, type ReportDeps, type ReportRun } from "./report-compute.ts";
import { csvText, tableRows } from "./report-csv.ts";
import { drillDown } from "./report-drilldown.ts";
import { reportNames } from "./report-names.ts";
import { bucketWindow, seriesBuckets } from "./report-period.ts";

const scopeAnswer = (run: ReportRun): ScopeAnswer => ({ ownNumbersOnly: run.scope.ownNumbersOnly, conversations: run.scope.conversations, filters: structuredClone(run.scope.filters) as ScopeAnswer["filters"] });

/** The report with its breakdowns and names: what the JSON answer and every CSV table are made of. */
async function fullReport(core: ReportDeps, run: ReportRun, workspaceId: string) {
  const report = reportFromObserved(run.observed, run.options);
  const byTeam = breakdown(run, "teamIds");
  const byInbox = breakdown(run, "inboxIds");
  const byChannel = breakdown(run, "channels");
  const names = await reportNames(core, workspaceId, { agents: Object.keys(report.byAgent), teams: Object.keys(byTeam), inboxes: Object.keys(byInbox) });
  return { report, byTeam, byInbox, byChannel, names };
}

/**
 * Reports (issue 14), open to everyone signed in and scoped by the permission policy: holders of
 * `viewReports` see the conversations their role sees (admins all, supervisors their teams),
 * everyone else only their own numbers (report-scope.ts).
 */
export function registerReportRoutes(api: ApiRegistry, core: ReportDeps): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/reports",
      summary: "The report of a period (a preset or from/to, a time zone, a granularity, filters; calendar or business-hours clock): every figure of docs/REPORTS.md",
      tag: "reports",
      access: "user",
      query: ReportQuerySchema,
      response: ReportResponseSchema,
    },
    async ({ user, query }): Promise<ReportResponse> => {
      const started = performance.now();
      const run = await runReport(core, user, query);
      const full = await fullReport(core, run, user.workspaceId);
      return { ...full.report, byTeam: full.byTeam, byInbox: full.byInbox, byChannel: full.byChannel, scope: scopeAnswer(run), names: full.names, tookMs: performance.now() - started };
    },
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/reports/conversations",
      summary: "The conversations behind one number of the report (`metric`, the same filters; `bucket` for one point of the series)",
      tag: "reports",
      access: "user",
      query: ReportDrillQuerySchema,
      response: ReportDrillResponseSchema,
    },
    async ({ user, query }): Promise<ReportDrillResponse> => {
      const started = performance.now();
      const run = await runReport(core, user, query);
      const window = query.bucket === undefined ? run.period : bucketWindow(run.period, seriesBuckets(run.period, run.options.timeZone, query.granularity), query.bucket);
      const { facts, total } = drillDown(run, query.metric, window, query.slaTarget);
      const shown = facts.slice(0, query.limit);
      const names = await reportNames(core, user.workspaceId, { agents: shown.flatMap((f) => [f.agentId, f.assigneeId]), teams: shown.map((f) => f.teamId), inboxes: [] });
      return {
        metric: query.metric,
        window: { from: window.from, to: window.to },
        count: facts.length,
        total,
        rows: shown.map((f) => ({
          ...f,
          teamName: f.teamId ? (names.teams[f.teamId] ?? null) : null,
          assigneeName: f.assigneeId ? (names.agents[f.assigneeId] ?? null) : null,
          agentName: f.agentId ? (names.agents[f.agentId] ?? null) : null,
        })),
        truncated: facts.length > shown.length,
        scope: scopeAnswer(run),
        tookMs: performance.now() - started,
      };
    },
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/reports/export.csv",
      summary: "One table of the report as CSV (agents, teams, inboxes, channels, series, messages, heatmap), with the same period and filters",
      tag: "reports",
      access: "user",
      query: ReportExportQuerySchema,
      response: z.string(),
    },
    async ({ c, user, query }) => {
      const run = await runReport(core, user, query);
      const rows = tableRows(query.table, await fullReport(core, run, user.workspaceId));
      const day = (at: number) => new Date(at).toISOString().slice(0, 10);
      return c.body(csvText(rows), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="report-${query.table}-${day(run.period.from)}-${day(run.period.to - 1)}.csv"`,
        "cache-control": "no-store",
      });
    },
  );
}
