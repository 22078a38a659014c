import type { MessageContent } from "@inbox/shared";
import { z } from "zod";
import { MalformedWebhookError, readJsonBody } from "../src/malformed.ts";
import { choiceAnswer } from "../src/choice-answer.ts";
import { PLATFORM_MEDIA_PREFIX, type InboundEvent, type InboundSender, type WebhookRequest } from "../src/connector.ts";

/**
 * LINE webhook bodies → canonical events. Shapes from line/line-openapi `webhook.yml`
 * (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects).
 * Messages are keyed by `message.id`, so a redelivered webhook maps to the same message; every
 * other event that becomes a message is keyed by its `webhookEventId` (a ULID).
 */

interface LineSource {
  type?: string;
  userId?: string;
  groupId?: string;
  roomId?: string;
}

interface LineContentProvider {
  type?: "line" | "external";
  originalContentUrl?: string;
  previewImageUrl?: string;
}

interface LineMessage {
  id: string;
  type: string;
  text?: string;
  quotedMessageId?: string;
  contentProvider?: LineContentProvider;
  duration?: number;
  fileName?: string;
  fileSize?: number;
  title?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  packageId?: string;
  stickerId?: string;
  stickerResourceType?: string;
  keywords?: string[];
}

export interface LineEvent {
  type: string;
  timestamp: number;
  webhookEventId?: string;
  mode?: string;
  source?: LineSource;
  deliveryContext?: { isRedelivery?: boolean };
  replyToken?: string;
  message?: LineMessage;
  postback?: { data?: string; params?: Record<string, string> };
  unsend?: { messageId?: string };
  follow?: { isUnblocked?: boolean };
  joined?: { members?: LineSource[] };
  left?: { members?: LineSource[] };
}

export interface LineWebhookBody {
  destination?: string;
  events?: LineEvent[];
}

/** Postback data of the buttons and quick replies we send (see send.ts): `reply=<id>&title=<title>`. */
export const POSTBACK_REPLY_KEY = "reply";
export const POSTBACK_TITLE_KEY = "title";

/** Sticker ids are prefixed so downloadMedia knows to fetch them from LINE's sticker CDN. */
export const STICKER_MEDIA_PREFIX = "sticker:";

/** The shape parse relies on (types of the fields it reads); anything else passes through. */
const Text = z.string();
const Source = z.looseObject({ type: Text.optional(), userId: Text.optional(), groupId: Text.optional(), roomId: Text.optional() });
const Id = z.union([Text, z.number()]).transform(String);
const LineMessageSchema = z.looseObject({
  id: Id,
  type: Text,
  text: Text.optional(),
  quotedMessageId: Id.optional(),
  contentProvider: z.looseObject({ type: Text.optional(), originalContentUrl: Text.optional(), previewImageUrl: Text.optional() }).optional(),
  duration: z.number().optional(),
  fileName: Text.optional(),
  fileSize: z.number().optional(),
  title: Text.optional(),
  address: Text.optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  stickerId: Id.optional(),
  keywords: z.array(Text).optional(),
});
const BodySchema = z.looseObject({
  destination: Text.optional(),
  events: z
    .array(
      z.looseObject({
        type: Text,
        timestamp: z.number().optional(),
        webhookEventId: Text.optional(),
        source: Source.optional(),
        message: LineMessageSchema.optional(),
        postback: z.looseObject({ data: Text.optional(), params: z.record(Text, Text).optional() }).optional(),
        unsend: z.looseObject({ messageId: Id.optional() }).optional(),
        joined: z.looseObject({ members: z.array(Source).optional() }).optional(),
        left: z.looseObject({ members: z.array(Source).optional() }).optional(),
      }),
    )
    .optional(),
});

export async function parse(req: WebhookRequest): Promise<InboundEvent[]> {
  const checked = BodySchema.safeParse(readJsonBody(req.body, "LINE"));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new MalformedWebhookError(`The LINE webhook is not shaped as LINE sends it (${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}).`);
  }
  const body = checked.data as LineWebhookBody;
  // The console's "Verify" button and LINE's connectivity checks send `events: []`.
  const events = Array.isArray(body.events) ? body.events : [];
  const out: InboundEvent[] = [];
  for (const event of events) {
    const parsed = parseEvent(event, body.destination);
    if (parsed) out.push(parsed);
  }
  return out;
}

function parseEvent(event: LineEvent, destination: string | undefined): InboundEvent | null {
  const at = typeof event.timestamp === "number" ? event.timestamp : Date.now();
  const sender = senderOf(event.source);
  switch (event.type) {
    case "message": {
      if (!sender || !event.message) break;
      const message = event.message;
      return {
        type: "message",
        externalId: String(message.id),
        sender,
        content: messageContent(message),
        at,
        ...(message.quotedMessageId ? { inReplyTo: String(message.quotedMessageId) } : {}),
      };
    }
    case "postback": {
      if (!sender || !event.postback) break;
      return { type: "message", externalId: eventId(event), sender, content: choiceAnswer(postbackText(event.postback), postbackChoiceId(event.postback)), at };
    }
    case "unsend": {
      if (!sender || !event.unsend?.messageId) break;
      return { type: "delete", externalId: String(event.unsend.messageId), sender, at };
    }
    // A follow is both "added as a friend" and "unblocked" (`follow.isUnblocked`); either way
    // pushes reach the user again. Unfollow is LINE's block: pushes still answer 200 but deliver nothing.
    case "follow":
      if (sender) return { type: "unblocked", sender, at };
      break;
    case "unfollow":
      if (sender) return { type: "blocked", sender, at };
      break;
    // For a group or room conversation the bot being removed is the same as a block.
    case "join":
      if (sender) return { type: "unblocked", sender, at };
      break;
    case "leave":
      if (sender) return { type: "blocked", sender, at };
      break;
  }
  // Anything else (member joined/left, beacon, account link, membership, module events, PNP
  // delivery, future types) is kept as an unsupported message rather than dropped.
  return {
    type: "message",
    externalId: eventId(event),
    sender: sender ?? { externalId: destination ?? "line", name: "LINE Official Account" },
    content: { kind: "unsupported", description: describe(event).slice(0, 256), raw: event },
    at,
  };
}

/**
 * One conversation per 1:1 user, group or room: a push to a group goes to its groupId, so the
 * group (not the member who wrote) is the contact.
 */
function senderOf(source: LineSource | undefined): InboundSender | null {
  if (!source) return null;
  if (source.type === "group" && source.groupId) return { externalId: source.groupId };
  if (source.type === "room" && source.roomId) return { externalId: source.roomId };
  if (source.userId) return { externalId: source.userId };
  return null;
}

function eventId(event: LineEvent): string {
  return event.webhookEventId ?? `${event.type}:${event.timestamp}:${event.source?.userId ?? event.source?.groupId ?? event.source?.roomId ?? ""}`;
}

function mediaUrl(message: LineMessage): string {
  // Content an external provider (e.g. a LINE app extension) holds is not on LINE's content API.
  if (message.contentProvider?.type === "external" && message.contentProvider.originalContentUrl) return message.contentProvider.originalContentUrl;
  return `${PLATFORM_MEDIA_PREFIX}${message.id}`;
}

function messageContent(message: LineMessage): MessageContent {
  switch (message.type) {
    case "text":
      if (message.text) return { kind: "text", text: message.text };
      break;
    case "image":
      return { kind: "image", url: mediaUrl(message), mimeType: "image/jpeg" };
    case "video":
      return { kind: "video", url: mediaUrl(message), mimeType: "video/mp4" };
    case "audio":
      // The LINE app only sends recorded voice messages as `audio` (shared audio files arrive as `file`).
      return {
        kind: "audio",
        url: mediaUrl(message),
        mimeType: "audio/mp4",
        voice: true,
        ...(typeof message.duration === "number" ? { durationSec: Math.round(message.duration / 100) / 10 } : {}),
      };
    case "file": {
      const filename = (message.fileName ?? "file").slice(0, 255);
      return {
        kind: "file",
        url: `${PLATFORM_MEDIA_PREFIX}${message.id}`,
        mimeType: mimeTypeOf(filename),
        filename,
        ...(typeof message.fileSize === "number" && message.fileSize >= 0 ? { size: Math.floor(message.fileSize) } : {}),
      };
    }
    case "location":
      if (typeof message.latitude === "number" && typeof message.longitude === "number") {
        return {
          kind: "location",
          latitude: message.latitude,
          longitude: message.longitude,
          ...(message.title ? { name: message.title.slice(0, 256) } : {}),
          ...(message.address ? { address: message.address.slice(0, 512) } : {}),
        };
      }
      break;
    case "sticker":
      if (message.stickerId) {
        const caption = message.text ?? (message.keywords?.length ? `Sticker: ${message.keywords.slice(0, 3).join(", ")}` : "Sticker");
        return { kind: "image", url: `${PLATFORM_MEDIA_PREFIX}${STICKER_MEDIA_PREFIX}${message.stickerId}`, mimeType: "image/png", caption: caption.slice(0, 1024) };
      }
      break;
  }
  return { kind: "unsupported", description: `LINE ${message.type} message`.slice(0, 256), raw: message };
}

/**
 * A tap on one of our buttons or quick replies carries `reply=<id>&title=<title>`; rich menus and
 * other tools send their own data, shown as is (with a date/time picker's choice).
 */
/** Our choice id in a tap on our buttons / quick replies (`reply=<id>`); none for other postbacks. */
function postbackChoiceId(postback: { data?: string }): string | undefined {
  const data = postback.data ?? "";
  return data.startsWith(`${POSTBACK_REPLY_KEY}=`) ? (new URLSearchParams(data).get(POSTBACK_REPLY_KEY) ?? undefined) : undefined;
}

function postbackText(postback: { data?: string; params?: Record<string, string> }): string {
  const data = postback.data ?? "";
  if (data.startsWith(`${POSTBACK_REPLY_KEY}=`)) {
    const params = new URLSearchParams(data);
    const title = params.get(POSTBACK_TITLE_KEY) || params.get(POSTBACK_REPLY_KEY);
    if (title) return title;
  }
  const picked = Object.entries(postback.params ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  const text = picked ? (data ? `${data} (${picked})` : picked) : data;
  return text || "(empty postback)";
}

function describe(event: LineEvent): string {
  switch (event.type) {
    case "memberJoined":
      return `${event.joined?.members?.length ?? "Some"} member(s) joined the LINE group`;
    case "memberLeft":
      return `${event.left?.members?.length ?? "Some"} member(s) left the LINE group`;
    case "message":
    case "postback":
    case "unsend":
      return `LINE ${event.type} event without a sender`;
    default:
      return `LINE ${event.type} event`;
  }
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  zip: "application/zip",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  mp4: "video/mp4",
  mov: "video/quicktime",
};

function mimeTypeOf(filename: string): string {
  const ext = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  return MIME_BY_EXTENSION[ext] ?? "application/octet-stream";
}
