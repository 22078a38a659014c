import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";

/** A private note between colleagues: never sent to the customer. */
export const NoteSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  authorId: IdSchema,
  authorName: z.string(),
  text: z.string().min(1).max(8000),
  createdAt: TimestampSchema,
});
export type Note = z.infer<typeof NoteSchema>;
