/**
 * The chat window's own API: older messages page by page (scrolling back), and retrying a
 * reply the platform refused.
 */
import { z } from "zod";
import { MessageSchema } from "../domain/message.ts";

/** Most messages one page of history holds. */
export const MESSAGE_PAGE_MAX = 100;

/**
 * `before` is the oldest message the client already has, as `<createdAt>,<id>`: the page holds
 * the messages strictly before it in timeline order (time, then id), so ties are never skipped.
 */
export const MessagePageQuerySchema = z.object({
  before: z
    .string()
    .regex(/^\d{1,16},[^,]{1,128}$/, "before must be <createdAt>,<id> of the oldest message you have")
    .optional(),
  limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_MAX).default(50),
});
export type MessagePageQuery = z.infer<typeof MessagePageQuerySchema>;

export const MessagePageResponseSchema = z.object({
  /** Oldest first. */
  messages: z.array(MessageSchema),
  /** False once the page reached the conversation's first message. */
  hasMore: z.boolean(),
});
export type MessagePageResponse = z.infer<typeof MessagePageResponseSchema>;

/** The cursor for the page before `m`. */
export function pageCursor(m: { createdAt: number; id: string }): string {
  return `${m.createdAt},${m.id}`;
}

export function parsePageCursor(cursor: string): { createdAt: number; id: string } {
  const comma = cursor.indexOf(",");
  return { createdAt: Number(cursor.slice(0, comma)), id: cursor.slice(comma + 1) };
}

export const RetryResponseSchema = z.object({
  message: MessageSchema,
  /** False when the message was not failed (already retried, or sent meanwhile): nothing changed. */
  requeued: z.boolean(),
});
export type RetryResponse = z.infer<typeof RetryResponseSchema>;
