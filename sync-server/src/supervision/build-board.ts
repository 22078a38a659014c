import { and, asc, eq, inArray, ne } from "drizzle-orm";
import {
  BOARD_WAITING_ROWS,
  DEFAULT_LONG_WAIT_MS,
  queueCounts,
  waitingRowOf,
  type BoardAgent,
  type BoardConversation,
  type ChannelType,
  type Conversation,
  type ConversationStatus,
  type Priority,
  type TeamBoard,
  type WaitingRow,
  raisedHands,
} from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { contacts, conversations, inboxes, teamMembers, teams, users } from "../db/schema.ts";
import { agentDayStats, agentLoads } from "./agent-stats.ts";
import { TeamChats } from "./team-chats.ts";
import { startOfToday } from "./today.ts";

export interface BoardDeps extends Reads {
  now(): number;
  /** Whether a user's last heartbeat is recent enough to count them online (routing's presence). */
  isOnline(lastSeenAt: number | null): boolean;
}

/** Open chats listed per agent on the board (their load says how many there are). */
const AGENT_OPEN_ROWS = 20;

/**
 * What a team's board is made of: its unresolved chats as summaries (kept in memory and patched
 * as chats change, board-publisher.ts), its inboxes, and its agents with the numbers only the
 * record knows (load across teams, today's numbers).
 */
export interface TeamParts {
  teamId: string;
  workspaceId: string;
  teamName: string;
  summaries: TeamChats;
  channels: { inboxId: string; name: string; channel: ChannelType }[];
  agents: Omit<BoardAgent, "open">[];
}

/** The fields of a conversation the board reads (a record row and the list's Conversation both have them). */
export type BoardSource = Pick<
  Conversation,
  "id" | "inboxId" | "channel" | "contactName" | "status" | "priority" | "assigneeId" | "offeredTo" | "offeredAt" | "waitingSince" | "createdAt" | "helpRequestedAt" | "helpRequestedBy" | "sla"
>;

/** One chat as the board sees it; `vip` is the contact's (not part of the conversation). */
export function boardConversationOf(c: BoardSource, vip: boolean): BoardConversation {
  return {
    id: c.id,
    inboxId: c.inboxId,
    channel: c.channel,
    contactName: c.contactName,
    status: c.status,
    priority: c.priority,
    vip,
    assigneeId: c.assigneeId,
    offeredTo: c.assigneeId === null ? (c.offeredTo ?? null) : null,
    offeredAt: c.assigneeId === null ? (c.offeredAt ?? null) : null,
    waitingSince: c.waitingSince ?? null,
    createdAt: c.createdAt,
    helpRequestedAt: c.helpRequestedAt ?? null,
    helpRequestedBy: c.helpRequestedBy ?? null,
    sla: c.sla ?? null,
  };
}

/** Reads a team's parts from the record; null when there is no such team. */
export async function readTeamParts(core: BoardDeps, teamId: string): Promise<TeamParts | null> {
  const team = await core.db.query.teams.findFirst({ where: eq(teams.id, teamId) });
  if (!team) return null;
  const now = core.now();
  const [rows, channels, agents] = await Promise.all([
    // Only the columns the board shows: a team of thousands of waiting chats is read often.
    core.db
      .select({
        id: conversations.id,
        inboxId: conversations.inboxId,
        channel: conversations.channel,
        contactName: conversations.contactName,
        status: conversations.status,
        priority: conversations.priority,
        assigneeId: conversations.assigneeId,
        offeredTo: conversations.offeredTo,
        offeredAt: conversations.offeredAt,
        waitingSince: conversations.waitingSince,
        createdAt: conversations.createdAt,
        helpRequestedAt: conversations.helpRequestedAt,
        helpRequestedBy: conversations.helpRequestedBy,
        sla: conversations.sla,
        vip: contacts.vip,
      })
      .from(conversations)
      .leftJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(conversations.teamId, teamId), ne(conversations.status, "resolved"))),
    core.db.select().from(inboxes).where(eq(inboxes.teamId, teamId)).orderBy(asc(inboxes.name)),
    readTeamAgents(core, teamId, team.workspaceId),
  ]);
  const summaries = new TeamChats(
    rows.map(({ vip, ...c }) => boardConversationOf({ ...c, channel: c.channel as ChannelType, status: c.status as ConversationStatus, priority: c.priority as Priority }, vip ?? false)),
  );
  return {
    teamId,
    workspaceId: team.workspaceId,
    teamName: team.name,
    summaries,
    channels: channels.map((i) => ({ inboxId: i.id, name: i.name, channel: i.channel as ChannelType })),
    agents,
  };
}

/** A team's agents with what only the record knows: availability, load across teams, today's numbers. */
export async function readTeamAgents(core: BoardDeps, teamId: string, workspaceId: string): Promise<TeamParts["agents"]> {
  const members = await core.db
    .select({ u: users })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(users.role, "agent")))
    .orderBy(asc(users.name), asc(users.id));
  const active = members.filter((m) => m.u.deactivatedAt === null);
  const agentIds = active.map((m) => m.u.id);
  const [stats, loads] = await Promise.all([agentDayStats(core, agentIds, await startOfToday(workspaceId, core.now())), agentLoads(core, agentIds)]);
  return active.map(({ u }) => {
    const s = stats.get(u.id)!;
    const online = core.isOnline(u.lastSeenAt ?? null);
    return {
      id: u.id,
      name: u.name,
      availability: online ? u.availability : "offline",
      availabilitySince: online ? (u.availabilityChangedAt ?? null) : (u.lastSeenAt ?? null),
      load: loads.get(u.id) ?? 0,
      capacity: u.maxConcurrentChats,
      lastReplyAt: s.lastReplyAt,
      handledToday: s.handledToday,
      medianFirstResponseMs: s.medianFirstResponseMs,
    };
  });
}

/** The VIP flag of these chats' contacts (the conversation itself does not carry it). */
export async function readVips(core: Reads, conversationIds: readonly string[]): Promise<Map<string, boolean>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await core.db
    .select({ id: conversations.id, vip: contacts.vip })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(inArray(conversations.id, [...conversationIds]));
  return new Map(rows.map((r) => [r.id, r.vip]));
}

/**
 * The board from its parts at `now`: pure, so a patched chat republishes without reading the
 * record. Composed on every change, so it walks the chats once and the queue (kept in order by
 * TeamChats) once; an agent whose card is as in `previous` keeps that very object, which the
 * room write then skips without comparing it.
 */
export function composeTeamBoard(parts: TeamParts, now: number, previous: TeamBoard | null = null): TeamBoard {
  const longWaitMs = DEFAULT_LONG_WAIT_MS;
  const summaries = [...parts.summaries.values()];
  const openOf = new Map<string, { id: string; contactName: string }[]>();
  const byInbox = new Map<string, BoardConversation[]>();
  for (const c of summaries) {
    const inInbox = byInbox.get(c.inboxId) ?? [];
    inInbox.push(c);
    byInbox.set(c.inboxId, inInbox);
    if (c.assigneeId === null || (c.status !== "open" && c.status !== "pending")) continue;
    const list = openOf.get(c.assigneeId) ?? [];
    if (list.length < AGENT_OPEN_ROWS) list.push({ id: c.id, contactName: c.contactName });
    openOf.set(c.assigneeId, list);
  }
  const queue = parts.summaries.waiting();
  const teamRows = kept(previous?.team.waiting, queue.slice(0, BOARD_WAITING_ROWS).map((c, i) => waitingRowOf(c, i + 1)));
  const inboxBefore = new Map((previous?.inboxes ?? []).map((i) => [i.inboxId, i.waiting]));
  // Each inbox's first rows in one walk of the queue, which stops once every inbox has its rows.
  const inboxRows = new Map<string, WaitingRow[]>(parts.channels.map((i) => [i.inboxId, []]));
  let unfilled = inboxRows.size;
  for (const c of queue) {
    if (unfilled === 0) break;
    const rows = inboxRows.get(c.inboxId);
    if (!rows || rows.length === BOARD_WAITING_ROWS) continue;
    rows.push(waitingRowOf(c, rows.length + 1));
    if (rows.length === BOARD_WAITING_ROWS) unfilled--;
  }
  const before = new Map((previous?.agents ?? []).map((a) => [a.id, a]));
  return {
    teamId: parts.teamId,
    teamName: parts.teamName,
    at: now,
    longWaitMs,
    team: { counts: queueCounts(summaries, now, longWaitMs), waiting: teamRows },
    inboxes: parts.channels.map((i) => ({
      ...i,
      counts: queueCounts(byInbox.get(i.inboxId) ?? [], now, longWaitMs),
      waiting: kept(inboxBefore.get(i.inboxId), inboxRows.get(i.inboxId)!),
    })),
    agents: parts.agents.map((a) => {
      const card = { ...a, open: openOf.get(a.id) ?? [] };
      const was = before.get(a.id);
      return was && sameCard(was, card) ? was : card;
    }),
    raisedHands: raisedHands(summaries),
  };
}

/** The rows shown before when nothing in them changed (most changes are behind the first fifty). */
function kept(before: WaitingRow[] | undefined, rows: WaitingRow[]): WaitingRow[] {
  if (!before || before.length !== rows.length) return rows;
  const same = rows.every((r, i) => {
    const b = before[i]!;
    return (
      r.conversationId === b.conversationId &&
      r.position === b.position &&
      r.inboxId === b.inboxId &&
      r.contactName === b.contactName &&
      r.channel === b.channel &&
      r.priority === b.priority &&
      r.vip === b.vip &&
      r.waitingSince === b.waitingSince &&
      r.offeredTo === b.offeredTo &&
      r.offeredAt === b.offeredAt &&
      r.sla === b.sla
    );
  });
  return same ? before : rows;
}

function sameCard(a: BoardAgent, b: BoardAgent): boolean {
  return (
    a.name === b.name &&
    a.availability === b.availability &&
    a.availabilitySince === b.availabilitySince &&
    a.load === b.load &&
    a.capacity === b.capacity &&
    a.lastReplyAt === b.lastReplyAt &&
    a.handledToday === b.handledToday &&
    a.medianFirstResponseMs === b.medianFirstResponseMs &&
    a.open.length === b.open.length &&
    a.open.every((o, i) => o.id === b.open[i]!.id && o.contactName === b.open[i]!.contactName)
  );
}

/**
 * The board of one team, read from the record: its unresolved chats as summaries (the shared
 * pure functions count and order them), its inboxes, and its agents with today's numbers.
 * Null when there is no such team.
 */
export async function buildTeamBoard(core: BoardDeps, teamId: string): Promise<TeamBoard | null> {
  const parts = await readTeamParts(core, teamId);
  return parts && composeTeamBoard(parts, core.now());
}

/** Whether these users' teams have boards to refresh: the teams they are members of. */
export async function teamsOf(core: Reads, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await core.db.selectDistinct({ teamId: teamMembers.teamId }).from(teamMembers).where(inArray(teamMembers.userId, [...userIds]));
  return rows.map((r) => r.teamId);
}
