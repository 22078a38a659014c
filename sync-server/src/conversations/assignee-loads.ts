import { and, eq, inArray, sql } from "drizzle-orm";
import { canSeeTeam, type AssigneeLoad } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { conversations } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { listUsers } from "../db/read-model.ts";

/**
 * What the assignee picker shows beside each name: the chats a person holds (open and pending,
 * as routing counts them) against their capacity. Only people of the teams the caller oversees.
 */
export async function assigneeLoads(core: Reads, user: SessionUser): Promise<AssigneeLoad[]> {
  const people = (await listUsers(core.db, user.workspaceId)).filter((p) => p.teamIds.some((t) => canSeeTeam(user, t)));
  if (!people.length) return [];
  const held = await core.db
    .select({ userId: conversations.assigneeId, n: sql<number>`count(*)` })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, user.workspaceId), inArray(conversations.assigneeId, people.map((p) => p.id)), inArray(conversations.status, ["open", "pending"])))
    .groupBy(conversations.assigneeId);
  const loadOf = new Map(held.map((h) => [h.userId, Number(h.n)]));
  return people.map((p) => ({ userId: p.id, load: loadOf.get(p.id) ?? 0, capacity: p.maxConcurrentChats }));
}
