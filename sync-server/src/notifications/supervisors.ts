import { and, eq } from "drizzle-orm";
import type { Reads } from "../db/record.ts";
import type { ConversationRow } from "../db/read-model.ts";
import { teamMembers, users } from "../db/schema.ts";

/**
 * Who is told about a chat that needs a supervisor (a raised hand, an SLA at risk): the
 * supervisors who are members of its team, or every supervisor of the workspace when the team
 * has none (so nobody's call goes unheard).
 */
export async function supervisorsOf(core: Reads, row: Pick<ConversationRow, "teamId" | "workspaceId">): Promise<string[]> {
  const members = await core.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(and(eq(teamMembers.teamId, row.teamId), eq(users.role, "supervisor")));
  if (members.length) return members.map((m) => m.id);
  const all = await core.db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, row.workspaceId), eq(users.role, "supervisor")));
  return all.map((m) => m.id);
}
