import { z } from "zod";
import type { ConnectorCapabilities } from "../src/connector.ts";
import { metaAppIdField } from "../src/meta-app.ts";

/**
 * What an admin enters to connect an Instagram professional account through the Messenger API
 * for Instagram (Facebook Login: the account is linked to a Facebook Page, App Dashboard →
 * Messenger → Instagram settings). The app secret checks webhook signatures and signs Graph
 * calls (`appsecret_proof`); the verify token is typed into the dashboard next to the callback URL.
 */
export const instagramCredentialsSchema = z.object({
  /** Page access token of the Page linked to the account (`instagram_manage_messages`), or an Instagram user token for Instagram Login apps. */
  accessToken: z.string().trim().min(1, "Enter the access token."),
  /** The Instagram professional account id (IGID): webhook `entry[].id` and `recipient.id`. */
  igAccountId: z.string().trim().min(1, "Enter the Instagram account id."),
  /** App Dashboard → App settings → Basic → App secret (signs `X-Hub-Signature-256`). */
  appSecret: z.string().trim().min(1, "Enter the app secret."),
  /** Any string; the same value goes into the dashboard's "Verify token" field. */
  verifyToken: z.string().trim().min(1, "Enter a verify token."),
  /** The Meta App ID (optional): inboxes naming it are reached through the app's one callback URL, `/webhooks/meta/<appId>`. */
  appId: metaAppIdField,
});
export type InstagramCredentials = z.infer<typeof instagramCredentialsSchema>;

/** Graph API version pinned here; tests and the simulator point `ctx.apiBaseUrl` at a fake. */
export const INSTAGRAM_API_BASE_URL = "https://graph.facebook.com/v21.0";

const MB = 1024 * 1024;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Limits from Meta's Instagram messaging pages (send-message, quick-replies, generic-template,
 * attachment-upload): https://developers.facebook.com/docs/messenger-platform/instagram/features/send-message
 */
export const INSTAGRAM_LIMITS = {
  /** Text messages: UTF-8, up to 1000 characters. */
  textLength: 1000,
  /** Generic template: up to 3 postback buttons per element, 20-character button titles, 80-character title. */
  buttons: 3,
  buttonTitleLength: 20,
  templateTitleLength: 80,
  /** Quick replies: at most 13, titles cut at 20 characters, text only; not shown on desktop. */
  quickReplies: 13,
  quickReplyTitleLength: 20,
  /** `payload` of a postback button / quick reply. */
  payloadLength: 1000,
  /** Standard messaging window after the customer's last message. */
  responseWindowHours: 24,
  /** HUMAN_AGENT tag (the only tag Instagram accepts): a person may answer up to 7 days later. */
  humanAgentWindowHours: 168,
} as const;

export const RESPONSE_WINDOW_MS = INSTAGRAM_LIMITS.responseWindowHours * HOUR_MS;
export const HUMAN_AGENT_WINDOW_MS = INSTAGRAM_LIMITS.humanAgentWindowHours * HOUR_MS;

export const instagramCapabilities: ConnectorCapabilities = {
  maxTextLength: INSTAGRAM_LIMITS.textLength,
  maxButtons: INSTAGRAM_LIMITS.buttons,
  maxButtonTitleLength: INSTAGRAM_LIMITS.buttonTitleLength,
  maxQuickReplies: INSTAGRAM_LIMITS.quickReplies,
  replyWindowHours: INSTAGRAM_LIMITS.responseWindowHours,
  humanAgentWindowHours: INSTAGRAM_LIMITS.humanAgentWindowHours,
  // Attachment formats and sizes: png/jpeg/gif ≤ 8 MB; aac/m4a/wav/mp4 ≤ 25 MB; mp4/ogg/avi/mov/webm ≤ 25 MB; pdf ≤ 25 MB.
  media: {
    image: { maxBytes: 8 * MB, mimeTypes: ["image/jpeg", "image/png", "image/gif"] },
    audio: { maxBytes: 25 * MB, mimeTypes: ["audio/aac", "audio/mp4", "audio/x-m4a", "audio/m4a", "audio/wav", "audio/x-wav", "audio/wave"] },
    video: { maxBytes: 25 * MB, mimeTypes: ["video/mp4", "video/ogg", "video/x-msvideo", "video/avi", "video/quicktime", "video/webm"] },
    file: { maxBytes: 25 * MB, mimeTypes: ["application/pdf"] },
  },
  // Instagram shows API text as typed: markdown-lite is flattened to plain text.
  formatting: "plain",
  // messaging_seen only; Instagram sends no delivery webhook.
  receipts: ["read"],
};
