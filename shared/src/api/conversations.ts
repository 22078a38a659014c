import { z } from "zod";
import { ContactSchema } from "../domain/contact.ts";
import {
  ConversationSchema,
  ConversationStatusSchema,
  LIST_FILTERS,
  PrioritySchema,
} from "../domain/conversation.ts";
import { ClientIdSchema, IdSchema, TimestampSchema } from "../domain/ids.ts";
import { InboxSchema } from "../domain/inbox.ts";
import { MAX_TEXT_LENGTH, MessageSchema } from "../domain/message.ts";
import { RoleSchema, UserSchema } from "../domain/user.ts";
import { BoardAvailabilitySchema } from "../domain/board.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

export const ConversationListQuerySchema = z.object({
  filter: z.enum(LIST_FILTERS).default("all"),
  status: ConversationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ConversationListResponseSchema = z.object({
  conversations: z.array(ConversationSchema),
});

export const ConversationDetailResponseSchema = z.object({
  conversation: ConversationSchema,
  contact: ContactSchema,
  inbox: InboxSchema,
  messages: z.array(MessageSchema),
});
export type ConversationDetailResponse = z.infer<typeof ConversationDetailResponseSchema>;

export const SendReplyRequestSchema = z.object({
  clientId: ClientIdSchema,
  text: z.string().trim().min(1, SCHEMA_MESSAGES.text_required).max(MAX_TEXT_LENGTH),
});
export type SendReplyRequest = z.infer<typeof SendReplyRequestSchema>;

export const MessageResponseSchema = z.object({ message: MessageSchema });

export const AssignRequestSchema = z.object({
  assigneeId: IdSchema.nullable(),
  /** Supervision: why (shown in the history, told to the agents), assign over capacity, and who the sender saw assigned. */
  reason: z.string().trim().max(500).optional(),
  override: z.boolean().optional(),
  expectedAssigneeId: IdSchema.nullable().optional(),
});
export const StatusRequestSchema = z.object({
  status: ConversationStatusSchema,
  snoozedUntil: TimestampSchema.optional(),
});
export const PriorityRequestSchema = z.object({ priority: PrioritySchema });

export const ConversationResponseSchema = z.object({ conversation: ConversationSchema });

export const ContactDetailResponseSchema = z.object({
  contact: ContactSchema,
  conversations: z.array(ConversationSchema),
});

export const InboxListResponseSchema = z.object({ inboxes: z.array(InboxSchema) });
export const UserListResponseSchema = z.object({ users: z.array(UserSchema) });

/** Supervision: the people a supervisor may give chats to, with the chats they hold against their capacity. */
export const AssigneeLoadSchema = z.object({
  userId: IdSchema,
  /** Open and pending chats assigned to them. */
  load: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  /** Who they are, so a device's cached copy draws the picker offline on its own. */
  name: z.string(),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  /** Their availability as routing sees it ("offline": no recent heartbeat). */
  availability: BoardAvailabilitySchema,
});
export type AssigneeLoad = z.infer<typeof AssigneeLoadSchema>;
export const AssigneeLoadResponseSchema = z.object({ loads: z.array(AssigneeLoadSchema) });
export type AssigneeLoadResponse = z.infer<typeof AssigneeLoadResponseSchema>;
