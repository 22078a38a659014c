import type { SecretBox } from "../security/secret-box.ts";
import { HttpError } from "../http/http-error.ts";
import type { InboxRow } from "../db/read-model.ts";
import { visitorFromSession, type Visitor, type WidgetSessionDeps } from "./widget-sessions.ts";

/** Tickets are signed with the server's key and expire by its clock. */
export interface TicketDeps {
  secrets: SecretBox;
  now(): number;
}

/**
 * The widget's live socket is opened from customers' websites, where a browser WebSocket cannot
 * send headers, so it cannot carry the Bearer token; and a session token in a URL ends up in
 * logs. It carries a ticket instead: obtained with the Bearer token just before connecting,
 * signed by the server for one widget session and inbox, and good for a minute. A leaked ticket
 * opens that visitor's socket for at most that minute; it never reads history or sends by POST.
 */
export const LIVE_TICKET_TTL_MS = 60_000;

/** `<expiry ms>.<session hash>.<mac>` */
const TICKET_RE = /^(\d{13})\.([0-9a-f]{64})\.([A-Za-z0-9_-]{43})$/;

const signed = (inboxId: string, expires: string, sessionHash: string) => `widget-live:${inboxId}:${expires}:${sessionHash}`;

export async function issueLiveTicket(core: TicketDeps, visitor: Visitor): Promise<{ ticket: string; expiresAt: number }> {
  const expiresAt = core.now() + LIVE_TICKET_TTL_MS;
  const mac = await core.secrets.mac(signed(visitor.inbox.id, String(expiresAt), visitor.sessionHash));
  return { ticket: `${expiresAt}.${visitor.sessionHash}.${mac}`, expiresAt };
}

/** The visitor a ticket was issued to, if it is this server's, for this inbox, and not expired. */
export async function visitorFromTicket(core: TicketDeps & WidgetSessionDeps, inbox: InboxRow, ticket: string | undefined): Promise<Visitor> {
  const parts = TICKET_RE.exec(ticket ?? "");
  const valid =
    parts !== null &&
    Number(parts[1]) > core.now() &&
    (await core.secrets.checkMac(signed(inbox.id, parts[1]!, parts[2]!), parts[3]!));
  if (!valid) throw new HttpError(401, "unauthenticated", "This chat connection has expired. Please reload the page.");
  return visitorFromSession(core, inbox, parts[2]!);
}
