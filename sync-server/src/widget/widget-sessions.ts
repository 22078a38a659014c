import { and, desc, eq, inArray } from "drizzle-orm";
import { newId, type Message } from "@inbox/shared";
import { randomToken, sha256Hex } from "../auth/index.ts";
import type { Caches } from "../db/caches.ts";
import type { Writes } from "../db/record.ts";
import { contactIdentities, contacts, conversations, messages, widgetSessions } from "../db/schema.ts";
import { HttpError, notFoundSaying } from "../http/http-error.ts";
import { eventInsert } from "../db/event-rows.ts";
import { getInboxRow, toMessage, type InboxRow } from "../db/read-model.ts";

/** What widget sessions need: the record, and the cached inboxes and visitors' tokens. */
export interface WidgetSessionDeps extends Writes {
  caches: Pick<Caches, "inboxes" | "visitors">;
}

export interface Visitor {
  /** The contact the visitor is now (an agent's merge may change it); messages are theirs. */
  contactId: string;
  /**
   * The visitor's own web chat identity, fixed when the session started: their conversations,
   * history and live sockets are keyed by it, so a merge never shows them another's chat.
   */
  visitorId: string;
  /** The widget session (hash of its token), which live tickets name. */
  sessionHash: string;
  name: string;
  inbox: InboxRow;
}

/** How many messages the widget shows; older ones are not loaded at all. */
export const VISITOR_HISTORY_LIMIT = 500;

/** The web chat inbox behind a public widget id; anything else is a clear 404. */
export async function webchatInbox(core: WidgetSessionDeps, inboxId: string): Promise<InboxRow> {
  const inbox = await core.caches.inboxes.getOrLoad(inboxId, () => getInboxRow(core.db, inboxId));
  if (!inbox || inbox.channel !== "webchat") throw notFoundSaying("This chat");
  return inbox;
}

/** A new visitor: a contact, their web-chat identity and a token that only opens their own chat. */
export async function startWidgetSession(
  core: WidgetSessionDeps,
  inbox: InboxRow,
  input: { name?: string; email?: string; /** The visitor gave the email so a reply can reach them (leave a message). */ emailLeft?: boolean },
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
      emailLeftAt: input.email && input.emailLeft ? at : null,
      phone: null,
      createdAt: at,
    }),
    // The visitor's address on this channel is their first contact id: replies are pushed to it.
    core.db.insert(contactIdentities).values({ inboxId: inbox.id, externalId: contactId, channel: "webchat", contactId }),
    core.db.insert(widgetSessions).values({ tokenHash: await sha256Hex(token), inboxId: inbox.id, contactId, visitorId: contactId, createdAt: at }),
    eventInsert(core, { workspaceId: inbox.workspaceId, type: "contact.created", actorKind: "customer", actorId: contactId, data: { inboxId: inbox.id, channel: "webchat" }, at }),
  ]);
  return { token, visitorId: contactId };
}

/** Another token for a visitor who already exists (a retried "leave a message" whose answer was lost). */
export async function resumeWidgetSession(core: WidgetSessionDeps, inbox: InboxRow, contactId: string, visitorId: string): Promise<string> {
  const token = randomToken();
  await core.writer.write([core.db.insert(widgetSessions).values({ tokenHash: await sha256Hex(token), inboxId: inbox.id, contactId, visitorId, createdAt: core.now() })]);
  return token;
}

export async function visitorFromToken(core: WidgetSessionDeps, inbox: InboxRow, token: string | null | undefined): Promise<Visitor> {
  if (!token) throw new HttpError(401, "unauthenticated", "Your chat session is missing. Please reload the page.");
  const cached = core.caches.visitors.get(token);
  if (cached && cached.inboxId === inbox.id) return { ...cached, inbox };
  const visitor = await visitorFromSession(core, inbox, await sha256Hex(token));
  const { inbox: _, ...entry } = visitor;
  core.caches.visitors.set(token, { ...entry, inboxId: inbox.id });
  return visitor;
}

/** The visitor of a widget session, by its stored hash (live tickets name sessions this way). */
export async function visitorFromSession(core: WidgetSessionDeps, inbox: InboxRow, sessionHash: string): Promise<Visitor> {
  const session = await core.db.query.widgetSessions.findFirst({ where: eq(widgetSessions.tokenHash, sessionHash) });
  if (!session || session.inboxId !== inbox.id) {
    throw new HttpError(401, "unauthenticated", "Your chat session has ended. Please start a new chat.");
  }
  const contact = await core.db.query.contacts.findFirst({ where: eq(contacts.id, session.contactId) });
  const name = contact?.name || contact?.email || "Website visitor";
  return { contactId: session.contactId, visitorId: session.visitorId ?? session.contactId, sessionHash, name, inbox };
}

/**
 * What the visitor and the agents said in this visitor's own conversations of this inbox,
 * oldest first: the last VISITOR_HISTORY_LIMIT messages, limited by the database.
 */
export async function visitorHistory(core: WidgetSessionDeps, visitor: Visitor): Promise<Message[]> {
  const own = core.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.visitorId, visitor.visitorId), eq(conversations.inboxId, visitor.inbox.id)));
  // Newest first to take the last ones, each conversation in arrival order, oldest conversation first.
  const rows = await core.db
    .select({ message: messages })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(inArray(messages.conversationId, own))
    .orderBy(desc(conversations.createdAt), desc(messages.position))
    .limit(VISITOR_HISTORY_LIMIT);
  return rows.reverse().map((r) => toMessage(r.message));
}
