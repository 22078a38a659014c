/** The domain's enumerations, in the order menus list them. */
import { ConversationStatusSchema, PrioritySchema, type ConversationStatus, type Priority } from "@inbox/shared";

export const CONVERSATION_STATUSES: readonly ConversationStatus[] = ConversationStatusSchema.options;
export const PRIORITIES: readonly Priority[] = PrioritySchema.options;
