import { z } from "zod";
import {
  ContactAttachmentsResponseSchema,
  ContactMergeRequestSchema,
  ContactMergeResponseSchema,
  ContactPatchSchema,
  ContactResponseSchema,
  ContactSearchQuerySchema,
  ContactSearchResponseSchema,
  LinkTicketRequestSchema,
  LinkedTicketListResponseSchema,
  LinkedTicketResponseSchema,
} from "@inbox/shared/api/contacts";
import { updateContact, type ContactsDeps } from "./contacts.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestOrigin } from "../http/audit-actor.ts";
import { contactAttachments } from "./contacts-attachments.ts";
import { mergeContacts } from "./contacts-merge.ts";
import { searchContacts } from "./contacts-search.ts";
import { linkTicket, listTickets, unlinkTicket } from "./contacts-tickets.ts";

/** The customer panel: edit and merge contacts, their attachments, tickets linked to a conversation. */
export function registerContactRoutes(api: ApiRegistry, core: ContactsDeps): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/contacts",
      summary: "Find contacts by name, email or phone (to merge duplicates)",
      tag: "contacts",
      access: "user",
      query: ContactSearchQuerySchema,
      response: ContactSearchResponseSchema,
    },
    async ({ user, query }) => ({ contacts: await searchContacts(core, user, query.q, query.limit) }),
  );

  api.userRoute(
    {
      method: "patch",
      path: "/api/contacts/:id",
      summary: "Change a contact's details (only the fields given; null clears one)",
      tag: "contacts",
      access: { permission: "manageContacts" },
      body: ContactPatchSchema,
      response: ContactResponseSchema,
    },
    async ({ c, user, params, body }) => ({ contact: (await updateContact(core, user, params.id!, body, { from: requestOrigin(c) })).contact }),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/contacts/:id/merge",
      summary: "Merge a duplicate into this contact: its identities and conversations move here",
      tag: "contacts",
      access: { permission: "manageContacts" },
      body: ContactMergeRequestSchema,
      response: ContactMergeResponseSchema,
    },
    async ({ c, user, params, body }) => mergeContacts(core, user, params.id!, body.duplicateId, requestOrigin(c)),
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/contacts/:id/attachments",
      summary: "Images, audio, video and files from the person's conversations, newest first",
      tag: "contacts",
      access: "user",
      response: ContactAttachmentsResponseSchema,
    },
    async ({ user, params }) => ({ attachments: await contactAttachments(core, user, params.id!) }),
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/conversations/:id/tickets",
      summary: "External tickets linked to the conversation",
      tag: "conversations",
      access: "user",
      response: LinkedTicketListResponseSchema,
    },
    async ({ user, params }) => ({ tickets: await listTickets(core, user, params.id!) }),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/conversations/:id/tickets",
      summary: "Link an external ticket (a title and an http(s) address)",
      tag: "conversations",
      access: "user",
      body: LinkTicketRequestSchema,
      response: LinkedTicketResponseSchema,
      status: 201,
    },
    async ({ user, params, body }) => ({ ticket: await linkTicket(core, user, params.id!, body) }),
  );

  api.userRoute(
    {
      method: "delete",
      path: "/api/conversations/:id/tickets/:ticketId",
      summary: "Remove a linked ticket",
      tag: "conversations",
      access: "user",
      response: z.null(),
      status: 204,
    },
    async ({ user, params }) => {
      await unlinkTicket(core, user, params.id!, params.ticketId!);
      return null;
    },
  );
}
