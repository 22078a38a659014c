import { and, desc, eq, sql } from "drizzle-orm";
import { newId, previewOf, type Conversation, type Message, type MessageContent } from "@inbox/shared";
import type { Core } from "../core.ts";
import { conversations, messages } from "../db/schema.ts";
import { publish } from "../sync/publish.ts";
import { eventInsert } from "./event-rows.ts";
import { toConversation, toMessage, type ConversationRow, type InboxRow, type MessageRow } from "./read-model.ts";
import { plainText } from "./plain-text.ts";

export interface InboundMessage {
  inbox: InboxRow;
  contactId: string;
  contactName: string;
  content: MessageContent;
  /** Idempotency keys: the widget's own id, or the platform's message id. */
  clientId: string | null;
  externalId: string | null;
  at: number;
}

export interface IngestResult {
  message: Message;
  conversation: Conversation;
  duplicate: boolean;
}

/**
 * A customer's message enters the record: stored with its event and the conversation update in
 * one group-committed transaction, then published live. A repeated clientId/externalId returns
 * the stored message instead of storing it twice.
 */
export async function ingestCustomerMessage(core: Core, input: InboundMessage): Promise<IngestResult> {
  return core.locks.run(`contact:${input.contactId}:${input.inbox.id}`, async () => {
    const existing = await findExisting(core, input);
    if (existing) {
      const conv = await core.db.query.conversations.findFirst({ where: eq(conversations.id, existing.conversationId) });
      return { message: toMessage(existing), conversation: toConversation(conv!), duplicate: true };
    }
    const latest = await core.db.query.conversations.findFirst({
      where: and(eq(conversations.contactId, input.contactId), eq(conversations.inboxId, input.inbox.id)),
      orderBy: desc(conversations.createdAt),
    });
    const at = input.at;
    const preview = previewOf(input.content);
    const conversationId = latest?.id ?? newId();
    const row: MessageRow = {
      id: newId(),
      workspaceId: input.inbox.workspaceId,
      conversationId,
      inboxId: input.inbox.id,
      direction: "inbound",
      senderKind: "customer",
      senderId: input.contactId,
      senderName: input.contactName,
      content: input.content,
      text: plainText(input.content),
      status: "delivered",
      failureReason: null,
      clientId: input.clientId,
      externalId: input.externalId,
      createdAt: at,
    };
    const base = { workspaceId: input.inbox.workspaceId, conversationId, actorKind: "customer" as const, actorId: input.contactId, at };
    let conversation: ConversationRow;
    if (!latest) {
      conversation = {
        id: conversationId,
        workspaceId: input.inbox.workspaceId,
        inboxId: input.inbox.id,
        channel: input.inbox.channel,
        contactId: input.contactId,
        contactName: input.contactName,
        teamId: input.inbox.teamId,
        status: "open",
        priority: "normal",
        assigneeId: null,
        snoozedUntil: null,
        labels: [],
        unreadCount: 1,
        lastMessagePreview: preview,
        firstResponseAt: null,
        lastActivityAt: at,
        createdAt: at,
      };
      await core.writer.write([
        core.db.insert(conversations).values(conversation),
        core.db.insert(messages).values(row),
        eventInsert(core, { ...base, type: "conversation.created", data: { inboxId: input.inbox.id, channel: input.inbox.channel } }),
        eventInsert(core, { ...base, type: "message.received", data: { messageId: row.id } }),
      ]);
    } else {
      // A customer writing again reopens a resolved or snoozed conversation.
      const reopen = latest.status === "resolved" || latest.status === "snoozed";
      const results = await core.writer.write([
        core.db.insert(messages).values(row),
        eventInsert(core, { ...base, type: "message.received", data: { messageId: row.id } }),
        ...(reopen
          ? [eventInsert(core, { ...base, type: "conversation.status_changed", data: { from: latest.status, to: "open", reason: "customer_wrote" } })]
          : []),
        core.db
          .update(conversations)
          .set({
            unreadCount: sql`${conversations.unreadCount} + 1`,
            lastMessagePreview: preview,
            lastActivityAt: sql`max(${conversations.lastActivityAt}, ${at})`,
            contactName: input.contactName,
            ...(reopen ? { status: "open", snoozedUntil: null } : {}),
          })
          .where(eq(conversations.id, conversationId))
          .returning(),
      ]);
      conversation = (results[results.length - 1] as ConversationRow[])[0]!;
    }
    const result = { message: toMessage(row), conversation: toConversation(conversation), duplicate: false };
    publish(core, result.conversation, [result.message]);
    return result;
  });
}

async function findExisting(core: Core, input: InboundMessage): Promise<MessageRow | undefined> {
  if (input.externalId) {
    const hit = await core.db.query.messages.findFirst({
      where: and(eq(messages.inboxId, input.inbox.id), eq(messages.externalId, input.externalId)),
    });
    if (hit) return hit;
  }
  if (input.clientId) {
    return core.db.query.messages.findFirst({
      where: and(eq(messages.inboxId, input.inbox.id), eq(messages.clientId, input.clientId)),
    });
  }
  return undefined;
}
