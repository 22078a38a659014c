import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MessageContent } from "@inbox/shared";
import type { ConnectorContext, InboundEvent, OutboundMessage, WebhookRequest } from "../src/connector.ts";
import { MalformedWebhookError } from "../src/malformed.ts";
import { decryptMessage } from "./aes.ts";
import { clearTokenCache } from "./api.ts";
import {
  buildHandshake,
  buildWebhook,
  createFakeWechat,
  encryptForWechat,
  errorReply,
  FAKE_MEDIA,
  fakeWechatCredentials as creds,
  imageMessage,
  linkMessage,
  locationMessage,
  locationSelectEvent,
  menuClickEvent,
  menuReplyMessage,
  menuViewEvent,
  notForwardedMessage,
  scanCodeEvent,
  subscribeEvent,
  templateSendFinishedEvent,
  textMessage,
  toWechatXml,
  unsubscribeEvent,
  videoMessage,
  voiceMessage,
  type FakeWechat,
  type WebhookOptions,
  type WechatPayload,
} from "./fake.ts";
import { wechatConnector as wechat } from "./index.ts";
import { parseXml } from "./xml.ts";

const OPENID = "oAbC-openid-123";
const AT = 1739321024;
const HOUR = 3_600_000;

function request(method: string, query: string, body = "", headers: Record<string, string> = {}): WebhookRequest {
  return {
    method,
    url: new URL(`https://inbox.example/webhooks/wechat/inbox_1${query ? `?${query}` : ""}`),
    headers: new Headers(headers),
    body: new TextEncoder().encode(body),
  };
}

function push(payload: WechatPayload | string, options?: WebhookOptions, credentials = creds): WebhookRequest {
  const hook = buildWebhook(payload, credentials, options);
  return request("POST", hook.query, hook.body, hook.headers);
}

/** An account in plaintext mode: no EncodingAESKey configured. */
const { encodingAesKey: _aesKey, ...plainCreds } = creds;
const credsFor = (options?: WebhookOptions) => ((options?.mode ?? "plain") === "plain" ? plainCreds : creds);
/** Verification at the push's own signed time (fixtures carry fixed timestamps). */
const signedAt = (req: WebhookRequest) => Number(req.url.searchParams.get("timestamp")) * 1000;

async function parseOne(payload: WechatPayload | string, options?: WebhookOptions): Promise<InboundEvent> {
  const req = push(payload, options);
  expect(await wechat.verify(req, credsFor(options), signedAt(req))).toBe(true);
  const events = await wechat.parse(req, credsFor(options));
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe("handshake", () => {
  it("echoes echostr when the signature matches the token", async () => {
    const res = await wechat.handshake(request("GET", buildHandshake(creds, "echo-4242")), creds);
    expect(res).toEqual({ status: 200, body: "echo-4242", contentType: "text/plain" });
  });

  it("refuses a handshake signed with another token", async () => {
    const res = await wechat.handshake(request("GET", buildHandshake({ ...creds, token: "other" }, "echo-4242")), creds);
    expect(res?.status).toBe(403);
    expect(res?.body).not.toContain("echo-4242");
  });

  it("refuses a handshake without a signature", async () => {
    const res = await wechat.handshake(request("GET", "echostr=abc&timestamp=1&nonce=2"), creds);
    expect(res?.status).toBe(403);
  });

  it("is not a handshake without echostr, or on POST", async () => {
    expect(await wechat.handshake(request("GET", "timestamp=1&nonce=2&signature=x"), creds)).toBeNull();
    expect(await wechat.handshake(request("POST", buildHandshake(creds)), creds)).toBeNull();
  });

  it("acknowledges pushes with the literal 'success'", () => {
    expect(wechat.acknowledge(push(textMessage({ from: OPENID, id: 1, text: "hi" })))).toMatchObject({ status: 200, body: "success" });
  });
});

describe("verify", () => {
  const payload = textMessage({ from: OPENID, id: "24512345678901234", text: "你好", at: AT });

  it("accepts a plaintext push signed with the token when no EncodingAESKey is configured", async () => {
    expect(await wechat.verify(push(payload), plainCreds)).toBe(true);
  });

  it("refuses plaintext pushes once an EncodingAESKey is configured: only encrypted ones are trusted", async () => {
    expect(await wechat.verify(push(payload), creds)).toBe(false);
    expect(await wechat.verify(request("POST", `${buildWebhook(payload, creds).query}&encrypt_type=raw`, buildWebhook(payload, creds).body), creds)).toBe(false);
    expect(await wechat.verify(push(payload, { mode: "safe" }), creds)).toBe(true);
  });

  it("refuses a push whose signed timestamp is more than five minutes from now, either way", async () => {
    const now = AT * 1000;
    const at = (seconds: number) => push(payload, { mode: "safe", timestamp: String(AT + seconds) });
    expect(await wechat.verify(at(-290), creds, now)).toBe(true);
    expect(await wechat.verify(at(290), creds, now)).toBe(true);
    expect(await wechat.verify(at(-310), creds, now)).toBe(false);
    expect(await wechat.verify(at(310), creds, now)).toBe(false);
    expect(await wechat.verify(push(payload, { timestamp: "soon" }), plainCreds)).toBe(false);
  });

  it("rejects a push signed with another token", async () => {
    expect(await wechat.verify(push(payload, {}, { ...creds, token: "wrong-token" }), creds)).toBe(false);
  });

  it("rejects a push without the signature", async () => {
    const hook = buildWebhook(payload, creds);
    const query = new URLSearchParams(hook.query);
    query.delete("signature");
    expect(await wechat.verify(request("POST", query.toString(), hook.body), creds)).toBe(false);
  });

  it("rejects a push whose signed timestamp was changed", async () => {
    const hook = buildWebhook(payload, creds, { timestamp: "1700000000" });
    const query = new URLSearchParams(hook.query);
    query.set("timestamp", "1700000001");
    expect(await wechat.verify(request("POST", query.toString(), hook.body), creds)).toBe(false);
  });

  it("in plaintext mode only the query is signed (WeChat's design), so the body is not covered: the replay key is what refuses a second body", async () => {
    const hook = buildWebhook(payload, creds);
    const original = request("POST", hook.query, hook.body);
    const forged = request("POST", hook.query, hook.body.replace("你好", "tampered"));
    expect(await wechat.verify(forged, plainCreds)).toBe(true);
    const q = new URLSearchParams(hook.query);
    const replayKey = `${q.get("timestamp")}:${q.get("nonce")}`;
    expect(await wechat.deliveryKeys(original, plainCreds)).toEqual({ delivery: "msg:24512345678901234", replay: replayKey });
    expect((await wechat.deliveryKeys(forged, plainCreds)).replay).toBe(replayKey);
  });

  it("accepts safe-mode and compatible-mode pushes", async () => {
    expect(await wechat.verify(push(payload, { mode: "safe" }), creds)).toBe(true);
    expect(await wechat.verify(push(payload, { mode: "compatible" }), creds)).toBe(true);
  });

  it("rejects a safe-mode push whose encrypted body was tampered with", async () => {
    const hook = buildWebhook(payload, creds, { mode: "safe" });
    const tampered = hook.body.replace(/<Encrypt><!\[CDATA\[(.)/, (_m, c: string) => `<Encrypt><![CDATA[${c === "A" ? "B" : "A"}`);
    expect(tampered).not.toBe(hook.body);
    expect(await wechat.verify(request("POST", hook.query, tampered), creds)).toBe(false);
  });

  it("rejects a safe-mode push without msg_signature or with a wrong one", async () => {
    const hook = buildWebhook(payload, creds, { mode: "safe" });
    const missing = new URLSearchParams(hook.query);
    missing.delete("msg_signature");
    expect(await wechat.verify(request("POST", missing.toString(), hook.body), creds)).toBe(false);
    const wrong = new URLSearchParams(hook.query);
    wrong.set("msg_signature", "0".repeat(40));
    expect(await wechat.verify(request("POST", wrong.toString(), hook.body), creds)).toBe(false);
  });

  it("rejects a safe-mode push encrypted for another AppID or with another key", async () => {
    expect(await wechat.verify(push(payload, { mode: "safe" }, { ...creds, appId: "wxffffffffffffffff" }), creds)).toBe(false);
    const otherKey = { ...creds, encodingAesKey: "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg" };
    expect(await wechat.verify(push(payload, { mode: "safe" }, otherKey), creds)).toBe(false);
  });

  it("rejects GETs and unknown encryption types", async () => {
    const hook = buildWebhook(payload, creds);
    expect(await wechat.verify(request("GET", hook.query, hook.body), creds)).toBe(false);
    expect(await wechat.verify(request("POST", `${hook.query}&encrypt_type=rot13`, hook.body), creds)).toBe(false);
  });
});

describe("message encryption", () => {
  it("decrypts what WeChat encrypts, for every padding length (1..32 bytes)", async () => {
    for (let n = 0; n < 40; n++) {
      const xml = `<xml>${"x".repeat(n)}</xml>`;
      expect(await decryptMessage(encryptForWechat(xml, creds), creds.encodingAesKey, creds.appId)).toBe(xml);
    }
    const chinese = toWechatXml(textMessage({ from: OPENID, id: 1, text: "你好，世界 👋" }));
    expect(await decryptMessage(encryptForWechat(chinese, creds), creds.encodingAesKey, creds.appId)).toBe(chinese);
  });

  it("refuses a message encrypted for another AppID", async () => {
    const encrypted = encryptForWechat("<xml></xml>", { ...creds, appId: "wxother" });
    await expect(decryptMessage(encrypted, creds.encodingAesKey, creds.appId)).rejects.toThrow(/AppID/);
  });
});

describe("parse", () => {
  const sender = { externalId: OPENID };

  it("text", async () => {
    const event = await parseOne(textMessage({ from: OPENID, id: "24512345678901234", text: "你好", at: AT }));
    expect(event).toEqual({ type: "message", externalId: "24512345678901234", sender, content: { kind: "text", text: "你好" }, at: AT * 1000 });
  });

  it("text in safe mode and in compatible mode (decrypted)", async () => {
    const payload = textMessage({ from: OPENID, id: 777, text: "secret <b>&</b>", at: AT });
    for (const mode of ["safe", "compatible"] as const) {
      const event = await parseOne(payload, { mode });
      expect(event).toMatchObject({ type: "message", externalId: "777", content: { kind: "text", text: "secret <b>&</b>" } });
    }
  });

  it("a tap on a 客服 menu item is text", async () => {
    const event = await parseOne(menuReplyMessage({ from: OPENID, id: 9001, text: "满意", menuItemId: 101, at: AT }));
    expect(event).toMatchObject({ type: "message", externalId: "9001", content: { kind: "text", text: "满意", replyTo: { choiceId: "101" } } });
  });

  it("image as platform media", async () => {
    const event = await parseOne(imageMessage({ from: OPENID, id: 2, mediaId: "IMG_MEDIA_ID", at: AT }));
    expect(event).toMatchObject({ type: "message", externalId: "2", content: { kind: "image", url: "platform-media:IMG_MEDIA_ID", mimeType: "image/jpeg" } });
  });

  it("voice note", async () => {
    const event = await parseOne(voiceMessage({ from: OPENID, id: 3, mediaId: "VOICE_ID", format: "amr", recognition: "你好" }));
    expect(event).toMatchObject({ content: { kind: "audio", url: "platform-media:VOICE_ID", mimeType: "audio/amr", voice: true } });
    const speex = await parseOne(voiceMessage({ from: OPENID, id: 4, mediaId: "VOICE_2", format: "speex" }));
    expect(speex).toMatchObject({ content: { kind: "audio", mimeType: "audio/speex", voice: true } });
  });

  it("video and short video", async () => {
    expect(await parseOne(videoMessage({ from: OPENID, id: 5, mediaId: "VID" }))).toMatchObject({
      externalId: "5",
      content: { kind: "video", url: "platform-media:VID", mimeType: "video/mp4" },
    });
    expect(await parseOne(videoMessage({ from: OPENID, id: 6, mediaId: "SHORT", short: true }))).toMatchObject({
      content: { kind: "video", url: "platform-media:SHORT" },
    });
  });

  it("location (Location_X = latitude)", async () => {
    const event = await parseOne(locationMessage({ from: OPENID, id: 7, latitude: 23.134521, longitude: 113.358803, label: "广州市海珠区" }));
    expect(event).toMatchObject({ content: { kind: "location", latitude: 23.134521, longitude: 113.358803, address: "广州市海珠区" } });
  });

  it("shared link as text", async () => {
    const event = await parseOne(linkMessage({ from: OPENID, id: 8, title: "Order", description: "Details", url: "https://example.com/o/1" }));
    expect(event).toMatchObject({ content: { kind: "text", text: "Order\nDetails\nhttps://example.com/o/1" } });
  });

  it("stickers and contact cards WeChat does not forward become unsupported, not dropped", async () => {
    const event = await parseOne(notForwardedMessage({ from: OPENID, id: 9 }));
    expect(event).toMatchObject({ type: "message", externalId: "9", content: { kind: "unsupported" } });
  });

  it("follow and unfollow", async () => {
    expect(await parseOne(subscribeEvent({ from: OPENID, at: AT }))).toEqual({ type: "unblocked", sender, at: AT * 1000 });
    expect(await parseOne(subscribeEvent({ from: OPENID, at: AT, qrScene: "123" }))).toMatchObject({ type: "unblocked" });
    expect(await parseOne(unsubscribeEvent({ from: OPENID, at: AT }))).toEqual({ type: "blocked", sender, at: AT * 1000 });
  });

  it("custom-menu click, scan and location picker", async () => {
    expect(await parseOne(menuClickEvent({ from: OPENID, key: "V1001_ORDER_STATUS", at: AT }))).toEqual({
      type: "message",
      externalId: `${OPENID}:${AT}:CLICK`,
      sender,
      content: { kind: "text", text: "V1001_ORDER_STATUS" },
      at: AT * 1000,
    });
    expect(await parseOne(scanCodeEvent({ from: OPENID, key: "scan", result: "ORDER-42", waitMessage: true, at: AT }))).toMatchObject({
      content: { kind: "text", text: "ORDER-42" },
    });
    expect(await parseOne(locationSelectEvent({ from: OPENID, key: "loc", latitude: 23.1, longitude: 113.3, label: "海珠区", poiName: "广州塔" }))).toMatchObject({
      content: { kind: "location", latitude: 23.1, longitude: 113.3, name: "广州塔", address: "海珠区" },
    });
  });

  it("template receipts become status events", async () => {
    expect(await parseOne(templateSendFinishedEvent({ from: OPENID, msgId: 200163836, status: "success", at: AT }))).toEqual({
      type: "status",
      externalMessageId: "200163836",
      status: "delivered",
      at: AT * 1000,
    });
    expect(await parseOne(templateSendFinishedEvent({ from: OPENID, msgId: 200163840, status: "failed:user block" }))).toMatchObject({
      type: "status",
      externalMessageId: "200163840",
      status: "failed",
      reason: expect.stringMatching(/blocked/),
      failureKind: "blocked",
    });
  });

  it("unknown message types and events become unsupported messages with the raw payload", async () => {
    const unknown = { ...textMessage({ from: OPENID, id: 10, text: "x" }), MsgType: "hologram", Depth: "3" };
    const event = await parseOne(unknown);
    expect(event).toMatchObject({ type: "message", externalId: "10", content: { kind: "unsupported", raw: { MsgType: "hologram", Depth: "3" } } });
    const view = await parseOne(menuViewEvent({ from: OPENID, url: "https://example.com/shop", at: AT }));
    expect(view).toMatchObject({ type: "message", externalId: `${OPENID}:${AT}:VIEW`, content: { kind: "unsupported", raw: { Event: "VIEW" } } });
  });

  it("a redelivered push yields the same externalId and delivery key", async () => {
    const payload = textMessage({ from: OPENID, id: "24512345678901234", text: "again", at: AT });
    const first = await parseOne(payload, { nonce: "1", timestamp: "1739321025" });
    const second = await parseOne(payload, { nonce: "2", timestamp: "1739321030" });
    expect(first).toEqual(second);
    const keys = await Promise.all(["1", "2"].map((nonce) => wechat.deliveryKeys(push(payload, { mode: "safe", nonce }), creds)));
    expect(keys[0]!.delivery).toBe("msg:24512345678901234");
    expect(keys[1]!.delivery).toBe(keys[0]!.delivery);
    expect(keys[1]!.replay).not.toBe(keys[0]!.replay);
    const click = menuClickEvent({ from: OPENID, key: "K", at: AT });
    expect(await parseOne(click, { nonce: "3" })).toEqual(await parseOne(click, { nonce: "4" }));
  });

  it("reads WeChat's JSON push format too", async () => {
    const json = JSON.stringify({ ToUserName: "gh_x", FromUserName: OPENID, CreateTime: AT, MsgType: "text", Content: "json hi", MsgId: 55 });
    const event = await parseOne(json);
    expect(event).toMatchObject({ externalId: "55", content: { kind: "text", text: "json hi" } });
  });

  it("throws on malformed XML instead of guessing", async () => {
    await expect(wechat.parse(push("<xml><Content>a</Conten></xml>"), plainCreds)).rejects.toThrow(MalformedWebhookError);
    await expect(wechat.parse(push('<!DOCTYPE x [<!ENTITY e "boom">]><xml><Content>&e;</Content></xml>'), plainCreds)).rejects.toThrow(MalformedWebhookError);
  });
});

describe("xml reader", () => {
  it("reads CDATA, entities and nested groups", () => {
    const root = parseXml('<?xml version="1.0"?>\n<xml>\n <A><![CDATA[x]]>&amp;<![CDATA[y]]></A>\n <B>1 &lt; 2 &#x4F60;</B><C/><G><I>1</I><I>2</I></G></xml>');
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ["A", "x&y"],
      ["B", "1 < 2 你"],
      ["C", ""],
      ["G", ""],
    ]);
    expect(root.children[3]!.children.map((c) => c.text)).toEqual(["1", "2"]);
  });

  it("rejects unknown entities, bare ampersands, mixed content and trailing data", () => {
    for (const bad of ["<xml><A>&nbsp;</A></xml>", "<xml><A>a & b</A></xml>", "<xml>text<A>1</A></xml>", "<xml></xml><xml></xml>", "<xml><A>1</A>"]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

describe("send", () => {
  let fake: FakeWechat;
  let ctx: ConnectorContext;

  beforeEach(async () => {
    clearTokenCache();
    fake = await createFakeWechat().start();
    ctx = { fetch, apiBaseUrl: fake.baseUrl, now: Date.now };
  });
  afterEach(() => fake.stop());

  const outbound = (content: MessageContent, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
    messageId: "msg_1",
    conversationId: "conv_1",
    recipient: OPENID,
    content,
    senderName: "Ana",
    createdAt: Date.now(),
    lastInboundAt: Date.now() - HOUR,
    ...extra,
  });
  const sends = () => fake.requests.filter((r) => r.path === "/cgi-bin/message/custom/send");
  const uploads = () => fake.requests.filter((r) => r.path === "/cgi-bin/media/upload");

  it("text, formatted as plain text, with a cached access token", async () => {
    const result = await wechat.send(outbound({ kind: "text", text: "**Hello** see [docs](https://example.com)" }), creds, ctx);
    expect(result).toEqual({ ok: true, externalId: null, delivered: false });
    await wechat.send(outbound({ kind: "text", text: "second" }), creds, ctx);
    expect(fake.sentMessages()).toEqual([
      { touser: OPENID, msgtype: "text", text: { content: "Hello see docs (https://example.com)" } },
      { touser: OPENID, msgtype: "text", text: { content: "second" } },
    ]);
    expect(fake.tokensIssued()).toBe(1);
    expect(sends()[0]!.query.get("access_token")).toBe("FAKE_ACCESS_TOKEN_1");
    const tokenCall = fake.requests.find((r) => r.path === "/cgi-bin/token")!;
    expect(Object.fromEntries(tokenCall.query)).toEqual({ grant_type: "client_credential", appid: creds.appId, secret: creds.appSecret });
  });

  it("concurrent sends share one token request", async () => {
    const results = await Promise.all([1, 2, 3].map((n) => wechat.send(outbound({ kind: "text", text: `m${n}` }), creds, ctx)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.tokensIssued()).toBe(1);
  });

  it("splits text above WeChat's 2048-byte limit at word breaks", async () => {
    const text = Array.from({ length: 400 }, (_, i) => `词语${i}`).join(" "); // ~3.5 KB of UTF-8
    expect(await wechat.send(outbound({ kind: "text", text }), creds, ctx)).toMatchObject({ ok: true });
    const parts = fake.sentMessages().map((m) => (m.text as { content: string }).content);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(2048);
    expect(parts.join(" ")).toBe(text);
  });

  it("image: uploads the bytes as temporary media, sends by media_id, then the caption", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const result = await wechat.send(
      outbound({ kind: "image", url: "blob:img", mimeType: "image/png", caption: "Your receipt" }, { media: { bytes, mimeType: "image/png", filename: "receipt" } }),
      creds,
      ctx,
    );
    expect(result).toMatchObject({ ok: true });
    expect(uploads()).toHaveLength(1);
    expect(uploads()[0]!.query.get("type")).toBe("image");
    expect(uploads()[0]!.text).toContain('name="media"; filename="receipt.png"');
    const [image, caption] = fake.sentMessages();
    const mediaId = (image!.image as { media_id: string }).media_id;
    expect(image).toEqual({ touser: OPENID, msgtype: "image", image: { media_id: mediaId } });
    expect(fake.media.get(mediaId)!.bytes).toEqual(bytes);
    expect(caption).toEqual({ touser: OPENID, msgtype: "text", text: { content: "Your receipt" } });
  });

  it("image by public link when the server gives no bytes", async () => {
    const mediaUrl = `${fake.baseUrl}/fake-cdn/${FAKE_MEDIA.image.id}`;
    expect(await wechat.send(outbound({ kind: "image", url: "blob:x", mimeType: "image/jpeg" }, { mediaUrl }), creds, ctx)).toMatchObject({ ok: true });
    const mediaId = (fake.sentMessages()[0]!.image as { media_id: string }).media_id;
    expect(fake.media.get(mediaId)!.bytes).toEqual(FAKE_MEDIA.image.bytes);
  });

  it("voice (MP3/AMR only) and video", async () => {
    const media = (mimeType: string, filename: string) => ({ media: { bytes: new Uint8Array([9, 9, 9]), mimeType, filename } });
    expect(await wechat.send(outbound({ kind: "audio", url: "blob:a", mimeType: "audio/mpeg", voice: true }, media("audio/mpeg", "note.mp3")), creds, ctx)).toMatchObject({ ok: true });
    expect(await wechat.send(outbound({ kind: "video", url: "blob:v", mimeType: "video/mp4", caption: "Demo" }, media("video/mp4", "clip.mp4")), creds, ctx)).toMatchObject({ ok: true });
    expect(uploads().map((u) => u.query.get("type"))).toEqual(["voice", "video"]);
    const [voice, video] = fake.sentMessages();
    expect(voice).toMatchObject({ msgtype: "voice", voice: { media_id: expect.any(String) } });
    expect(video).toMatchObject({ msgtype: "video", video: { media_id: expect.any(String), title: "Demo" } });
  });

  it("refuses media WeChat would reject, without calling WeChat", async () => {
    const webm = await wechat.send(
      outbound({ kind: "audio", url: "blob:a", mimeType: "audio/webm", voice: true }, { media: { bytes: new Uint8Array([1]), mimeType: "audio/webm", filename: "n.webm" } }),
      creds,
      ctx,
    );
    expect(webm).toMatchObject({ ok: false, kind: "rejected", reason: expect.stringMatching(/AMR|MP3/) });
    const huge = await wechat.send(
      outbound({ kind: "image", url: "blob:i", mimeType: "image/jpeg" }, { media: { bytes: new Uint8Array(10 * 1024 * 1024 + 1), mimeType: "image/jpeg", filename: "big.jpg" } }),
      creds,
      ctx,
    );
    expect(huge).toMatchObject({ ok: false, kind: "rejected", reason: expect.stringMatching(/10 MB/) });
    const missing = await wechat.send(outbound({ kind: "image", url: "blob:i", mimeType: "image/jpeg" }), creds, ctx);
    expect(missing).toMatchObject({ ok: false, kind: "rejected" });
    expect(uploads().concat(sends())).toHaveLength(0);
  });

  it("file goes out as a link (the 客服 API has no file message), or is refused without one", async () => {
    const file: MessageContent = { kind: "file", url: "blob:f", mimeType: "application/pdf", filename: "invoice.pdf" };
    expect(await wechat.send(outbound(file, { mediaUrl: "https://files.example/invoice.pdf" }), creds, ctx)).toMatchObject({ ok: true });
    expect(fake.sentMessages()).toEqual([{ touser: OPENID, msgtype: "text", text: { content: "📎 invoice.pdf\nhttps://files.example/invoice.pdf" } }]);
    expect(await wechat.send(outbound(file), creds, ctx)).toMatchObject({ ok: false, kind: "rejected" });
  });

  it("location as text", async () => {
    await wechat.send(outbound({ kind: "location", latitude: 23.1, longitude: 113.3, name: "Store", address: "1 Main St" }), creds, ctx);
    expect(fake.sentMessages()[0]).toEqual({ touser: OPENID, msgtype: "text", text: { content: "📍 Store\n1 Main St\n23.1, 113.3" } });
  });

  it("buttons and quick replies as a 客服 menu message within WeChat's limits", async () => {
    const longTitle = "很".repeat(60); // 180 bytes
    const buttons: MessageContent = {
      kind: "buttons",
      text: "**Satisfied?**",
      buttons: [
        { id: "101", title: "Yes" },
        { id: "x".repeat(100), title: longTitle },
      ],
    };
    expect(await wechat.send(outbound(buttons), creds, ctx)).toMatchObject({ ok: true });
    expect(await wechat.send(outbound({ kind: "quick_replies", text: "Pick", replies: [{ id: "a", title: "A" }] }), creds, ctx)).toMatchObject({ ok: true });
    const [menu, quick] = fake.sentMessages();
    expect(menu).toMatchObject({ touser: OPENID, msgtype: "msgmenu", msgmenu: { head_content: "Satisfied?" } });
    const list = (menu!.msgmenu as { list: { id: string; content: string }[] }).list;
    expect(list[0]).toEqual({ id: "101", content: "Yes" });
    expect(Buffer.byteLength(list[1]!.content)).toBeLessThanOrEqual(128);
    expect(Buffer.byteLength(list[1]!.id)).toBeLessThanOrEqual(64);
    expect(quick).toEqual({ touser: OPENID, msgtype: "msgmenu", msgmenu: { head_content: "Pick", list: [{ id: "a", content: "A" }] } });
  });

  it("more than 10 choices fall back to a numbered list", async () => {
    const replies = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, title: `Option ${i + 1}` }));
    expect(await wechat.send(outbound({ kind: "quick_replies", text: "Which one?", replies }), creds, ctx)).toMatchObject({ ok: true });
    const content = (fake.sentMessages()[0]!.text as { content: string }).content;
    expect(content).toMatch(/^Which one\?\n\n1\. Option 1\n2\. Option 2\n/);
    expect(content).toContain("12. Option 12");
  });

  it("refuses unsupported content", async () => {
    expect(await wechat.send(outbound({ kind: "unsupported", description: "x", raw: {} }), creds, ctx)).toMatchObject({ ok: false, kind: "rejected" });
  });

  describe("failures", () => {
    const text: MessageContent = { kind: "text", text: "hello" };
    const failSendsWith = (reply: ReturnType<typeof errorReply>) => fake.failWhere((req) => req.path === "/cgi-bin/message/custom/send", reply);

    it("45015 after the customer wrote recently: they unfollowed → blocked", async () => {
      failSendsWith(errorReply("blocked"));
      expect(await wechat.send(outbound(text, { lastInboundAt: Date.now() - HOUR }), creds, ctx)).toMatchObject({
        ok: false,
        kind: "blocked",
        platformCode: "45015",
        reason: expect.stringMatching(/unfollowed/),
      });
    });

    it("45015 more than 48 h after the last message, or with none → window_closed", async () => {
      failSendsWith(errorReply("window_closed"));
      expect(await wechat.send(outbound(text, { lastInboundAt: Date.now() - 49 * HOUR }), creds, ctx)).toMatchObject({ ok: false, kind: "window_closed", platformCode: "45015" });
      expect(await wechat.send(outbound(text, { lastInboundAt: null }), creds, ctx)).toMatchObject({ ok: false, kind: "window_closed" });
    });

    it("45047 reply quota used up → window_closed", async () => {
      failSendsWith(errorReply("reply_quota"));
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: false, kind: "window_closed", platformCode: "45047" });
    });

    it("45011 per-minute and 45009 daily limits → rate_limited with a resume time", async () => {
      failSendsWith(errorReply("rate_limited"));
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: false, kind: "rate_limited", retryAfterMs: 60_000, platformCode: "45011" });
      failSendsWith(errorReply("daily_quota"));
      const daily = await wechat.send(outbound(text), creds, { ...ctx, now: () => Date.UTC(2025, 0, 1, 15, 0, 0) }); // 23:00 in Beijing
      expect(daily).toMatchObject({ ok: false, kind: "rate_limited", retryAfterMs: HOUR, platformCode: "45009" });
    });

    it("an expired access token is refreshed once and the send retried", async () => {
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: true });
      fake.expireAccessTokens();
      expect(await wechat.send(outbound({ kind: "text", text: "after expiry" }), creds, ctx)).toMatchObject({ ok: true });
      expect(fake.tokensIssued()).toBe(2);
      expect(sends().map((s) => s.query.get("access_token"))).toEqual(["FAKE_ACCESS_TOKEN_1", "FAKE_ACCESS_TOKEN_1", "FAKE_ACCESS_TOKEN_2"]);
      expect(fake.sentMessages().at(-1)).toMatchObject({ text: { content: "after expiry" } });
    });

    it("a token WeChat keeps refusing → token_expired after exactly one retry", async () => {
      failSendsWith(errorReply("token_expired"));
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: false, kind: "token_expired", platformCode: "42001" });
      expect(sends()).toHaveLength(2);
    });

    it("a wrong AppSecret → token_expired", async () => {
      expect(await wechat.send(outbound(text), { ...creds, appSecret: "wrong" }, ctx)).toMatchObject({ ok: false, kind: "token_expired", platformCode: "40125" });
    });

    it("system busy, 5xx and network errors → retry", async () => {
      failSendsWith(errorReply("busy"));
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: false, kind: "retry", platformCode: "-1" });
      failSendsWith({ status: 502, body: "Bad Gateway" });
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: false, kind: "retry", platformCode: "http_502" });
      const closed = await createFakeWechat().start();
      await closed.stop();
      expect(await wechat.send(outbound(text), creds, { ...ctx, apiBaseUrl: closed.baseUrl })).toMatchObject({ ok: false, kind: "retry" });
    });

    it("permission and content errors → rejected", async () => {
      failSendsWith({ body: { errcode: 48001, errmsg: "api unauthorized" } });
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: false, kind: "rejected", platformCode: "48001" });
      failSendsWith(errorReply("invalid_media"));
      expect(await wechat.send(outbound(text), creds, ctx)).toMatchObject({ ok: false, kind: "rejected", platformCode: "40007" });
    });
  });
});

describe("media download and credentials", () => {
  let fake: FakeWechat;
  let ctx: ConnectorContext;

  beforeEach(async () => {
    clearTokenCache();
    fake = await createFakeWechat().start();
    ctx = { fetch, apiBaseUrl: fake.baseUrl, now: Date.now };
  });
  afterEach(() => fake.stop());

  it("downloads an image and a voice note by media id", async () => {
    expect(await wechat.downloadMedia(FAKE_MEDIA.image.id, creds, ctx)).toEqual({ bytes: FAKE_MEDIA.image.bytes, mimeType: "image/jpeg" });
    expect(await wechat.downloadMedia(FAKE_MEDIA.voice.id, creds, ctx)).toEqual({ bytes: FAKE_MEDIA.voice.bytes, mimeType: "audio/amr" });
    const get = fake.requests.find((r) => r.path === "/cgi-bin/media/get")!;
    expect(get.query.get("media_id")).toBe(FAKE_MEDIA.image.id);
    expect(get.query.get("access_token")).toBe("FAKE_ACCESS_TOKEN_1");
  });

  it("follows the video_url WeChat answers for videos", async () => {
    expect(await wechat.downloadMedia(FAKE_MEDIA.video.id, creds, ctx)).toEqual({ bytes: FAKE_MEDIA.video.bytes, mimeType: "video/mp4" });
  });

  it("refreshes an expired token, and fails clearly for unknown media", async () => {
    await wechat.downloadMedia(FAKE_MEDIA.image.id, creds, ctx);
    fake.expireAccessTokens();
    expect((await wechat.downloadMedia(FAKE_MEDIA.image.id, creds, ctx)).bytes).toEqual(FAKE_MEDIA.image.bytes);
    await expect(wechat.downloadMedia("NO_SUCH_MEDIA", creds, ctx)).rejects.toThrow(/invalid or expired/);
  });

  it("validates credentials by getting an access token", async () => {
    expect(await wechat.validateCredentials(creds, ctx)).toEqual({ ok: true });
    expect(await wechat.validateCredentials({ ...creds, appSecret: "wrong" }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/AppSecret/) });
    expect(await wechat.validateCredentials({ ...creds, appId: "wx_nope" }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/AppID/) });
  });

  it("the credentials schema wants all four values", () => {
    expect(wechat.credentialsSchema.safeParse(creds).success).toBe(true);
    expect(wechat.credentialsSchema.safeParse({ ...creds, encodingAesKey: "short" }).success).toBe(false);
    expect(wechat.credentialsSchema.safeParse({ ...creds, token: "" }).success).toBe(false);
  });
});
