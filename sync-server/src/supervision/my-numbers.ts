import { eq } from "drizzle-orm";
import type { MyNumbers } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { users } from "../db/schema.ts";
import { agentDayStats, agentLoads } from "./agent-stats.ts";
import { startOfToday } from "./today.ts";

/** The signed-in user's numbers for today: handled, median first response, load vs capacity. */
export async function myNumbers(core: Reads & { now(): number }, userId: string): Promise<MyNumbers> {
  const row = (await core.db.query.users.findFirst({ where: eq(users.id, userId) }))!;
  const since = await startOfToday(row.workspaceId, core.now());
  const [stats, loads] = await Promise.all([agentDayStats(core, [userId], since), agentLoads(core, [userId])]);
  const s = stats.get(userId)!;
  return { handledToday: s.handledToday, medianFirstResponseMs: s.medianFirstResponseMs, load: loads.get(userId) ?? 0, capacity: row.maxConcurrentChats };
}
