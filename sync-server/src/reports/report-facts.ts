import { sql, type SQL } from "drizzle-orm";
import type { ReportQuery } from "@inbox/shared/api/reports";
import type { Figures, Report } from "@inbox/shared/domain/reports/index";
import { conversations } from "../db/schema.ts";
import { visibleConversationsSql } from "../security/conversation-access.ts";
import { workspaceCalendar, workspacePolicies } from "../sla/index.ts";
import type { ReportDeps } from "./report-compute.ts";
import { reportPeriod, seriesBuckets, type Period } from "./report-period.ts";
import { reportScope, type ReportScope, type ReportViewer } from "./report-scope.ts";
import type { FactScope } from "./rollup/fact-queries.ts";
import { factsReport } from "./rollup/facts-report.ts";

export interface FactsRun {
  period: Period;
  scope: ReportScope;
  report: Report;
  byTeam: Record<string, Figures>;
  byInbox: Record<string, Figures>;
  byChannel: Record<string, Figures>;
}

/**
 * Whom a caller's report covers, as a condition on fact rows: nothing for those who see every
 * chat, their teams for team scopes (a fact row carries its chat's team), and the visibility
 * rule itself over the conversations for the narrower ones (assigned to them, unassigned).
 */
function visibleFacts(scope: ReportScope): SQL | null {
  const viewer = scope.viewer;
  if (scope.conversations === "all") return null;
  if (scope.conversations === "teams") return viewer.teamIds.length ? sql`f.team_id IN (${sql.join(viewer.teamIds.map((t) => sql`${t}`), sql`, `)})` : sql`0`;
  return sql`f.conversation_id IN (SELECT ${conversations.id} FROM ${conversations} WHERE ${visibleConversationsSql(viewer)})`;
}

/** One question to the facts: the period, the caller's scope, and the conditions on fact rows they make. */
export interface FactsQuestion {
  period: Period;
  timeZone: string;
  scope: ReportScope;
  facts: FactScope;
  sla: boolean;
}

/** Checks the question and the caller's scope, and rolls what was written a moment ago first, so a figure never lags. */
export async function factsQuestion(core: ReportDeps, user: ReportViewer, query: ReportQuery): Promise<FactsQuestion> {
  const [calendar, policies, scope] = await Promise.all([workspaceCalendar(core, user.workspaceId), workspacePolicies(core, user.workspaceId), reportScope(core, user, query), core.reportRoller.catchUp()]);
  const timeZone = query.timeZone ?? calendar.timezone;
  const period = reportPeriod(query, timeZone, core.now());
  seriesBuckets(period, timeZone, query.granularity);
  const narrow = scope.conversations !== "all" && scope.conversations !== "teams";
  const visibleTeams = scope.conversations === "teams" ? { visibleTeams: scope.viewer.teamIds } : {};
  return { period, timeZone, scope, facts: { workspaceId: user.workspaceId, filters: scope.filters, visible: visibleFacts(scope), visibleByConversation: narrow, ...visibleTeams }, sla: policies.length > 0 };
}

/** A report from the rolled-up facts (rollup/): the figures of docs/REPORTS.md without replaying raw events. */
export async function runFactsReport(core: ReportDeps, user: ReportViewer, query: ReportQuery): Promise<FactsRun> {
  const q = await factsQuestion(core, user, query);
  const { report, byTeam, byInbox, byChannel } = await factsReport(core, q.facts, {
    from: q.period.from,
    to: q.period.to,
    timeZone: q.timeZone,
    granularity: query.granularity,
    business: query.clock === "business",
    sla: q.sla,
  }, core.reportRoller.memory ?? null);
  return { period: q.period, scope: q.scope, report, byTeam, byInbox, byChannel };
}
