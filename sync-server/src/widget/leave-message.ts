import { and, eq } from "drizzle-orm";
import type { WidgetLeaveMessageRequest, WidgetLeaveMessageResponse } from "@inbox/shared";
import { contacts, conversations, messages } from "../db/schema.ts";
import type { InboxRow } from "../db/read-model.ts";
import { HttpError } from "../http/http-error.ts";
import { ingestCustomerMessage } from "../messages/index.ts";
import { CHAT_UNAVAILABLE, type VisitorDeps } from "./visitor-messages.ts";
import { resumeWidgetSession, startWidgetSession } from "./widget-sessions.ts";

/** The label a conversation opened by the "leave a message" form starts with, so agents see how it came. */
export const LEFT_MESSAGE_LABEL = "left-message";

/**
 * "Leave a message" (outside business hours, or nobody available): the visitor, their email
 * (kept on the contact, marked as left for the reply) and their message become a conversation
 * like any chat, labelled `left-message`, routed as usual. The form's clientId is the message's:
 * a retry (the answer was lost) finds the stored message and hands back a fresh token for the
 * same visitor, so nothing is created twice.
 */
export async function leaveMessage(core: VisitorDeps, inbox: InboxRow, body: WidgetLeaveMessageRequest): Promise<WidgetLeaveMessageResponse> {
  if (inbox.status !== "active") throw new HttpError(409, "channel_unavailable", CHAT_UNAVAILABLE);
  const email = body.email.toLowerCase();
  // Two copies of one submission racing on this instance: the second waits and finds the first.
  return core.locks.run(`leave-message:${inbox.id}:${body.clientId}`, async () => {
    const [stored] = await core.db
      .select({ conversationId: messages.conversationId, contactId: conversations.contactId, visitorId: conversations.visitorId, email: contacts.email })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(messages.inboxId, inbox.id), eq(messages.clientId, body.clientId)));
    if (stored) {
      // Only the visitor who sent it gets a way into that chat (the id is theirs, and the email must match).
      if (!stored.visitorId || stored.email !== email) throw new HttpError(409, "conflict", "This message was already sent. Please reload the page.");
      const token = await resumeWidgetSession(core, inbox, stored.contactId, stored.visitorId);
      return { token, visitorId: stored.visitorId, conversationId: stored.conversationId, duplicate: true };
    }
    const session = await startWidgetSession(core, inbox, { name: body.name, email, emailLeft: true });
    const result = await ingestCustomerMessage(core, {
      inbox,
      // A new visitor's contact id is their visitor id (widget-sessions.ts).
      contactId: session.visitorId,
      contactName: body.name,
      visitorId: session.visitorId,
      content: { kind: "text", text: body.text },
      clientId: body.clientId,
      externalId: null,
      at: core.now(),
      labels: [LEFT_MESSAGE_LABEL],
    });
    return { ...session, conversationId: result.conversation.id, duplicate: result.duplicate };
  });
}
