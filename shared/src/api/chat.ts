/**
 * The chat window's own API: older messages page by page (scrolling back), and retrying a
 * reply the platform refused.
 */
import { z } from "zod";
import { MessageSchema } from "../domain/message.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** Most messages one page of history holds. */
export const MESSAGE_PAGE_MAX = 100;

/**
 * `before` is the position (arrival sequence) of the oldest message the client already has: the
 * page holds the messages strictly before it in timeline order. `<createdAt>,<id>`, what
 * earlier versions of the app send, names that message instead.
 */
export const MessagePageQuerySchema = z.object({
  before: z
    .string()
    .regex(/^\d{1,16}(,[^,]{1,128})?$/, SCHEMA_MESSAGES.history_cursor_format)
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

/** The cursor for the page before `m` (a copy stored before positions existed names the message). */
export function pageCursor(m: { position: number; createdAt: number; id: string }): string {
  return m.position > 0 ? String(m.position) : `${m.createdAt},${m.id}`;
}

/** A position, or (an earlier app's cursor) the id of the message whose position it is. */
export function parsePageCursor(cursor: string): { position: number } | { id: string } {
  const comma = cursor.indexOf(",");
  return comma === -1 ? { position: Number(cursor) } : { id: cursor.slice(comma + 1) };
}

export const RetryResponseSchema = z.object({
  message: MessageSchema,
  /** False when the message was not failed (already retried, or sent meanwhile): nothing changed. */
  requeued: z.boolean(),
});
export type RetryResponse = z.infer<typeof RetryResponseSchema>;
