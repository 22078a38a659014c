import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { Core } from "../core.ts";
import { conversations, inboxes, teamMembers, users } from "../db/schema.ts";
import { toConversation, type ConversationRow, type InboxRow } from "../services/read-model.ts";
import { publish } from "../sync/publish.ts";

export const ROUTING_MODES = ["manual", "round_robin", "least_loaded"] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** An inbox's routing mode from its settings; anything unknown is "manual" (today's behaviour). */
export function routingModeOf(inbox: Pick<InboxRow, "settings">): RoutingMode {
  const mode = inbox.settings?.routing;
  return mode === "round_robin" || mode === "least_loaded" ? mode : "manual";
}

/** Statuses that count towards an agent's load, and the status a chat waits in. */
const LOAD_STATUSES = ["open", "pending"] as const;
const WAITING_STATUS = "open";
const PRIORITY_RANK = sql`case ${conversations.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;
const QUEUE_PAGE = 50;
const MAX_PASSES = 20;

interface Agent {
  id: string;
  name: string;
  capacity: number;
  load: number;
}

export interface RoutingDecision {
  conversationId: string;
  assigneeId: string;
  mode: Exclude<RoutingMode, "manual">;
  load: number;
  capacity: number;
  why: string;
}

/**
 * Hands waiting chats to available agents. Decisions are serialised per team in this process
 * (core.locks), and made safe across processes by the record itself: the assignment is a
 * conditional UPDATE (still unassigned, still open, agent still available and under capacity),
 * and its event and the round-robin pointer are written in the same transaction under the same
 * condition, so a lost race writes nothing at all.
 */
export class Router {
  constructor(private readonly core: Core) {}

  /** A conversation became unassigned and open (created, reopened): route it if its inbox routes. */
  async conversationWaiting(conversationId: string): Promise<RoutingDecision | null> {
    const row = await this.core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
    if (!row || row.assigneeId !== null || row.status !== WAITING_STATUS) return null;
    return this.core.locks.run(lockKey(row.teamId), async () => {
      const fresh = await this.core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
      if (!fresh || fresh.assigneeId !== null || fresh.status !== WAITING_STATUS) return null;
      const inbox = await this.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, fresh.inboxId) });
      if (!inbox) return null;
      const mode = routingModeOf(inbox);
      if (mode === "manual") return null;
      const agents = await this.teamAgents(fresh.teamId);
      return this.tryAssign(fresh, mode, agents, await this.lastChosen(fresh.teamId));
    });
  }

  /**
   * Capacity may have freed up in a team (a chat resolved or handed back, an agent became
   * available, routing turned on): hand out its queue, most urgent then oldest first, until the
   * queue is empty or nobody has room. Returns the decisions made.
   */
  async capacityChanged(teamId: string): Promise<RoutingDecision[]> {
    return this.core.locks.run(lockKey(teamId), async () => {
      const decisions: RoutingDecision[] = [];
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const queue = await this.queue(teamId);
        if (queue.length === 0) break;
        const agents = await this.teamAgents(teamId);
        let last = await this.lastChosen(teamId);
        let progressed = false;
        for (const { conversation, mode } of queue) {
          if (!agents.some(hasRoom)) return decisions;
          const decision = await this.tryAssign(conversation, mode, agents, last);
          if (decision) {
            decisions.push(decision);
            last = decision.assigneeId;
            progressed = true;
          }
        }
        if (!progressed || queue.length < QUEUE_PAGE) break;
      }
      return decisions;
    });
  }

  /** The agents of a team in a stable order (round robin walks it), with their current load. */
  private async teamAgents(teamId: string): Promise<Agent[]> {
    const members = await this.core.db
      .select({ id: users.id, name: users.name, capacity: users.maxConcurrentChats, availability: users.availability })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), eq(users.role, "agent")))
      .orderBy(asc(users.name), asc(users.id));
    if (members.length === 0) return [];
    const loads = await this.core.db
      .select({ userId: conversations.assigneeId, load: sql<number>`count(*)` })
      .from(conversations)
      .where(and(inArray(conversations.assigneeId, members.map((m) => m.id)), inArray(conversations.status, [...LOAD_STATUSES])))
      .groupBy(conversations.assigneeId);
    const loadOf = new Map(loads.map((l) => [l.userId, Number(l.load)]));
    // Unavailable agents stay in the list (round robin needs their place) with no room.
    return members.map((m) => ({
      id: m.id,
      name: m.name,
      capacity: m.availability === "available" ? m.capacity : 0,
      load: loadOf.get(m.id) ?? 0,
    }));
  }

  private async lastChosen(teamId: string): Promise<string | null> {
    const rows = await this.core.db.all<{ last_user_id: string | null }>(
      sql`select last_user_id from routing_state where team_id = ${teamId}`,
    );
    return rows[0]?.last_user_id ?? null;
  }

  /** Waiting chats of a team whose inbox routes automatically, most urgent then oldest first. */
  private async queue(teamId: string): Promise<{ conversation: ConversationRow; mode: Exclude<RoutingMode, "manual"> }[]> {
    const rows = await this.core.db
      .select({ conversation: conversations, settings: inboxes.settings })
      .from(conversations)
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .where(
        and(
          eq(conversations.teamId, teamId),
          sql`${conversations.assigneeId} is null`,
          eq(conversations.status, WAITING_STATUS),
          sql`json_extract(${inboxes.settings}, '$.routing') in ('round_robin', 'least_loaded')`,
        ),
      )
      .orderBy(PRIORITY_RANK, asc(conversations.createdAt), asc(conversations.id))
      .limit(QUEUE_PAGE);
    return rows.map((r) => ({ conversation: r.conversation, mode: routingModeOf({ settings: r.settings }) as Exclude<RoutingMode, "manual"> }));
  }

  /** Picks an agent and assigns exactly once; null if nobody has room or the chat was taken meanwhile. */
  private async tryAssign(
    row: ConversationRow,
    mode: Exclude<RoutingMode, "manual">,
    agents: Agent[],
    lastUserId: string | null,
  ): Promise<RoutingDecision | null> {
    const choice = choose(mode, agents, lastUserId);
    if (!choice) return null;
    const { agent, why } = choice;
    const at = this.core.now();
    const data = { from: null, to: agent.id, reason: "routing", mode, load: agent.load, capacity: agent.capacity, why };
    const guard = assignable(row.id, agent);
    const { db } = this.core;
    const results = await this.core.writer.write([
      // Event and pointer first: they test the same guard against the state before the update.
      db.run(sql`
        insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
        select ${newId()}, workspace_id, 'conversation.assigned', id, 'system', null, ${JSON.stringify(data)}, ${at}
        from conversations where ${guard}`),
      db.run(sql`
        insert into routing_state (team_id, last_user_id, updated_at)
        select team_id, ${agent.id}, ${at} from conversations where ${guard}
        on conflict (team_id) do update set last_user_id = excluded.last_user_id, updated_at = excluded.updated_at`),
      db.update(conversations).set({ assigneeId: agent.id }).where(guard).returning(),
    ]);
    const updated = (results[2] as ConversationRow[])[0];
    if (!updated) return null;
    agent.load += 1;
    publish(this.core, toConversation(updated));
    return { conversationId: row.id, assigneeId: agent.id, mode, load: data.load, capacity: agent.capacity, why };
  }
}

function lockKey(teamId: string): string {
  return `routing:${teamId}`;
}

function hasRoom(a: Agent): boolean {
  return a.load < a.capacity;
}

/**
 * The condition under which the assignment still stands, checked inside the writing
 * transaction: unassigned, waiting, and the agent still available with room.
 */
function assignable(conversationId: string, agent: Agent): SQL {
  return sql`id = ${conversationId} and assignee_id is null and status = ${WAITING_STATUS}
    and exists (select 1 from users u where u.id = ${agent.id} and u.availability = 'available'
      and (select count(*) from conversations c2 where c2.assignee_id = ${agent.id} and c2.status in ('open', 'pending')) < u.max_concurrent_chats)`;
}

/** Round robin order starting after the last chosen agent (agents are in a stable order). */
function afterLast(agents: Agent[], lastUserId: string | null): Agent[] {
  const i = lastUserId ? agents.findIndex((a) => a.id === lastUserId) : -1;
  return [...agents.slice(i + 1), ...agents.slice(0, i + 1)];
}

export function choose(mode: Exclude<RoutingMode, "manual">, agents: Agent[], lastUserId: string | null): { agent: Agent; why: string } | null {
  const order = afterLast(agents, lastUserId).filter(hasRoom);
  if (order.length === 0) return null;
  const lastName = agents.find((a) => a.id === lastUserId)?.name;
  if (mode === "round_robin") {
    const agent = order[0]!;
    return { agent, why: lastName ? `round robin: next after ${lastName}` : "round robin: first in line" };
  }
  // Least loaded; ties go to whoever comes first in round-robin order.
  let agent = order[0]!;
  for (const a of order) if (a.load < agent.load) agent = a;
  return { agent, why: `least loaded: ${agent.load} of ${agent.capacity} chats` };
}
