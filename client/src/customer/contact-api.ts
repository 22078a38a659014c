/**
 * The customer panel's requests (shared/api/contacts.ts). Edits of a contact do not come here:
 * they are outbox commands (contact-edit.ts), so they wait safely while offline.
 */
import { DomainEventSchema } from "@inbox/shared";
import {
  ContactAttachmentsResponseSchema,
  ContactMergeResponseSchema,
  ContactSearchResponseSchema,
  LinkedTicketListResponseSchema,
  LinkedTicketResponseSchema,
  type LinkTicketRequest,
} from "@inbox/shared/api/contacts";
import { z } from "zod";
import { request } from "../api/http.ts";

const contact = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;
const tickets = (conversationId: string) => `/api/conversations/${encodeURIComponent(conversationId)}/tickets`;
const EventListSchema = z.object({ events: z.array(DomainEventSchema) });

export const contactApi = {
  search: (q: string) => request(`/api/contacts?${new URLSearchParams({ q, limit: "10" })}`, { schema: ContactSearchResponseSchema }),
  merge: (keptId: string, duplicateId: string) => request(`${contact(keptId)}/merge`, { body: { duplicateId }, schema: ContactMergeResponseSchema }),
  attachments: (contactId: string) => request(`${contact(contactId)}/attachments`, { schema: ContactAttachmentsResponseSchema }),
  tickets: (conversationId: string) => request(tickets(conversationId), { schema: LinkedTicketListResponseSchema }),
  linkTicket: (conversationId: string, body: LinkTicketRequest) => request(tickets(conversationId), { body, schema: LinkedTicketResponseSchema }),
  unlinkTicket: (conversationId: string, ticketId: string) =>
    request(`${tickets(conversationId)}/${encodeURIComponent(ticketId)}`, { method: "DELETE" }),
  /** The conversation's recorded history (assignments among it). */
  events: (conversationId: string) => request(`/api/conversations/${encodeURIComponent(conversationId)}/events`, { schema: EventListSchema }),
};
