import { and, eq } from "drizzle-orm";
import { fillCannedVariables, firstName } from "@inbox/shared/domain/canned-vars";
import type { Reads } from "../db/record.ts";
import { cannedResponses } from "../db/schema.ts";
import type { InboxRow } from "../db/read-model.ts";
import { botMayReply, queueBotMessage, type BotMessage } from "./bot-message.ts";

export interface AutoReply extends BotMessage {
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
  if (!botMayReply(to.inbox)) return null;
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
  return { ...queueBotMessage(core, to.inbox, to.conversationId, content, at), shortcut: canned.shortcut };
}
