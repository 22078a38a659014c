import type { BatchItem } from "drizzle-orm/batch";
import { newId, searchableText, type MessageContent } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { messages, outbox } from "../db/schema.ts";
import type { InboxRow, MessageRow } from "../db/read-model.ts";
import { CHANNEL_BLOCKS } from "./reply.ts";

/** The bot sends nothing where agents may not reply (reply.ts CHANNEL_BLOCKS). */
export const botMayReply = (inbox: Pick<InboxRow, "status">): boolean => !CHANNEL_BLOCKS[inbox.status];

export interface BotMessage {
  message: MessageRow;
  /** The message and its outbox entry: commit them in the caller's transaction. */
  statements: BatchItem<"sqlite">[];
}

/**
 * A message the bot sends (a routing rule's automatic reply, the satisfaction question): queued
 * with its outbox entry, sent by the outbox dispatcher like an agent's reply. It writes no
 * `message.queued`, so it never counts as an agent's response.
 */
export function queueBotMessage(core: Reads, inbox: Pick<InboxRow, "id" | "workspaceId" | "name">, conversationId: string, content: MessageContent, at: number): BotMessage {
  const message: MessageRow = {
    id: newId(),
    workspaceId: inbox.workspaceId,
    conversationId,
    inboxId: inbox.id,
    direction: "outbound",
    senderKind: "bot",
    senderId: null,
    senderName: inbox.name,
    content,
    text: searchableText(content),
    status: "queued",
    failureReason: null,
    clientId: null,
    externalId: null,
    createdAt: at,
    seq: 0, // stamped by the database at commit
    position: 0, // likewise
  };
  return {
    message,
    statements: [core.db.insert(messages).values(message), core.db.insert(outbox).values({ messageId: message.id, inboxId: inbox.id, state: "pending", nextAttemptAt: at, createdAt: at })],
  };
}
