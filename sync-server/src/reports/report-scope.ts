import { and, eq, inArray } from "drizzle-orm";
import { can, scopeOf, type ConversationScope } from "@inbox/shared";
import type { ReportQuery } from "@inbox/shared/api/reports";
import type { ReportFilters } from "@inbox/shared/domain/reports/index";
import type { Reads } from "../db/record.ts";
import { teamMembers, teams, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { forbiddenBecause } from "../http/http-error.ts";

export type ReportViewer = Pick<SessionUser, "id" | "workspaceId" | "role" | "permissions" | "teamIds">;

/**
 * What a caller's report covers, from the one permission policy (shared/domain/permissions.ts):
 * the conversations their role's scope sees (the reads apply `visibleConversationsSql`), and,
 * without `viewReports`, only the figures attributed to themselves.
 */
export interface ReportScope {
  viewer: ReportViewer;
  ownNumbersOnly: boolean;
  conversations: ConversationScope;
  filters: ReportFilters;
}

type AskedFilters = Pick<ReportQuery, "team" | "inbox" | "channel" | "agent" | "label" | "priority">;

/**
 * The caller's filters, checked and completed. An explicit team or agent filter naming what the
 * caller may not see is refused in words (a silent empty report would read as "nothing
 * happened"); everyone without `viewReports` gets the agent filter set to themselves.
 */
export async function reportScope(core: Reads, user: ReportViewer, asked: AskedFilters): Promise<ReportScope> {
  const conversations = scopeOf(user);
  const ownNumbersOnly = !can(user, "viewReports");
  if (asked.team) await checkTeams(core, user, conversations, asked.team);
  if (asked.agent) await checkAgents(core, user, conversations, ownNumbersOnly, asked.agent);
  const filters: ReportFilters = {
    ...(asked.team ? { teamIds: asked.team } : {}),
    ...(asked.inbox ? { inboxIds: asked.inbox } : {}),
    ...(asked.channel ? { channels: asked.channel } : {}),
    ...(asked.label ? { labels: asked.label } : {}),
    ...(asked.priority ? { priorities: asked.priority } : {}),
    ...(ownNumbersOnly ? { agentIds: [user.id] } : asked.agent ? { agentIds: asked.agent } : {}),
  };
  return { viewer: user, ownNumbersOnly, conversations, filters };
}

async function checkTeams(core: Reads, user: ReportViewer, scope: ConversationScope, asked: readonly string[]): Promise<void> {
  const known = await core.db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.workspaceId, user.workspaceId), inArray(teams.id, [...asked])));
  if (known.length < new Set(asked).size) throw forbiddenBecause("report_team_unknown");
  if (scope === "all") return;
  const outside = known.filter((t) => !user.teamIds.includes(t.id));
  if (outside.length) throw forbiddenBecause("report_teams_outside", { teams: outside.map((t) => t.name).join(", ") });
}

async function checkAgents(core: Reads, user: ReportViewer, scope: ConversationScope, ownNumbersOnly: boolean, asked: readonly string[]): Promise<void> {
  if (ownNumbersOnly) {
    if (asked.some((id) => id !== user.id)) throw forbiddenBecause("report_agent_self_only");
    return;
  }
  const others = [...new Set(asked)].filter((id) => id !== user.id);
  if (!others.length) return;
  // Whom they may see: anyone in the workspace when they see every chat, otherwise the people of their teams.
  const allowed =
    scope === "all"
      ? await core.db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, user.workspaceId), inArray(users.id, others)))
      : await core.db
          .selectDistinct({ id: teamMembers.userId })
          .from(teamMembers)
          .where(and(inArray(teamMembers.userId, others), inArray(teamMembers.teamId, user.teamIds.length ? [...user.teamIds] : [""])));
  if (allowed.length < others.length) throw forbiddenBecause("report_agents_outside");
}
