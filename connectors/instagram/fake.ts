import { createHmac } from "node:crypto";
import type { Credentials, WebhookRequest } from "../src/connector.ts";
import { FakePlatform, type FakeHandler, type FakeReply, type RecordedRequest } from "../src/testing/fake-platform.ts";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "../src/demo-media/media.ts";

/**
 * A stand-in for Meta's Graph API as the Instagram connector uses it, for tests and the demo
 * simulator: `POST /me/messages` (and `/{id}/messages`) answer like the Send API, `GET /{ig-id}`
 * like the account node, and `/ig_messaging_cdn/?asset_id=…` serves media bytes like Meta's CDN.
 * Payload builders produce webhooks shaped as in Meta's Instagram webhook reference, and
 * `buildWebhook` signs them as Meta does.
 */

export const FAKE_IG_ACCOUNT_ID = "17841400000000001";
export const FAKE_IG_USERNAME = "acme.shop";

export const FAKE_INSTAGRAM_CREDENTIALS: Credentials = {
  accessToken: "IGQVfake-page-access-token",
  igAccountId: FAKE_IG_ACCOUNT_ID,
  appSecret: "fake-instagram-app-secret",
  verifyToken: "fake-instagram-verify-token",
};

/** A tiny JPEG (SOI … EOI) the fake CDN serves for every asset. */
export const FAKE_MEDIA_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/** Real files served by asset id (`fakeMediaUrl(base, PHOTO_JPEG.filename)`): the demo's photo, voice note and invoice. */
export const FAKE_MEDIA_FILES: Record<string, { bytes: Uint8Array; mimeType: string }> = {
  [PHOTO_JPEG.filename]: PHOTO_JPEG,
  [VOICE_OGG.filename]: VOICE_OGG,
  [INVOICE_PDF.filename]: INVOICE_PDF,
};

export class FakeInstagram extends FakePlatform {
  /** A CDN-style link on this fake, for attachment payloads (`imageMessage({ url: fake.mediaUrl("1") })`). */
  mediaUrl(assetId = "1"): string {
    return fakeMediaUrl(this.baseUrl, assetId);
  }
}

export function fakeMediaUrl(baseUrl: string, assetId = "1"): string {
  return `${baseUrl.replace(/\/+$/, "")}/ig_messaging_cdn/?asset_id=${encodeURIComponent(assetId)}&signature=fake`;
}

export function createFakeInstagram(options: FakeInstagramOptions = {}): FakeInstagram {
  return new FakeInstagram(createInstagramHandler(options));
}

/** A customer as the User Profile API describes them (`GET /{IGSID}?fields=name,username,profile_pic`). */
export interface FakeInstagramProfile {
  name?: string;
  username?: string;
  profile_pic?: string;
}

export interface FakeInstagramOptions {
  /** Customers' profiles by IGSID; tests set and change them. A profile asked for an unknown IGSID gets Graph's error 100/33. */
  profiles?: Map<string, FakeInstagramProfile>;
}

/** The default answers: documented success bodies, Graph error envelopes for malformed calls. */
export function createInstagramHandler(options: FakeInstagramOptions = {}): FakeHandler {
  let counter = 0;
  return (req: RecordedRequest): FakeReply => {
    if (req.path.startsWith("/ig_messaging_cdn")) {
      if (req.query.get("asset_id") === "expired") return { status: 403, body: "URL signature expired" };
      const real = FAKE_MEDIA_FILES[req.query.get("asset_id") ?? ""];
      if (real) return { status: 200, headers: { "content-type": real.mimeType }, body: real.bytes };
      return { status: 200, headers: { "content-type": "image/jpeg" }, body: FAKE_MEDIA_BYTES };
    }
    const auth = String(req.headers.authorization ?? "");
    const token = auth.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : (req.query.get("access_token") ?? "");
    if (!token) return graphError(400, 190, "An active access token must be used to query information about the current user.", "OAuthException");

    if (req.method === "POST" && /^\/[^/]+\/messages$/.test(req.path)) {
      let body: { recipient?: { id?: unknown }; message?: unknown; sender_action?: unknown };
      try {
        body = req.json() as typeof body;
      } catch {
        return graphError(400, 100, "(#100) Invalid JSON in the request body", "OAuthException");
      }
      if (typeof body.recipient?.id !== "string") return graphError(400, 100, "(#100) The parameter recipient is required", "OAuthException");
      if (body.message === undefined && body.sender_action === undefined) return graphError(400, 100, "(#100) The parameter message is required", "OAuthException");
      counter += 1;
      return { status: 200, body: { recipient_id: body.recipient.id, message_id: `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${String(counter).padStart(6, "0")}` } };
    }
    if (req.method === "GET" && /^\/\d+$/.test(req.path)) {
      const id = req.path.slice(1);
      const profile = options.profiles?.get(id);
      if (profile) return { status: 200, body: { ...profile, id } };
      if (req.query.get("fields")?.includes("profile_pic")) {
        return graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, "GraphMethodException", 33);
      }
      return { status: 200, body: { id, username: FAKE_IG_USERNAME, name: "Acme Shop" } };
    }
    return graphError(400, 2500, "Unknown path components", "OAuthException");
  };
}

function graphError(status: number, code: number, message: string, type: string, subcode?: number, headers?: Record<string, string>): FakeReply {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: { error: { message, type, code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: "AbCdEfGhIjKlMnOp" } },
  };
}

export type InstagramErrorKind = "blocked" | "token_expired" | "rate_limited" | "window_closed" | "rejected" | "server_error";

/** Meta's documented error answers, for `fake.respondWith(() => errorReply("blocked"))`. */
export function errorReply(kind: InstagramErrorKind): FakeReply {
  switch (kind) {
    case "blocked":
      return graphError(400, 551, "This person isn't available right now.", "OAuthException", 1545041);
    case "token_expired":
      return graphError(400, 190, "Error validating access token: Session has expired on Monday, 03-Mar-25 10:00:00 PST.", "OAuthException", 463);
    case "rate_limited":
      return graphError(400, 80002, "There have been too many calls to this Instagram account. Wait a bit and try again.", "OAuthException", undefined, {
        "x-business-use-case-usage": JSON.stringify({ [FAKE_IG_ACCOUNT_ID]: [{ type: "instagram", call_count: 100, total_cputime: 12, total_time: 30, estimated_time_to_regain_access: 5 }] }),
      });
    case "window_closed":
      return graphError(403, 10, "This message is sent outside of allowed window.", "IGApiException", 2534022);
    case "rejected":
      return graphError(400, 100, "(#100) Param message[attachment][payload][url] must be a valid URL", "OAuthException");
    case "server_error":
      return graphError(500, 2, "An unexpected error has occurred. Please retry your request later.", "OAuthException");
  }
}

// ---------------------------------------------------------------------------------------------
// Webhooks

export interface InstagramWebhook {
  object: "instagram";
  entry: { id: string; time: number; messaging: Record<string, unknown>[] }[];
}

/** Meta signs the exact bytes it sends, which render non-ASCII as lowercase `\uXXXX` escapes. */
export function metaJson(payload: unknown): string {
  return JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Headers and body of a webhook POST as Meta sends it: `X-Hub-Signature-256: sha256=<hex HMAC>`. */
export function buildWebhook(payload: object | string, credentials: Credentials): { headers: Record<string, string>; body: string } {
  const body = typeof payload === "string" ? payload : metaJson(payload);
  const signature = createHmac("sha256", credentials.appSecret ?? "").update(body, "utf8").digest("hex");
  return { headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${signature}` }, body };
}

/** The same as a `WebhookRequest`, for calling the connector directly. */
export function webhookRequest(built: { headers: Record<string, string>; body: string }, url = "https://inbox.example/webhooks/instagram/inbox_demo"): WebhookRequest {
  return { method: "POST", url: new URL(url), headers: new Headers(built.headers), body: new TextEncoder().encode(built.body) };
}

interface From {
  /** The customer's IGSID. */
  from: string;
  /** The account receiving it (defaults to the fake account). */
  igAccountId?: string;
  /** Milliseconds. */
  timestamp?: number;
}

/** `{"object":"instagram","entry":[{"id":IGID,"time","messaging":[…events]}]}`; several events batch in one entry. */
export function envelope(events: Record<string, unknown>[], igAccountId = FAKE_IG_ACCOUNT_ID, time = Date.now()): InstagramWebhook {
  return { object: "instagram", entry: [{ id: igAccountId, time, messaging: events }] };
}

function event(p: From, fields: Record<string, unknown>): InstagramWebhook {
  const account = p.igAccountId ?? FAKE_IG_ACCOUNT_ID;
  const timestamp = p.timestamp ?? Date.now();
  return envelope([{ sender: { id: p.from }, recipient: { id: account }, timestamp, ...fields }], account, timestamp + 50);
}

const newMid = () => `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${Math.random().toString(36).slice(2, 14)}`;

export function textMessage(p: From & { id?: string; text: string; replyTo?: string }): InstagramWebhook {
  return event(p, { message: { mid: p.id ?? newMid(), text: p.text, ...(p.replyTo ? { reply_to: { mid: p.replyTo } } : {}) } });
}

/** A quick-reply tap: text (the reply's title) plus `quick_reply.payload`. */
export function quickReplyMessage(p: From & { id?: string; text: string; payload: string }): InstagramWebhook {
  return event(p, { message: { mid: p.id ?? newMid(), text: p.text, quick_reply: { payload: p.payload } } });
}

function attachmentMessage(p: From & { id?: string }, type: string, payload: Record<string, unknown>): InstagramWebhook {
  return event(p, { message: { mid: p.id ?? newMid(), attachments: [{ type, payload }] } });
}

const cdn = (url: string | undefined) => url ?? `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${Math.floor(Math.random() * 1e15)}&signature=AbC`;

export const imageMessage = (p: From & { id?: string; url?: string }) => attachmentMessage(p, "image", { url: cdn(p.url) });
export const videoMessage = (p: From & { id?: string; url?: string }) => attachmentMessage(p, "video", { url: cdn(p.url) });
/** Instagram voice messages arrive as `audio` attachments. */
export const audioMessage = (p: From & { id?: string; url?: string }) => attachmentMessage(p, "audio", { url: cdn(p.url) });
export const fileMessage = (p: From & { id?: string; url?: string }) => attachmentMessage(p, "file", { url: cdn(p.url) });
/** Stickers reach apps as images carrying a `sticker_id` (most are withheld as `is_unsupported`). */
export const stickerMessage = (p: From & { id?: string; url?: string; stickerId?: number }) =>
  attachmentMessage(p, "image", { url: cdn(p.url), sticker_id: p.stickerId ?? 369239263222822 });
/** A shared post (`share`) or reel (`ig_reel`): only the link is included. */
export const shareMessage = (p: From & { id?: string; url?: string; type?: "share" | "ig_reel"; title?: string }) =>
  attachmentMessage(p, p.type ?? "share", { url: p.url ?? "https://www.instagram.com/p/C0ffee123/", ...(p.title ? { title: p.title } : {}) });
export const storyMention = (p: From & { id?: string; url?: string }) => attachmentMessage(p, "story_mention", { url: cdn(p.url) });

export function storyReply(p: From & { id?: string; text: string; storyUrl?: string; storyId?: string }): InstagramWebhook {
  return event(p, { message: { mid: p.id ?? newMid(), text: p.text, reply_to: { story: { url: cdn(p.storyUrl), id: p.storyId ?? "17890000000000001" } } } });
}

/** A GIF or sticker Instagram does not share with apps. */
export const unsupportedMessage = (p: From & { id?: string }) => event(p, { message: { mid: p.id ?? newMid(), is_unsupported: true } });

/** The customer unsent (deleted) a message. */
export const unsendMessage = (p: From & { id: string }) => event(p, { message: { mid: p.id, is_deleted: true } });

/** Edit notification in the Messenger `message_edit` shape. */
export const editMessage = (p: From & { id: string; text: string; numEdit?: number }) => event(p, { message_edit: { mid: p.id, text: p.text, num_edit: p.numEdit ?? 1 } });

/** Icebreaker / generic-template button tap (`messaging_postbacks`). */
export const postback = (p: From & { id?: string; title: string; payload: string }) => event(p, { postback: { mid: p.id ?? newMid(), title: p.title, payload: p.payload } });

export const reaction = (p: From & { mid: string; emoji?: string; action?: "react" | "unreact" }) =>
  event(p, {
    reaction: p.action === "unreact" ? { mid: p.mid, action: "unreact" } : { mid: p.mid, action: "react", reaction: "love", emoji: p.emoji ?? "❤️" },
  });

/** `messaging_seen`: the customer read one of our messages. */
export const readReceipt = (p: From & { mid: string }) => event(p, { read: { mid: p.mid } });

/** The customer opened the chat from an ig.me link with `?ref=`. */
export const referral = (p: From & { ref: string }) => event(p, { referral: { ref: p.ref, source: "IGME", type: "OPEN_THREAD" } });

/** Our own send echoed back (`is_echo`): sender is the account, recipient the customer. */
export function echoMessage(p: { to: string; id?: string; text: string; igAccountId?: string; timestamp?: number }): InstagramWebhook {
  const account = p.igAccountId ?? FAKE_IG_ACCOUNT_ID;
  const timestamp = p.timestamp ?? Date.now();
  return envelope([{ sender: { id: account }, recipient: { id: p.to }, timestamp, message: { mid: p.id ?? newMid(), text: p.text, is_echo: true } }], account, timestamp);
}
