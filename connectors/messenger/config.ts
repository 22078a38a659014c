import { z } from "zod";
import type { ConnectorCapabilities } from "../src/connector.ts";
import { metaAppIdField } from "../src/meta-app.ts";

/**
 * What an admin enters to connect a Facebook Page (Meta App Dashboard → Messenger → Settings).
 * The app secret signs webhooks and the Graph calls' `appsecret_proof`; the verify token is the
 * string typed into the dashboard next to the callback URL.
 */
export const messengerCredentialsSchema = z.object({
  /** Page access token with `pages_messaging` (long-lived or system-user token). */
  pageAccessToken: z.string().trim().min(1, "Enter the Page access token."),
  /** The Facebook Page's numeric id (webhook `entry[].id`, send path). */
  pageId: z.string().trim().min(1, "Enter the Page id."),
  /** App Dashboard → App settings → Basic → App secret. */
  appSecret: z.string().trim().min(1, "Enter the app secret."),
  /** Any string; the same value goes into the dashboard's "Verify token" field. */
  verifyToken: z.string().trim().min(1, "Enter a verify token."),
  /** The Meta App ID (optional): inboxes naming it are reached through the app's one callback URL, `/webhooks/meta/<appId>`. */
  appId: metaAppIdField,
});
export type MessengerCredentials = z.infer<typeof messengerCredentialsSchema>;

/** Graph API version pinned here; tests and the simulator point `ctx.apiBaseUrl` at a fake. */
export const MESSENGER_API_BASE_URL = "https://graph.facebook.com/v21.0";

const MB = 1024 * 1024;
/** Send API attachments (by URL or upload) are capped at 25 MB for every type. */
const ATTACHMENT_MAX_BYTES = 25 * MB;

/** Limits from the Send API reference: https://developers.facebook.com/docs/messenger-platform/reference/send-api */
export const MESSENGER_LIMITS = {
  /** Text messages: UTF-8, 2000-character limit. */
  textLength: 2000,
  /** Button template: at most 3 buttons, 20-character titles, 640-character text. */
  buttons: 3,
  buttonTitleLength: 20,
  buttonTemplateTextLength: 640,
  /** Quick replies: at most 13, 20-character titles (longer titles are cut by Messenger). */
  quickReplies: 13,
  quickReplyTitleLength: 20,
  /** `payload` of a postback button / quick reply. */
  payloadLength: 1000,
  /** Standard messaging window after the customer's last message. */
  responseWindowHours: 24,
  /** HUMAN_AGENT message tag: a person may answer up to 7 days after the customer's last message. */
  humanAgentWindowHours: 168,
} as const;

export const messengerCapabilities: ConnectorCapabilities = {
  maxTextLength: MESSENGER_LIMITS.textLength,
  maxButtons: MESSENGER_LIMITS.buttons,
  maxButtonTitleLength: MESSENGER_LIMITS.buttonTitleLength,
  maxQuickReplies: MESSENGER_LIMITS.quickReplies,
  replyWindowHours: MESSENGER_LIMITS.responseWindowHours,
  humanAgentWindowHours: MESSENGER_LIMITS.humanAgentWindowHours,
  media: {
    image: { maxBytes: ATTACHMENT_MAX_BYTES, mimeTypes: ["image/jpeg", "image/png", "image/gif"] },
    audio: { maxBytes: ATTACHMENT_MAX_BYTES, mimeTypes: ["audio/mpeg", "audio/mp4", "audio/aac", "audio/x-m4a", "audio/wav", "audio/ogg"] },
    video: { maxBytes: ATTACHMENT_MAX_BYTES, mimeTypes: ["video/mp4", "video/quicktime", "video/webm", "video/ogg", "video/x-msvideo"] },
    file: {
      maxBytes: ATTACHMENT_MAX_BYTES,
      mimeTypes: [
        "application/pdf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/zip",
        "text/plain",
        "text/csv",
      ],
    },
  },
  // Messenger shows text sent through the API as typed: markdown-lite is flattened to plain text.
  formatting: "plain",
  // Both arrive as watermarks (message_deliveries / message_reads), never per-message failures.
  receipts: ["delivered", "read"],
};
