import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { DEFAULT_LONG_WAIT_MS, queueOf, type BoardAgent, type BoardConversation, type ChannelType, type ConversationStatus, type Priority, type TeamBoard } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { contacts, conversations, inboxes, teamMembers, teams, users } from "../db/schema.ts";
import { agentDayStats, agentLoads } from "./agent-stats.ts";
import { startOfToday } from "./today.ts";

export interface BoardDeps extends Reads {
  now(): number;
  /** Whether a user's last heartbeat is recent enough to count them online (routing's presence). */
  isOnline(lastSeenAt: number | null): boolean;
}

/** Open chats listed per agent on the board (their load says how many there are). */
const AGENT_OPEN_ROWS = 20;

/**
 * The board of one team, read from the record: its unresolved chats as summaries (the shared
 * pure functions count and order them), its inboxes, and its agents with today's numbers.
 * Null when there is no such team.
 */
export async function buildTeamBoard(core: BoardDeps, teamId: string): Promise<TeamBoard | null> {
  const team = await core.db.query.teams.findFirst({ where: eq(teams.id, teamId) });
  if (!team) return null;
  const now = core.now();
  const [rows, channels, members] = await Promise.all([
    core.db
      .select({ c: conversations, vip: contacts.vip })
      .from(conversations)
      .leftJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(conversations.teamId, teamId), ne(conversations.status, "resolved"))),
    core.db.select().from(inboxes).where(eq(inboxes.teamId, teamId)).orderBy(asc(inboxes.name)),
    core.db
      .select({ u: users })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), eq(users.role, "agent")))
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  const summaries: BoardConversation[] = rows.map(({ c, vip }) => ({
    id: c.id,
    inboxId: c.inboxId,
    channel: c.channel as ChannelType,
    contactName: c.contactName,
    status: c.status as ConversationStatus,
    priority: c.priority as Priority,
    vip: vip ?? false,
    assigneeId: c.assigneeId,
    offeredTo: c.assigneeId === null ? (c.offeredTo ?? null) : null,
    offeredAt: c.assigneeId === null ? (c.offeredAt ?? null) : null,
    waitingSince: c.waitingSince ?? null,
    createdAt: c.createdAt,
    sla: c.sla ?? null,
  }));
  const longWaitMs = DEFAULT_LONG_WAIT_MS;
  const active = members.filter((m) => m.u.deactivatedAt === null);
  const agentIds = active.map((m) => m.u.id);
  const [stats, loads] = await Promise.all([agentDayStats(core, agentIds, await startOfToday(team.workspaceId, now)), agentLoads(core, agentIds)]);
  const agents: BoardAgent[] = active.map(({ u }) => {
      const s = stats.get(u.id)!;
      const online = core.isOnline(u.lastSeenAt ?? null);
      return {
        id: u.id,
        name: u.name,
        availability: online ? u.availability : "offline",
        availabilitySince: online ? (u.availabilityChangedAt ?? null) : (u.lastSeenAt ?? null),
        load: loads.get(u.id) ?? 0,
        capacity: u.maxConcurrentChats,
        open: summaries
          .filter((c) => c.assigneeId === u.id && (c.status === "open" || c.status === "pending"))
          .slice(0, AGENT_OPEN_ROWS)
          .map((c) => ({ id: c.id, contactName: c.contactName })),
        lastReplyAt: s.lastReplyAt,
        handledToday: s.handledToday,
        medianFirstResponseMs: s.medianFirstResponseMs,
      };
    });
  return {
    teamId,
    teamName: team.name,
    at: now,
    longWaitMs,
    team: queueOf(summaries, now, longWaitMs),
    inboxes: channels.map((i) => ({
      inboxId: i.id,
      name: i.name,
      channel: i.channel as ChannelType,
      ...queueOf(
        summaries.filter((c) => c.inboxId === i.id),
        now,
        longWaitMs,
      ),
    })),
    agents,
  };
}

/** Whether these users' teams have boards to refresh: the teams they are members of. */
export async function teamsOf(core: Reads, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await core.db.selectDistinct({ teamId: teamMembers.teamId }).from(teamMembers).where(inArray(teamMembers.userId, [...userIds]));
  return rows.map((r) => r.teamId);
}
