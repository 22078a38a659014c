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
  /**
   * A supervisor's whisper: a private word to the agent named here (the assignee when it was
   * written), shown to agents only like every note, and told to that agent as a notification.
   */
  whisperTo: IdSchema.optional(),
});
export type Note = z.infer<typeof NoteSchema>;
