import { z } from "zod";
import type { ConnectorCapabilities } from "../src/connector.ts";

/** Replaced by a fake's URL in tests; paths are `/bot<token>/<method>` and `/file/bot<token>/<path>`. */
export const DEFAULT_API_BASE_URL = "https://api.telegram.org";

/**
 * What an admin enters: the token @BotFather issued, and the `secret_token` given to `setWebhook`
 * (Telegram echoes it in `X-Telegram-Bot-Api-Secret-Token`; it allows 1–256 of `A-Z a-z 0-9 _ -`).
 * https://core.telegram.org/bots/api#setwebhook
 */
export const credentialsSchema = z.object({
  botToken: z
    .string()
    .trim()
    .min(1)
    .regex(/^\d+:[A-Za-z0-9_-]+$/, "A bot token looks like 123456789:AA… (copy it from @BotFather)."),
  secretToken: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[A-Za-z0-9_-]+$/, "Telegram only allows letters, digits, _ and - in the webhook secret token."),
});

const MB = 1024 * 1024;

/** Telegram's limits for fetching by link (uploads allow more): https://core.telegram.org/bots/api#sending-files */
export const LINK_LIMITS = { photoBytes: 5 * MB, otherBytes: 20 * MB } as const;
/** `sendDocument` by link only works for these; anything else must be uploaded. */
export const DOCUMENT_LINK_MIME_TYPES: readonly string[] = ["application/pdf", "application/zip", "image/gif"];
/** Captions are 0–1024 characters after entity parsing. */
export const MAX_CAPTION_LENGTH = 1024;
/** `callback_data` of an inline button is 1–64 bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;
/** Hosted Bot API servers let bots download files up to 20 MB (getFile). */
export const MAX_DOWNLOAD_BYTES = 20 * MB;

export const capabilities: ConnectorCapabilities = {
  // sendMessage: 1–4096 characters after entity parsing.
  maxTextLength: 4096,
  // Telegram does not document a count; inline keyboards over 100 buttons are refused in practice.
  maxButtons: 100,
  // No documented cap on button labels; long ones are ellipsised by clients, so keep them readable.
  maxButtonTitleLength: 64,
  maxQuickReplies: 100,
  // No messaging window, but a bot can only write to users who pressed Start.
  replyWindowHours: null,
  humanAgentWindowHours: null,
  // Upload limits (sendPhoto 10 MB, other files 50 MB). Other image/audio/video types go as documents.
  media: {
    image: { maxBytes: 10 * MB, mimeTypes: ["image/jpeg", "image/png", "image/webp", "image/gif"] },
    audio: { maxBytes: 50 * MB, mimeTypes: ["audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/ogg"] },
    video: { maxBytes: 50 * MB, mimeTypes: ["video/mp4"] },
    file: { maxBytes: 50 * MB, mimeTypes: ["*/*"] },
  },
  formatting: "telegram-html",
  // The Bot API has no delivered/read receipts.
  receipts: [],
};
