import type { MessageContent } from "@inbox/shared";
import { PLATFORM_MEDIA_PREFIX, type Credentials, type InboundEvent, type InboundSender, type WebhookRequest } from "../src/connector.ts";
import { readJsonBody } from "../src/malformed.ts";
import { choiceAnswer } from "../src/choice-answer.ts";

/**
 * Messenger webhooks → canonical events. Envelope: `{object:"page", entry:[{id, time, messaging:[…]}]}`;
 * every `entry` and every `messaging` item is iterated (Meta batches). Timestamps are already ms.
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events
 */
export async function parseWebhook(req: WebhookRequest, credentials: Credentials): Promise<InboundEvent[]> {
  const root = obj(readJsonBody(req.body, "Messenger"));
  if (!root || root.object !== "page") return [];
  const events: InboundEvent[] = [];
  for (const entryValue of arr(root.entry)) {
    const entry = obj(entryValue);
    if (!entry) continue;
    // One Meta app has one callback URL for all its Pages: an entry for another Page belongs to another inbox.
    const pageId = str(entry.id);
    if (credentials.pageId && pageId && pageId !== credentials.pageId) continue;
    const entryTime = num(entry.time) ?? 0;
    // `standby` carries the same events while another app (e.g. the Page inbox) holds thread control.
    for (const item of [...arr(entry.messaging), ...arr(entry.standby)]) {
      const event = obj(item);
      if (event) events.push(...parseMessagingEvent(event, entryTime));
    }
  }
  return events;
}

type Json = Record<string, unknown>;

/** Keys every messaging item has; whatever else it carries says what kind of event it is. */
const ENVELOPE_KEYS = new Set(["sender", "recipient", "timestamp"]);

function parseMessagingEvent(event: Json, entryTime: number): InboundEvent[] {
  const senderObj = obj(event.sender);
  // Chat-plugin guests have a `user_ref` instead of a PSID.
  const senderId = str(senderObj?.id) ?? str(senderObj?.user_ref);
  if (!senderId) return [];
  const sender: InboundSender = { externalId: senderId };
  const at = num(event.timestamp) ?? entryTime;

  const message = obj(event.message);
  if (message) {
    // Echoes of what the Page sent (through us or typed in the Page inbox) are not customer messages.
    if (message.is_echo === true) return [];
    return parseMessage(message, sender, at);
  }

  const edit = obj(event.message_edit);
  if (edit) {
    const mid = str(edit.mid);
    if (mid) {
      const text = str(edit.text);
      const content: MessageContent = text ? { kind: "text", text } : unsupported("Edited a message", edit);
      return [{ type: "edit", externalId: mid, sender, content, at }];
    }
  }

  const postback = obj(event.postback);
  if (postback) {
    // A tap on a button-template button: the button's title is what the customer "said", its
    // payload our choice id.
    const text = str(postback.title) ?? str(postback.payload);
    const externalId = str(postback.mid) ?? `postback:${senderId}:${at}`;
    const content: MessageContent = text ? choiceAnswer(text, str(postback.payload)) : unsupported("Tapped a button", postback);
    return [{ type: "message", externalId, sender, content, at }];
  }

  const delivery = obj(event.delivery);
  if (delivery) {
    const out: InboundEvent[] = arr(delivery.mids)
      .map(str)
      .filter((mid): mid is string => mid !== undefined)
      .map((mid) => ({ type: "status", externalMessageId: mid, status: "delivered", at }) as const);
    const watermark = num(delivery.watermark);
    if (watermark !== undefined) out.push({ type: "watermark", sender, status: "delivered", upTo: watermark, at });
    return out;
  }

  const read = obj(event.read);
  if (read) {
    const watermark = num(read.watermark);
    return watermark === undefined ? [] : [{ type: "watermark", sender, status: "read", upTo: watermark, at }];
  }

  const reaction = obj(event.reaction);
  if (reaction) {
    // No canonical reaction event yet: kept visible as an unsupported message on the reacted-to message.
    const mid = str(reaction.mid);
    const action = str(reaction.action) ?? "react";
    const emoji = str(reaction.emoji) ?? str(reaction.reaction) ?? "";
    const description = action === "unreact" ? "Removed a reaction" : `Reacted ${emoji}`.trim();
    return [
      {
        type: "message",
        externalId: `reaction:${mid ?? ""}:${senderId}:${action}:${at}`,
        sender,
        content: unsupported(description, reaction),
        at,
        ...(mid ? { inReplyTo: mid } : {}),
      },
    ];
  }

  // optin, referral, account_linking, handover, policy notices, …: kept, never dropped.
  const kind = Object.keys(event).find((key) => !ENVELOPE_KEYS.has(key)) ?? "unknown";
  return [{ type: "message", externalId: `${kind}:${senderId}:${at}`, sender, content: unsupported(`Messenger "${kind}" event`, event), at }];
}

function parseMessage(message: Json, sender: InboundSender, at: number): InboundEvent[] {
  const mid = str(message.mid) ?? `message:${sender.externalId}:${at}`;
  const inReplyTo = str(obj(message.reply_to)?.mid);
  const text = str(message.text);
  const contents: MessageContent[] = [];
  // A quick-reply tap arrives as plain text (the reply's title) plus `quick_reply.payload`, our choice id.
  if (text) contents.push(choiceAnswer(text, str(obj(message.quick_reply)?.payload)));

  const attachments = arr(message.attachments).map(obj).filter((a): a is Json => a !== undefined);
  const stickers = attachments.filter((a) => a.type === "sticker");
  for (const attachment of attachments) {
    // Until Aug 2026 a sticker arrives twice: as `sticker` and as the old `image` with sticker_id.
    if (attachment.type === "image" && stickers.length > 0 && isStickerDuplicate(attachment, stickers)) continue;
    // A shared link arrives as text (the URL) plus a `fallback` preview of the same link.
    if (attachment.type === "fallback" && text) continue;
    contents.push(attachmentContent(attachment));
  }
  if (contents.length === 0) contents.push(unsupported("Empty message", message));

  // One message id, several parts (e.g. three photos): the first keeps the mid, the rest are suffixed.
  return contents.map((content, i) => ({
    type: "message",
    externalId: i === 0 ? mid : `${mid}#${i}`,
    sender,
    content,
    at,
    ...(inReplyTo ? { inReplyTo } : {}),
  }));
}

function isStickerDuplicate(image: Json, stickers: Json[]): boolean {
  const payload = obj(image.payload);
  if (payload?.sticker_id !== undefined) return true;
  const url = str(payload?.url);
  return stickers.some((s) => url !== undefined && str(obj(s.payload)?.url) === url);
}

function attachmentContent(attachment: Json): MessageContent {
  const type = str(attachment.type) ?? "unknown";
  const payload = obj(attachment.payload);
  const url = str(payload?.url);
  const ref = url ? mediaRef(url) : undefined;
  switch (type) {
    case "image":
    case "sticker":
      if (!ref || !url) break;
      return { kind: "image", url: ref, mimeType: guessMimeType(url, "image") };
    case "audio":
      if (!ref || !url) break;
      // Voice clips recorded in Messenger are served as `audioclip-….mp4`.
      return { kind: "audio", url: ref, mimeType: guessMimeType(url, "audio"), ...(/audioclip/i.test(url) ? { voice: true } : {}) };
    case "video":
      if (!ref || !url) break;
      return { kind: "video", url: ref, mimeType: guessMimeType(url, "video") };
    case "file":
      if (!ref || !url) break;
      return { kind: "file", url: ref, mimeType: guessMimeType(url, "file"), filename: filenameOf(url) };
    case "location": {
      const coordinates = obj(payload?.coordinates);
      const latitude = num(coordinates?.lat);
      const longitude = num(coordinates?.long);
      if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) break;
      const name = str(attachment.title);
      return { kind: "location", latitude, longitude, ...(name ? { name: name.slice(0, 256) } : {}) };
    }
    case "fallback": {
      const link = str(attachment.url) ?? url;
      const title = str(attachment.title);
      if (!link) break;
      return { kind: "text", text: (title && title !== link ? `${title}\n${link}` : link).slice(0, 4096) };
    }
  }
  const shared = url ?? str(attachment.url);
  return unsupported(`Sent ${type === "unknown" ? "an attachment" : `a ${type.replace(/_/g, " ")}`}${shared ? `: ${shared}` : ""}`, attachment);
}

/** Meta gives inbound media as a time-limited CDN URL, not an id: the URL is the reference. */
function mediaRef(url: string): string | undefined {
  const ref = `${PLATFORM_MEDIA_PREFIX}${url}`;
  return ref.length <= 2048 ? ref : undefined;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  m4a: "audio/mp4",
  aac: "audio/aac",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  zip: "application/zip",
  txt: "text/plain",
  csv: "text/csv",
};

const DEFAULT_MIME = { image: "image/jpeg", audio: "audio/mp4", video: "video/mp4", file: "application/octet-stream" } as const;

/** Messenger sends no MIME type; the URL's extension is the best hint until the bytes are fetched. */
function guessMimeType(url: string, kind: keyof typeof DEFAULT_MIME): string {
  const extension = lastSegment(url).split(".").pop()?.toLowerCase() ?? "";
  const mime = MIME_BY_EXTENSION[extension];
  if (!mime) return DEFAULT_MIME[kind];
  if (kind === "audio" && mime.startsWith("video/")) return mime.replace("video/", "audio/");
  if (kind !== "file" && !mime.startsWith(`${kind}/`)) return DEFAULT_MIME[kind];
  return mime;
}

function filenameOf(url: string): string {
  const name = lastSegment(url);
  return (name.includes(".") ? name : "file").slice(0, 255);
}

function lastSegment(url: string): string {
  try {
    const segment = new URL(url).pathname.split("/").pop() ?? "";
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

function unsupported(description: string, raw: unknown): MessageContent {
  return { kind: "unsupported", description: description.slice(0, 256), raw };
}

function obj(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
