import { and, desc, eq } from "drizzle-orm";
import { newId, previewOf, roomName, type Conversation, type Message, type MessageContent, searchableText } from "@inbox/shared";
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
import { afterRules, planRules, type RulePlan, type RulesIngestDeps } from "./ingest-rules.ts";
import { csatAnswerTo, recordCsatAnswer, type CsatRating } from "./csat-answer.ts";
import { conversationKey, latestConversationId } from "./latest-conversation.ts";

/** What taking in a customer's message needs (the routing rules it runs included). */
export interface IngestDeps extends Writes, Publishes, RulesIngestDeps {
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
  /** Labels a conversation this message opens starts with (web chat: "left-message"). */
  labels?: string[];
  /**
   * The contact was created for this very message (a platform sender seen for the first time):
   * it has no conversation yet and cannot have been merged, so neither is looked up.
   */
  newContact?: boolean;
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
  if (!input.newContact && !core.caches.latestConversation.get(conversationKey(input.inbox.id, input))) input = await followMerge(core, input);
  const key = conversationKey(input.inbox.id, input);
  return core.locks.run(key, async () => {
    const conversationId = input.newContact ? undefined : await latestConversationId(core, key, input.inbox.id, input);
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
    // An answer to the chat's satisfaction question is a rating, not a new request for help.
    const rating = conversationId ? await csatAnswerTo(core, conversationId, input.content, input.at) : null;
    if (rating) return rated(core, key, input, message, rating);
    const preview = previewOf(input.content);
    const fresh = conversationId ? null : newConversation(input, message.conversationId, preview);
    // The routing rules judge the message before it commits, so their changes commit with it.
    const ruled = fresh ? { ...fresh } : null;
    let plan: RulePlan | null = await planRules(core, { ...input, conversationId: message.conversationId, fresh: ruled, text: message.text }).catch((err: unknown) => {
      console.error(`routing rules for a message in inbox ${input.inbox.id} failed; it is taken in without them`, err);
      return null;
    });
    const job = { message, preview, contactName: input.contactName, newConversation: plan ? ruled : fresh, also: plan?.statements };
    let conversation: ConversationRow;
    try {
      ({ conversation, position: message.position } = await core.inbound.submit(job).catch(async (err: unknown) => {
        // A customer's message is never lost to a rule: what failed is tried again without them.
        if (!plan || isUniqueViolation(err)) throw err;
        console.error(`routing rules' changes for a message in inbox ${input.inbox.id} failed; it is taken in without them`, err);
        plan = null;
        return core.inbound.submit({ ...job, newConversation: fresh, also: undefined });
      }));
    } catch (err) {
      return repeated(core, input, err);
    }
    const ruledAfter = plan ? await afterRules(core, plan, conversation.id) : null;
    // A new chat's own labels are in its row; its work room (where agents edit labels) gets them too.
    if (fresh && input.labels?.length) core.live.apply(roomName({ kind: "work", id: conversation.id }), [{ kind: "work.labels", labels: input.labels }]);
    conversation = ruledAfter?.conversation ?? conversation;
    core.caches.latestConversation.set(key, conversation.id);
    core.visitorPush.remember(conversation.id, conversation.visitorId);
    const result = { message: toMessage(message), conversation: toConversation(conversation), duplicate: false };
    publish(core, result.conversation, ruledAfter?.reply ? [result.message, ruledAfter.reply] : [result.message]);
    // A new or reopened chat nobody holds waits for routing, unless a rule said to skip it; a
    // rule's routing mode routes it even where the inbox's mode is manual.
    const ruleRouting = plan?.effects.routing?.kind;
    const routes = ruleRouting === "mode" || (ruleRouting !== "skip" && routingModeOf(input.inbox) !== "manual");
    // A chat already waiting before this message was routed when its wait began: freed capacity
    // hands it out, and the scheduler's sweep catches anything a restart interrupted. So only a
    // message that starts the wait (or that rules acted on) costs a routing pass; before, every
    // message of a waiting chat read the team's agents again.
    const waitBegins = conversation.waitingSince === input.at || plan !== null;
    if (conversation.assigneeId === null && conversation.status === "open" && routes && waitBegins) {
      routeInBackground(`conversation ${conversation.id}`, () => core.router.conversationWaiting(conversation.id));
    }
    return result;
  });
}

/** A message that failed on its unique ids was taken in before: the stored one is the answer. */
async function repeated(core: IngestDeps, input: InboundMessage, err: unknown): Promise<IngestResult> {
  const existing = isUniqueViolation(err) ? await findExisting(core, input) : undefined;
  if (!existing) throw err;
  const [conv] = await core.db.select().from(conversations).where(eq(conversations.id, existing.conversationId));
  return { message: toMessage(existing), conversation: toConversation(conv!), duplicate: true };
}

/**
 * A rating: stored and shown in the timeline (and the widget) like any message, recorded as
 * `csat.rated`; the conversation is left as it was (still resolved, nothing unread, no routing,
 * no routing rules).
 */
async function rated(core: IngestDeps, key: string, input: InboundMessage, message: MessageRow, rating: CsatRating): Promise<IngestResult> {
  let conversation: ConversationRow;
  try {
    ({ conversation, position: message.position } = await recordCsatAnswer(core, message, rating));
  } catch (err) {
    return repeated(core, input, err);
  }
  core.caches.latestConversation.set(key, conversation.id);
  core.visitorPush.remember(conversation.id, conversation.visitorId);
  const result = { message: toMessage(message), conversation: toConversation(conversation), duplicate: false };
  publish(core, result.conversation, [result.message]);
  return result;
}

async function followMerge(core: IngestDeps, input: InboundMessage): Promise<InboundMessage> {
  const kept = await loadContactRow(core, input.inbox.workspaceId, input.contactId);
  return kept && kept.id !== input.contactId ? { ...input, contactId: kept.id } : input;
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
    labels: input.labels ?? [],
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
