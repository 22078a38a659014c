import { z } from "zod";
import { CONVERSATION_SCOPES } from "./permissions-policy.ts";

export * from "./permissions-policy.ts";

export const ConversationScopeSchema = z.enum(CONVERSATION_SCOPES);
export type ConversationScope = z.infer<typeof ConversationScopeSchema>;

export const PermissionsSchema = z.object({
  conversations: ConversationScopeSchema,
  reply: z.boolean(),
  manageContacts: z.boolean(),
  deleteContacts: z.boolean(),
  exportData: z.boolean(),
  manageContent: z.boolean(),
  viewReports: z.boolean(),
  supervise: z.boolean(),
  manageChannels: z.boolean(),
  managePeople: z.boolean(),
  viewAudit: z.boolean(),
  configureAI: z.boolean(),
});
export type Permissions = z.infer<typeof PermissionsSchema>;
