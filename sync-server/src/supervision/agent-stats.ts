import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { median } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { conversations, events } from "../db/schema.ts";

export interface AgentDayStats {
  handledToday: number;
  medianFirstResponseMs: number | null;
  lastReplyAt: number | null;
}

/**
 * Today's numbers of some agents, from the events table: chats they resolved, their first
 * responses (time from the chat's start to the reply that was its first), and their last reply.
 */
export async function agentDayStats(core: Reads, agentIds: readonly string[], since: number): Promise<Map<string, AgentDayStats>> {
  const stats = new Map<string, AgentDayStats>(agentIds.map((id) => [id, { handledToday: 0, medianFirstResponseMs: null, lastReplyAt: null }]));
  if (agentIds.length === 0) return stats;
  const ids = [...agentIds];
  const [resolved, firsts, lastReplies] = await Promise.all([
    core.db
      .select({ actorId: events.actorId, n: sql<number>`count(*)` })
      .from(events)
      .where(and(eq(events.type, "conversation.status_changed"), gte(events.at, since), inArray(events.actorId, ids), sql`json_extract(${events.data}, '$.to') = 'resolved'`))
      .groupBy(events.actorId),
    core.db
      .select({ actorId: events.actorId, at: events.at, startedAt: conversations.createdAt })
      .from(events)
      .innerJoin(conversations, eq(conversations.id, events.conversationId))
      .where(and(eq(events.type, "message.queued"), gte(events.at, since), inArray(events.actorId, ids), sql`json_extract(${events.data}, '$.firstResponse') = 1`)),
    core.db
      .select({ actorId: events.actorId, at: sql<number>`max(${events.at})` })
      .from(events)
      .where(and(eq(events.type, "message.queued"), inArray(events.actorId, ids)))
      .groupBy(events.actorId),
  ]);
  for (const r of resolved) if (r.actorId) stats.get(r.actorId)!.handledToday = Number(r.n);
  const durations = new Map<string, number[]>();
  for (const f of firsts) {
    if (!f.actorId) continue;
    const list = durations.get(f.actorId) ?? [];
    list.push(Math.max(0, f.at - f.startedAt));
    durations.set(f.actorId, list);
  }
  for (const [id, list] of durations) stats.get(id)!.medianFirstResponseMs = median(list);
  for (const r of lastReplies) if (r.actorId && r.at !== null) stats.get(r.actorId)!.lastReplyAt = Number(r.at);
  return stats;
}

/** Open and pending chats held by each agent (their load against capacity), across teams. */
export async function agentLoads(core: Reads, agentIds: readonly string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await core.db
    .select({ id: conversations.assigneeId, n: sql<number>`count(*)` })
    .from(conversations)
    .where(and(inArray(conversations.assigneeId, [...agentIds]), inArray(conversations.status, ["open", "pending"])))
    .groupBy(conversations.assigneeId);
  return new Map(rows.filter((r) => r.id).map((r) => [r.id!, Number(r.n)]));
}
