import { z } from "zod";
import { ContactSchema } from "../domain/contact.ts";
import { ContactPatchSchema } from "./contacts.ts";
import { ConversationSchema, ConversationStatusSchema, PrioritySchema } from "../domain/conversation.ts";
import { ClientIdSchema, IdSchema, TimestampSchema } from "../domain/ids.ts";
import { MAX_TEXT_LENGTH, MessageContentSchema, MessageSchema } from "../domain/message.ts";
import { REPLY_CONTENT_KINDS } from "./uploads.ts";
import { HEADER_MEDIA_KINDS, TemplateSendSchema } from "../domain/templates.ts";
import { MAX_COMMANDS_PER_REQUEST } from "./sync-limits.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

const HEADER_ATTACHMENT_KINDS = Object.values(HEADER_MEDIA_KINDS);

export * from "./sync-limits.ts";

/**
 * Pull: the client's local database catches up with the record in pages. The cursor is
 * opaque to clients; a page's rows are all the changes up to its cursor, so a client that
 * stores the cursor after storing the rows can stop anywhere and resume without gaps.
 */
export const SyncPullQuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const SyncPullResponseSchema = z.object({
  conversations: z.array(ConversationSchema),
  messages: z.array(MessageSchema),
  contacts: z.array(ContactSchema),
  /**
   * Records the server deleted (retention, erasure) since the cursor: devices drop them. A
   * conversation's messages and work document go with it. Absent from older servers.
   */
  deleted: z
    .object({ conversations: z.array(IdSchema), contacts: z.array(IdSchema), messages: z.array(IdSchema) })
    .default({ conversations: [], contacts: [], messages: [] }),
  cursor: z.string(),
  /** More changes wait beyond this page: ask again with the new cursor. */
  hasMore: z.boolean(),
});
export type SyncPullResponse = z.infer<typeof SyncPullResponseSchema>;

/**
 * Commands: what an agent did (often offline), replayed in the order done. Each carries the
 * id the client gave it; the server applies each id once and answers a repeat with the first
 * outcome, so a replay after a dropped connection or a crash is safe.
 */
const Base = { clientId: ClientIdSchema, conversationId: IdSchema };
/** Why a supervisor moved a chat, in their words. */
export const ReasonSchema = z.string().trim().max(500);

export const CommandSchema = z.discriminatedUnion("type", [
  z.object({
    ...Base,
    type: z.literal("reply"),
    /** The reply's text; with `content`, the caption or prompt to give back as a draft if refused (may be empty). */
    text: z.string().trim().max(MAX_TEXT_LENGTH),
    /** An attachment (uploaded first: its `/media/` url) or buttons / quick replies instead of plain text. */
    content: MessageContentSchema.refine((c) => (REPLY_CONTENT_KINDS as readonly string[]).includes(c.kind), {
      message: SCHEMA_MESSAGES.reply_content_kinds,
    }).optional(),
    /**
     * Who the agent saw assigned when writing. If someone else has taken the chat since, the
     * reply is not sent and the client keeps its text as a draft.
     */
    expectedAssigneeId: IdSchema.nullable().optional(),
    /** When the agent wrote it (client clock), kept for the record. */
    writtenAt: TimestampSchema.optional(),
    /**
     * An approved WhatsApp template with its variables' values, instead of text (allowed when
     * the 24 h window is closed); the server renders the text from its copy of the template.
     * A template with an image, video or document header carries its file as `content`.
     */
    template: TemplateSendSchema.optional(),
  })
    .refine((c) => c.text.length > 0 || c.content !== undefined || c.template !== undefined, { message: SCHEMA_MESSAGES.text_required_sentence, path: ["text"] })
    // A template's only attachment is the file of its media header.
    .refine((c) => !(c.template && c.content && !(HEADER_ATTACHMENT_KINDS as readonly string[]).includes(c.content.kind)), {
      message: SCHEMA_MESSAGES.template_alone,
      path: ["template"],
    }),
  z.object({ ...Base, type: z.literal("status"), status: ConversationStatusSchema, snoozedUntil: TimestampSchema.optional() }),
  z.object({ ...Base, type: z.literal("priority"), priority: PrioritySchema }),
  z.object({
    ...Base,
    type: z.literal("assign"),
    assigneeId: IdSchema.nullable(),
    /** Why (supervisors reassigning): recorded in the conversation's history and told to the agents involved. */
    reason: ReasonSchema.optional(),
    /** Assign even though the agent is at or over their capacity (the supervisor confirmed it). */
    override: z.boolean().optional(),
    /**
     * Who the sender saw assigned: if the chat changed hands since, nothing changes and the
     * sender is told who moved it ("Ana already reassigned this chat to Bruno").
     */
    expectedAssigneeId: IdSchema.nullable().optional(),
  }),
  z.object({ ...Base, type: z.literal("read") }),
  /** A change to the conversation's contact (the conversation is where the agent made it). */
  z.object({ ...Base, type: z.literal("contact.update"), contactId: IdSchema, patch: ContactPatchSchema }),
  // Supervision (issue 12): intervening.
  /** Moves the chat to another team's queue (supervisors and admins); it waits there unassigned. */
  z.object({ ...Base, type: z.literal("transfer"), teamId: IdSchema, reason: ReasonSchema.optional(), expectedTeamId: IdSchema.optional() }),
  /** The agent asks for help ("raise hand") or lowers it. */
  z.object({ ...Base, type: z.literal("hand"), raised: z.boolean() }),
  /** A supervisor joins the chat: recorded in its history, told to the assignee, lowers a raised hand. */
  z.object({ ...Base, type: z.literal("join") }),
]);
export type Command = z.infer<typeof CommandSchema>;

export const CommandsRequestSchema = z.object({ commands: z.array(CommandSchema).min(1).max(MAX_COMMANDS_PER_REQUEST) });

export const CommandResultSchema = z.discriminatedUnion("ok", [
  z.object({
    clientId: z.string(),
    ok: z.literal(true),
    conversation: ConversationSchema.optional(),
    message: MessageSchema.optional(),
  }),
  z.object({
    clientId: z.string(),
    ok: z.literal(false),
    code: z.string(),
    /** For the agent, e.g. "Conversation was taken by Ana while you were offline; your reply was kept as a draft." */
    message: z.string(),
    /** A reply that was not sent: keep its text as the conversation's draft. */
    keepAsDraft: z.boolean(),
    /**
     * The facts behind a refusal, for a client to say it in the user's language (supervision:
     * who moved the chat and where, or the agent's load against their capacity).
     */
    fields: z.record(z.string(), z.string()).optional(),
  }),
]);
export type CommandResult = z.infer<typeof CommandResultSchema>;

export const CommandsResponseSchema = z.object({ results: z.array(CommandResultSchema) });
export type CommandsResponse = z.infer<typeof CommandsResponseSchema>;
