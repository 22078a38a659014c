import { z } from "zod";
import { MessageTemplateSchema } from "../domain/templates.ts";
import { TimestampSchema } from "../domain/ids.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** WhatsApp message templates (issue 16): the composer's list and Settings → Channels. */

/** The approved templates of a conversation's inbox, for the composer (kept on the device for offline). */
export const ConversationTemplatesResponseSchema = z.object({
  inboxId: z.string(),
  templates: z.array(MessageTemplateSchema),
  /** When the inbox last synced with the platform; null if never. */
  syncedAt: TimestampSchema.nullable(),
});
export type ConversationTemplatesResponse = z.infer<typeof ConversationTemplatesResponseSchema>;

/** Every template of a WhatsApp inbox with its status, for admins. */
export const AdminTemplatesResponseSchema = z.object({
  /** The WhatsApp Business Account the templates come from; null until an admin enters it. */
  businessAccountId: z.string().nullable(),
  templates: z.array(MessageTemplateSchema),
  syncedAt: TimestampSchema.nullable(),
  /** Why the last sync failed, in words; null when it worked. */
  syncError: z.string().nullable(),
});
export type AdminTemplatesResponse = z.infer<typeof AdminTemplatesResponseSchema>;

/** "Sync templates", optionally setting the business account id first. */
export const SyncTemplatesRequestSchema = z.object({
  businessAccountId: z
    .string()
    .trim()
    .regex(/^[0-9]{5,32}$/, SCHEMA_MESSAGES.waba_id_format)
    .optional(),
});
export type SyncTemplatesRequest = z.infer<typeof SyncTemplatesRequestSchema>;

/** Inbox setting holding the WhatsApp Business Account ID (public: not a secret). */
export const WHATSAPP_ACCOUNT_SETTING = "whatsappBusinessAccountId";
