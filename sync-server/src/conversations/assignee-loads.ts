import { and, eq, inArray, sql } from "drizzle-orm";
import { canSeeTeam, type AssigneeLoad } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { conversations, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { listUsers } from "../db/read-model.ts";

/** What the picker's numbers need: the record, and routing's presence (who is online). */
export interface AssigneeLoadDeps extends Reads {
  isOnline(lastSeenAt: number | null): boolean;
}

/**
 * What the assignee picker shows beside each name: the chats a person holds (open and pending,
 * as routing counts them) against their capacity, and their availability. Only active people of
 * the teams the caller oversees.
 */
export async function assigneeLoads(core: AssigneeLoadDeps, user: SessionUser): Promise<AssigneeLoad[]> {
  const visible = (await listUsers(core.db, user.workspaceId)).filter((p) => p.teamIds.some((t) => canSeeTeam(user, t)));
  if (!visible.length) return [];
  const ids = visible.map((p) => p.id);
  const [held, presence] = await Promise.all([
    core.db
      .select({ userId: conversations.assigneeId, n: sql<number>`count(*)` })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, user.workspaceId), inArray(conversations.assigneeId, ids), inArray(conversations.status, ["open", "pending"])))
      .groupBy(conversations.assigneeId),
    core.db.select({ id: users.id, lastSeenAt: users.lastSeenAt, deactivatedAt: users.deactivatedAt }).from(users).where(inArray(users.id, ids)),
  ]);
  const loadOf = new Map(held.map((h) => [h.userId, Number(h.n)]));
  const seen = new Map(presence.map((p) => [p.id, p]));
  return visible
    .filter((p) => seen.get(p.id)?.deactivatedAt == null)
    .map((p) => ({
      userId: p.id,
      load: loadOf.get(p.id) ?? 0,
      capacity: p.maxConcurrentChats,
      name: p.name,
      role: p.role,
      teamIds: p.teamIds,
      availability: core.isOnline(seen.get(p.id)?.lastSeenAt ?? null) ? p.availability : "offline",
    }));
}
