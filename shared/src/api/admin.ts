import { z } from "zod";
import { ChannelTypeSchema, InboxSchema } from "../domain/inbox.ts";
import { IdSchema } from "../domain/ids.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** What admins see of a channel: its state and where the platform must send webhooks. Never its credentials. */
export const AdminInboxSchema = InboxSchema.extend({
  webhookUrl: z.string().nullable(),
  hasCredentials: z.boolean(),
  /** Why it is in its state, from the audit log (e.g. the platform's error). */
  statusReason: z.string().nullable(),
  /** The server registers the webhook with the platform itself (Telegram), so Settings shows the platform's view of it. */
  webhookManaged: z.boolean().optional(),
  /**
   * WhatsApp, Messenger and Instagram inboxes whose credentials name their Meta App ID: the app's
   * one callback URL (every Page, Instagram account and number of the app), how many of this
   * workspace's inboxes it reaches, and why some would miss its deliveries (this workspace's
   * inboxes of the app holding different app secrets, or none). `connectedElsewhere`: this inbox's
   * Page, Instagram account or number is connected, with the same app secret, in another workspace
   * that connected it first, so the app's deliveries for it go there and none come here (which
   * workspace is never said).
   */
  metaApp: z
    .object({ appId: z.string(), webhookUrl: z.string(), inboxes: z.number().int(), problem: z.string().nullable(), connectedElsewhere: z.boolean().optional() })
    .nullable()
    .optional(),
});
export type AdminInbox = z.infer<typeof AdminInboxSchema>;

/** The platform's view of a channel's webhook, for channels whose webhook the server registers (`webhookManaged`). */
export const ChannelWebhookSchema = z.object({
  /** Where this server wants the platform to deliver; null when it has no public https address. */
  expectedUrl: z.string().nullable(),
  /** Where the platform delivers now; null when no webhook is registered. */
  url: z.string().nullable(),
  /** The platform delivers to `expectedUrl`. */
  registered: z.boolean(),
  pendingUpdates: z.number().int().nullable(),
  /** The platform's last delivery error, and when (ms). */
  lastError: z.string().nullable(),
  lastErrorAt: z.number().nullable(),
  /** Why the webhook is not registered or its state unknown, in words (no public https address, the platform refused, …). */
  problem: z.string().nullable(),
});
export type ChannelWebhook = z.infer<typeof ChannelWebhookSchema>;
export const ChannelWebhookResponseSchema = z.object({ webhook: ChannelWebhookSchema });

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
        if (key in settings) ctx.addIssue({ code: "custom", path: [key], message: SCHEMA_MESSAGES.channel_api_address_operator });
      }
    })
    .optional(),
});
export type ConnectInboxRequest = z.infer<typeof ConnectInboxRequestSchema>;

export const ReconnectInboxRequestSchema = z.object({ credentials: Credentials });
export const InboxEnabledRequestSchema = z.object({ enabled: z.boolean() });
/** Messenger/Instagram: replies 24 h–7 d after the customer's last message go out with Meta's HUMAN_AGENT tag (needs Meta's permission). */
export const HumanAgentTagRequestSchema = z.object({ enabled: z.boolean() });
