/** The admin audit log (issue 13): its entries, the viewer's filters, exports and the integrity check. */
import { z } from "zod";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** One entry as stored: who (their name kept as it was), what, on what, from where, when, and the change. */
export const AuditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: TimestampSchema,
  actorId: IdSchema.nullable(),
  /** The actor's name when they acted; null for the system. */
  actorName: z.string().nullable(),
  /** `area.what`, e.g. `auth.signed_in`, `sla.policy_saved`. */
  action: z.string(),
  /** The id of what was acted on (an inbox, a policy, a contact…), when there is one. */
  target: z.string().nullable(),
  /** The change: `before` / `after` (or `from` / `to`) where something changed; never secrets. */
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * An action: letters, digits, `_` and `.`; ending in `*` it is a prefix (`channel.*`). Several,
 * comma-separated, match any of them: a viewer's group spans prefixes (`channel.*,webhook.*`).
 */
const ActionFilter = z
  .string()
  .trim()
  .max(1000)
  .regex(/^[a-z0-9_.]+\*?(,[a-z0-9_.]+\*?){0,29}$/i, SCHEMA_MESSAGES.audit_action_format);

/** Which entries: every filter is optional and they combine (AND). Times are epoch ms, `to` exclusive. */
export const AuditFilterSchema = z.object({
  actor: IdSchema.optional(),
  action: ActionFilter.optional(),
  target: z.string().trim().min(1).max(128).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  /** Free text over the action, target, actor's name and the change. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** A page of the log, newest first; `cursor` is the previous page's `nextCursor`. */
export const AuditListQuerySchema = AuditFilterSchema.extend({
  cursor: z.string().regex(/^\d{1,15}$/, SCHEMA_MESSAGES.audit_cursor_invalid).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditListQuery = z.input<typeof AuditListQuerySchema>;

export const AuditListResponseSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;

export const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export const AuditExportQuerySchema = AuditFilterSchema.extend({ format: z.enum(AUDIT_EXPORT_FORMATS) });
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** How the chain broke: an entry changed, an entry removed, or an entry's seal removed. */
export const AUDIT_BREAKS = ["edited", "deleted", "unsealed"] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

/**
 * The integrity check of a workspace's log: every entry's hash covers its content and the hash
 * of the entry before it, so an edit, a deletion or a removed seal shows where it happened.
 */
export const AuditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  /** Entries checked (up to the break, when there is one). */
  checked: z.number().int().nonnegative(),
  /** The hash of the newest entry: written down elsewhere, it also shows a rewritten chain. */
  headHash: z.string().nullable(),
  broken: z
    .object({
      /** The entry where the chain breaks (for a deletion: the entry deleted, or the first one after it). */
      id: z.number().int().positive(),
      /** When that entry was written; null when it was deleted. */
      at: TimestampSchema.nullable(),
      reason: z.enum(AUDIT_BREAKS),
      /** What happened, in English (the app words it from `reason`). */
      message: z.string(),
    })
    .nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponseSchema>;
