import { and, asc, eq, inArray } from "drizzle-orm";
import { newId } from "@inbox/shared";
import { randomToken, sha256Hex } from "../auth/tokens.ts";
import type { Core } from "../core.ts";
import { contactIdentities, contacts, conversations, messages, widgetSessions } from "../db/schema.ts";
import { HttpError, notFound } from "../http/http-error.ts";
import { eventInsert } from "../services/event-rows.ts";
import { getInboxRow, toMessage, type InboxRow } from "../services/read-model.ts";
import type { Message } from "@inbox/shared";

export interface Visitor {
  contactId: string;
  name: string;
  inbox: InboxRow;
}

/** The web chat inbox behind a public widget id; anything else is a clear 404. */
export async function webchatInbox(core: Core, inboxId: string): Promise<InboxRow> {
  const inbox = await core.caches.inboxes.getOrLoad(inboxId, () => getInboxRow(core.db, inboxId));
  if (!inbox || inbox.channel !== "webchat") throw notFound("This chat");
  return inbox;
}

/** A new visitor: a contact, their web-chat identity and a token that only opens their own chat. */
export async function startWidgetSession(
  core: Core,
  inbox: InboxRow,
  input: { name?: string; email?: string },
): Promise<{ token: string; visitorId: string }> {
  const at = core.now();
  const contactId = newId();
  const token = randomToken();
  await core.writer.write([
    core.db.insert(contacts).values({
      id: contactId,
      workspaceId: inbox.workspaceId,
      name: input.name || null,
      email: input.email ? input.email.toLowerCase() : null,
      phone: null,
      createdAt: at,
    }),
    // The visitor's address on this channel is their contact id: replies are pushed to it.
    core.db.insert(contactIdentities).values({ inboxId: inbox.id, externalId: contactId, channel: "webchat", contactId }),
    core.db.insert(widgetSessions).values({ tokenHash: await sha256Hex(token), inboxId: inbox.id, contactId, createdAt: at }),
    eventInsert(core, { workspaceId: inbox.workspaceId, type: "contact.created", actorKind: "customer", actorId: contactId, data: { inboxId: inbox.id, channel: "webchat" }, at }),
  ]);
  return { token, visitorId: contactId };
}

export async function visitorFromToken(core: Core, inbox: InboxRow, token: string | null | undefined): Promise<Visitor> {
  if (!token) throw new HttpError(401, "unauthenticated", "Your chat session is missing. Please reload the page.");
  const cached = core.caches.visitors.get(token);
  if (cached && cached.inboxId === inbox.id) return { contactId: cached.contactId, name: cached.name, inbox };
  const session = await core.db.query.widgetSessions.findFirst({ where: eq(widgetSessions.tokenHash, await sha256Hex(token)) });
  if (!session || session.inboxId !== inbox.id) {
    throw new HttpError(401, "unauthenticated", "Your chat session has ended. Please start a new chat.");
  }
  const contact = await core.db.query.contacts.findFirst({ where: eq(contacts.id, session.contactId) });
  const name = contact?.name || contact?.email || "Website visitor";
  core.caches.visitors.set(token, { contactId: session.contactId, inboxId: inbox.id, name });
  return { contactId: session.contactId, name, inbox };
}

/** Everything the visitor and the agents said in this inbox, oldest first (last 500). */
export async function visitorHistory(core: Core, visitor: Visitor): Promise<Message[]> {
  const convs = await core.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.contactId, visitor.contactId), eq(conversations.inboxId, visitor.inbox.id)))
    .orderBy(asc(conversations.createdAt));
  if (convs.length === 0) return [];
  const rows = await core.db
    .select()
    .from(messages)
    .where(inArray(messages.conversationId, convs.map((c) => c.id)))
    .orderBy(asc(messages.position));
  // Each conversation in arrival order, conversations oldest first.
  const rank = new Map(convs.map((c, i) => [c.id, i]));
  rows.sort((a, b) => rank.get(a.conversationId)! - rank.get(b.conversationId)! || a.position - b.position);
  return rows.slice(-500).map(toMessage);
}
