import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { newId, searchableText } from "@inbox/shared";
import { fillCannedVariables, firstName } from "@inbox/shared/domain/canned-vars";
import type { Reads } from "../db/record.ts";
import { cannedResponses, messages, outbox } from "../db/schema.ts";
import type { InboxRow, MessageRow } from "../db/read-model.ts";

/** Channels in these states take no replies (messages/reply.ts CHANNEL_BLOCKS): no automatic one either. */
const NO_REPLIES = new Set(["disabled", "token_expired"]);

export interface AutoReply {
  message: MessageRow;
  statements: BatchItem<"sqlite">[];
  /** The canned response's shortcut, for the chat's history. */
  shortcut: string;
}

/**
 * A routing rule's automatic reply: the canned response, its variables filled for this customer
 * (unknown ones dropped: nobody reads it before the customer does), stored as a queued message
 * with its outbox entry in the customer message's transaction, then sent by the outbox
 * dispatcher like an agent's reply. It is the bot's: no agent's first response, and the
 * customer still waits for a person (the SLA clock reads agents' `message.queued` events, which
 * this does not write; the rule's `routing.rule_fired` event names the message).
 */
export async function autoReply(
  core: Reads,
  to: { inbox: InboxRow; conversationId: string; contactName: string; contactEmail: string | null; at: number },
  cannedId: string,
): Promise<AutoReply | null> {
  if (NO_REPLIES.has(to.inbox.status)) return null;
  const [canned] = await core.db
    .select()
    .from(cannedResponses)
    .where(and(eq(cannedResponses.id, cannedId), eq(cannedResponses.workspaceId, to.inbox.workspaceId)));
  if (!canned) return null;
  const text = fillCannedVariables(
    canned.text,
    {
      contactName: to.contactName,
      contactFirstName: firstName(to.contactName),
      contactEmail: to.contactEmail ?? "",
      agentName: "",
      agentFirstName: "",
      inboxName: to.inbox.name,
      conversationId: to.conversationId,
    },
    { dropUnknown: true },
  );
  if (!text) return null;
  const content = { kind: "text" as const, text };
  // A moment after the customer's message, so every timeline shows the reply after it.
  const at = to.at + 1;
  const message: MessageRow = {
    id: newId(),
    workspaceId: to.inbox.workspaceId,
    conversationId: to.conversationId,
    inboxId: to.inbox.id,
    direction: "outbound",
    senderKind: "bot",
    senderId: null,
    senderName: to.inbox.name,
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
    shortcut: canned.shortcut,
    statements: [
      core.db.insert(messages).values(message),
      core.db.insert(outbox).values({ messageId: message.id, inboxId: to.inbox.id, state: "pending", nextAttemptAt: at, createdAt: at }),
    ],
  };
}
