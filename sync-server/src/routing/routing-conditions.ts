import { and, eq, sql, type SQL } from "drizzle-orm";
import { conversations, inboxes } from "../db/schema.ts";

/**
 * Conditions over conversations (joined with their inbox where the inbox is named) that the
 * router, its scheduler and the availability service all ask. The settings keys are the ones
 * routingSettingsOf (shared/src/domain/routing.ts) reads.
 */

/** The inbox hands out chats itself (round robin or least loaded). */
export const inboxRoutes: SQL = sql`json_extract(${inboxes.settings}, '$.routing') in ('round_robin', 'least_loaded')`;

/**
 * How the latest routing rule that decided it wants the conversation routed (rules-apply.ts):
 * "skip", "round_robin", "least_loaded", "assign", or null when no rule said.
 */
export const ruleRouting: SQL = sql`(select json_extract(e.data, '$.routing') from events e
  where e.conversation_id = ${conversations.id} and e.type = 'routing.rule_fired' and json_extract(e.data, '$.routing') is not null
  order by e.rowid desc limit 1)`;

/** Routing hands the chat out: a rule's mode says so, or its inbox routes and no rule said to skip. */
export const routesAutomatically: SQL = sql`(case coalesce(${ruleRouting}, '')
  when 'skip' then 0 when 'round_robin' then 1 when 'least_loaded' then 1
  else ${inboxRoutes} end)`;

/** The inbox takes an offer back when its agent goes away or offline. */
export const inboxReroutesOnAway: SQL = sql`json_extract(${inboxes.settings}, '$.routingRerouteOnAway') = 1`;

/** An offer is out: the chat is open and still with the agent it was offered to (see offeredTo). */
export const offerOut: SQL = and(sql`${conversations.offeredTo} = ${conversations.assigneeId}`, eq(conversations.status, "open"))!;
