import { createCipheriv, createHash, randomBytes } from "node:crypto";
import type { Credentials } from "../src/connector.ts";
import { FakePlatform, type FakeHandler, type FakeReply, type RecordedRequest } from "../src/testing/fake-platform.ts";
import { PHOTO_JPEG } from "../src/demo-media/media.ts";

/**
 * A stand-in for api.weixin.qq.com (token, 客服 send, temporary media upload/get) plus builders
 * for what WeChat pushes to our webhook, signed (and optionally encrypted) as WeChat does.
 * For tests and the demo simulator only (uses node:crypto).
 */

export const fakeWechatCredentials = {
  appId: "wx0123456789abcdef",
  appSecret: "fake-app-secret-0123456789abcdef",
  token: "fake-wechat-token",
  encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
} satisfies Credentials;

/** The account's original id (gh_…), which WeChat puts in ToUserName. */
export const FAKE_ACCOUNT_ID = "gh_0123456789ab";

/** Media the fake serves from the start, as ids that inbound payloads can reference. */
export const FAKE_MEDIA = {
  image: { id: "MEDIA_IMAGE_1", mimeType: "image/jpeg", bytes: PHOTO_JPEG.bytes },
  voice: { id: "MEDIA_VOICE_1", mimeType: "audio/amr", bytes: new Uint8Array([0x23, 0x21, 0x41, 0x4d, 0x52, 0x0a, 0x3c, 0x00]) },
  video: { id: "MEDIA_VIDEO_1", mimeType: "video/mp4", bytes: new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]) },
} as const;

export interface FakeWechat extends FakePlatform {
  /** Media held by the fake (seeded with FAKE_MEDIA, plus everything uploaded). */
  readonly media: Map<string, { bytes: Uint8Array; mimeType: string; type: string; filename?: string }>;
  /** Makes every issued access token expire (the next call gets 42001). */
  expireAccessTokens(): void;
  /** How many tokens have been issued so far. */
  tokensIssued(): number;
  /** The send calls received (`/cgi-bin/message/custom/send`), parsed. */
  sentMessages(): Record<string, unknown>[];
}

/** A follower as `GET /cgi-bin/user/info` describes them. */
export interface FakeWechatProfile {
  nickname: string;
  headimgurl?: string;
  /** 0: no longer follows the account (WeChat then returns nothing else). */
  subscribe?: 0 | 1;
}

export interface FakeWechatOptions {
  /** Followers' profiles by OpenID; tests set and change them. Unknown OpenIDs get errcode 40003. */
  profiles?: Map<string, FakeWechatProfile>;
}

export function createFakeWechat(credentials: Credentials = fakeWechatCredentials, options: FakeWechatOptions = {}): FakeWechat {
  const valid = new Set<string>();
  const expired = new Set<string>();
  let issued = 0;
  let uploads = 0;
  const media = new Map<string, { bytes: Uint8Array; mimeType: string; type: string; filename?: string }>(
    Object.entries(FAKE_MEDIA).map(([type, m]) => [m.id, { bytes: m.bytes, mimeType: m.mimeType, type }]),
  );

  const checkToken = (req: RecordedRequest): FakeReply | null => {
    const token = req.query.get("access_token") ?? "";
    if (valid.has(token)) return null;
    if (!token) return errorBody(41001, "access_token missing");
    if (expired.has(token)) return errorBody(42001, "access_token expired");
    return errorBody(40001, "invalid credential, access_token is invalid or not latest");
  };

  const defaultHandler: FakeHandler = async (req) => {
    if (req.method === "GET" && req.path === "/cgi-bin/token") {
      if (req.query.get("grant_type") !== "client_credential") return errorBody(40002, "invalid grant_type");
      if (req.query.get("appid") !== credentials.appId) return errorBody(40013, "invalid appid");
      if (req.query.get("secret") !== credentials.appSecret) return errorBody(40125, "invalid appsecret");
      const token = `FAKE_ACCESS_TOKEN_${++issued}`;
      valid.add(token);
      return { body: { access_token: token, expires_in: 7200 } };
    }

    if (req.method === "POST" && req.path === "/cgi-bin/message/custom/send") {
      const denied = checkToken(req);
      if (denied) return denied;
      let body: Record<string, unknown>;
      try {
        body = req.json() as Record<string, unknown>;
      } catch {
        return errorBody(47001, "data format error");
      }
      return validateSend(body, media) ?? { body: { errcode: 0, errmsg: "ok" } };
    }

    if (req.method === "POST" && req.path === "/cgi-bin/media/upload") {
      const denied = checkToken(req);
      if (denied) return denied;
      const type = req.query.get("type") ?? "";
      if (!["image", "voice", "video", "thumb"].includes(type)) return errorBody(40004, "invalid media type");
      const contentType = String(req.headers["content-type"] ?? "");
      const form = await new Response(req.body as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData().catch(() => null);
      const file = form?.get("media");
      if (!file || typeof file === "string") return errorBody(41005, "media data missing");
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.length === 0) return errorBody(44001, "empty media data");
      const id = `FAKE_UPLOADED_${type.toUpperCase()}_${++uploads}`;
      media.set(id, { bytes, mimeType: file.type || "application/octet-stream", type, filename: file.name });
      return { body: { type, media_id: id, created_at: Math.floor(Date.now() / 1000) } };
    }

    if (req.method === "GET" && req.path === "/cgi-bin/media/get") {
      const denied = checkToken(req);
      if (denied) return denied;
      const item = media.get(req.query.get("media_id") ?? "");
      if (!item) return errorBody(40007, "invalid media_id");
      if (item.type === "video") {
        // Videos come back as a download link, not as bytes. The Host header carries the mount
        // path when the simulator serves the fake inside the app.
        const host = typeof req.headers.host === "string" ? `http://${req.headers.host}` : fake.baseUrl;
        return { body: { video_url: `${host}/fake-cdn/${encodeURIComponent(req.query.get("media_id")!)}` } };
      }
      return { headers: { "content-type": item.mimeType, "content-disposition": `attachment; filename="${item.filename ?? "media"}"` }, body: item.bytes };
    }

    if (req.method === "GET" && req.path === "/cgi-bin/user/info") {
      const denied = checkToken(req);
      if (denied) return denied;
      const openid = req.query.get("openid") ?? "";
      const profile = options.profiles?.get(openid);
      if (!profile) return errorBody(40003, "invalid openid");
      if (profile.subscribe === 0) return { body: { subscribe: 0, openid } };
      return {
        body: {
          subscribe: 1,
          openid,
          nickname: profile.nickname,
          sex: 0,
          language: req.query.get("lang") ?? "zh_CN",
          city: "",
          province: "",
          country: "",
          headimgurl: profile.headimgurl ?? "",
          subscribe_time: 1739321024,
          remark: "",
          groupid: 0,
          tagid_list: [],
          subscribe_scene: "ADD_SCENE_QR_CODE",
          qr_scene: 0,
          qr_scene_str: "",
        },
      };
    }

    if (req.method === "GET" && req.path.startsWith("/fake-cdn/")) {
      const item = media.get(decodeURIComponent(req.path.slice("/fake-cdn/".length)));
      return item ? { headers: { "content-type": item.mimeType }, body: item.bytes } : { status: 404, body: "not found" };
    }

    return { status: 404, body: { errcode: 404, errmsg: `fake WeChat has no ${req.method} ${req.path}` } };
  };

  const fake = Object.assign(new FakePlatform(defaultHandler), {
    media,
    expireAccessTokens() {
      for (const token of valid) expired.add(token);
      valid.clear();
    },
    tokensIssued: () => issued,
    sentMessages(): Record<string, unknown>[] {
      return fake.requests.filter((r) => r.path === "/cgi-bin/message/custom/send").map((r) => r.json() as Record<string, unknown>);
    },
  });
  return fake;
}

function errorBody(errcode: number, errmsg: string): FakeReply {
  // WeChat answers errors with HTTP 200 and a JSON envelope.
  return { status: 200, body: { errcode, errmsg: `${errmsg} rid: fake-${errcode}` } };
}

/** Rejects what real WeChat rejects, so tests catch bodies WeChat would refuse. */
function validateSend(body: Record<string, unknown>, media: Map<string, { type: string }>): FakeReply | null {
  if (typeof body.touser !== "string" || !body.touser) return errorBody(40003, "invalid openid");
  const msgtype = body.msgtype;
  const part = typeof msgtype === "string" ? (body[msgtype] as Record<string, unknown> | undefined) : undefined;
  if (!part || typeof part !== "object") return errorBody(40008, "invalid message type");
  const bytes = (s: unknown) => (typeof s === "string" ? Buffer.byteLength(s, "utf8") : 0);
  switch (msgtype) {
    case "text":
      if (!part.content) return errorBody(44004, "empty content");
      if (bytes(part.content) > 2048) return errorBody(45002, "content size out of limit");
      return null;
    case "image":
    case "voice":
    case "video": {
      const item = media.get(String(part.media_id ?? ""));
      return item && item.type === msgtype ? null : errorBody(40007, "invalid media_id");
    }
    case "msgmenu": {
      const list = part.list;
      if (!Array.isArray(list) || list.length === 0 || list.length > 10) return errorBody(47001, "data format error");
      if (bytes(part.head_content) > 1024) return errorBody(45002, "content size out of limit");
      for (const item of list as Record<string, unknown>[]) {
        if (!item.id || !item.content || bytes(item.content) > 128 || bytes(item.id) > 64) return errorBody(47001, "data format error");
      }
      return null;
    }
    default:
      return errorBody(40008, "invalid message type");
  }
}

/** The errors WeChat answers for the failure states the inbox distinguishes. */
export type WechatErrorKind = "blocked" | "token_expired" | "rate_limited" | "daily_quota" | "window_closed" | "reply_quota" | "busy" | "invalid_media";

/**
 * WeChat's documented error envelopes. `blocked` and `window_closed` are the same 45015 ("out of
 * time limit or subscription is canceled"): the connector tells them apart by when the customer
 * last wrote (within 48 h → they unfollowed; otherwise → the window closed).
 */
export function errorReply(kind: WechatErrorKind): FakeReply {
  switch (kind) {
    case "blocked":
    case "window_closed":
      return errorBody(45015, "response out of time limit or subscription is canceled");
    case "token_expired":
      return errorBody(42001, "access_token expired");
    case "rate_limited":
      return errorBody(45011, "api minute-quota reach limit, mustslower retry next minute");
    case "daily_quota":
      return errorBody(45009, "reach max api daily quota limit");
    case "reply_quota":
      return errorBody(45047, "out of response count limit");
    case "busy":
      return errorBody(-1, "system error");
    case "invalid_media":
      return errorBody(40007, "invalid media_id");
  }
}

// ---------------------------------------------------------------------------------------------
// Inbound pushes

/** A push as an object: strings become CDATA, numbers (and 64-bit ids as bigint) bare text, objects nested elements. */
export type WechatPayload = { [tag: string]: string | number | bigint | WechatPayload | WechatPayload[] };

export function toWechatXml(payload: WechatPayload, root = "xml"): string {
  const element = (name: string, value: string | number | bigint | WechatPayload | WechatPayload[]): string => {
    if (Array.isArray(value)) return value.map((v) => element(name, v)).join("");
    if (typeof value === "number" || typeof value === "bigint") return `<${name}>${value}</${name}>`;
    if (typeof value === "string") return `<${name}><![CDATA[${value.replace(/]]>/g, "]]]]><![CDATA[>")}]]></${name}>`;
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join("")}</${name}>`;
  };
  return element(root, payload);
}

function sha1(parts: string[]): string {
  return createHash("sha1").update([...parts].sort().join("")).digest("hex");
}

/** WeChat's AES-256-CBC envelope: random(16) ‖ len(4, BE) ‖ xml ‖ appId, PKCS#7 to 32 bytes. */
export function encryptForWechat(xml: string, credentials: Credentials, random: Uint8Array = randomBytes(16)): string {
  const key = Buffer.from(credentials.encodingAesKey + "=", "base64");
  const body = Buffer.from(xml, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const content = Buffer.concat([Buffer.from(random), length, body, Buffer.from(credentials.appId ?? "", "utf8")]);
  const pad = 32 - (content.length % 32);
  const padded = Buffer.concat([content, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString("base64");
}

export interface WebhookOptions {
  /** plain: XML as is; compatible: plaintext fields plus <Encrypt>; safe: only <Encrypt>. */
  mode?: "plain" | "compatible" | "safe";
  timestamp?: string;
  nonce?: string;
}

/**
 * A push as WeChat sends it. The signature lives in the query string, so POST the body to
 * `https://HOST/webhooks/wechat/<inboxId>?${query}`.
 */
export function buildWebhook(
  payload: WechatPayload | string,
  credentials: Credentials,
  options: WebhookOptions = {},
): { headers: Record<string, string>; body: string; query: string } {
  const xml = typeof payload === "string" ? payload : toWechatXml(payload);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? String(Math.floor(Math.random() * 1e9));
  const token = credentials.token ?? "";
  const query = new URLSearchParams({ signature: sha1([token, timestamp, nonce]), timestamp, nonce });
  const openid = typeof payload === "string" ? /<FromUserName><!\[CDATA\[([^\]]*)]]>/.exec(payload)?.[1] : payload.FromUserName;
  if (typeof openid === "string") query.set("openid", openid);

  const mode = options.mode ?? "plain";
  if (mode === "plain") return { headers: { "content-type": "text/xml" }, body: xml, query: query.toString() };

  const encrypted = encryptForWechat(xml, credentials);
  query.set("encrypt_type", "aes");
  query.set("msg_signature", sha1([token, timestamp, nonce, encrypted]));
  const toUser = typeof payload === "string" ? FAKE_ACCOUNT_ID : String(payload.ToUserName ?? FAKE_ACCOUNT_ID);
  const body =
    mode === "safe"
      ? toWechatXml({ ToUserName: toUser, Encrypt: encrypted })
      : xml.replace(/<\/xml>\s*$/, `<Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`);
  return { headers: { "content-type": "text/xml" }, body, query: query.toString() };
}

/** The URL verification GET WeChat sends when an admin saves the server configuration. */
export function buildHandshake(credentials: Credentials, echostr = "fake-echostr-1234567890", options: { timestamp?: string; nonce?: string } = {}): string {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? "fake-nonce";
  return new URLSearchParams({ signature: sha1([credentials.token ?? "", timestamp, nonce]), echostr, timestamp, nonce }).toString();
}

interface Common {
  from: string;
  /** Unix seconds; defaults to now. */
  at?: number;
  to?: string;
}

const base = (c: Common, msgType: string): WechatPayload => ({
  ToUserName: c.to ?? FAKE_ACCOUNT_ID,
  FromUserName: c.from,
  CreateTime: c.at ?? Math.floor(Date.now() / 1000),
  MsgType: msgType,
});

/** MsgId is a 64-bit integer: digit strings stay exact (as bigint), anything else is sent as given. */
const msgId = (id: string | number) => (typeof id === "number" ? id : /^\d+$/.test(id) ? BigInt(id) : id);

export function textMessage(p: Common & { id: string | number; text: string }): WechatPayload {
  return { ...base(p, "text"), Content: p.text, MsgId: msgId(p.id) };
}

/** A tap on an item of a 客服 menu message: text plus the item id in bizmsgmenuid. */
export function menuReplyMessage(p: Common & { id: string | number; text: string; menuItemId: string | number }): WechatPayload {
  return { ...base(p, "text"), Content: p.text, MsgId: msgId(p.id), bizmsgmenuid: msgId(p.menuItemId) };
}

export function imageMessage(p: Common & { id: string | number; mediaId?: string; picUrl?: string }): WechatPayload {
  return { ...base(p, "image"), PicUrl: p.picUrl ?? "http://mmbiz.qpic.cn/fake.jpg", MediaId: p.mediaId ?? FAKE_MEDIA.image.id, MsgId: msgId(p.id) };
}

export function voiceMessage(p: Common & { id: string | number; mediaId?: string; format?: string; recognition?: string }): WechatPayload {
  return {
    ...base(p, "voice"),
    MediaId: p.mediaId ?? FAKE_MEDIA.voice.id,
    Format: p.format ?? "amr",
    ...(p.recognition !== undefined ? { Recognition: p.recognition } : {}),
    MsgId: msgId(p.id),
  };
}

export function videoMessage(p: Common & { id: string | number; mediaId?: string; thumbMediaId?: string; short?: boolean }): WechatPayload {
  return { ...base(p, p.short ? "shortvideo" : "video"), MediaId: p.mediaId ?? FAKE_MEDIA.video.id, ThumbMediaId: p.thumbMediaId ?? "THUMB_1", MsgId: msgId(p.id) };
}

export function locationMessage(p: Common & { id: string | number; latitude: number; longitude: number; scale?: number; label?: string }): WechatPayload {
  return {
    ...base(p, "location"),
    Location_X: p.latitude,
    Location_Y: p.longitude,
    Scale: p.scale ?? 15,
    Label: p.label ?? "",
    MsgId: msgId(p.id),
  };
}

export function linkMessage(p: Common & { id: string | number; title: string; description?: string; url: string }): WechatPayload {
  return { ...base(p, "link"), Title: p.title, Description: p.description ?? "", Url: p.url, MsgId: msgId(p.id) };
}

/** What WeChat forwards for kinds it does not push (custom stickers, contact cards, …). */
export function notForwardedMessage(p: Common & { id: string | number }): WechatPayload {
  return textMessage({ ...p, text: "【收到不支持的消息类型，暂无法显示】" });
}

export function subscribeEvent(p: Common & { qrScene?: string }): WechatPayload {
  return { ...base(p, "event"), Event: "subscribe", ...(p.qrScene ? { EventKey: `qrscene_${p.qrScene}`, Ticket: "fake-ticket" } : {}) };
}

export function unsubscribeEvent(p: Common): WechatPayload {
  return { ...base(p, "event"), Event: "unsubscribe" };
}

/** A custom-menu button of type click. */
export function menuClickEvent(p: Common & { key: string }): WechatPayload {
  return { ...base(p, "event"), Event: "CLICK", EventKey: p.key };
}

export function menuViewEvent(p: Common & { url: string }): WechatPayload {
  return { ...base(p, "event"), Event: "VIEW", EventKey: p.url };
}

export function scanCodeEvent(p: Common & { key: string; result: string; waitMessage?: boolean }): WechatPayload {
  return {
    ...base(p, "event"),
    Event: p.waitMessage ? "scancode_waitmsg" : "scancode_push",
    EventKey: p.key,
    ScanCodeInfo: { ScanType: "qrcode", ScanResult: p.result },
  };
}

export function locationSelectEvent(p: Common & { key: string; latitude: number; longitude: number; label?: string; poiName?: string }): WechatPayload {
  return {
    ...base(p, "event"),
    Event: "location_select",
    EventKey: p.key,
    SendLocationInfo: { Location_X: p.latitude, Location_Y: p.longitude, Scale: 15, Label: p.label ?? "", Poiname: p.poiName ?? "" },
  };
}

/** Receipt for a template message; status "success", "failed:user block" or "failed: system failed". */
export function templateSendFinishedEvent(p: Common & { msgId: string | number; status: string }): WechatPayload {
  return { ...base(p, "event"), Event: "TEMPLATESENDJOBFINISH", MsgID: msgId(p.msgId), Status: p.status };
}
