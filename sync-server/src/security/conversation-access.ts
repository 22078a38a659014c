import { and, eq, inArray, isNull, or, type SQL, type SQLWrapper } from "drizzle-orm";
import { canSeeConversation, scopeOf } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import type { SessionUser } from "../http/app-env.ts";
import { forbiddenBecause, notFound } from "../http/http-error.ts";
import { getConversationRow, type ConversationRow } from "../db/read-model.ts";
import { conversations } from "../db/schema.ts";

/**
 * The conversation, if this user may work on it: same workspace, and within their role's scope
 * (their teams, or only what is assigned to them). Anything else is refused without saying
 * whether it exists in another workspace.
 */
export async function conversationForUser(core: Reads, user: SessionUser, id: string): Promise<ConversationRow> {
  const row = await getConversationRow(core.db, id);
  if (!row || row.workspaceId !== user.workspaceId) throw notFound("conversation");
  if (!canSeeConversation(user, row)) {
    throw forbiddenBecause(user.teamIds.includes(row.teamId) ? "assigned_only" : "team_not_yours");
  }
  return row;
}

type Viewer = Pick<SessionUser, "id" | "workspaceId" | "role" | "permissions" | "teamIds">;

/**
 * `canSeeConversation` as SQL over the conversations table, for queries that list or count.
 * `teamColumn` lets a caller pass `+team_id` so SQLite does not pick the team index.
 */
export function visibleConversationsSql(user: Viewer, teamColumn: SQLWrapper = conversations.teamId): SQL {
  const inWorkspace = eq(conversations.workspaceId, user.workspaceId);
  const inTeams = inArray(teamColumn as typeof conversations.teamId, user.teamIds.length ? [...user.teamIds] : [""]);
  switch (scopeOf(user)) {
    case "all":
      return inWorkspace;
    case "teams":
      return and(inWorkspace, inTeams)!;
    case "assigned_or_unassigned":
      return and(inWorkspace, or(eq(conversations.assigneeId, user.id), and(isNull(conversations.assigneeId), inTeams)))!;
    case "assigned":
      return and(inWorkspace, eq(conversations.assigneeId, user.id))!;
  }
}
