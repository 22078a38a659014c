import { z } from "zod";
import { ChannelTypeSchema } from "./inbox.ts";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { SlaSummarySchema } from "./sla-summary.ts";
import { CONVERSATION_STATUSES, PRIORITIES } from "./conversation-rules.ts";

export * from "./conversation-rules.ts";

export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const ConversationSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  inboxId: IdSchema,
  channel: ChannelTypeSchema,
  contactId: IdSchema,
  /** Denormalised so the list renders without a contact lookup. */
  contactName: z.string(),
  teamId: IdSchema,
  status: ConversationStatusSchema,
  priority: PrioritySchema,
  assigneeId: IdSchema.nullable(),
  snoozedUntil: TimestampSchema.nullable(),
  labels: z.array(z.string()),
  /** Customer messages no agent has read yet. */
  unreadCount: z.number().int().nonnegative(),
  lastMessagePreview: z.string(),
  firstResponseAt: TimestampSchema.nullable(),
  lastActivityAt: TimestampSchema,
  createdAt: TimestampSchema,
  /** Routing: the agent this chat was offered to and who has not picked it up yet (see domain/routing.ts). */
  offeredTo: IdSchema.nullable().optional(),
  offeredAt: TimestampSchema.nullable().optional(),
  /** When the offer is taken back and offered to someone else; null: no pickup timeout. */
  offerExpiresAt: TimestampSchema.nullable().optional(),
  /** Since when the customer has waited for an agent's reply; null or absent (rows cached before it existed): not waiting. */
  waitingSince: TimestampSchema.nullable().optional(),
  /** Supervision (migration 0019): an agent asked for help ("raise hand") and when; null or absent: no hand raised. */
  helpRequestedAt: TimestampSchema.nullable().optional(),
  helpRequestedBy: IdSchema.nullable().optional(),
  /** SLA (domain/sla.ts): the most pressing running target; null or absent: none. Live state: `slaStateAt(sla, now)`. */
  sla: SlaSummarySchema.nullable().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;
