import { and, eq, inArray, sql } from "drizzle-orm";
import type { MessageContent } from "@inbox/shared";
import { CSAT_ANSWER_WINDOW_MS, CSAT_CHOICES, parseCsatAnswer, type CsatAnswer } from "@inbox/shared/domain/csat";
import type { Reads, Writes } from "../db/record.ts";
import { conversations, events, messages } from "../db/schema.ts";
import { eventInsert } from "../db/event-rows.ts";
import type { ConversationRow, MessageRow } from "../db/read-model.ts";

/** Platform times have one-second resolution: an answer may be stamped up to a second before the question. */
const CLOCK_SLACK_MS = 1000;

/** A customer's message that answers the chat's open satisfaction question. */
export interface CsatRating extends CsatAnswer {
  requestMessageId: string;
  inboxId: string;
  agentId: string | null;
}

/**
 * Whether a customer's message answers the question asked in this conversation: it reads as a
 * rating (shared/domain/csat.ts), and the conversation's latest question is still open: asked
 * within 7 days, not answered yet, and nothing else written by the customer since (a customer
 * who went on talking has moved on: a "3 more items" later is a message, not a rating). Costs a
 * query only for messages that read as a rating.
 */
export async function csatAnswerTo(core: Reads, conversationId: string, content: MessageContent, at: number): Promise<CsatRating | null> {
  const answer = parseCsatAnswer(content, CSAT_CHOICES);
  if (!answer) return null;
  const [latest] = await core.db
    .select({ type: events.type, data: events.data, at: events.at })
    .from(events)
    .where(and(eq(events.conversationId, conversationId), inArray(events.type, ["csat.requested", "csat.rated", "message.received"])))
    .orderBy(sql`rowid desc`)
    .limit(1);
  if (!latest || latest.type !== "csat.requested") return null;
  if (at > latest.at + CSAT_ANSWER_WINDOW_MS || at < latest.at - CLOCK_SLACK_MS) return null;
  const d = latest.data as { messageId?: unknown; inboxId?: unknown; agentId?: unknown };
  if (typeof d.messageId !== "string") return null;
  return {
    ...answer,
    requestMessageId: d.messageId,
    inboxId: typeof d.inboxId === "string" ? d.inboxId : "",
    agentId: typeof d.agentId === "string" ? d.agentId : null,
  };
}

/**
 * Stores the answer in the timeline like any message, with a `csat.rated` event instead of
 * `message.received`: the resolved chat stays resolved, nothing turns unread, nobody is routed.
 * The message's unique ids make a repeat fail here like any repeated message (ingest returns the
 * stored one). Returns the conversation and the message's place, read in the same transaction.
 */
export async function recordCsatAnswer(core: Writes, message: MessageRow, rating: CsatRating): Promise<{ conversation: ConversationRow; position: number }> {
  const results = await core.writer.write([
    core.db.insert(messages).values(message),
    eventInsert(core, {
      workspaceId: message.workspaceId,
      conversationId: message.conversationId,
      type: "csat.rated",
      actorKind: "customer",
      actorId: message.senderId,
      data: {
        rating: rating.rating,
        comment: rating.comment,
        messageId: message.id,
        requestMessageId: rating.requestMessageId,
        inboxId: rating.inboxId || message.inboxId,
        agentId: rating.agentId,
      },
      at: message.createdAt,
    }),
    core.db.select({ position: messages.position }).from(messages).where(eq(messages.id, message.id)),
    core.db.select().from(conversations).where(eq(conversations.id, message.conversationId)),
  ]);
  const position = (results[2] as { position: number }[])[0]?.position ?? 0;
  const conversation = (results[3] as ConversationRow[])[0];
  if (!conversation) throw new Error(`conversation ${message.conversationId} vanished while a rating was stored`);
  return { conversation, position };
}
