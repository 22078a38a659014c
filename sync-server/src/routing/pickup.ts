import { and, desc, eq, sql } from "drizzle-orm";
import { newId, type Conversation } from "@inbox/shared";
import { offeredTo } from "@inbox/shared/domain/routing";
import type { RoutingDeps } from "./router.ts";
import { conversations, events } from "../db/schema.ts";
import { HttpError, refused } from "../http/http-error.ts";
import { toConversation, type ConversationRow } from "../db/read-model.ts";
import { publish } from "../rooms/publish.ts";

export interface PickupResult {
  pickedUp: boolean;
  waitedMs: number;
}

/**
 * The assignee takes the chat they were offered: ends the offer and starts the pickup clock
 * the reports need. Idempotent per assignment (one `conversation.picked_up` event per
 * `conversation.assigned` event), and written only while the chat is still theirs, so a pickup
 * racing a reroute either wins whole or fails whole. `via`: the Pick up button, or a reply
 * (recorded as it is sent, or found by the scheduler when the offer's time ran out).
 */
export function recordPickup(core: RoutingDeps, id: string, userId: string, via: "button" | "reply"): Promise<PickupResult> {
  return core.locks.run(`conversation:${id}`, async () => {
    const [assigned] = await core.db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, "conversation.assigned")))
      .orderBy(desc(events.at), desc(sql`rowid`))
      .limit(1);
    if (!assigned || assigned.data.to !== userId) throw refused(409, "conflict", "not_offered_to_you");
    const existing = await core.db
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, "conversation.picked_up"), sql`json_extract(${events.data}, '$.assignmentEventId') = ${assigned.id}`))
      .limit(1);
    if (existing[0]) return { pickedUp: false, waitedMs: Number(existing[0].data.waitedMs) };
    const at = core.now();
    const waitedMs = Math.max(0, at - assigned.at);
    const data = { assignmentEventId: assigned.id, waitedMs, reason: assigned.data.reason ?? null, via };
    const stillTheirs = sql`id = ${id} and assignee_id = ${userId}`;
    const [inserted, updatedRows] = await core.writer.write([
      core.db.run(sql`
        insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
        select ${newId()}, workspace_id, 'conversation.picked_up', id, 'agent', ${userId}, ${JSON.stringify(data)}, ${at}
        from conversations where ${stillTheirs}
          and not exists (select 1 from events where conversation_id = ${id} and type = 'conversation.picked_up'
            and json_extract(data, '$.assignmentEventId') = ${assigned.id})`),
      core.db
        .update(conversations)
        .set({ offeredTo: null, offeredAt: null, offerExpiresAt: null, reroutedFrom: null })
        .where(and(eq(conversations.id, id), eq(conversations.assigneeId, userId), sql`${conversations.offeredTo} is not null`))
        .returning(),
    ]);
    const updated = (updatedRows as ConversationRow[])[0];
    if (updated) publish(core, toConversation(updated));
    const pickedUp = Number((inserted as { rowsAffected?: number }).rowsAffected ?? 0) > 0;
    if (!pickedUp) {
      const now = await core.db.query.conversations.findFirst({ where: eq(conversations.id, id), columns: { assigneeId: true } });
      if (now?.assigneeId !== userId) throw refused(409, "conflict", "offered_elsewhere");
    }
    return { pickedUp, waitedMs };
  });
}

/**
 * A reply by the agent a chat is offered to picks it up at once (`via: "reply"`), so the offer
 * and its "Pick up" banner end whether or not the inbox has a pickup timeout. Returns the result
 * with the conversation as it now stands; if the chat changed hands meanwhile nothing is recorded.
 */
export async function pickupOnReply<T extends { conversation: Conversation }>(core: RoutingDeps, result: T, userId: string): Promise<T> {
  if (offeredTo(result.conversation) !== userId) return result;
  const picked = await recordPickup(core, result.conversation.id, userId, "reply").catch((err: unknown) => {
    if (err instanceof HttpError) return null;
    throw err;
  });
  if (!picked) return result;
  const row = await core.db.query.conversations.findFirst({ where: eq(conversations.id, result.conversation.id) });
  return row ? { ...result, conversation: toConversation(row) } : result;
}
