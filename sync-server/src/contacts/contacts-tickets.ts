import { and, asc, eq } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { LinkTicketRequest, LinkedTicket } from "@inbox/shared/api/contacts";
import type { Writes } from "../db/record.ts";
import { linkedTickets } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound } from "../http/http-error.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { eventInsert } from "../db/event-rows.ts";

type TicketRow = typeof linkedTickets.$inferSelect;

function toTicket(r: TicketRow): LinkedTicket {
  return { id: r.id, conversationId: r.conversationId, title: r.title, url: r.url, createdBy: r.createdBy, createdAt: r.createdAt };
}

/** External tickets (an issue tracker, a CRM case) linked to a conversation, oldest first. */
export async function listTickets(core: Writes, user: SessionUser, conversationId: string): Promise<LinkedTicket[]> {
  const conv = await conversationForUser(core, user, conversationId);
  const rows = await core.db.select().from(linkedTickets).where(eq(linkedTickets.conversationId, conv.id)).orderBy(asc(linkedTickets.createdAt));
  return rows.map(toTicket);
}

export async function linkTicket(core: Writes, user: SessionUser, conversationId: string, input: LinkTicketRequest): Promise<LinkedTicket> {
  const conv = await conversationForUser(core, user, conversationId);
  const row: TicketRow = { id: newId(), workspaceId: conv.workspaceId, conversationId: conv.id, title: input.title, url: input.url, createdBy: user.id, createdAt: core.now() };
  await core.writer.write([
    core.db.insert(linkedTickets).values(row),
    eventInsert(core, {
      workspaceId: conv.workspaceId,
      conversationId: conv.id,
      type: "conversation.ticket_linked",
      actorKind: "agent",
      actorId: user.id,
      data: { ticketId: row.id, title: row.title, url: row.url },
      at: row.createdAt,
    }),
  ]);
  return toTicket(row);
}

export async function unlinkTicket(core: Writes, user: SessionUser, conversationId: string, ticketId: string): Promise<void> {
  const conv = await conversationForUser(core, user, conversationId);
  const where = and(eq(linkedTickets.id, ticketId), eq(linkedTickets.conversationId, conv.id));
  const [row] = await core.db.select().from(linkedTickets).where(where);
  if (!row) throw notFound("ticket");
  await core.writer.write([
    core.db.delete(linkedTickets).where(where),
    eventInsert(core, {
      workspaceId: conv.workspaceId,
      conversationId: conv.id,
      type: "conversation.ticket_unlinked",
      actorKind: "agent",
      actorId: user.id,
      data: { ticketId: row.id, title: row.title, url: row.url },
      at: core.now(),
    }),
  ]);
}
