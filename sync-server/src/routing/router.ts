import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { newId } from "@inbox/shared";
import { routingSettingsOf, type RoutingMode } from "@inbox/shared/domain/routing";
import type { Reads, Writes } from "../db/record.ts";
import { publish, publishAll, type Publishes } from "../rooms/publish.ts";
import { contacts, conversations, inboxes, teamMembers, users } from "../db/schema.ts";
import { toConversation, type ConversationRow, type InboxRow } from "../db/read-model.ts";
import { DEFAULT_PRESENCE, Presence, type PresenceOptions } from "./presence.ts";
import { routesAutomatically, ruleRouting } from "./routing-conditions.ts";
import { RoutingScheduler } from "./routing-scheduler.ts";
import { whyBackInQueue, type RerouteReason, type TakenBackFacts } from "./routing-why.ts";
import { choose, hasRoom, type Agent, type AutoMode } from "./choose-agent.ts";
import { commitOffers, type PlannedOffer } from "./offer-batch.ts";
import { offerFacts, type Waiting } from "./offer-facts.ts";

/** An inbox's routing mode from its settings; anything unknown is "manual" (today's behaviour). */
export function routingModeOf(inbox: Pick<InboxRow, "settings">): RoutingMode {
  return routingSettingsOf(inbox.settings).mode;
}

/** The status a chat waits in (an agent's load counts their open and pending chats). */
const WAITING_STATUS = "open";
/** Urgent first, then VIP customers, then high / normal / low; oldest first within each. */
const QUEUE_RANK = sql`case
  when ${conversations.priority} = 'urgent' then 0
  when coalesce(${contacts.vip}, 0) = 1 then 1
  when ${conversations.priority} = 'high' then 2
  when ${conversations.priority} = 'normal' then 3
  else 4 end`;
/** What deciding and taking back offers read of a waiting chat (a page's full rows cost more to map than to decide). */
const WAITING_COLUMNS = {
  id: conversations.id,
  teamId: conversations.teamId,
  status: conversations.status,
  priority: conversations.priority,
  assigneeId: conversations.assigneeId,
  offeredTo: conversations.offeredTo,
  offeredAt: conversations.offeredAt,
  offerExpiresAt: conversations.offerExpiresAt,
  reroutedFrom: conversations.reroutedFrom,
};

/** Chats decided and committed together (see capacityChanged); a call makes at most MAX_PASSES pages. */
const QUEUE_PAGE = 500;
const MAX_PASSES = 4;

/** An offer decided in memory: its agent, its rows-to-be and what the caller is told if it holds. */
interface Planned {
  agent: Agent;
  offer: PlannedOffer;
  decision: RoutingDecision;
}

/**
 * The data of a `conversation.assigned` event written by routing (actor kind "system"):
 *   from, to          user ids (null: nobody); `to` null means it went back to the queue
 *   reason            "routing" (a waiting chat was offered) | "reroute" (an unpicked offer was taken back)
 *   rerouteReason     with "reroute": "not_picked_up" (pickup timeout) | "agent_away" | "agent_offline"
 *   mode              "round_robin" | "least_loaded" ("manual" when taken back with routing off)
 *   load, capacity    the chosen agent's open chats before this one, and their limit
 *   priority, vip     the chat's priority and whether the customer is a VIP (the queue order)
 *   offerExpiresAt    when the offer is taken back if not picked up (null: no timeout)
 *   why               all of the above as one readable sentence
 * `conversation.picked_up` data: { assignmentEventId, waitedMs, reason, via: "button" | "reply" }.
 */
export interface RoutingDecision {
  conversationId: string;
  assigneeId: string | null;
  mode: RoutingMode;
  load: number;
  capacity: number;
  why: string;
}

/** Told of the chats offered to agents, after they committed (push/ rings the agents' devices); a page's offers come together. */
export interface OfferListener {
  offered(offers: readonly { conversation: ConversationRow; agentId: string }[]): void;
}

/** What routing decisions need: the record, the rooms that show them, and who hears of offers. */
export type RoutingDeps = Writes & Publishes & { offers?: OfferListener };

/**
 * Hands waiting chats to available agents. Decisions are serialised per team in this process
 * (core.locks), and made safe across processes by the record itself: each offer's event, its
 * assignment and the round-robin pointer are written in one transaction under conditions tested
 * there (the chat still waiting in the team, the agent still available with room; a page of
 * offers at once, offer-batch.ts), so a lost race writes nothing for that chat. Offers not
 * picked up are taken back by the scheduler, which also works only from the record.
 */
export class Router {
  readonly scheduler: RoutingScheduler;
  /** Who is online (a live socket on any instance within the grace); only they get chats. */
  readonly presence: Presence;

  constructor(
    private readonly core: RoutingDeps,
    presence: Partial<PresenceOptions> = {},
    /** Told of the teams whose agents came back online (the supervision boards). */
    private readonly teamsBackOnline: (teamIds: string[]) => void = () => {},
  ) {
    this.presence = new Presence(core, { ...DEFAULT_PRESENCE, ...presence }, async (teamIds) => {
      this.teamsBackOnline(teamIds);
      for (const teamId of teamIds) await this.capacityChanged(teamId);
    });
    this.scheduler = new RoutingScheduler(core, this);
  }

  /** A conversation became unassigned and open (created, reopened): route it if its inbox routes. */
  async conversationWaiting(conversationId: string): Promise<RoutingDecision | null> {
    const row = await this.core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
    if (!row || row.assigneeId !== null || row.status !== WAITING_STATUS) return null;
    return this.core.locks.run(lockKey(row.teamId), async () => {
      const waiting = await this.waitingChat(conversationId);
      if (!waiting || waiting.conversation.assigneeId !== null || waiting.conversation.status !== WAITING_STATUS) return null;
      if (waiting.settings.mode === "manual") return null;
      const { teamId } = waiting.conversation;
      const agents = await this.teamAgents(teamId);
      const at = this.core.now();
      const planned = this.plan(waiting, agents, await this.lastChosen(teamId), at);
      if (!planned) return null;
      const [decision] = await this.commit(teamId, [planned], at);
      return decision ?? null;
    });
  }

  /**
   * Capacity may have freed up in a team (a chat resolved or handed back, an agent became
   * available, routing turned on): hand out its queue in order until the queue is empty or
   * nobody has room. Returns the decisions made.
   *
   * Decided a page at a time: the page's offers are chosen in memory, in queue order, each
   * seeing the loads and round-robin turn the ones before it left, exactly as one by one; then
   * the page commits in one transaction (offer-batch.ts), where any offer the record no longer
   * allows is skipped. A skipped offer leaves the in-memory loads wrong, so the next page starts
   * from the record again.
   */
  async capacityChanged(teamId: string): Promise<RoutingDecision[]> {
    return this.core.locks.run(lockKey(teamId), async () => {
      const decisions: RoutingDecision[] = [];
      // Read from the record once, then page by page from memory while every offer holds: after
      // a page that held whole, the loads and the round-robin turn in memory are the record's,
      // and the rest of the queue is still waiting (a chat taken meanwhile is skipped by the
      // commit's own test). Reading the queue and the agents again for each page cost more
      // than committing it.
      let queue: Waiting[] = [];
      let agents: Agent[] = [];
      let last: string | null = null;
      let read = false;
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        if (!read) {
          queue = await this.queue(teamId, QUEUE_PAGE * (MAX_PASSES - pass));
          agents = await this.teamAgents(teamId);
          last = await this.lastChosen(teamId);
          read = true;
        }
        const page = queue.splice(0, QUEUE_PAGE);
        if (page.length === 0) break;
        const at = this.core.now();
        const plans: Planned[] = [];
        let full = false;
        for (const waiting of page) {
          if (!agents.some(hasRoom)) {
            full = true;
            break;
          }
          const planned = this.plan(waiting, agents, last, at);
          if (planned) {
            plans.push(planned);
            last = planned.agent.id;
          }
        }
        if (full && plans.length === 0) break;
        const made = plans.length > 0 ? await this.commit(teamId, plans, at) : [];
        decisions.push(...made);
        if (plans.length > 0 && made.length === 0) break;
        // A skipped offer leaves the loads in memory wrong: the next page starts from the record.
        if (made.length < plans.length) read = false;
        else if (full) break;
      }
      return decisions;
    });
  }

  /**
   * Takes back an offer its agent did not pick up (timeout) or cannot (went away) and offers
   * the chat to someone else, never the same agent; with nobody else free it waits unassigned.
   * Null if the offer no longer stands (picked up, reassigned, another instance was first).
   */
  async reroute(conversationId: string, reason: RerouteReason): Promise<RoutingDecision | null> {
    const row = await this.core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
    if (!row) return null;
    return this.core.locks.run(lockKey(row.teamId), async () => {
      const at = this.core.now();
      const waiting = await this.waitingChat(conversationId);
      if (!waiting) return null;
      const c = waiting.conversation;
      const from = c.assigneeId;
      if (!from || c.offeredTo !== from || c.status !== WAITING_STATUS || c.offeredAt === null) return null;
      if (reason === "not_picked_up" && (c.offerExpiresAt === null || c.offerExpiresAt > at)) return null;
      // Offline is re-checked in the write: a reconnect on any instance meanwhile keeps the offer.
      const stillOffline =
        reason === "agent_offline" ? sql` and not exists (select 1 from users u where u.id = ${from} and ${this.presence.onlineSql(sql`u.last_seen_at`)})` : sql``;

      const agents = await this.teamAgents(c.teamId);
      const fromName = agents.find((a) => a.id === from)?.name ?? (await this.userName(from));
      const takenBack = { fromName, reason, timeoutSeconds: waiting.settings.pickupTimeoutSeconds };
      // The exact offer being taken back: a pickup or another instance's reroute makes this false.
      const offerStands = sql`id = ${c.id} and assignee_id = ${from} and offered_to = ${from} and offered_at = ${c.offeredAt} and status = ${WAITING_STATUS}${stillOffline}`;
      const base = { from, reason: "reroute", rerouteReason: reason, priority: c.priority, vip: waiting.vip };

      const { settings } = waiting;
      if (settings.mode !== "manual") {
        const last = await this.lastChosen(c.teamId);
        const agent = choose(settings.mode, agents, last, from);
        if (agent) {
          return this.offerTakenBack(waiting, agent, settings.mode, last, agents, at, { offerStands, base, takenBack });
        }
      }
      const why = whyBackInQueue(takenBack, settings.mode === "manual");
      const data = { ...base, to: null, mode: settings.mode, load: null, capacity: null, offerExpiresAt: null, pickupTimeoutSeconds: takenBack.timeoutSeconds, why };
      const { db } = this.core;
      const results = await this.core.writer.write([
        eventFromGuard(this.core, offerStands, data, at),
        db
          .update(conversations)
          .set({ assigneeId: null, offeredTo: null, offeredAt: null, offerExpiresAt: null, reroutedFrom: from })
          .where(offerStands)
          .returning(),
      ]);
      const updated = (results[1] as ConversationRow[])[0];
      if (!updated) return null;
      publish(this.core, toConversation(updated));
      return { conversationId: c.id, assigneeId: null, mode: settings.mode, load: 0, capacity: 0, why };
    });
  }

  /** The agents of a team in a stable order (round robin walks it), with their current load. */
  private async teamAgents(teamId: string): Promise<Agent[]> {
    const members = await this.core.db
      .select({ id: users.id, name: users.name, capacity: users.maxConcurrentChats, availability: users.availability, lastSeenAt: users.lastSeenAt })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      // A deactivated agent still looks online until their last heartbeat's grace runs out.
      .where(and(eq(teamMembers.teamId, teamId), eq(users.role, "agent"), isNull(users.deactivatedAt)))
      .orderBy(asc(users.name), asc(users.id));
    if (members.length === 0) return [];
    const loads = await this.core.db
      .select({ userId: conversations.assigneeId, load: sql<number>`count(*)` })
      .from(conversations)
      .where(and(inArray(conversations.assigneeId, members.map((m) => m.id)), inArray(conversations.status, ["open", "pending"])))
      .groupBy(conversations.assigneeId);
    const loadOf = new Map(loads.map((l) => [l.userId, Number(l.load)]));
    // Unavailable or offline agents stay in the list (round robin needs their place) with no room.
    return members.map((m) => ({
      id: m.id,
      name: m.name,
      capacity: m.availability === "available" && this.presence.isOnline(m.lastSeenAt) ? m.capacity : 0,
      load: loadOf.get(m.id) ?? 0,
    }));
  }

  private async userName(id: string): Promise<string> {
    const row = await this.core.db.query.users.findFirst({ where: eq(users.id, id), columns: { name: true } });
    return row?.name ?? "The agent";
  }

  private async lastChosen(teamId: string): Promise<string | null> {
    const rows = await this.core.db.all<{ last_user_id: string | null }>(
      sql`select last_user_id from routing_state where team_id = ${teamId}`,
    );
    return rows[0]?.last_user_id ?? null;
  }

  /** A waiting chat's fields, its customer's VIP mark and what a routing rule said; `extra` adds columns. */
  private waitingSelect<E extends Record<string, SQL | typeof inboxes.settings | typeof conversations.inboxId>>(extra: E) {
    return this.core.db
      .select({ conversation: WAITING_COLUMNS, vip: contacts.vip, ruleRouting: sql<string | null>`${ruleRouting}`, ...extra })
      .from(conversations)
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .leftJoin(contacts, eq(contacts.id, conversations.contactId));
  }

  private async waitingChat(conversationId: string): Promise<Waiting | null> {
    const [row] = await this.waitingSelect({ settings: inboxes.settings }).where(eq(conversations.id, conversationId)).limit(1);
    return row ? toWaiting(row, row.settings) : null;
  }

  /**
   * Waiting chats of a team whose inbox routes automatically, in queue order, at most `limit`.
   * Each inbox's settings are read once, not once per chat: they hold the web chat's
   * appearance, picture included, and a queue of thousands shares a few inboxes.
   */
  private async queue(teamId: string, limit: number): Promise<Waiting[]> {
    const rows = await this.waitingSelect({ inboxId: conversations.inboxId })
      .where(
        and(
          eq(conversations.teamId, teamId),
          sql`${conversations.assigneeId} is null`,
          eq(conversations.status, WAITING_STATUS),
          routesAutomatically,
        ),
      )
      .orderBy(QUEUE_RANK, asc(conversations.createdAt), asc(conversations.id))
      .limit(limit);
    if (rows.length === 0) return [];
    const inboxIds = [...new Set(rows.map((r) => r.inboxId))];
    const settings = new Map(
      (await this.core.db.select({ id: inboxes.id, settings: inboxes.settings }).from(inboxes).where(inArray(inboxes.id, inboxIds))).map((i) => [i.id, i.settings]),
    );
    return rows.flatMap((r) => {
      const inbox = settings.get(r.inboxId);
      return inbox ? [toWaiting(r, inbox)] : [];
    });
  }

  /**
   * The offer a waiting chat gets from its inbox's mode, decided in memory (the chosen agent's
   * load counts it at once, for the decisions after it); null if nobody has room.
   */
  private plan(waiting: Waiting, agents: Agent[], lastUserId: string | null, at: number): Planned | null {
    const { mode } = waiting.settings;
    if (mode === "manual") return null;
    const agent = choose(mode, agents, lastUserId, waiting.conversation.reroutedFrom);
    if (!agent) return null;
    const facts = offerFacts(waiting, agent, mode, lastUserId, agents, at, { from: null, reason: "routing" });
    agent.load += 1;
    return {
      agent,
      offer: { eventId: newId(), conversationId: waiting.conversation.id, agentId: agent.id, offerExpiresAt: facts.offerExpiresAt, data: JSON.stringify(facts.data) },
      decision: { conversationId: waiting.conversation.id, assigneeId: agent.id, mode, load: facts.data.load, capacity: agent.capacity, why: facts.why },
    };
  }

  /** Commits planned offers of one team together; rooms and the offer listener hear of those that held, after the commit. */
  private async commit(teamId: string, plans: Planned[], at: number): Promise<RoutingDecision[]> {
    const rows = await commitOffers(this.core, teamId, plans.map((p) => p.offer), at, (col) => this.presence.onlineSql(col));
    const held = plans.filter((p) => rows.has(p.offer.conversationId));
    publishAll(this.core, held.map((p) => toConversation(rows.get(p.offer.conversationId)!)), { holderOnly: true });
    this.core.offers?.offered(held.map((p) => ({ conversation: rows.get(p.offer.conversationId)!, agentId: p.agent.id })));
    return held.map((p) => p.decision);
  }

  /**
   * Offers a chat taken back from its agent to `agent`, exactly once: the event, the round-robin
   * pointer and the assignment all test the same condition (the offer still stands, and the
   * agent is still available with room) in one transaction. The event and pointer go first, so
   * they see the state before the update.
   */
  private async offerTakenBack(
    waiting: Waiting,
    agent: Agent,
    mode: AutoMode,
    lastUserId: string | null,
    agents: Agent[],
    at: number,
    how: { offerStands: SQL; base: Record<string, unknown>; takenBack: TakenBackFacts },
  ): Promise<RoutingDecision | null> {
    const c = waiting.conversation;
    const { data, why, offerExpiresAt } = offerFacts(waiting, agent, mode, lastUserId, agents, at, how.base, how.takenBack);
    const guard = sql`${how.offerStands} and ${agentHasRoom(agent.id, this.presence.onlineSql(sql`u.last_seen_at`))}`;
    const { db } = this.core;
    const results = await this.core.writer.write([
      eventFromGuard(this.core, guard, data, at),
      db.run(sql`
        insert into routing_state (team_id, last_user_id, updated_at)
        select team_id, ${agent.id}, ${at} from conversations where ${guard}
        on conflict (team_id) do update set last_user_id = excluded.last_user_id, updated_at = excluded.updated_at`),
      db
        .update(conversations)
        .set({ assigneeId: agent.id, offeredTo: agent.id, offeredAt: at, offerExpiresAt, reroutedFrom: c.assigneeId })
        .where(guard)
        .returning(),
    ]);
    const updated = (results[2] as ConversationRow[])[0];
    if (!updated) return null;
    publish(this.core, toConversation(updated));
    this.core.offers?.offered([{ conversation: updated, agentId: agent.id }]);
    return { conversationId: c.id, assigneeId: agent.id, mode, load: data.load, capacity: agent.capacity, why };
  }
}

function toWaiting(r: { conversation: Waiting["conversation"]; vip: boolean | null; ruleRouting: string | null }, inboxSettings: InboxRow["settings"]): Waiting {
  const settings = routingSettingsOf(inboxSettings);
  // A routing rule's choice (rules-apply.ts) stands in for the inbox's mode: "skip" leaves the chat in the queue.
  if (r.ruleRouting === "skip") settings.mode = "manual";
  else if (r.ruleRouting === "round_robin" || r.ruleRouting === "least_loaded") settings.mode = r.ruleRouting;
  return { conversation: r.conversation, settings, vip: r.vip === true };
}

function lockKey(teamId: string): string {
  return `routing:${teamId}`;
}

/** A routing event, inserted only if `guard` holds over the conversation row (same transaction). */
function eventFromGuard(core: Reads, guard: SQL, data: Record<string, unknown>, at: number) {
  return core.db.run(sql`
    insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
    select ${newId()}, workspace_id, 'conversation.assigned', id, 'system', null, ${JSON.stringify(data)}, ${at}
    from conversations where ${guard}`);
}

/** Checked inside the writing transaction: the agent is still available, online and under capacity. */
function agentHasRoom(agentId: string, online: SQL): SQL {
  return sql`exists (select 1 from users u where u.id = ${agentId} and u.availability = 'available' and ${online}
      and (select count(*) from conversations c2 where c2.assignee_id = ${agentId} and c2.status in ('open', 'pending')) < u.max_concurrent_chats)`;
}
