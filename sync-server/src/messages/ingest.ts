import { and, desc, eq } from "drizzle-orm";
import { newId, previewOf, type Conversation, type Message, type MessageContent, searchableText } from "@inbox/shared";
import type { Caches } from "../db/caches.ts";
import type { Writes } from "../db/record.ts";
import { publish, type Publishes, type VisitorPusher } from "../rooms/publish.ts";
import type { InboundBatcher } from "./inbound-batch.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { conversations, messages } from "../db/schema.ts";
import { routeInBackground } from "../routing/index.ts";
import { routingModeOf } from "../routing/index.ts";
import { toConversation, toMessage, type ConversationRow, type InboxRow, type MessageRow } from "../db/read-model.ts";
import { loadContactRow } from "../contacts/index.ts";

/** What taking in a customer's message needs. */
export interface IngestDeps extends Writes, Publishes {
  caches: Pick<Caches, "latestConversation">;
  inbound: Pick<InboundBatcher, "submit">;
  /** A new or reopened chat nobody holds is routed (the core's router). */
  router: { conversationWaiting(conversationId: string): Promise<unknown> };
  /** Also remembers a conversation's web chat visitor, known here anyway. */
  visitorPush: VisitorPusher & { remember(conversationId: string, visitorId: string | null): void };
}

export interface InboundMessage {
  inbox: InboxRow;
  contactId: string;
  contactName: string;
  /**
   * Web chat: the widget visitor writing. Their conversation is found by visitor, not contact,
   * so a visitor merged into another contact never writes into (or reads) that contact's chats.
   */
  visitorId?: string | null;
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
 * one group-committed transaction (InboundBatcher), then published live. The unique indexes on
 * clientId and externalId are the idempotency check: a repeat fails its insert and the stored
 * message is returned instead, so the common path spends no read on it.
 */
export async function ingestCustomerMessage(core: IngestDeps, input: InboundMessage): Promise<IngestResult> {
  // The caller may have looked the contact up before a merge committed (a cached widget token,
  // an identity read on another instance): follow it to the kept contact, so no new conversation
  // starts under the merged one. A cached conversation needs no check: a merge moves it, and
  // this process drops its cache entries when it merges.
  if (!core.caches.latestConversation.get(conversationKey(input))) input = await followMerge(core, input);
  const key = conversationKey(input);
  return core.locks.run(key, async () => {
    const conversationId = await latestConversationId(core, key, input);
    const message: MessageRow = {
      id: newId(),
      workspaceId: input.inbox.workspaceId,
      conversationId: conversationId ?? newId(),
      inboxId: input.inbox.id,
      direction: "inbound",
      senderKind: "customer",
      senderId: input.contactId,
      senderName: input.contactName,
      content: input.content,
      text: searchableText(input.content),
      status: "delivered",
      failureReason: null,
      clientId: input.clientId,
      externalId: input.externalId,
      createdAt: input.at,
      seq: 0, // stamped by the database at commit
      position: 0, // likewise
    };
    const preview = previewOf(input.content);
    let conversation: ConversationRow;
    try {
      ({ conversation, position: message.position } = await core.inbound.submit({
        message,
        preview,
        contactName: input.contactName,
        newConversation: conversationId ? null : newConversation(input, message.conversationId, preview),
      }));
    } catch (err) {
      const existing = isUniqueViolation(err) ? await findExisting(core, input) : undefined;
      if (!existing) throw err;
      const [conv] = await core.db.select().from(conversations).where(eq(conversations.id, existing.conversationId));
      return { message: toMessage(existing), conversation: toConversation(conv!), duplicate: true };
    }
    core.caches.latestConversation.set(key, conversation.id);
    core.visitorPush.remember(conversation.id, conversation.visitorId);
    const result = { message: toMessage(message), conversation: toConversation(conversation), duplicate: false };
    publish(core, result.conversation, [result.message]);
    // A new or reopened chat nobody holds waits for routing (manual inboxes: nothing to do).
    if (conversation.assigneeId === null && conversation.status === "open" && routingModeOf(input.inbox) !== "manual") {
      routeInBackground(`conversation ${conversation.id}`, () => core.router.conversationWaiting(conversation.id));
    }
    return result;
  });
}

/** Which conversation a message continues: the visitor's own (web chat), else the contact's. */
function conversationKey(input: InboundMessage): string {
  return input.visitorId ? `visitor:${input.visitorId}:${input.inbox.id}` : `${input.contactId}:${input.inbox.id}`;
}

async function followMerge(core: IngestDeps, input: InboundMessage): Promise<InboundMessage> {
  const kept = await loadContactRow(core, input.inbox.workspaceId, input.contactId);
  return kept && kept.id !== input.contactId ? { ...input, contactId: kept.id } : input;
}

/** The conversation a new message of this contact belongs to; cached, as it rarely changes. */
async function latestConversationId(core: IngestDeps, key: string, input: InboundMessage): Promise<string | undefined> {
  const cached = core.caches.latestConversation.get(key);
  if (cached) return cached;
  const [row] = await core.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        input.visitorId ? eq(conversations.visitorId, input.visitorId) : eq(conversations.contactId, input.contactId),
        eq(conversations.inboxId, input.inbox.id),
      ),
    )
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  return row?.id;
}

function newConversation(input: InboundMessage, id: string, preview: string): ConversationRow {
  return {
    id,
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
    lastActivityAt: input.at,
    createdAt: input.at,
    seq: 0,
    offeredTo: null,
    offeredAt: null,
    offerExpiresAt: null,
    reroutedFrom: null,
    waitingSince: input.at,
    visitorId: input.visitorId ?? null,
    helpRequestedAt: null,
    helpRequestedBy: null,
    sla: null,
    slaCheckAt: null,
  };
}

async function findExisting(core: IngestDeps, input: InboundMessage): Promise<MessageRow | undefined> {
  if (input.externalId) {
    const [hit] = await core.db
      .select()
      .from(messages)
      .where(and(eq(messages.inboxId, input.inbox.id), eq(messages.externalId, input.externalId)));
    if (hit) return hit;
  }
  if (!input.clientId) return undefined;
  const [hit] = await core.db
    .select()
    .from(messages)
    .where(and(eq(messages.inboxId, input.inbox.id), eq(messages.clientId, input.clientId)));
  return hit;
}
