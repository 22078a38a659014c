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
import type { ApiRegistry } from "../http/api-registry.ts";
import type { ReportDeps } from "./report-compute.ts";
import { factsQuestion, runFactsReport, type FactsRun } from "./report-facts.ts";
import { factsDrillDown } from "./rollup/fact-drilldown.ts";
import { csvText, tableRows } from "./report-csv.ts";
import { reportNames } from "./report-names.ts";
import { bucketWindow, seriesBuckets } from "./report-period.ts";

const scopeAnswer = (run: { scope: FactsRun["scope"] }): ScopeAnswer => ({ ownNumbersOnly: run.scope.ownNumbersOnly, conversations: run.scope.conversations, filters: structuredClone(run.scope.filters) as ScopeAnswer["filters"] });

/** The report with its breakdowns and names: what the JSON answer and every CSV table are made of. */
async function fullReport(core: ReportDeps, run: FactsRun, workspaceId: string) {
  const { report, byTeam, byInbox, byChannel } = run;
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
      const run = await runFactsReport(core, user, query);
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
      const q = await factsQuestion(core, user, query);
      const window = query.bucket === undefined ? q.period : bucketWindow(q.period, seriesBuckets(q.period, q.timeZone, query.granularity), query.bucket);
      const { facts: shown, count, total } = await factsDrillDown(core, q.facts, { metric: query.metric, window: { i: 0, ...window }, slaTarget: query.slaTarget, band: query.band, business: query.clock === "business", sla: q.sla, limit: query.limit });
      const names = await reportNames(core, user.workspaceId, { agents: shown.flatMap((f) => [f.agentId, f.assigneeId]), teams: shown.map((f) => f.teamId), inboxes: [] });
      return {
        metric: query.metric,
        window: { from: window.from, to: window.to },
        count,
        total,
        rows: shown.map((f) => ({
          ...f,
          teamName: f.teamId ? (names.teams[f.teamId] ?? null) : null,
          assigneeName: f.assigneeId ? (names.agents[f.assigneeId] ?? null) : null,
          agentName: f.agentId ? (names.agents[f.agentId] ?? null) : null,
        })),
        truncated: count > shown.length,
        scope: scopeAnswer(q),
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
      const run = await runFactsReport(core, user, query);
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
