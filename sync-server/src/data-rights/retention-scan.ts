import { and, count, eq, inArray, lt, max, min, notExists, sql, type SQL } from "drizzle-orm";
import type { RetentionCounts } from "@inbox/shared/api/data-rights";
import type { Reads } from "../db/record.ts";
import { conversations, events, media, messages, teams } from "../db/schema.ts";

export const DAY_MS = 24 * 3600_000;

/** Conversations resolved before this are the ones a policy of `days` lets go. */
export function retentionCutoff(now: number, days: number): number {
  return now - days * DAY_MS;
}

/**
 * Resolved, and neither active nor resolved (nor reopened and resolved again) since `cutoff`.
 * Resolving writes no activity time, so the last status change is read from the history: a
 * conversation with a status event after the cutoff was resolved too recently.
 */
export function resolvedBefore(cutoff: number): SQL {
  return and(
    eq(conversations.status, "resolved"),
    lt(conversations.lastActivityAt, cutoff),
    notExists(
      sql`(select 1 from ${events} where ${events.conversationId} = ${conversations.id} and ${events.type} = 'conversation.status_changed' and ${events.at} >= ${cutoff})`,
    ),
  )!;
}

/** Per team, so each query walks the team's (team, last activity) index up to the cutoff. */
export function dueInTeam(teamId: string, cutoff: number): SQL {
  return and(eq(conversations.teamId, teamId), resolvedBefore(cutoff))!;
}

export async function teamsOf(core: Reads, workspaceId: string): Promise<string[]> {
  return (await core.db.select({ id: teams.id }).from(teams).where(eq(teams.workspaceId, workspaceId))).map((t) => t.id);
}

/** What a policy would delete now (the dry run): counts and the span of last activity. */
export async function retentionPreview(core: Reads, workspaceId: string, cutoff: number): Promise<RetentionCounts> {
  const { db } = core;
  const total: RetentionCounts = { conversations: 0, messages: 0, mediaFiles: 0, oldestActivityAt: null, newestActivityAt: null };
  for (const teamId of await teamsOf(core, workspaceId)) {
    const due = db.select({ id: conversations.id }).from(conversations).where(dueInTeam(teamId, cutoff));
    const [[convs], [msgs], [files]] = await Promise.all([
      db
        .select({ n: count(), oldest: min(conversations.lastActivityAt), newest: max(conversations.lastActivityAt) })
        .from(conversations)
        .where(dueInTeam(teamId, cutoff)),
      db.select({ n: count() }).from(messages).where(inArray(messages.conversationId, due)),
      db.select({ n: count() }).from(media).where(inArray(media.conversationId, due)),
    ]);
    if (!convs || convs.n === 0) continue;
    total.conversations += convs.n;
    total.messages += msgs?.n ?? 0;
    total.mediaFiles += files?.n ?? 0;
    total.oldestActivityAt = earliest(total.oldestActivityAt, convs.oldest);
    total.newestActivityAt = latest(total.newestActivityAt, convs.newest);
  }
  return total;
}

export function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

export function latest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** Gives the event loop a turn between batches: requests and other writers go first. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
