/**
 * The customer panel's API: editing a contact, finding and merging duplicates, the attachments
 * a person sent or received, and external tickets linked to a conversation.
 */
import { z } from "zod";
import { ContactSchema } from "../domain/contact.ts";
import { ConversationSchema } from "../domain/conversation.ts";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { SenderKindSchema } from "../domain/message.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** Digits with the usual separators and an optional leading +, at least 6 digits. */
export const PHONE_PATTERN = /^\+?(?:[\s().-]*\d){6,20}[\s().-]*$/;

export const ContactEmailSchema = z
  .email(SCHEMA_MESSAGES.contact_email_format)
  .max(320, SCHEMA_MESSAGES.email_too_long);
export const ContactPhoneSchema = z
  .string()
  .trim()
  .max(40, SCHEMA_MESSAGES.phone_too_long)
  .regex(PHONE_PATTERN, SCHEMA_MESSAGES.phone_format);

/**
 * A change to a contact: only the fields given change; null clears a field. Used by the REST
 * route and by the `contact.update` outbox command, so offline edits are validated the same way.
 */
export const ContactPatchSchema = z
  .object({
    name: z.string().trim().min(1, SCHEMA_MESSAGES.contact_name_required).max(200, SCHEMA_MESSAGES.name_too_long).nullable(),
    email: ContactEmailSchema.nullable(),
    phone: ContactPhoneSchema.nullable(),
    vip: z.boolean(),
    company: z.string().trim().max(200, SCHEMA_MESSAGES.company_too_long).nullable(),
    notes: z.string().max(4000, SCHEMA_MESSAGES.notes_too_long).nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, SCHEMA_MESSAGES.change_one_field);
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

export const ContactResponseSchema = z.object({ contact: ContactSchema });

export const ContactSearchQuerySchema = z.object({
  q: z.string().trim().min(1, SCHEMA_MESSAGES.contact_search_required).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ContactSearchResponseSchema = z.object({ contacts: z.array(ContactSchema) });

/** Merge `duplicateId` into the contact in the path (the one kept). */
export const ContactMergeRequestSchema = z.object({ duplicateId: IdSchema });
export const ContactMergeResponseSchema = z.object({
  /** The kept contact with everything moved onto it. */
  contact: ContactSchema,
  /** The duplicate, now a tombstone pointing at the kept contact. */
  merged: ContactSchema,
  /** The conversations now under the kept contact that the caller may see. */
  conversations: z.array(ConversationSchema),
  /** True when the duplicate had already been merged into this contact (nothing changed). */
  alreadyMerged: z.boolean(),
});
export type ContactMergeResponse = z.infer<typeof ContactMergeResponseSchema>;

/** An image, audio, video or file from one of the person's conversations. */
export const AttachmentSchema = z.object({
  messageId: IdSchema,
  conversationId: IdSchema,
  kind: z.enum(["image", "audio", "video", "file"]),
  url: z.string(),
  mimeType: z.string(),
  /** The file name, or the caption, or null. */
  name: z.string().nullable(),
  voice: z.boolean(),
  senderKind: SenderKindSchema,
  createdAt: TimestampSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;
export const ContactAttachmentsResponseSchema = z.object({ attachments: z.array(AttachmentSchema) });

/** Only web links: a ticket URL is opened by agents, so no javascript:, data: or file: URLs. */
export const TicketUrlSchema = z
  .url({ protocol: /^https?$/, error: SCHEMA_MESSAGES.web_address_format })
  .max(2048, SCHEMA_MESSAGES.address_too_long);

export const LinkedTicketSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  title: z.string(),
  url: z.string(),
  createdBy: IdSchema.nullable(),
  createdAt: TimestampSchema,
});
export type LinkedTicket = z.infer<typeof LinkedTicketSchema>;

export const LinkTicketRequestSchema = z.object({
  title: z.string().trim().min(1, SCHEMA_MESSAGES.ticket_title_required).max(200, SCHEMA_MESSAGES.title_too_long),
  url: TicketUrlSchema,
});
export type LinkTicketRequest = z.infer<typeof LinkTicketRequestSchema>;
export const LinkedTicketResponseSchema = z.object({ ticket: LinkedTicketSchema });
export const LinkedTicketListResponseSchema = z.object({ tickets: z.array(LinkedTicketSchema) });
