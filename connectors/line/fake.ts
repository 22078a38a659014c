import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Credentials } from "../src/connector.ts";
import { FakePlatform, type FakeHandler, type FakeReply, type RecordedRequest } from "../src/testing/fake-platform.ts";
import type { LineEvent, LineWebhookBody } from "./parse.ts";

/**
 * A LINE Messaging API stand-in for tests and the demo simulator: push/reply answer with
 * `sentMessages` (and 409 for a repeated X-Line-Retry-Key, as LINE does), bot info and quota
 * endpoints answer like LINE, and content (api-data.line.me) and sticker CDN paths serve bytes.
 * Paths are matched at their end, so the fake also works behind a path prefix.
 */

export interface FakeLineOptions {
  /** Content served for these message ids (`GET /v2/bot/message/{id}/content`); any other id gets FAKE_LINE_CONTENT. */
  contents?: Map<string, { bytes: Uint8Array; mimeType: string }>;
  /** When set, any other Bearer token gets LINE's 401. */
  channelAccessToken?: string;
  /** Monthly quota (`limit: null` = unlimited) and usage, for the quota endpoints. */
  quota?: { limit: number | null; used: number };
  displayName?: string;
  /** Customers' profiles by userId (`GET /v2/bot/profile/{userId}`); tests set and change them. Unknown users get LINE's 404. */
  profiles?: Map<string, FakeLineProfile>;
}

/** A user as LINE's profile endpoint describes them. */
export interface FakeLineProfile {
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
  language?: string;
}

export const FAKE_LINE_BOT_USER_ID = "U0123456789abcdef0123456789abcdef";

/** A minimal JPEG (SOI … EOI) served as message content. */
export const FAKE_LINE_CONTENT = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
/** The PNG signature and an IHDR start, served as sticker images. */
export const FAKE_LINE_STICKER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

export function createFakeLine(options: FakeLineOptions = {}): FakePlatform {
  return new FakePlatform(lineFakeHandler(options));
}

/** The fake's default behaviour, exported so a test can answer one endpoint differently and defer the rest. */
export function lineFakeHandler(options: FakeLineOptions = {}): FakeHandler {
  const acceptedRetryKeys = new Map<string, { requestId: string; sentMessages: { id: string; quoteToken: string }[] }>();
  return (req) => {
    const auth = header(req, "authorization");
    const token = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length) : "";
    const isSticker = /\/stickershop\/v1\/sticker\/[^/]+\/[^/]+\/[^/]+$/.test(req.path);
    if (isSticker) return { status: 200, headers: { "content-type": "image/png" }, body: FAKE_LINE_STICKER };
    if (!token || (options.channelAccessToken !== undefined && token !== options.channelAccessToken)) return errorReply("token_expired");

    if (req.method === "POST" && /\/v2\/bot\/message\/(push|reply)$/.test(req.path)) {
      const body = safeJson(req) as { to?: string; replyToken?: string; messages?: unknown[] } | null;
      const count = Array.isArray(body?.messages) ? body.messages.length : 0;
      if (count < 1 || count > 5) return lineError(400, "The request body has 1 error(s)", [{ message: "Size must be between 1 and 5", property: "messages" }]);
      const retryKey = header(req, "x-line-retry-key");
      const previous = retryKey ? acceptedRetryKeys.get(retryKey) : undefined;
      if (previous) {
        return { status: 409, headers: { "x-line-accepted-request-id": previous.requestId }, body: { message: "The retry key is already accepted", sentMessages: previous.sentMessages } };
      }
      const sentMessages = Array.from({ length: count }, () => ({ id: messageId(), quoteToken: randomBytes(12).toString("base64url") }));
      if (retryKey) acceptedRetryKeys.set(retryKey, { requestId: randomUUID(), sentMessages });
      return { status: 200, headers: { "x-line-request-id": randomUUID() }, body: { sentMessages } };
    }
    if (req.method === "GET" && /\/v2\/bot\/info$/.test(req.path)) {
      return {
        body: {
          userId: FAKE_LINE_BOT_USER_ID,
          basicId: "@123abcde",
          displayName: options.displayName ?? "Demo Support",
          pictureUrl: "https://profile.line-scdn.net/abcdefghijklmn",
          chatMode: "chat",
          markAsReadMode: "manual",
        },
      };
    }
    const profileOf = /\/v2\/bot\/profile\/([^/]+)$/.exec(req.path);
    if (req.method === "GET" && profileOf) {
      const userId = decodeURIComponent(profileOf[1]!);
      const profile = options.profiles?.get(userId);
      return profile ? { body: { userId, ...profile } } : lineError(404, "Not found");
    }
    if (req.method === "GET" && /\/v2\/bot\/message\/quota$/.test(req.path)) {
      const limit = options.quota ? options.quota.limit : 1000;
      return { body: limit === null ? { type: "none" } : { type: "limited", value: limit } };
    }
    if (req.method === "GET" && /\/v2\/bot\/message\/quota\/consumption$/.test(req.path)) {
      return { body: { totalUsage: options.quota?.used ?? 0 } };
    }
    if (req.method === "GET" && /\/v2\/bot\/message\/[^/]+\/content\/transcoding$/.test(req.path)) {
      return { body: { status: "succeeded" } };
    }
    if (req.method === "GET" && /\/v2\/bot\/message\/[^/]+\/content$/.test(req.path)) {
      const own = options.contents?.get(/\/v2\/bot\/message\/([^/]+)\/content$/.exec(req.path)![1]!);
      if (own) return { status: 200, headers: { "content-type": own.mimeType }, body: own.bytes };
      return { status: 200, headers: { "content-type": "image/jpeg" }, body: FAKE_LINE_CONTENT };
    }
    if (req.method === "POST" && /\/v2\/bot\/chat\/(markAsRead|loading\/start)$/.test(req.path)) return { status: 200, body: {} };
    return lineError(404, "Not found");
  };
}

/**
 * LINE's documented answers for the inbox's failure states
 * (https://developers.line.biz/en/reference/messaging-api/#status-codes). LINE has no
 * "blocked" error: a push to a user who blocked the account answers 200 and is silently
 * dropped (FAQ), so `blocked` is that 200. It has no messaging window either: the nearest is
 * an expired reply token (400), which `window_closed` returns.
 */
export type LineErrorKind = "blocked" | "token_expired" | "rate_limited" | "monthly_limit" | "window_closed" | "rejected" | "forbidden" | "server_error" | "duplicate";

export function errorReply(kind: LineErrorKind): FakeReply {
  switch (kind) {
    case "blocked":
      return { status: 200, body: { sentMessages: [{ id: messageId(), quoteToken: randomBytes(12).toString("base64url") }] } };
    case "token_expired":
      return lineError(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
    case "rate_limited":
      return lineError(429, "The API rate limit has been exceeded. Try again later.");
    case "monthly_limit":
      return lineError(429, "You have reached your monthly limit.");
    case "window_closed":
      return lineError(400, "Invalid reply token");
    case "rejected":
      return lineError(400, "The request body has 1 error(s)", [{ message: "Must be non-empty text", property: "messages[0].text" }]);
    case "forbidden":
      return lineError(403, "Access to this API is not available for your account");
    case "server_error":
      return lineError(500, "An error occurred in the backend server");
    case "duplicate":
      return { status: 409, headers: { "x-line-accepted-request-id": randomUUID() }, body: { message: "The retry key is already accepted" } };
  }
}

function lineError(status: number, message: string, details?: { message: string; property: string }[]): FakeReply {
  return { status, headers: { "x-line-request-id": randomUUID() }, body: details ? { message, details } : { message } };
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/** Signs exactly as LINE does: x-line-signature = Base64(HMAC-SHA256(channel secret, raw body)). */
export function buildWebhook(payload: LineWebhookBody | string, credentials: Credentials): { headers: Record<string, string>; body: string } {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const signature = createHmac("sha256", credentials.channelSecret ?? "").update(body, "utf8").digest("base64");
  return { headers: { "content-type": "application/json; charset=utf-8", "x-line-signature": signature, "user-agent": "LineBotWebhook/2.0" }, body };
}

export interface EventOptions {
  /** The user's id (U + 32 hex). */
  from: string;
  /** Put the event in a group (or room) chat instead of a 1:1 chat. */
  groupId?: string;
  roomId?: string;
  at?: number;
  webhookEventId?: string;
}

/** A webhook body with several events (LINE batches them). */
export function webhookBody(...bodies: LineWebhookBody[]): LineWebhookBody {
  return { destination: FAKE_LINE_BOT_USER_ID, events: bodies.flatMap((b) => b.events ?? []) };
}

/** What the console's "Verify" button sends. */
export function verifyPing(): LineWebhookBody {
  return { destination: FAKE_LINE_BOT_USER_ID, events: [] };
}

/** The same webhook again, as LINE's redelivery sends it (same event ids, `isRedelivery: true`). */
export function redelivered(body: LineWebhookBody): LineWebhookBody {
  return { ...body, events: (body.events ?? []).map((e) => ({ ...e, deliveryContext: { isRedelivery: true } })) };
}

export function textMessage(o: EventOptions & { id?: string; text: string; quotedMessageId?: string }): LineWebhookBody {
  return messageEvent(o, {
    id: o.id ?? messageId(),
    type: "text",
    text: o.text,
    quoteToken: token(),
    markAsReadToken: token(),
    ...(o.quotedMessageId ? { quotedMessageId: o.quotedMessageId } : {}),
  });
}

/** `external` = content held by another provider (LINE sends its URLs instead of storing it). */
export function imageMessage(o: EventOptions & { id?: string; external?: string; imageSet?: { id: string; index: number; total: number } }): LineWebhookBody {
  return messageEvent(o, {
    id: o.id ?? messageId(),
    type: "image",
    quoteToken: token(),
    contentProvider: o.external ? { type: "external", originalContentUrl: o.external, previewImageUrl: o.external } : { type: "line" },
    ...(o.imageSet ? { imageSet: o.imageSet } : {}),
  });
}

export function videoMessage(o: EventOptions & { id?: string; durationMs?: number }): LineWebhookBody {
  return messageEvent(o, { id: o.id ?? messageId(), type: "video", quoteToken: token(), duration: o.durationMs ?? 8000, contentProvider: { type: "line" } });
}

/** A voice message recorded in the LINE app. */
export function audioMessage(o: EventOptions & { id?: string; durationMs?: number }): LineWebhookBody {
  return messageEvent(o, { id: o.id ?? messageId(), type: "audio", duration: o.durationMs ?? 4200, contentProvider: { type: "line" } });
}

export function fileMessage(o: EventOptions & { id?: string; fileName: string; fileSize: number }): LineWebhookBody {
  return messageEvent(o, { id: o.id ?? messageId(), type: "file", fileName: o.fileName, fileSize: o.fileSize });
}

export function locationMessage(o: EventOptions & { id?: string; latitude: number; longitude: number; title?: string; address?: string }): LineWebhookBody {
  return messageEvent(o, {
    id: o.id ?? messageId(),
    type: "location",
    latitude: o.latitude,
    longitude: o.longitude,
    ...(o.title ? { title: o.title } : {}),
    ...(o.address ? { address: o.address } : {}),
  });
}

export function stickerMessage(o: EventOptions & { id?: string; packageId?: string; stickerId: string; keywords?: string[]; text?: string }): LineWebhookBody {
  return messageEvent(o, {
    id: o.id ?? messageId(),
    type: "sticker",
    quoteToken: token(),
    packageId: o.packageId ?? "446",
    stickerId: o.stickerId,
    stickerResourceType: o.text ? "MESSAGE" : "STATIC",
    ...(o.keywords ? { keywords: o.keywords } : {}),
    ...(o.text ? { text: o.text } : {}),
  });
}

/** A message type this connector does not know (LINE adds types over time). */
export function unknownMessage(o: EventOptions & { id?: string; type: string; extra?: Record<string, unknown> }): LineWebhookBody {
  return messageEvent(o, { id: o.id ?? messageId(), type: o.type, ...o.extra });
}

/** A tap on a button or quick reply with a postback action (or a rich menu / date picker). */
export function postback(o: EventOptions & { data: string; params?: Record<string, string> }): LineWebhookBody {
  return single(o, "postback", { replyToken: token(), postback: { data: o.data, ...(o.params ? { params: o.params } : {}) } });
}

export function unsend(o: EventOptions & { messageId: string }): LineWebhookBody {
  return single(o, "unsend", { unsend: { messageId: o.messageId } });
}

/** Added as a friend, or unblocked (`isUnblocked: true`). */
export function follow(o: EventOptions & { isUnblocked?: boolean }): LineWebhookBody {
  return single(o, "follow", { replyToken: token(), follow: { isUnblocked: o.isUnblocked ?? false } });
}

/** The user blocked the LINE Official Account. */
export function unfollow(o: EventOptions): LineWebhookBody {
  return single(o, "unfollow", {});
}

export function join(o: Omit<EventOptions, "from"> & { groupId: string }): LineWebhookBody {
  return single({ ...o, from: "" }, "join", { replyToken: token() });
}

export function leave(o: Omit<EventOptions, "from"> & { groupId: string }): LineWebhookBody {
  return single({ ...o, from: "" }, "leave", {});
}

export function memberJoined(o: Omit<EventOptions, "from"> & { groupId: string; members: string[] }): LineWebhookBody {
  return single({ ...o, from: "" }, "memberJoined", { replyToken: token(), joined: { members: o.members.map((userId) => ({ type: "user", userId })) } });
}

/** Any other event type, shaped like LINE's common event fields. */
export function otherEvent(o: EventOptions & { type: string; extra?: Record<string, unknown> }): LineWebhookBody {
  return single(o, o.type, o.extra ?? {});
}

// ---------------------------------------------------------------------------------------------

function messageEvent(o: EventOptions, message: Record<string, unknown>): LineWebhookBody {
  return single(o, "message", { replyToken: token(), message });
}

function single(o: EventOptions, type: string, extra: Record<string, unknown>): LineWebhookBody {
  const source = o.groupId
    ? { type: "group", groupId: o.groupId, ...(o.from ? { userId: o.from } : {}) }
    : o.roomId
      ? { type: "room", roomId: o.roomId, ...(o.from ? { userId: o.from } : {}) }
      : { type: "user", userId: o.from };
  const event = {
    type,
    mode: "active",
    timestamp: o.at ?? Date.now(),
    source,
    webhookEventId: o.webhookEventId ?? ulid(),
    deliveryContext: { isRedelivery: false },
    ...extra,
  } as LineEvent;
  return { destination: FAKE_LINE_BOT_USER_ID, events: [event] };
}

function header(req: RecordedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function safeJson(req: RecordedRequest): unknown {
  try {
    return req.json();
  } catch {
    return null;
  }
}

/** LINE message ids are numeric strings. */
function messageId(): string {
  return (BigInt(`0x${randomBytes(8).toString("hex")}`) % 10n ** 18n).toString().padStart(18, "4");
}

function token(): string {
  return randomBytes(16).toString("hex");
}

/** A ULID-shaped id (Crockford Base32, time first), like `webhookEventId`. */
function ulid(): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let time = Date.now();
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = alphabet[time % 32] + out;
    time = Math.floor(time / 32);
  }
  for (const b of randomBytes(16)) out += alphabet[b % 32];
  return out;
}
