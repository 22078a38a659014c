import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { can, canSeeTeam, newId, type Conversation } from "@inbox/shared";
import { conversations, events, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, forbiddenBecause, refused } from "../http/http-error.ts";
import { afterCapacityFreed } from "../routing/index.ts";
import { tellPeople } from "../notifications/index.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { publish } from "../rooms/publish.ts";
import { getConversationRow, loadUser, toConversation, type ConversationRow } from "../db/read-model.ts";
import type { InterveneDeps } from "./intervene-deps.ts";

export interface AssignOptions {
  /** The supervisor's reason, recorded with the event (shown under the history line) and told to the agents involved. */
  reason?: string;
  /** Assign although the agent is at their capacity (the sender confirmed it). */
  override?: boolean;
  /** Who the sender saw assigned; undefined: whoever holds it (the old "Assign to me"). */
  expectedAssigneeId?: string | null;
}

/**
 * Assigns, reassigns or unassigns a chat. The decision is written once whatever else runs at the
 * same time, on this server or another on the same database: the event and the update both hold
 * only while the chat is still with the holder read here (and, unless overridden, while the
 * chosen agent still has room), in one transaction, so of two supervisors acting at once one
 * wins and the other is told who moved it. Chats are never given to two people.
 */
export function assignConversation(core: InterveneDeps, user: SessionUser, id: string, assigneeId: string | null, opts: AssignOptions = {}): Promise<Conversation> {
  return conversationForUser(core, user, id).then((current) =>
    core.locks.run(`conversation:${id}`, async () => {
      const row = (await getConversationRow(core.db, id)) ?? current;
      if (opts.expectedAssigneeId !== undefined && row.assigneeId !== opts.expectedAssigneeId) throw await movedMeanwhile(core, row);
      if (row.assigneeId === assigneeId) return toConversation(row);
      if (!can(user, "supervise")) await refuseAgentAssignment(core, user, row, assigneeId);
      let assignee: { id: string; name: string; capacity: number } | null = null;
      if (assigneeId !== null) {
        const person = await loadUser(core.db, assigneeId);
        if (!person || person.workspaceId !== row.workspaceId) throw refused(400, "validation_failed", "assignee_unknown");
        if (!canSeeTeam(person, row.teamId)) throw refused(400, "validation_failed", "assignee_not_in_team", { name: person.name });
        assignee = { id: person.id, name: person.name, capacity: person.maxConcurrentChats };
      }
      // Taking a chat yourself is what agents always could; placing it on someone else respects their capacity.
      const checkRoom = assignee !== null && assignee.id !== user.id && !opts.override;
      if (checkRoom) {
        const load = await loadOf(core, assignee!.id);
        if (load >= assignee!.capacity) throw overCapacity(assignee!.name, load, assignee!.capacity);
      }
      const from = row.assigneeId;
      const reason = opts.reason?.trim() || undefined;
      const eventId = newId();
      const at = core.now();
      const data = { from, to: assigneeId, reason: "manual", ...(reason ? { why: reason } : {}), ...(opts.override ? { override: true } : {}) };
      const guard = and(
        sql`id = ${id} and team_id = ${row.teamId}`,
        from === null ? sql`assignee_id is null` : sql`assignee_id = ${from}`,
        checkRoom ? hasRoom(assignee!.id) : undefined,
      )!;
      const [, updatedRows] = await core.writer.write([
        eventWhere(core, guard, { id: eventId, type: "conversation.assigned", actorId: user.id, data, at }),
        core.db.update(conversations).set({ assigneeId, offeredTo: null, offeredAt: null, offerExpiresAt: null }).where(guard).returning(),
      ]);
      const updatedRow = (updatedRows as ConversationRow[])[0];
      if (!updatedRow) {
        const now = await getConversationRow(core.db, id);
        if (now && now.assigneeId === from && checkRoom) throw overCapacity(assignee!.name, await loadOf(core, assignee!.id), assignee!.capacity);
        throw await movedMeanwhile(core, now ?? row);
      }
      const updated = toConversation(updatedRow);
      publish(core, updated);
      if (from !== null && (row.status === "open" || row.status === "pending")) afterCapacityFreed(core, row.teamId);
      else if (assigneeId === null && updated.status === "open") afterCapacityFreed(core, row.teamId);
      const actor = { id: user.id, name: user.name };
      await tellPeople(core, row, { kind: "unassigned", userIds: [from], actor, excerpt: reason, key: eventId });
      await tellPeople(core, row, { kind: "assigned", userIds: [assigneeId], actor, excerpt: reason, key: eventId });
      return updated;
    }),
  );
}

/**
 * The assignment policy. Agents take chats nobody has (or that routing offered them: those are
 * already theirs) and hand back their own; moving a chat between people, including taking one
 * a colleague or supervisor holds, is for supervisors and admins, who may assign anyone in the
 * conversation's team.
 */
async function refuseAgentAssignment(core: InterveneDeps, user: SessionUser, row: ConversationRow, assigneeId: string | null): Promise<void> {
  if (assigneeId !== user.id && !(assigneeId === null && row.assigneeId === user.id)) {
    throw forbiddenBecause("assign_self_only");
  }
  if (row.assigneeId !== null && row.assigneeId !== user.id) {
    const holder = await loadUser(core.db, row.assigneeId);
    throw holder ? forbiddenBecause("assigned_to_colleague", { name: holder.name, first: holder.name.split(" ")[0] ?? holder.name }) : forbiddenBecause("assigned_to_someone");
  }
}

/** The facts (`fields`) let a client ask in its user's language: "Ana has 3 of 3 chats. Assign anyway?" */
function overCapacity(name: string, load: number, capacity: number): HttpError {
  return new HttpError(409, "over_capacity", `${name} already has ${load} of ${capacity} chats. Assign anyway to go over their capacity.`, {
    name,
    load: String(load),
    capacity: String(capacity),
  });
}

/** Chats that count against an agent's capacity. */
export async function loadOf(core: InterveneDeps, userId: string): Promise<number> {
  const [r] = await core.db
    .select({ n: sql<number>`count(*)` })
    .from(conversations)
    .where(and(eq(conversations.assigneeId, userId), inArray(conversations.status, ["open", "pending"])));
  return Number(r?.n ?? 0);
}

/** Checked inside the writing transaction: the agent holds fewer chats than their capacity. */
function hasRoom(userId: string): SQL {
  return sql`(select count(*) from conversations c2 where c2.assignee_id = ${userId} and c2.status in ('open', 'pending'))
    < (select max_concurrent_chats from users u where u.id = ${userId})`;
}

interface GuardedEvent {
  id: string;
  type: "conversation.assigned" | "conversation.transferred";
  actorId: string;
  data: Record<string, unknown>;
  at: number;
}

/** An agent's event, inserted only if `guard` holds over the conversation row (same transaction as the update it records). */
export function eventWhere(core: InterveneDeps, guard: SQL, e: GuardedEvent) {
  return core.db.run(sql`
    insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
    select ${e.id}, workspace_id, ${e.type}, id, 'agent', ${e.actorId}, ${JSON.stringify(e.data)}, ${e.at}
    from conversations where ${guard}`);
}

/**
 * The refusal for a command that found the chat no longer as its sender saw it, saying who did
 * what: "Ana already reassigned this chat to Bruno."
 */
export async function movedMeanwhile(core: InterveneDeps, row: ConversationRow): Promise<HttpError> {
  const [last] = await core.db
    .select()
    .from(events)
    .where(and(eq(events.conversationId, row.id), inArray(events.type, ["conversation.assigned", "conversation.transferred"])))
    .orderBy(desc(events.at), desc(sql`rowid`))
    .limit(1);
  const nameOf = async (id: unknown) =>
    typeof id === "string" ? ((await core.db.query.users.findFirst({ where: eq(users.id, id), columns: { name: true } }))?.name ?? "a colleague") : null;
  const who = last?.actorKind === "agent" ? await nameOf(last.actorId) : null;
  const subject = who ?? "Routing";
  // `fields` carry the same facts for clients that say it in their user's language; `by` is absent when routing moved it.
  const moved = (what: "transferred" | "unassigned" | "took" | "reassigned", message: string, facts: { to?: string } = {}) =>
    new HttpError(409, "conflict", message, { what, ...(who ? { by: who } : {}), ...facts });
  if (last?.type === "conversation.transferred") {
    const team = await core.db.query.teams.findFirst({ where: (t, { eq: e }) => e(t.id, String(last.data.toTeam)), columns: { name: true } });
    const teamName = team?.name ?? "another team";
    return moved("transferred", `${subject} already transferred this chat to ${teamName}.`, { to: teamName });
  }
  const to = await nameOf(row.assigneeId);
  if (to === null) return moved("unassigned", `${subject} already sent this chat back to the queue.`);
  if (last?.actorId && last.actorId === row.assigneeId) return moved("took", `${to} already took this chat.`, { to });
  return moved("reassigned", `${subject} already ${who ? "reassigned" : "gave"} this chat to ${to}.`, { to });
}
