import { eq } from "drizzle-orm";
import { touchTeamConversations } from "../contacts/index.ts";
import { eventInsert } from "../db/event-rows.ts";
import { contacts, conversations } from "../db/schema.ts";
import { toConversation, type ConversationRow } from "../db/read-model.ts";
import { notFoundSaying } from "../http/http-error.ts";
import type { VisitorDeps } from "./visitor-messages.ts";
import type { Visitor } from "./widget-sessions.ts";

/**
 * The visitor leaves their email before going (their message still unanswered), so the reply
 * can reach them: kept on their contact with when they left it (the customer panel says so),
 * as a `contact.updated` event by the customer, and agents' devices are told to pull the contact.
 */
export async function visitorLeftEmail(core: VisitorDeps, visitor: Visitor, email: string): Promise<{ email: string }> {
  core.widgetLimits.takeMessage(visitor.visitorId);
  const to = email.toLowerCase();
  const row = await core.db.query.contacts.findFirst({ where: eq(contacts.id, visitor.contactId) });
  if (!row || row.erasedAt !== null) throw notFoundSaying("This chat");
  const at = core.now();
  const results = await core.writer.write([
    core.db.update(contacts).set({ email: to, emailLeftAt: at }).where(eq(contacts.id, row.id)),
    eventInsert(core, {
      workspaceId: row.workspaceId,
      type: "contact.updated",
      actorKind: "customer",
      actorId: row.id,
      data: { contactId: row.id, fields: ["email"], source: "widget", inboxId: visitor.inbox.id, changes: { email: { from: row.email, to } } },
      at,
    }),
    core.db.select().from(conversations).where(eq(conversations.contactId, row.id)),
  ]);
  touchTeamConversations(core, (results[2] as ConversationRow[]).map(toConversation));
  return { email: to };
}
