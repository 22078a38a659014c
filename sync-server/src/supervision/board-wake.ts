import { and, eq, gt, isNull, min, sql } from "drizzle-orm";
import { DEFAULT_LONG_WAIT_MS } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { conversations, teamMembers, users } from "../db/schema.ts";

export interface BoardWakeDeps extends Reads {
  now(): number;
  /** When a user last seen at this time stops counting as online (routing's presence grace). */
  offlineAt(lastSeenAt: number): number;
}

/**
 * When a team's board changes with nobody writing anything: the next waiting chat to cross the
 * "waiting too long" threshold, or the next online agent whose heartbeat runs out. Null: nothing
 * changes by time alone. Two aggregate queries, so it stays cheap with thousands of waiting chats.
 */
export async function boardWakeAt(core: BoardWakeDeps, teamId: string): Promise<number | null> {
  const now = core.now();
  const longWaitMs = DEFAULT_LONG_WAIT_MS;
  const waitedFrom = sql<number>`coalesce(${conversations.waitingSince}, ${conversations.createdAt})`;
  const [waiting, seen] = await Promise.all([
    core.db
      .select({ at: min(waitedFrom) })
      .from(conversations)
      .where(
        and(
          eq(conversations.teamId, teamId),
          eq(conversations.status, "open"),
          isNull(conversations.assigneeId),
          gt(waitedFrom, now - longWaitMs),
        ),
      ),
    core.db
      .select({ lastSeenAt: users.lastSeenAt })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), eq(users.role, "agent"), isNull(users.deactivatedAt))),
  ]);
  const times: number[] = [];
  const firstLong = waiting[0]?.at;
  if (firstLong != null) times.push(Number(firstLong) + longWaitMs);
  for (const { lastSeenAt } of seen) {
    if (lastSeenAt == null) continue;
    const off = core.offlineAt(lastSeenAt);
    if (off > now) times.push(off);
  }
  return times.length ? Math.min(...times) : null;
}
