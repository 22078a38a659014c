/**
 * AI assistance that works offline (issue 15): resolved conversations like the open one
 * (`GET /api/conversations/:id/similar`). The device keeps the last answer per conversation and
 * ranks its own copy with the same rules (`domain/similar.ts`) when the server is out of reach.
 */
import { z } from "zod";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { ChannelTypeSchema } from "../domain/inbox.ts";

export const SimilarConversationSchema = z.object({
  id: IdSchema,
  contactName: z.string(),
  channel: ChannelTypeSchema,
  lastActivityAt: TimestampSchema,
  /** What the customer wrote, as plain text (shown as text, never as HTML). */
  problem: z.string(),
  /** The agent's last reply before it was resolved, as plain text; null when no agent replied. */
  answer: z.string().nullable(),
  score: z.number(),
});
export type SimilarConversation = z.infer<typeof SimilarConversationSchema>;

export const SimilarConversationsResponseSchema = z.object({
  similar: z.array(SimilarConversationSchema),
  /** How many resolved conversations were ranked (the workspace's most recent, bounded). */
  searched: z.number().int().nonnegative(),
});
export type SimilarConversationsResponse = z.infer<typeof SimilarConversationsResponseSchema>;

export const SimilarQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
