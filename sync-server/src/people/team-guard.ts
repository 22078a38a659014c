import { and, eq, inArray } from "drizzle-orm";
import type { Reads } from "../db/record.ts";
import { teams } from "../db/schema.ts";
import { refused } from "../http/http-error.ts";

/** People are placed only in this workspace's live teams (an archived team takes nobody new). */
export async function refuseForeignTeams(core: Reads, workspaceId: string, teamIds: readonly string[]): Promise<void> {
  if (!teamIds.length) return;
  const found = await core.db.select({ id: teams.id, archivedAt: teams.archivedAt }).from(teams).where(and(eq(teams.workspaceId, workspaceId), inArray(teams.id, [...teamIds])));
  if (found.length !== new Set(teamIds).size) throw refused(400, "validation_failed", "teams_unknown");
  if (found.some((t) => t.archivedAt !== null)) throw refused(400, "validation_failed", "team_archived_for_people");
}
