import { and, desc, eq, gt, gte, sql } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import { CSAT_REQUEST_COOLDOWN_MS, csatEnabledOf, csatLanguageOf, csatQuestion } from "@inbox/shared/domain/csat";
import type { Connector } from "@inbox/connectors";
import type { Caches } from "../db/caches.ts";
import type { Reads } from "../db/record.ts";
import { events, messages } from "../db/schema.ts";
import { eventInsert } from "../db/event-rows.ts";
import { getInboxRow, type ConversationRow } from "../db/read-model.ts";
import { messageLanguage } from "../routing/index.ts";
import { refuseIfUnreachable } from "../channels/index.ts";
import { botMayReply, queueBotMessage, type BotMessage } from "./bot-message.ts";

/** How many of the customer's latest texts tell their language. */
const LANGUAGE_SAMPLE = 5;

/** What deciding on a CSAT question needs: the inbox (cached), the channel's capabilities, a clock. */
export interface CsatRequestDeps extends Reads {
  caches: Pick<Caches, "inboxes">;
  connectors: ReadonlyMap<ChannelType, Connector>;
  now(): number;
}

/** The question, its outbox entry and the `csat.requested` event: commit them with the resolution. */
export type CsatRequest = BotMessage;

/**
 * The satisfaction question for a chat being resolved, or null when none is due: the inbox has
 * CSAT off or takes no replies, no agent replied since the chat was last (re)opened, it was
 * asked in the last 24 hours, or the customer cannot be reached. Like a routing rule's automatic
 * reply (auto-reply.ts) it is the bot's queued message with its outbox entry, sent by the outbox
 * dispatcher; it writes no `message.queued`, so it never counts as an agent's reply. `at` is the
 * resolution's time: the question comes a moment after it in every timeline.
 */
export async function planCsatRequest(core: CsatRequestDeps, conv: ConversationRow, at: number): Promise<CsatRequest | null> {
  const inbox = await core.caches.inboxes.getOrLoad(conv.inboxId, () => getInboxRow(core.db, conv.inboxId));
  if (!inbox || !csatEnabledOf(inbox.settings) || !botMayReply(inbox)) return null;
  if (!(await agentRepliedThisCycle(core, conv.id))) return null;
  const [recent] = await core.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.conversationId, conv.id), eq(events.type, "csat.requested"), gt(events.at, at - CSAT_REQUEST_COOLDOWN_MS)))
    .limit(1);
  if (recent) return null;
  try {
    await refuseIfUnreachable(core, conv);
  } catch {
    return null;
  }
  const language = csatLanguageOf(await customerLanguage(core, conv.id), inbox.settings);
  const content = csatQuestion(language, core.connectors.get(conv.channel as ChannelType)?.capabilities);
  const sentAt = at + 1;
  const { message, statements } = queueBotMessage(core, inbox, conv.id, content, sentAt);
  return {
    message,
    statements: [
      ...statements,
      eventInsert(core, {
        workspaceId: conv.workspaceId,
        conversationId: conv.id,
        type: "csat.requested",
        actorKind: "system",
        data: { messageId: message.id, inboxId: conv.inboxId, agentId: conv.assigneeId, language },
        at: sentAt,
      }),
    ],
  };
}

/** An agent's reply since the chat was created or last reopened from resolved (this cycle). */
async function agentRepliedThisCycle(core: Reads, conversationId: string): Promise<boolean> {
  const [reopened] = await core.db
    .select({ at: events.at })
    .from(events)
    .where(
      and(
        eq(events.conversationId, conversationId),
        eq(events.type, "conversation.status_changed"),
        sql`json_extract(${events.data}, '$.from') = 'resolved'`,
      ),
    )
    .orderBy(desc(events.at))
    .limit(1);
  const [reply] = await core.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.senderKind, "agent"), gte(messages.createdAt, reopened?.at ?? 0)))
    .limit(1);
  return !!reply;
}

/** The language of the customer's latest texts (tinyld, as routing rules read it), or null. */
export async function customerLanguage(core: Reads, conversationId: string): Promise<string | null> {
  const rows = await core.db
    .select({ text: messages.text })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.senderKind, "customer")))
    .orderBy(desc(messages.position))
    .limit(LANGUAGE_SAMPLE);
  const text = rows
    .map((r) => r.text)
    .reverse()
    .join("\n");
  return text ? messageLanguage(text) : null;
}
