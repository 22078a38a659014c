import type { WidgetMessage } from "@inbox/shared";
import type { Caches } from "../db/caches.ts";
import { HttpError } from "../http/http-error.ts";
import { ingestCustomerMessage, type IngestDeps } from "../messages/index.ts";
import type { WidgetLimits } from "./widget-limits.ts";
import type { Admission } from "../http/admission.ts";
import { visitorStoppedTyping, type VisitorTypingDeps } from "./visitor-typing.ts";
import { toWidgetMessage } from "./widget-view.ts";
import { webchatInbox, type Visitor, type WidgetSessionDeps } from "./widget-sessions.ts";

/** What a visitor is told when the web chat channel is off. */
export const CHAT_UNAVAILABLE = "Chat is unavailable right now. Please try again later.";
/** What a visitor is told while the server is overloaded; the widget sends the message again by itself. */
export const CHAT_BUSY = "We're very busy right now. Your message will be sent in a moment.";

/** What taking a visitor's message needs: their session, its limits, and ingest. */
export interface VisitorDeps extends IngestDeps, WidgetSessionDeps, VisitorTypingDeps {
  caches: Pick<Caches, "inboxes" | "visitors" | "latestConversation">;
  widgetLimits: WidgetLimits;
  admission: Pick<Admission, "admitWidgetMessage">;
}

/** A visitor's message, from the POST route or the live socket: the same checks either way. */
export async function receiveVisitorMessage(
  core: VisitorDeps,
  visitor: Visitor,
  clientId: string,
  text: string,
  /** The button / quick reply tapped, if the text is its title. */
  choiceId?: string,
): Promise<{ message: WidgetMessage; duplicate: boolean }> {
  // Overloaded: 503 and Retry-After before anything is stored (or a rate token is spent); the
  // widget's outbox sends the same clientId again, so the message is neither lost nor doubled
  // (http/admission.ts).
  core.admission.admitWidgetMessage(CHAT_BUSY);
  core.widgetLimits.takeMessage(visitor.visitorId);
  // Re-read (cached briefly) so a channel disabled after the socket opened is honoured.
  const inbox = await webchatInbox(core, visitor.inbox.id);
  if (inbox.status !== "active") throw new HttpError(409, "channel_unavailable", CHAT_UNAVAILABLE);
  const result = await ingestCustomerMessage(core, {
    inbox,
    contactId: visitor.contactId,
    contactName: visitor.name,
    visitorId: visitor.visitorId,
    content: choiceId ? { kind: "text", text, replyTo: { choiceId } } : { kind: "text", text },
    clientId,
    externalId: null,
    at: core.now(),
  });
  visitorStoppedTyping(core, result.conversation.id);
  return { message: toWidgetMessage(result.message), duplicate: result.duplicate };
}
