import { and, desc, eq, sql } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { Core } from "../core.ts";
import { events, inboxes, teamMembers, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, forbidden, notFound } from "../http/http-error.ts";
import { conversationForUser } from "../services/access.ts";
import { auditInsert, eventInsert } from "../services/event-rows.ts";
import { routingModeOf, type RoutingMode } from "./router.ts";

export type Availability = "available" | "busy" | "away";

/** Logs, never throws: routing runs after the change it follows has been answered. */
export function routeInBackground(what: string, work: () => Promise<unknown>): void {
  void work().catch((err) => console.error(`routing (${what}) failed`, err));
}

/** Hands out a team's queue once capacity freed up (resolve, unassign). */
export function afterCapacityFreed(core: Core, teamId: string): void {
  routeInBackground(`team ${teamId}`, () => core.router.capacityChanged(teamId));
}

export async function setAvailability(core: Core, user: SessionUser, availability: Availability): Promise<{ availability: Availability; assigned: number }> {
  const result = await core.locks.run(`availability:${user.id}`, async () => {
    const row = await core.db.query.users.findFirst({ where: eq(users.id, user.id) });
    if (!row) throw notFound("Your account");
    if (row.availability === availability) return { changed: false };
    await core.writer.write([
      eventInsert(core, {
        workspaceId: row.workspaceId,
        type: "user.availability_changed",
        actorKind: "agent",
        actorId: user.id,
        data: { from: row.availability, to: availability },
        at: core.now(),
      }),
      core.db.update(users).set({ availability }).where(eq(users.id, user.id)),
    ]);
    return { changed: true };
  });
  let assigned = 0;
  if (result.changed && availability === "available") {
    // Becoming available frees capacity in each of the agent's teams; done before answering so
    // the agent's list already holds what was handed out. A routing failure is logged, not returned.
    const teams = await core.db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, user.id));
    for (const { teamId } of teams) {
      try {
        assigned += (await core.router.capacityChanged(teamId)).length;
      } catch (err) {
        console.error(`routing (team ${teamId}) failed`, err);
      }
    }
  }
  return { availability, assigned };
}

export async function setInboxRouting(
  core: Core,
  user: SessionUser,
  inboxId: string,
  mode: RoutingMode,
  ip: string | null,
): Promise<{ inboxId: string; mode: RoutingMode }> {
  const inbox = await core.db.query.inboxes.findFirst({ where: eq(inboxes.id, inboxId) });
  if (!inbox || inbox.workspaceId !== user.workspaceId) throw notFound("The inbox");
  const from = routingModeOf(inbox);
  if (from !== mode) {
    await core.writer.write([
      core.db
        .update(inboxes)
        .set({ settings: sql`json_set(${inboxes.settings}, '$.routing', ${mode})` })
        .where(eq(inboxes.id, inboxId)),
      auditInsert(core, {
        workspaceId: user.workspaceId,
        actorId: user.id,
        action: "inbox.routing_changed",
        target: inboxId,
        data: { from, to: mode },
        ip,
        at: core.now(),
      }),
    ]);
    core.caches.inboxes.delete(inboxId);
    // Chats already waiting in this team are handed out at once.
    if (mode !== "manual") afterCapacityFreed(core, inbox.teamId);
  }
  return { inboxId, mode };
}

export interface PickupResult {
  pickedUp: boolean;
  waitedMs: number;
}

/**
 * The assignee takes the chat they were offered: starts the pickup clock. Idempotent per
 * assignment (the event is written only if this assignment has none yet, checked in SQL).
 */
export async function pickUpConversation(core: Core, user: SessionUser, id: string): Promise<PickupResult> {
  const row = await conversationForUser(core, user, id);
  if (row.assigneeId !== user.id) throw forbidden("Only the person this chat is assigned to can pick it up.");
  return core.locks.run(`conversation:${id}`, async () => {
    const [assigned] = await core.db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, "conversation.assigned")))
      .orderBy(desc(events.at), desc(sql`rowid`))
      .limit(1);
    if (!assigned || assigned.data.to !== user.id) {
      throw new HttpError(409, "conflict", "This chat was not offered to you.");
    }
    const existing = await core.db
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, "conversation.picked_up"), sql`json_extract(${events.data}, '$.assignmentEventId') = ${assigned.id}`))
      .limit(1);
    if (existing[0]) return { pickedUp: false, waitedMs: Number(existing[0].data.waitedMs) };
    const at = core.now();
    const waitedMs = Math.max(0, at - assigned.at);
    const data = { assignmentEventId: assigned.id, waitedMs, reason: assigned.data.reason ?? null };
    const [res] = await core.writer.write([
      core.db.run(sql`
        insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
        select ${newId()}, ${row.workspaceId}, 'conversation.picked_up', ${id}, 'agent', ${user.id}, ${JSON.stringify(data)}, ${at}
        where not exists (select 1 from events where conversation_id = ${id} and type = 'conversation.picked_up'
          and json_extract(data, '$.assignmentEventId') = ${assigned.id})`),
    ]);
    return { pickedUp: Number((res as { rowsAffected?: number }).rowsAffected ?? 1) > 0, waitedMs };
  });
}
