import { and, eq, sql, type SQL } from "drizzle-orm";
import { conversations, inboxes } from "../db/schema.ts";

/**
 * Conditions over conversations (joined with their inbox where the inbox is named) that the
 * router, its scheduler and the availability service all ask. The settings keys are the ones
 * routingSettingsOf (shared/src/domain/routing.ts) reads.
 */

/** The inbox hands out chats itself (round robin or least loaded). */
export const inboxRoutes: SQL = sql`json_extract(${inboxes.settings}, '$.routing') in ('round_robin', 'least_loaded')`;

/** The inbox takes an offer back when its agent goes away or offline. */
export const inboxReroutesOnAway: SQL = sql`json_extract(${inboxes.settings}, '$.routingRerouteOnAway') = 1`;

/** An offer is out: the chat is open and still with the agent it was offered to (see offeredTo). */
export const offerOut: SQL = and(sql`${conversations.offeredTo} = ${conversations.assigneeId}`, eq(conversations.status, "open"))!;
