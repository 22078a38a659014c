import { z } from "zod";
import type { ConnectorCapabilities } from "../src/connector.ts";

/**
 * What an admin copies from the LINE Developers Console (Messaging API channel):
 * the channel access token (Messaging API tab) signs our API calls, the channel secret
 * (Basic settings tab) is the key of the `x-line-signature` HMAC on webhooks.
 */
export const lineCredentialsSchema = z.object({
  channelAccessToken: z.string().trim().min(1),
  channelSecret: z.string().trim().min(1),
});
export type LineCredentials = z.infer<typeof lineCredentialsSchema>;

/** https://developers.line.biz/en/reference/messaging-api/ — api-data.line.me is derived from it for content. */
export const LINE_API_BASE_URL = "https://api.line.me";
export const LINE_DATA_API_BASE_URL = "https://api-data.line.me";
/** LINE's sticker CDN (the webhook only names a sticker, the content API does not serve it). */
export const LINE_STICKER_BASE_URL = "https://stickershop.line-scdn.net";

/** Limits from the Messaging API reference (message objects, template and quick-reply sections). */
export const LINE_LIMITS = {
  textLength: 5000,
  messagesPerRequest: 5,
  templateButtons: 4,
  /** Buttons-template `text` without a title or thumbnail. */
  templateTextLength: 160,
  /** Kept at the older, lower altText limit so both API generations accept it. */
  altTextLength: 400,
  actionLabelLength: 20,
  quickReplyItems: 13,
  postbackDataLength: 300,
  displayTextLength: 300,
  locationTitleLength: 100,
  locationAddressLength: 100,
  imageBytes: 10 * 1024 * 1024,
  previewImageBytes: 1024 * 1024,
  audioBytes: 200 * 1024 * 1024,
} as const;

export const lineCapabilities: ConnectorCapabilities = {
  maxTextLength: LINE_LIMITS.textLength,
  maxButtons: LINE_LIMITS.templateButtons,
  maxButtonTitleLength: LINE_LIMITS.actionLabelLength,
  maxQuickReplies: LINE_LIMITS.quickReplyItems,
  // No messaging window: push messages may be sent at any time (they count against the monthly quota).
  replyWindowHours: null,
  humanAgentWindowHours: null,
  // LINE fetches media from a public HTTPS URL. Video needs a separate preview image and files
  // have no outbound message type, so both are sent as a link instead (see send.ts).
  media: {
    image: { maxBytes: LINE_LIMITS.imageBytes, mimeTypes: ["image/jpeg", "image/png"] },
    audio: { maxBytes: LINE_LIMITS.audioBytes, mimeTypes: ["audio/mp4", "audio/m4a", "audio/x-m4a"] },
  },
  // LINE renders text as typed: no markup.
  formatting: "plain",
  // No delivered/read webhooks for push messages.
  receipts: [],
};
