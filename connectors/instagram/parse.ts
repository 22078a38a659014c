import type { MessageContent } from "@inbox/shared";
import { MalformedWebhookError } from "../src/malformed.ts";
import { choiceAnswer } from "../src/choice-answer.ts";
import { PLATFORM_MEDIA_PREFIX, type Credentials, type InboundEvent, type InboundSender, type WebhookRequest } from "../src/connector.ts";

/**
 * Instagram messaging webhooks → canonical events.
 * `{"object":"instagram","entry":[{"id":IGID,"time":ms,"messaging":[event…]}]}`; `entry` and
 * `messaging` are arrays (Meta batches). Events: `message` (text, attachments, quick-reply taps,
 * `is_deleted` unsends, `is_unsupported` placeholders, `is_echo` copies of our own sends),
 * `postback`, `reaction`, `read` (messaging_seen), `referral`. The App Dashboard's "Test" button
 * wraps one event as `entry[].changes[{field, value}]`, which is read the same way.
 * https://developers.facebook.com/docs/messenger-platform/instagram/features/webhook
 * Dedupe key: `message.mid` (Meta retries until it gets a 200).
 */
export async function parseWebhook(req: WebhookRequest, credentials: Credentials): Promise<InboundEvent[]> {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(req.body));
  } catch {
    throw new MalformedWebhookError("The Instagram webhook body is not JSON.");
  }
  const events: InboundEvent[] = [];
  for (const entry of list(record(body).entry)) {
    const e = record(entry);
    const entryTime = toMs(e.time);
    // `standby`: another app controls the thread (handover protocol); the customer still wrote to us.
    for (const ev of [...list(e.messaging), ...list(e.standby)]) events.push(...parseMessaging(record(ev), entryTime, credentials));
    for (const change of list(e.changes)) events.push(...parseChange(record(change), entryTime, credentials));
  }
  return events;
}

/** Webhook fields whose `changes[].value` is a messaging event (dashboard test deliveries). */
const MESSAGING_FIELDS = new Set(["messages", "messaging_postbacks", "messaging_seen", "message_reactions", "messaging_referral", "message_edit", "standby"]);

function parseChange(change: Rec, entryTime: number, credentials: Credentials): InboundEvent[] {
  const field = str(change.field) ?? "unknown";
  const value = record(change.value);
  if (MESSAGING_FIELDS.has(field)) return parseMessaging(value, entryTime, credentials);
  // Comments, mentions and other non-messaging fields: kept for the agent, never dropped.
  const from = str(record(value.from).id) ?? str(record(value.sender).id) ?? "unknown";
  const at = toMs(value.timestamp) || entryTime;
  return [
    {
      type: "message",
      externalId: `${field}:${str(value.id) ?? `${from}:${at}`}`,
      sender: sender(from, str(record(value.from).username)),
      content: unsupported(`Instagram "${field}" notification`, change),
      at,
    },
  ];
}

function parseMessaging(ev: Rec, entryTime: number, credentials: Credentials): InboundEvent[] {
  const senderId = str(record(ev.sender).id) ?? "unknown";
  const at = toMs(ev.timestamp) || entryTime;
  const fromUs = senderId === credentials.igAccountId;
  const who = sender(senderId);

  if (ev.message !== undefined) {
    const message = record(ev.message);
    // Echoes of messages the account sent (through us or the Instagram app) are not customer messages.
    if (message.is_echo === true || fromUs) return [];
    const mid = str(message.mid) ?? `message:${senderId}:${at}`;
    if (message.is_deleted === true) return [{ type: "delete", externalId: mid, sender: who, at }];
    if (message.is_unsupported === true) {
      return [{ type: "message", externalId: mid, sender: who, content: unsupported("A message Instagram does not share with apps (e.g. a GIF or sticker)", message), at }];
    }
    return messageParts(message).map((part, i) => ({
      type: "message" as const,
      externalId: i === 0 ? mid : `${mid}:${i}`,
      sender: who,
      content: part,
      at,
      ...(str(record(message.reply_to).mid) ? { inReplyTo: str(record(message.reply_to).mid)! } : {}),
    }));
  }

  if (ev.message_edit !== undefined) {
    // Meta documents edits for Messenger; Instagram payloads, if sent, carry the same shape.
    const edit = record(ev.message_edit);
    const mid = str(edit.mid);
    if (!mid || fromUs) return [];
    const text = str(edit.text);
    return [{ type: "edit", externalId: mid, sender: who, content: text ? textContent(text) : unsupported("An edited message", edit), at }];
  }

  if (ev.postback !== undefined) {
    // Icebreaker or generic-template button tap: the customer "said" the button's title.
    const postback = record(ev.postback);
    if (fromUs) return [];
    const payload = str(postback.payload) ?? "";
    const title = str(postback.title) ?? payload;
    return [
      {
        type: "message",
        externalId: str(postback.mid) ?? `postback:${senderId}:${at}:${payload}`,
        sender: who,
        // The payload is our choice id (see send.ts).
        content: title ? choiceAnswer(title.slice(0, 4096), payload) : unsupported("A button tap without a title", postback),
        at,
      },
    ];
  }

  if (ev.reaction !== undefined) {
    const reaction = record(ev.reaction);
    if (fromUs) return [];
    const mid = str(reaction.mid);
    const action = str(reaction.action) ?? "react";
    const emoji = str(reaction.emoji) ?? str(reaction.reaction) ?? "";
    const text = action === "unreact" ? "Removed a reaction from a message" : `Reacted ${emoji} to a message`.replace("  ", " ");
    return [
      {
        type: "message",
        externalId: `reaction:${mid ?? "none"}:${senderId}:${at}:${action}`,
        sender: who,
        content: textContent(text),
        at,
        ...(mid ? { inReplyTo: mid } : {}),
      },
    ];
  }

  if (ev.read !== undefined) {
    // messaging_seen: the customer read one of our messages (`read.mid`); a Messenger-style
    // `watermark` covers everything sent before it. Reads by the account itself are ignored.
    if (fromUs) return [];
    const read = record(ev.read);
    const mid = str(read.mid);
    if (mid) return [{ type: "status", externalMessageId: mid, status: "read", at }];
    const watermark = toMs(read.watermark);
    return watermark ? [{ type: "watermark", sender: who, status: "read", upTo: watermark, at }] : [];
  }

  if (ev.delivery !== undefined) {
    // Not sent for Instagram today; read the Messenger shape should Meta add it.
    if (fromUs) return [];
    const delivery = record(ev.delivery);
    const mids = list(delivery.mids).map(str).filter((m): m is string => !!m);
    if (mids.length) return mids.map((mid) => ({ type: "status" as const, externalMessageId: mid, status: "delivered" as const, at }));
    const watermark = toMs(delivery.watermark);
    return watermark ? [{ type: "watermark", sender: who, status: "delivered", upTo: watermark, at }] : [];
  }

  if (ev.referral !== undefined) {
    const referral = record(ev.referral);
    const ref = str(referral.ref);
    return [
      {
        type: "message",
        externalId: `referral:${senderId}:${at}`,
        sender: who,
        content: unsupported(`Opened the chat from an ig.me link${ref ? ` (ref: ${ref.slice(0, 150)})` : ""}`, ev),
        at,
      },
    ];
  }

  if (fromUs) return [];
  const kind = Object.keys(ev).find((k) => !["sender", "recipient", "timestamp"].includes(k)) ?? "unknown";
  return [{ type: "message", externalId: `${kind}:${senderId}:${at}`, sender: who, content: unsupported(`Instagram "${kind}" event`, ev), at }];
}

/** One canonical content per attachment, then the text (a story reply keeps its story link). */
function messageParts(message: Rec): MessageContent[] {
  const parts = list(message.attachments).map((a) => attachmentContent(record(a)));
  const text = str(message.text);
  const story = record(record(message.reply_to).story);
  const storyUrl = str(story.url);
  if (text !== undefined && text !== "") {
    // A quick-reply tap arrives as text plus `quick_reply.payload`; the text is the reply's title,
    // the payload our choice id.
    const body = (storyUrl ? `${text}\n\n(Reply to your story: ${storyUrl})` : text).slice(0, 4096);
    parts.push(choiceAnswer(body, str(record(message.quick_reply).payload)));
  } else if (storyUrl && parts.length === 0) {
    parts.push(textContent(`Replied to your story: ${storyUrl}`));
  }
  if (parts.length === 0) parts.push(unsupported("An empty Instagram message", message));
  return parts;
}

function attachmentContent(attachment: Rec): MessageContent {
  const type = str(attachment.type) ?? "unknown";
  const payload = record(attachment.payload);
  const url = str(payload.url);
  const title = str(payload.title) ?? str(attachment.title);
  switch (type) {
    case "image":
      return media(url, attachment, (u) => ({ kind: "image", url: u, mimeType: payload.sticker_id !== undefined ? "image/png" : "image/jpeg" }));
    case "sticker":
      return media(url, attachment, (u) => ({ kind: "image", url: u, mimeType: "image/png" }));
    case "animated_image":
      return media(url, attachment, (u) => ({ kind: "image", url: u, mimeType: "image/gif" }));
    case "video":
      return media(url, attachment, (u) => ({ kind: "video", url: u, mimeType: "video/mp4" }));
    case "audio":
      // Instagram's only audio is a recorded voice message (AAC in an MP4 container).
      return media(url, attachment, (u) => ({ kind: "audio", url: u, mimeType: "audio/mp4", voice: true }));
    case "file":
      return media(url, attachment, (u) => ({ kind: "file", url: u, mimeType: "application/octet-stream", filename: filenameOf(url!, str(payload.name) ?? title) }));
    case "location": {
      const coordinates = record(payload.coordinates);
      const latitude = num(coordinates.lat);
      const longitude = num(coordinates.long);
      if (latitude === undefined || longitude === undefined) return unsupported("A location without coordinates", attachment);
      return { kind: "location", latitude, longitude, ...(title ? { name: title.slice(0, 256) } : {}) };
    }
    // Shares carry only a link (the carousel's first image for posts); the agent gets the link.
    case "share":
    case "ig_post":
    case "post":
      return url ? textContent(`Shared a post${title ? ` "${title}"` : ""}: ${url}`) : unsupported("A shared post", attachment);
    case "ig_reel":
    case "reel":
      return url ? textContent(`Shared a reel${title ? ` "${title}"` : ""}: ${url}`) : unsupported("A shared reel", attachment);
    case "story_mention":
      // The story's media link expires with the story (24 h).
      return url ? textContent(`Mentioned you in their story: ${url}`) : unsupported("A story mention", attachment);
    case "fallback":
      return url ? textContent(`${title ? `${title}: ` : ""}${url}`) : unsupported("A link Instagram could not preview", attachment);
    default:
      return unsupported(`An Instagram "${type}" attachment`, attachment);
  }
}

/** Media keeps Meta's CDN link as its id; `downloadMedia` fetches it while it is still valid. */
function media(url: string | undefined, raw: Rec, build: (url: string) => MessageContent): MessageContent {
  if (!url) return unsupported(`An Instagram ${str(raw.type) ?? "media"} attachment without a link`, raw);
  const ref = PLATFORM_MEDIA_PREFIX + url;
  if (ref.length > 2048) return unsupported(`An Instagram ${str(raw.type) ?? "media"} attachment with an over-long link`, raw);
  return build(ref);
}

function filenameOf(url: string, given: string | undefined): string {
  if (given) return given.slice(0, 255);
  try {
    const last = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
    if (/\.[A-Za-z0-9]{1,8}$/.test(last)) return last.slice(0, 255);
  } catch {
    // not a URL: fall through
  }
  return "attachment";
}

const textContent = (text: string): MessageContent => ({ kind: "text", text: text.slice(0, 4096) });
const unsupported = (description: string, raw: unknown): MessageContent => ({ kind: "unsupported", description: description.slice(0, 256), raw });
const sender = (id: string, name?: string): InboundSender => (name ? { externalId: id, name } : { externalId: id });

type Rec = Record<string, unknown>;
function record(value: unknown): Rec {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Rec) : {};
}
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}
function num(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}
/** Meta's messaging timestamps are milliseconds; seconds are accepted too, just in case. */
function toMs(value: unknown): number {
  const n = num(value);
  if (n === undefined || n <= 0) return 0;
  return n < 1e12 ? Math.round(n * 1000) : n;
}
