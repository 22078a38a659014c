import { createHmac, randomUUID } from "node:crypto";
import type { Credentials } from "../src/connector.ts";
import { FakePlatform, type FakeHandler, type FakeReply, type RecordedRequest } from "../src/testing/fake-platform.ts";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "../src/demo-media/media.ts";

/**
 * A stand-in for the Graph API's Messenger endpoints (Send API, `GET /me`, CDN media) plus the
 * webhook payloads Meta would post, for tests and the demo simulator. Shapes follow
 * https://developers.facebook.com/docs/messenger-platform/reference/ (send-api, webhook-events).
 */

/** Real files served by name (`fakeMediaUrl(base, PHOTO_JPEG.filename)`): the demo's photo, voice note and invoice. */
export const FAKE_MEDIA_FILES: Record<string, { bytes: Uint8Array; mimeType: string }> = {
  [PHOTO_JPEG.filename]: PHOTO_JPEG,
  [VOICE_OGG.filename]: VOICE_OGG,
  [INVOICE_PDF.filename]: INVOICE_PDF,
};

export const FAKE_PAGE_ID = "104857600123456";
export const FAKE_PAGE_NAME = "Demo Shop";

/** A 1×1 PNG, served for every `/media/*` path. */
export const FAKE_MEDIA_BYTES = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);

export interface FakeMessengerOptions {
  pageId?: string;
  pageName?: string;
  /** When set, requests with another Bearer token get Graph's error 190. */
  pageAccessToken?: string;
  /** Customers' profiles by PSID (User Profile API); tests set and change them. Unknown PSIDs get Graph's error 100/33. */
  profiles?: Map<string, FakeMessengerProfile>;
}

/** A customer as the User Profile API describes them (`GET /{PSID}?fields=first_name,last_name,profile_pic`). */
export interface FakeMessengerProfile {
  first_name?: string;
  last_name?: string;
  profile_pic?: string;
}

const MEDIA_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  mp4: "video/mp4",
  m4a: "audio/mp4",
  pdf: "application/pdf",
};

export function createFakeMessenger(options: FakeMessengerOptions = {}): FakePlatform {
  return new FakePlatform(messengerFakeHandler(options));
}

/** The fake's default answers (documented success bodies), e.g. to restore after `respondWith(errorReply(…))`. */
export function messengerFakeHandler(options: FakeMessengerOptions = {}): FakeHandler {
  const pageId = options.pageId ?? FAKE_PAGE_ID;
  const pageName = options.pageName ?? FAKE_PAGE_NAME;
  let sent = 0;
  return (req) => {
    if (req.method === "GET" && req.path.startsWith("/media/")) {
      const real = FAKE_MEDIA_FILES[req.path.slice("/media/".length)];
      if (real) return { status: 200, headers: { "content-type": real.mimeType }, body: real.bytes };
      const extension = req.path.split(".").pop()?.toLowerCase() ?? "";
      return { status: 200, headers: { "content-type": MEDIA_TYPES[extension] ?? "application/octet-stream" }, body: FAKE_MEDIA_BYTES };
    }
    if (options.pageAccessToken && bearerOf(req) !== options.pageAccessToken) return errorReply("token_expired");
    if (req.method === "GET" && (req.path === "/me" || req.path === `/${pageId}`)) {
      return { status: 200, body: { id: pageId, name: pageName } };
    }
    if (req.method === "POST" && (req.path === "/me/messages" || req.path === `/${pageId}/messages`)) {
      const recipient = recipientOf(req);
      if (!recipient) return graphError(400, { message: "(#100) The parameter recipient is required", code: 100 });
      sent += 1;
      return { status: 200, body: { recipient_id: recipient, message_id: `m_fake${sent}_${randomUUID().replace(/-/g, "")}` } };
    }
    if (req.method === "GET" && /^\/\d+$/.test(req.path)) {
      const psid = req.path.slice(1);
      const profile = options.profiles?.get(psid);
      if (profile) return { status: 200, body: { ...profile, id: psid } };
    }
    return graphError(400, { message: `(#100) Unsupported ${req.method.toLowerCase()} request.`, code: 100, error_subcode: 33 });
  };
}

/** Where the fake serves media: use as `url` in the attachment payload builders below. */
export function fakeMediaUrl(baseUrl: string, name = "photo.jpg"): string {
  return `${baseUrl}/media/${name}`;
}

function bearerOf(req: RecordedRequest): string | undefined {
  const header = req.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  return value?.replace(/^Bearer\s+/i, "") ?? req.query.get("access_token") ?? undefined;
}

function recipientOf(req: RecordedRequest): string | undefined {
  try {
    const body = req.json() as { recipient?: { id?: string } };
    return body.recipient?.id;
  } catch {
    // multipart upload: `recipient` is a JSON form field
    const match = /name="recipient"\r\n\r\n(\{[^\r]*\})/.exec(req.text);
    if (!match?.[1]) return undefined;
    return (JSON.parse(match[1]) as { id?: string }).id;
  }
}

// ---- Graph errors -------------------------------------------------------------------------

export type FakeErrorKind = "blocked" | "token_expired" | "rate_limited" | "window_closed" | "rejected" | "retry";

function graphError(status: number, error: { message: string; code: number; error_subcode?: number; type?: string; is_transient?: boolean }, headers?: Record<string, string>): FakeReply {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: { error: { type: "OAuthException", ...error, fbtrace_id: "AbCdEfGhIjK" } },
  };
}

/** The Graph error Meta documents for each failure state (Messenger common error codes). */
export function errorReply(kind: FakeErrorKind): FakeReply {
  switch (kind) {
    case "blocked":
      return graphError(400, { message: "(#551) This person isn't available right now.", code: 551, error_subcode: 1545041 });
    case "token_expired":
      return graphError(400, {
        message: "Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.",
        code: 190,
        error_subcode: 463,
      });
    case "rate_limited":
      return graphError(
        400,
        { message: "(#613) Calls to this api have exceeded the rate limit.", code: 613 },
        {
          "x-business-use-case-usage": JSON.stringify({
            [FAKE_PAGE_ID]: [{ type: "messenger", call_count: 100, total_cputime: 12, total_time: 30, estimated_time_to_regain_access: 5 }],
          }),
        },
      );
    case "window_closed":
      return graphError(400, {
        message: "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
        code: 10,
        error_subcode: 2018278,
      });
    case "rejected":
      return graphError(400, { message: "(#100) Upload attachment failure.", code: 100, error_subcode: 2018047, type: "OAuthException" });
    case "retry":
      return graphError(500, { message: "An unexpected error has occurred. Please retry your request later.", code: 2, is_transient: true });
  }
}

// ---- Webhooks -----------------------------------------------------------------------------

/**
 * Serialises like Meta (non-ASCII escaped as lowercase \uXXXX) and signs the exact bytes:
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>`.
 */
export function buildWebhook(payload: object | string, credentials: Credentials): { headers: Record<string, string>; body: string } {
  const body = typeof payload === "string" ? payload : escapeNonAscii(JSON.stringify(payload));
  const signature = createHmac("sha256", credentials.appSecret ?? "").update(body, "utf8").digest("hex");
  return { headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${signature}` }, body };
}

function escapeNonAscii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The query Meta's subscription check sends to the callback URL. */
export function handshakeQuery(verifyToken: string, challenge = "1158201444"): URLSearchParams {
  return new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": verifyToken, "hub.challenge": challenge });
}

type MessagingEvent = Record<string, unknown>;

/** `{object:"page", entry:[{id, time, messaging:[…]}]}`: several events may share one delivery. */
export function pageWebhook(events: MessagingEvent[], pageId = FAKE_PAGE_ID): Record<string, unknown> {
  const time = Math.max(0, ...events.map((e) => (typeof e.timestamp === "number" ? e.timestamp : 0))) || Date.now();
  return { object: "page", entry: [{ id: pageId, time, messaging: events }] };
}

export interface EventBase {
  /** The customer's PSID. */
  from: string;
  /** Message id (`mid`); generated when omitted. */
  id?: string;
  /** Milliseconds. */
  timestamp?: number;
  pageId?: string;
}

function envelope(base: EventBase, fields: Record<string, unknown>): MessagingEvent {
  return { sender: { id: base.from }, recipient: { id: base.pageId ?? FAKE_PAGE_ID }, timestamp: base.timestamp ?? Date.now(), ...fields };
}

function midOf(base: EventBase): string {
  return base.id ?? `m_${randomUUID().replace(/-/g, "")}`;
}

function single(base: EventBase, fields: Record<string, unknown>): Record<string, unknown> {
  return pageWebhook([envelope(base, fields)], base.pageId);
}

/** Any messaging event (for batching several into one webhook with `pageWebhook`). */
export function messagingEvent(base: EventBase, fields: Record<string, unknown>): MessagingEvent {
  return envelope(base, fields);
}

export function textMessage(o: EventBase & { text: string; replyTo?: string }) {
  return single(o, { message: { mid: midOf(o), text: o.text, ...(o.replyTo ? { reply_to: { mid: o.replyTo, is_self_reply: false } } : {}) } });
}

/** A quick-reply tap: the reply's title as text plus the payload we set. */
export function quickReplyMessage(o: EventBase & { text: string; payload: string }) {
  return single(o, { message: { mid: midOf(o), text: o.text, quick_reply: { payload: o.payload } } });
}

function attachmentMessage(o: EventBase, attachments: Record<string, unknown>[]) {
  return single(o, { message: { mid: midOf(o), attachments } });
}

export function imageMessage(o: EventBase & { url: string }) {
  return attachmentMessage(o, [{ type: "image", payload: { url: o.url } }]);
}

/** Several photos sent at once: one mid, several attachments. */
export function imagesMessage(o: EventBase & { urls: string[] }) {
  return attachmentMessage(o, o.urls.map((url) => ({ type: "image", payload: { url } })));
}

/** Voice clips recorded in Messenger are audio attachments named `audioclip-….mp4`. */
export function audioMessage(o: EventBase & { url: string }) {
  return attachmentMessage(o, [{ type: "audio", payload: { url: o.url } }]);
}

export function videoMessage(o: EventBase & { url: string }) {
  return attachmentMessage(o, [{ type: "video", payload: { url: o.url } }]);
}

export function fileMessage(o: EventBase & { url: string }) {
  return attachmentMessage(o, [{ type: "file", payload: { url: o.url } }]);
}

/** During Meta's transition (until Aug 2026) a sticker comes both as `sticker` and as the old `image` + sticker_id. */
export function stickerMessage(o: EventBase & { url: string; stickerId?: number }) {
  const stickerId = o.stickerId ?? 369239263222822;
  return attachmentMessage(o, [
    { type: "sticker", payload: { url: o.url, sticker_id: stickerId } },
    { type: "image", payload: { url: o.url, sticker_id: stickerId } },
  ]);
}

export function locationMessage(o: EventBase & { latitude: number; longitude: number; title?: string }) {
  return attachmentMessage(o, [
    {
      type: "location",
      title: o.title ?? "Pinned Location",
      url: `https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps%2Fdefault.aspx%3Fcp%3D${o.latitude}%257E${o.longitude}`,
      payload: { coordinates: { lat: o.latitude, long: o.longitude } },
    },
  ]);
}

/** A shared link: the URL as text plus a `fallback` preview attachment. */
export function linkShareMessage(o: EventBase & { link: string; title?: string }) {
  return single(o, {
    message: { mid: midOf(o), text: o.link, attachments: [{ type: "fallback", title: o.title ?? o.link, url: o.link, payload: null }] },
  });
}

/** A kind we do not render (reel shares, posts, appointment bookings, …). */
export function reelShareMessage(o: EventBase & { url: string }) {
  return attachmentMessage(o, [{ type: "ig_reel", payload: { url: o.url, title: "Shared reel", reel_video_id: 1784_0000_0000 } }]);
}

/** A tap on a button-template postback button (field `messaging_postbacks`). */
export function postbackMessage(o: EventBase & { title: string; payload: string }) {
  return single(o, { postback: { title: o.title, payload: o.payload, mid: midOf(o) } });
}

/** The customer edited a message they sent (field `message_edits`). */
export function messageEdit(o: EventBase & { id: string; text: string; numEdit?: number }) {
  return single(o, { message_edit: { mid: o.id, text: o.text, num_edit: o.numEdit ?? 1 } });
}

/** The customer reacted to a message (field `message_reactions`); `id` is the reacted-to mid. */
export function reaction(o: EventBase & { id: string; emoji?: string; action?: "react" | "unreact" }) {
  return single(o, { reaction: { reaction: "love", emoji: o.emoji ?? "\u2764\uFE0F", action: o.action ?? "react", mid: o.id } });
}

/** `message_deliveries`: everything the Page sent before `watermark` reached the customer. */
export function deliveryReceipt(o: EventBase & { watermark: number; mids?: string[] }) {
  return single(o, { delivery: { ...(o.mids ? { mids: o.mids } : {}), watermark: o.watermark } });
}

/** `message_reads`: everything the Page sent before `watermark` was read. */
export function readReceipt(o: EventBase & { watermark: number }) {
  return single(o, { read: { watermark: o.watermark } });
}

/** `message_echoes`: what the Page sent (sender = Page, recipient = customer). */
export function echoMessage(o: { to: string; id?: string; text: string; timestamp?: number; pageId?: string; appId?: number }) {
  const pageId = o.pageId ?? FAKE_PAGE_ID;
  return pageWebhook(
    [
      {
        sender: { id: pageId },
        recipient: { id: o.to },
        timestamp: o.timestamp ?? Date.now(),
        message: { is_echo: true, app_id: o.appId ?? 263902037430900, mid: o.id ?? `m_${randomUUID().replace(/-/g, "")}`, text: o.text },
      },
    ],
    pageId,
  );
}

/** An event kind with no canonical form (here `messaging_optins`). */
export function optinEvent(o: EventBase & { ref?: string }) {
  return single(o, { optin: { ref: o.ref ?? "welcome", user_ref: "UREF_1" } });
}
