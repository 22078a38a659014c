import type { MessageContent } from "@inbox/shared";
import { PLATFORM_MEDIA_PREFIX, type ConnectorContext, type Credentials, type OutboundMessage, type SendResult } from "../src/connector.ts";
import { utf8 } from "../src/crypto.ts";
import { formatForPlatform } from "../src/formatting.ts";
import { callApi, redact, type ApiAnswer, type TgMessage } from "./api.ts";
import { DOCUMENT_LINK_MIME_TYPES, MAX_CALLBACK_DATA_BYTES, MAX_CAPTION_LENGTH, capabilities } from "./config.ts";
import { messageKey } from "./parse.ts";

type Failure = Extract<SendResult, { ok: false }>;

/** One Bot API call: JSON fields, optionally one file uploaded as multipart. */
interface ApiCall {
  method: string;
  fields: Record<string, unknown>;
  upload?: { field: string; bytes: Uint8Array; mimeType: string; filename: string };
  /** The same call without HTML, used once if Telegram cannot parse our entities. */
  plain?: Record<string, unknown>;
}

const MB = 1024 * 1024;

/**
 * Sends one canonical message (https://core.telegram.org/bots/api#available-methods). The
 * result's id is `<chat_id>:<message_id>`, the key inbound button answers point back to.
 */
export async function send(message: OutboundMessage, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  const call = callFor(message);
  if ("ok" in call) return call;
  return deliver(call, chatIdOf(message.recipient), credentials, ctx);
}

/** Chat ids are integers (negative for groups); `@channelname` stays a string. */
function chatIdOf(recipient: string): number | string {
  const n = Number(recipient);
  return /^-?\d+$/.test(recipient) && Number.isSafeInteger(n) ? n : recipient;
}

function callFor(message: OutboundMessage): ApiCall | Failure {
  const content = message.content;
  switch (content.kind) {
    case "text":
      return textCall(content.text);
    case "buttons":
      return buttonsCall(content.text, content.buttons);
    case "quick_replies":
      return textCall(content.text, {
        keyboard: content.replies.slice(0, capabilities.maxQuickReplies).map((r) => [{ text: title(r.title) }]),
        one_time_keyboard: true,
        resize_keyboard: true,
      });
    case "image":
    case "audio":
    case "video":
    case "file":
      return mediaCall(message, content);
    case "location":
      return content.name && content.address
        ? { method: "sendVenue", fields: { latitude: content.latitude, longitude: content.longitude, title: content.name, address: content.address } }
        : { method: "sendLocation", fields: { latitude: content.latitude, longitude: content.longitude } };
    case "unsupported":
      return rejected("This kind of message cannot be sent to Telegram.");
  }
}

function textCall(text: string, replyMarkup?: Record<string, unknown>): ApiCall | Failure {
  const html = formatForPlatform(text, "telegram-html");
  if (visibleLength(html) > capabilities.maxTextLength) {
    return rejected(`The message is longer than Telegram's ${capabilities.maxTextLength}-character limit.`);
  }
  const markup = replyMarkup ? { reply_markup: replyMarkup } : {};
  return {
    method: "sendMessage",
    fields: { text: html, parse_mode: "HTML", ...markup },
    plain: { text: formatForPlatform(text, "plain"), ...markup },
  };
}

/** Inline keyboard, one button per row. `callback_data` is the choice id when it fits 64 bytes. */
function buttonsCall(text: string, buttons: { id: string; title: string }[]): ApiCall | Failure {
  if (buttons.length > capabilities.maxButtons) {
    return textCall(`${text}\n\n${buttons.map((b, i) => `${i + 1}. ${b.title}`).join("\n")}`);
  }
  return textCall(text, {
    inline_keyboard: buttons.map((b, i) => [{ text: title(b.title), callback_data: callbackData(b.id, i) }]),
  });
}

function callbackData(id: string, index: number): string {
  const bytes = utf8(id).length;
  return bytes >= 1 && bytes <= MAX_CALLBACK_DATA_BYTES ? id : `#${index + 1}`;
}

function title(text: string): string {
  const max = capabilities.maxButtonTitleLength;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type MediaContent = Extract<MessageContent, { kind: "image" | "audio" | "video" | "file" }>;

/** Which method carries a media kind; formats Telegram would not play natively go as documents. */
function routeOf(content: MediaContent): { method: string; field: string; uploadLimit: number } {
  const mime = baseMime(content.mimeType);
  const document = { method: "sendDocument", field: "document", uploadLimit: 50 * MB };
  switch (content.kind) {
    case "image":
      if (mime === "image/gif") return { method: "sendAnimation", field: "animation", uploadLimit: 50 * MB };
      return ["image/jpeg", "image/png", "image/webp"].includes(mime) ? { method: "sendPhoto", field: "photo", uploadLimit: 10 * MB } : document;
    case "audio":
      if (content.voice || mime === "audio/ogg") return { method: "sendVoice", field: "voice", uploadLimit: 50 * MB };
      return ["audio/mpeg", "audio/mp3", "audio/mp4", "audio/x-m4a", "audio/m4a"].includes(mime)
        ? { method: "sendAudio", field: "audio", uploadLimit: 50 * MB }
        : document;
    case "video":
      return mime === "video/mp4" ? { method: "sendVideo", field: "video", uploadLimit: 50 * MB } : document;
    case "file":
      return document;
  }
}

/**
 * Media goes, in order of preference: by Telegram file_id (a customer's media forwarded back),
 * uploaded from `message.media`, or by link. Links are limited (5 MB photos, 20 MB others) and
 * `sendDocument` only fetches PDF/ZIP/GIF by link. https://core.telegram.org/bots/api#sending-files
 */
function mediaCall(message: OutboundMessage, content: MediaContent): ApiCall | Failure {
  const route = routeOf(content);
  const fields: Record<string, unknown> = {};
  let plain: Record<string, unknown> | undefined;
  if ((content.kind === "image" || content.kind === "video") && content.caption) {
    const html = formatForPlatform(content.caption, "telegram-html");
    if (visibleLength(html) > MAX_CAPTION_LENGTH) return rejected(`The caption is longer than Telegram's ${MAX_CAPTION_LENGTH}-character limit.`);
    fields.caption = html;
    fields.parse_mode = "HTML";
    plain = { caption: formatForPlatform(content.caption, "plain") };
  }
  if (content.kind === "audio" && content.durationSec !== undefined) fields.duration = Math.round(content.durationSec);

  let upload: ApiCall["upload"];
  if (content.url.startsWith(PLATFORM_MEDIA_PREFIX)) {
    fields[route.field] = content.url.slice(PLATFORM_MEDIA_PREFIX.length);
  } else if (message.media) {
    if (message.media.bytes.length > route.uploadLimit) {
      return rejected(`The attachment is larger than Telegram's ${route.uploadLimit / MB} MB limit.`);
    }
    const filename = content.kind === "file" ? content.filename || message.media.filename : message.media.filename;
    upload = { field: route.field, bytes: message.media.bytes, mimeType: message.media.mimeType, filename };
  } else {
    const link = message.mediaUrl ?? (/^https?:\/\//.test(content.url) ? content.url : undefined);
    if (!link) return rejected("The attachment is not available to send.");
    if (route.method === "sendDocument" && !DOCUMENT_LINK_MIME_TYPES.includes(baseMime(content.mimeType))) {
      return rejected("Telegram only fetches PDF, ZIP and GIF files by link; this file has to be uploaded.");
    }
    fields[route.field] = link;
  }
  return { method: route.method, fields, ...(upload ? { upload } : {}), ...(plain ? { plain: { ...fields, ...plain, parse_mode: undefined } } : {}) };
}

async function deliver(call: ApiCall, chatId: number | string, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  let answer: ApiAnswer<TgMessage>;
  try {
    answer = await invoke(call, call.fields, chatId, credentials, ctx);
    const failure = answer.reply && !answer.reply.ok ? answer.reply : null;
    // A group that became a supergroup has a new id: Telegram says which, resend there once.
    const movedTo = failure?.parameters?.migrate_to_chat_id;
    if (movedTo !== undefined) {
      answer = await invoke(call, call.fields, movedTo, credentials, ctx);
    } else if (failure?.error_code === 400 && /can't parse entities/i.test(failure.description) && call.plain) {
      // Our HTML did not survive Telegram's parser: the words matter more than the formatting.
      answer = await invoke(call, call.plain, chatId, credentials, ctx);
    }
  } catch (err) {
    return { ok: false, kind: "retry", reason: `Telegram could not be reached (${redact(String(err), credentials)}); the message will be retried.` };
  }
  const reply = answer.reply;
  if (reply?.ok) return { ok: true, externalId: messageKey(reply.result.chat.id, reply.result.message_id), delivered: false };
  return failureOf(answer);
}

function invoke(call: ApiCall, fields: Record<string, unknown>, chatId: number | string, credentials: Credentials, ctx: ConnectorContext) {
  const all = { chat_id: chatId, ...withoutUndefined(fields) };
  if (!call.upload) return callApi<TgMessage>(call.method, all, credentials, ctx);
  const form = new FormData();
  for (const [key, value] of Object.entries(all)) form.append(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  const { field, bytes, mimeType, filename } = call.upload;
  form.append(field, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), filename);
  return callApi<TgMessage>(call.method, form, credentials, ctx);
}

/**
 * Telegram's error envelope → what the inbox shows. `error_code` mirrors the HTTP status; the
 * description is the only detail (https://core.telegram.org/bots/api#making-requests).
 */
export function failureOf(answer: Pick<ApiAnswer<unknown>, "status" | "headers" | "reply">): Failure {
  const failure = answer.reply && !answer.reply.ok ? answer.reply : null;
  const code = failure?.error_code ?? answer.status;
  const description = failure?.description ?? `HTTP ${answer.status}`;
  const platformCode = String(code);
  if (code === 429) {
    const seconds = failure?.parameters?.retry_after ?? Number(answer.headers.get("retry-after"));
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
    return {
      ok: false,
      kind: "rate_limited",
      retryAfterMs,
      platformCode,
      reason: `Telegram's sending limit was reached; sending resumes in ${Math.ceil(retryAfterMs / 1000)} seconds.`,
    };
  }
  if (code === 401 || code === 404) {
    return {
      ok: false,
      kind: "token_expired",
      platformCode,
      reason: "Telegram no longer accepts this bot token (it was revoked or regenerated in @BotFather). An admin must reconnect the channel.",
    };
  }
  if (code === 403) return { ok: false, kind: "blocked", platformCode, reason: forbiddenReason(description) };
  if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
    return { ok: false, kind: "blocked", platformCode, reason: "Telegram cannot find this chat, so the message was not delivered." };
  }
  if (!failure || code >= 500 || code < 400) {
    return { ok: false, kind: "retry", platformCode, reason: `Telegram is having trouble (${description}); the message will be retried.` };
  }
  return { ok: false, kind: "rejected", platformCode, reason: rejectedReason(code, description) };
}

function forbiddenReason(description: string): string {
  if (/blocked by the user/i.test(description)) return "The customer has blocked the bot, so the message was not delivered.";
  if (/user is deactivated/i.test(description)) return "The customer's Telegram account was deleted, so the message was not delivered.";
  if (/can't initiate conversation/i.test(description)) {
    return "The customer has not started a chat with the bot (they must press Start first), so the message was not delivered.";
  }
  if (/kicked|not a member/i.test(description)) return "The bot is no longer a member of this chat, so the message was not delivered.";
  return `Telegram refused to deliver to this chat (${description}).`;
}

function rejectedReason(code: number, description: string): string {
  if (code === 413) return "The attachment is too large for Telegram.";
  if (/too long/i.test(description)) return "The message is too long for Telegram.";
  if (/wrong file|failed to get HTTP URL content|wrong type of the web page content|file must be non-empty/i.test(description)) {
    return "Telegram could not use the attachment (it could not be fetched or has an unsupported type).";
  }
  return `Telegram refused the message: ${description}.`;
}

function rejected(reason: string): Failure {
  return { ok: false, kind: "rejected", reason };
}

function baseMime(mime: string): string {
  return (mime.split(";")[0] ?? "").trim().toLowerCase();
}

/** Telegram counts limits after entity parsing: the text without our tags and entities. */
function visibleLength(html: string): number {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&(lt|gt|quot|amp);/g, "_").length;
}

function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
