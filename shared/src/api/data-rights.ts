/**
 * Customers' data rights and retention (issue 13): exporting everything the workspace holds about
 * a contact, erasing a contact, and the workspace's retention policy with its dry run and runs.
 * Who may do each is decided by data-rights-access.ts, on the server (which refuses) and in the
 * PWA (which hides the buttons), from the holder's permissions (built-in or custom role).
 */
import { z } from "zod";
import { ContactSchema } from "../domain/contact.ts";
import { TimestampSchema } from "../domain/ids.ts";
import type { MessageContent } from "../domain/message.ts";
import { SCHEMA_MESSAGES, schemaMessage } from "./schema-messages.ts";

export * from "./data-rights-access.ts";

/**
 * What an erased message's text becomes. The row stays (conversation counts, response times and
 * positions still add up); only what it said is gone.
 */
export const ERASED_TEXT = "[erased]";
export const ERASED_CONTENT = { kind: "text", text: ERASED_TEXT } as const satisfies MessageContent;

export function isErasedContent(content: MessageContent): boolean {
  return content.kind === "text" && content.text === ERASED_TEXT;
}

/**
 * Erasing needs the contact's name as the panel shows it, typed again: a request sent by
 * mistake (or replayed from elsewhere) erases nothing.
 */
/** Whether what was typed is the contact's name as shown (spacing and case aside). */
export function erasureConfirmed(typed: string, shownName: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(shownName);
}

export const ContactEraseRequestSchema = z.object({ confirm: z.string().trim().min(1, SCHEMA_MESSAGES.erase_confirm_required).max(200) });
export type ContactEraseRequest = z.infer<typeof ContactEraseRequestSchema>;

export const ErasureCountsSchema = z.object({
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  mediaFiles: z.number().int().nonnegative(),
  identities: z.number().int().nonnegative(),
  notifications: z.number().int().nonnegative(),
});
export type ErasureCounts = z.infer<typeof ErasureCountsSchema>;

export const ContactEraseResponseSchema = z.object({
  contact: ContactSchema,
  counts: ErasureCountsSchema,
  /** The contact had been erased before: nothing was changed this time. */
  alreadyErased: z.boolean(),
});
export type ContactEraseResponse = z.infer<typeof ContactEraseResponseSchema>;

/** At most ten years; null keeps resolved conversations forever (the default). */
export const RETENTION_MAX_DAYS = 3650;
export const RetentionDaysSchema = z
  .number()
  .int(SCHEMA_MESSAGES.retention_whole_days)
  .min(1, SCHEMA_MESSAGES.retention_min)
  .max(RETENTION_MAX_DAYS, schemaMessage("retention_max", { n: RETENTION_MAX_DAYS }))
  .nullable();

export const RetentionPolicySchema = z.object({ retentionDays: RetentionDaysSchema });
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

/** What a run deleted, or (dry run) would delete now. */
export const RetentionCountsSchema = z.object({
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  mediaFiles: z.number().int().nonnegative(),
  /** Last activity of the oldest and newest conversation concerned (null: none). */
  oldestActivityAt: TimestampSchema.nullable(),
  newestActivityAt: TimestampSchema.nullable(),
});
export type RetentionCounts = z.infer<typeof RetentionCountsSchema>;

export const RetentionReportSchema = RetentionCountsSchema.extend({
  /** Conversations resolved before this time are the ones concerned. */
  cutoff: TimestampSchema,
  retentionDays: z.number().int().positive(),
});
export type RetentionReport = z.infer<typeof RetentionReportSchema>;

export const RetentionResponseSchema = z.object({ policy: RetentionPolicySchema });
export type RetentionResponse = z.infer<typeof RetentionResponseSchema>;
