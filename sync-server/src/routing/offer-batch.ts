import { sql, type SQL } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { passStamped, stampedSeq } from "../db/change-sequence.ts";
import { jsonParam, jsonRows } from "../db/json-rows.ts";
import { conversations } from "../db/schema.ts";
import type { ConversationRow } from "../db/read-model.ts";
import { ruleRouting } from "./routing-conditions.ts";

/** One offer of a waiting chat, decided in memory, committed with the rest of its batch. */
export interface PlannedOffer {
  /** Fresh: the event row existing after the insert is how the later statements know the offer held. */
  eventId: string;
  conversationId: string;
  agentId: string;
  offerExpiresAt: number | null;
  /** The `conversation.assigned` event's data, as JSON text. */
  data: string;
}

const asJson = jsonRows(conversations);

/**
 * Commits a batch of offers from one team's queue in one transaction, each exactly once, with
 * four statements whatever the batch's size (a commit and a statement per decision cost more
 * than the decision itself). The plans travel as one JSON parameter, read with json_each.
 *
 * 1. The events: one per offer whose chat is still waiting in the team (unassigned, open, no
 *    rule said skip since it was read) and whose agent is still available, online and under
 *    capacity counting the offers before it in this batch that passed the chat's test. An offer
 *    that fails the agent's test makes that agent's later offers fail too (same availability,
 *    more load), so the count is exactly what committing the offers one by one would find.
 * 2. The round-robin pointer: the agent of the last offer whose event was written.
 * 3. The assignments: exactly the chats whose event was written, returned whole as JSON
 *    (db/json-rows.ts: a page of wide rows costs less that way than the statement itself),
 *    each stamped with its change sequence.
 * 4. The change counter, moved past the numbers step 3 stamped.
 *
 * Everything is tested inside the writing transaction, so a chat assigned, resolved or moved
 * by anyone (a supervisor, another instance) after the plan was made is skipped, never given
 * twice. Returns the updated rows by conversation id (a skipped offer has none).
 */
export async function commitOffers(
  core: Writes,
  teamId: string,
  plans: readonly PlannedOffer[],
  at: number,
  online: (lastSeenAt: SQL) => SQL,
): Promise<Map<string, ConversationRow>> {
  if (plans.length === 0) return new Map();
  const { db } = core;
  const json = jsonParam(plans.map((p) => ({ e: p.eventId, c: p.conversationId, a: p.agentId, x: p.offerExpiresAt, d: p.data })));
  const held = sql`exists (select 1 from events e where e.id = json_extract(p.value, '$.e'))`;
  const results = await core.writer.write([
    db.run(sql`
      insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
      select d.event_id, d.workspace_id, 'conversation.assigned', d.conversation_id, 'system', null, d.data, ${at}
      from (
        select p.key as k, json_extract(p.value, '$.e') as event_id, json_extract(p.value, '$.a') as agent_id,
          json_extract(p.value, '$.d') as data, ${conversations.id} as conversation_id, ${conversations.workspaceId} as workspace_id,
          row_number() over (partition by json_extract(p.value, '$.a') order by p.key) as nth
        from json_each(${json}) p
        join ${conversations} on ${conversations.id} = json_extract(p.value, '$.c')
        where ${conversations.assigneeId} is null and ${conversations.status} = 'open' and ${conversations.teamId} = ${teamId}
          and coalesce(${ruleRouting}, '') <> 'skip'
      ) d
      join users u on u.id = d.agent_id
      where u.availability = 'available' and ${online(sql`u.last_seen_at`)}
        and (select count(*) from conversations c2 where c2.assignee_id = d.agent_id and c2.status in ('open', 'pending')) + d.nth <= u.max_concurrent_chats
      order by d.k`),
    // `where true`: an upsert's SELECT needs a WHERE, or SQLite reads ON as a join's.
    db.run(sql`
      insert into routing_state (team_id, last_user_id, updated_at)
      select ${teamId}, agent_id, ${at} from (
        select json_extract(p.value, '$.a') as agent_id from json_each(${json}) p where ${held} order by p.key desc limit 1
      ) where true
      on conflict (team_id) do update set last_user_id = excluded.last_user_id, updated_at = excluded.updated_at`),
    db
      .update(conversations)
      .set({
        assigneeId: sql`json_extract(p.value, '$.a')`,
        offeredTo: sql`json_extract(p.value, '$.a')`,
        offeredAt: at,
        offerExpiresAt: sql`json_extract(p.value, '$.x')`,
        seq: stampedSeq(sql`p.key`),
      })
      .from(sql`json_each(${json}) p`)
      .where(sql`${conversations.id} = json_extract(p.value, '$.c') and ${held}`)
      .returning({ row: asJson.row }),
    passStamped(db, plans.length),
  ]);
  const rows = asJson.parseAll(results[2] as { row: string }[]);
  return new Map(rows.map((row) => [row.id, row]));
}
