import { z } from "zod";
import { ChannelTypeSchema, InboxSchema } from "../domain/inbox.ts";
import { IdSchema } from "../domain/ids.ts";

/** What admins see of a channel: its state and where the platform must send webhooks. Never its credentials. */
export const AdminInboxSchema = InboxSchema.extend({
  webhookUrl: z.string().nullable(),
  hasCredentials: z.boolean(),
  /** Why it is in its state, from the audit log (e.g. the platform's error). */
  statusReason: z.string().nullable(),
});
export type AdminInbox = z.infer<typeof AdminInboxSchema>;

export const AdminInboxListResponseSchema = z.object({ inboxes: z.array(AdminInboxSchema) });
export const AdminInboxResponseSchema = z.object({ inbox: AdminInboxSchema });

const Credentials = z.record(z.string().min(1).max(64), z.string().max(4096));

/**
 * Where a platform's API is, is the server operator's choice (PLATFORM_API_URLS), never a
 * workspace's: a channel's settings that named another address would let an admin make the
 * server call any address (server-side request forgery).
 */
const OPERATOR_ONLY_SETTINGS = ["apiBaseUrl"];

export const ConnectInboxRequestSchema = z.object({
  name: z.string().trim().min(1).max(120),
  channel: ChannelTypeSchema,
  teamId: IdSchema,
  credentials: Credentials,
  settings: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .superRefine((settings, ctx) => {
      for (const key of OPERATOR_ONLY_SETTINGS) {
        if (key in settings) ctx.addIssue({ code: "custom", path: [key], message: "A channel's API address is set by the server's operator, not per channel." });
      }
    })
    .optional(),
});
export type ConnectInboxRequest = z.infer<typeof ConnectInboxRequestSchema>;

export const ReconnectInboxRequestSchema = z.object({ credentials: Credentials });
export const InboxEnabledRequestSchema = z.object({ enabled: z.boolean() });
