import { z } from "zod";
import type { ConnectorCapabilities } from "../src/connector.ts";
import { metaAppIdField } from "../src/meta-app.ts";

/**
 * What an admin enters to connect a WhatsApp Business Cloud API number (Meta App Dashboard →
 * WhatsApp → API Setup / Configuration). The phone number id is Meta's id for the number, not
 * the phone number itself.
 */
export const whatsappCredentialsSchema = z.object({
  /** System-user or business token with `whatsapp_business_messaging`. */
  accessToken: z.string().min(1),
  phoneNumberId: z.string().min(1),
  /** App Secret: keys the `X-Hub-Signature-256` HMAC of every webhook. */
  appSecret: z.string().min(1),
  /** The token typed into the webhook configuration, echoed back in the GET handshake. */
  verifyToken: z.string().min(1),
  /** The Meta App ID (optional): inboxes naming it are reached through the app's one callback URL, `/webhooks/meta/<appId>`. */
  appId: metaAppIdField,
});
export type WhatsappCredentials = z.infer<typeof whatsappCredentialsSchema>;

export const WHATSAPP_API_BASE_URL = "https://graph.facebook.com/v21.0";

/** Free-form replies are allowed for 24 h after the customer's last message; templates after. */
export const CUSTOMER_SERVICE_WINDOW_HOURS = 24;

/** Interactive message limits (reply buttons and list messages). */
export const INTERACTIVE = {
  maxReplyButtons: 3,
  replyTitleLength: 20,
  replyIdLength: 256,
  bodyLength: 1024,
  maxListRows: 10,
  listRowTitleLength: 24,
  listRowDescriptionLength: 72,
  listRowIdLength: 200,
  listButtonLabelLength: 20,
} as const;

export const MAX_CAPTION_LENGTH = 1024;

const MB = 1024 * 1024;

/**
 * Outbound media WhatsApp accepts (Cloud API "supported media types"): anything else is refused
 * by the platform, so the connector refuses it first with a clear reason.
 */
export const WHATSAPP_MEDIA = {
  image: { maxBytes: 5 * MB, mimeTypes: ["image/jpeg", "image/png"] },
  audio: { maxBytes: 16 * MB, mimeTypes: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"] },
  video: { maxBytes: 16 * MB, mimeTypes: ["video/mp4", "video/3gpp"] },
  file: {
    maxBytes: 100 * MB,
    mimeTypes: [
      "text/plain",
      "application/pdf",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
  },
} as const satisfies ConnectorCapabilities["media"];

export const whatsappCapabilities: ConnectorCapabilities = {
  maxTextLength: 4096,
  maxButtons: INTERACTIVE.maxReplyButtons,
  maxButtonTitleLength: INTERACTIVE.replyTitleLength,
  // WhatsApp has no separate quick replies: they are sent as the same reply buttons.
  maxQuickReplies: INTERACTIVE.maxReplyButtons,
  replyWindowHours: CUSTOMER_SERVICE_WINDOW_HOURS,
  humanAgentWindowHours: null,
  media: WHATSAPP_MEDIA,
  formatting: "whatsapp",
  // Users can switch read receipts off; then only `delivered` arrives.
  receipts: ["delivered", "read"],
};
