import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PLATFORM_MEDIA_PREFIX, type ConnectorContext, type InboundEvent, type OutboundMessage, type WebhookRequest } from "../src/connector.ts";
import { hmacSha256, toHex, utf8 } from "../src/crypto.ts";
import {
  FAKE_INSTAGRAM_CREDENTIALS as creds,
  FAKE_IG_ACCOUNT_ID,
  FAKE_MEDIA_BYTES,
  audioMessage,
  buildWebhook,
  createFakeInstagram,
  createInstagramHandler,
  echoMessage,
  editMessage,
  envelope,
  errorReply,
  fileMessage,
  imageMessage,
  postback,
  quickReplyMessage,
  reaction,
  readReceipt,
  referral,
  shareMessage,
  stickerMessage,
  storyMention,
  storyReply,
  textMessage,
  unsendMessage,
  unsupportedMessage,
  videoMessage,
  webhookRequest,
  type FakeInstagram,
} from "./fake.ts";
import { instagramConnector as ig } from "./index.ts";

const CUSTOMER = "6543210987654321";
const HOUR = 3_600_000;

let fake: FakeInstagram;
let ctx: ConnectorContext;

beforeAll(async () => {
  fake = await createFakeInstagram().start();
  ctx = { fetch, apiBaseUrl: fake.baseUrl, now: Date.now };
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
  fake.respondWith(createInstagramHandler());
});

const signed = (payload: object | string) => webhookRequest(buildWebhook(payload, creds));
const parse = (payload: object | string) => ig.parse(signed(payload), creds);
async function parseOne(payload: object): Promise<InboundEvent> {
  const events = await parse(payload);
  expect(events).toHaveLength(1);
  return events[0]!;
}

function getRequest(query: string): WebhookRequest {
  return { method: "GET", url: new URL(`https://inbox.example/webhooks/instagram/inbox_1?${query}`), headers: new Headers(), body: new Uint8Array() };
}

describe("webhook handshake", () => {
  it("echoes hub.challenge when the verify token matches", async () => {
    const res = await ig.handshake(getRequest(`hub.mode=subscribe&hub.verify_token=${creds.verifyToken}&hub.challenge=1158201444`), creds);
    expect(res).toMatchObject({ status: 200, body: "1158201444" });
  });
  it("refuses a wrong verify token with 403", async () => {
    const res = await ig.handshake(getRequest("hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444"), creds);
    expect(res?.status).toBe(403);
    expect(res?.body).not.toContain("1158201444");
  });
  it("is not a handshake without hub.* parameters or on POST", async () => {
    expect(await ig.handshake(getRequest("foo=bar"), creds)).toBeNull();
    expect(await ig.handshake(signed(textMessage({ from: CUSTOMER, text: "hi" })), creds)).toBeNull();
  });
  it("acknowledges with 200", () => {
    expect(ig.acknowledge(signed("{}")).status).toBe(200);
  });
});

describe("signature", () => {
  const payload = textMessage({ from: CUSTOMER, id: "m_sig", text: "Grüße 👋" });
  it("accepts Meta's signature over the raw bytes (non-ASCII escaped as Meta sends it)", async () => {
    const req = signed(payload);
    expect(new TextDecoder().decode(req.body)).toContain("\\u00fc");
    expect(await ig.verify(req, creds)).toBe(true);
  });
  it("rejects a tampered body", async () => {
    const built = buildWebhook(payload, creds);
    const req = webhookRequest({ ...built, body: built.body.replace("m_sig", "m_sih") });
    expect(await ig.verify(req, creds)).toBe(false);
  });
  it("rejects a missing header", async () => {
    const built = buildWebhook(payload, creds);
    expect(await ig.verify(webhookRequest({ headers: { "content-type": "application/json" }, body: built.body }), creds)).toBe(false);
  });
  it("rejects a signature made with another secret", async () => {
    const req = webhookRequest(buildWebhook(payload, { ...creds, appSecret: "someone-else" }));
    expect(await ig.verify(req, creds)).toBe(false);
  });
});

describe("inbound", () => {
  it("text", async () => {
    const ev = await parseOne(textMessage({ from: CUSTOMER, id: "m_text", text: "Where is my order?", timestamp: 1569262485349 }));
    expect(ev).toEqual({ type: "message", externalId: "m_text", sender: { externalId: CUSTOMER }, content: { kind: "text", text: "Where is my order?" }, at: 1569262485349 });
  });

  it("a reply to a message carries inReplyTo", async () => {
    const ev = await parseOne(textMessage({ from: CUSTOMER, id: "m_r", text: "this one", replyTo: "m_ours" }));
    expect(ev).toMatchObject({ type: "message", externalId: "m_r", inReplyTo: "m_ours" });
  });

  it("quick-reply tap becomes text", async () => {
    const ev = await parseOne(quickReplyMessage({ from: CUSTOMER, id: "m_qr", text: "Yes", payload: "CONFIRM_YES" }));
    expect(ev).toMatchObject({ type: "message", externalId: "m_qr", content: { kind: "text", text: "Yes", replyTo: { choiceId: "CONFIRM_YES" } } });
  });

  it("button (postback) tap becomes text", async () => {
    const ev = await parseOne(postback({ from: CUSTOMER, id: "m_pb", title: "Talk to agent", payload: "HUMAN" }));
    expect(ev).toMatchObject({ type: "message", externalId: "m_pb", content: { kind: "text", text: "Talk to agent", replyTo: { choiceId: "HUMAN" } } });
  });

  it.each([
    ["image", imageMessage, { kind: "image", mimeType: "image/jpeg" }],
    ["video", videoMessage, { kind: "video", mimeType: "video/mp4" }],
    ["voice note", audioMessage, { kind: "audio", voice: true }],
    ["file", fileMessage, { kind: "file" }],
    ["sticker", stickerMessage, { kind: "image" }],
  ] as const)("%s becomes media pointing at the platform link", async (_name, build, expected) => {
    const url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=123&signature=x";
    const ev = await parseOne(build({ from: CUSTOMER, id: "m_media", url }));
    expect(ev).toMatchObject({ type: "message", externalId: "m_media", content: { ...expected, url: PLATFORM_MEDIA_PREFIX + url } });
  });

  it("shares, reels and story mentions become text with the link", async () => {
    const share = await parseOne(shareMessage({ from: CUSTOMER, id: "m_sh", url: "https://www.instagram.com/p/abc/" }));
    expect(share.type === "message" && share.content).toEqual({ kind: "text", text: "Shared a post: https://www.instagram.com/p/abc/" });
    const reel = await parseOne(shareMessage({ from: CUSTOMER, id: "m_reel", type: "ig_reel", url: "https://www.instagram.com/reel/xyz/", title: "Unboxing" }));
    expect(reel.type === "message" && reel.content.kind === "text" && reel.content.text).toContain("https://www.instagram.com/reel/xyz/");
    const mention = await parseOne(storyMention({ from: CUSTOMER, id: "m_sm", url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=9" }));
    expect(mention).toMatchObject({ externalId: "m_sm", content: { kind: "text" } });
    expect(mention.type === "message" && mention.content.kind === "text" && mention.content.text).toMatch(/story/);
  });

  it("a story reply keeps the customer's text and the story link", async () => {
    const ev = await parseOne(storyReply({ from: CUSTOMER, id: "m_st", text: "Love it!", storyUrl: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=7" }));
    expect(ev.type === "message" && ev.content.kind === "text" && ev.content.text).toMatch(/^Love it!\n\n.*asset_id=7/s);
  });

  it("GIFs/stickers Instagram withholds and unknown attachments become unsupported with raw", async () => {
    const ev = await parseOne(unsupportedMessage({ from: CUSTOMER, id: "m_u" }));
    expect(ev).toMatchObject({ type: "message", externalId: "m_u", content: { kind: "unsupported", raw: { mid: "m_u", is_unsupported: true } } });
    const odd = envelope([{ sender: { id: CUSTOMER }, recipient: { id: FAKE_IG_ACCOUNT_ID }, timestamp: 1, message: { mid: "m_odd", attachments: [{ type: "hologram", payload: { x: 1 } }] } }]);
    const oddEv = await parseOne(odd);
    expect(oddEv).toMatchObject({ externalId: "m_odd", content: { kind: "unsupported", raw: { type: "hologram" } } });
  });

  it("unknown event kinds are kept as unsupported messages", async () => {
    const ev = await parseOne(referral({ from: CUSTOMER, ref: "summer-sale", timestamp: 5000 }));
    expect(ev).toMatchObject({ type: "message", sender: { externalId: CUSTOMER }, content: { kind: "unsupported" } });
    const other = await parseOne(envelope([{ sender: { id: CUSTOMER }, recipient: { id: FAKE_IG_ACCOUNT_ID }, timestamp: 5, optin: { ref: "x" } }]));
    expect(other).toMatchObject({ type: "message", content: { kind: "unsupported", raw: { optin: { ref: "x" } } } });
  });

  it("several attachments in one message get distinct, stable ids", async () => {
    const payload = envelope([
      { sender: { id: CUSTOMER }, recipient: { id: FAKE_IG_ACCOUNT_ID }, timestamp: 10, message: { mid: "m_multi", attachments: [{ type: "image", payload: { url: "https://lookaside.fbsbx.com/a" } }, { type: "image", payload: { url: "https://lookaside.fbsbx.com/b" } }] } },
    ]);
    const ids = (await parse(payload)).map((e) => e.type === "message" && e.externalId);
    expect(ids).toEqual(["m_multi", "m_multi:1"]);
  });

  it("unsend → delete, edit → edit", async () => {
    expect(await parseOne(unsendMessage({ from: CUSTOMER, id: "m_del", timestamp: 1569262485349 }))).toEqual({ type: "delete", externalId: "m_del", sender: { externalId: CUSTOMER }, at: 1569262485349 });
    expect(await parseOne(editMessage({ from: CUSTOMER, id: "m_ed", text: "fixed typo" }))).toMatchObject({ type: "edit", externalId: "m_ed", content: { kind: "text", text: "fixed typo" } });
  });

  it("reactions become text about the reacted message", async () => {
    const ev = await parseOne(reaction({ from: CUSTOMER, mid: "m_ours", emoji: "❤️" }));
    expect(ev).toMatchObject({ type: "message", inReplyTo: "m_ours", content: { kind: "text", text: "Reacted ❤️ to a message" } });
  });

  it("messaging_seen → read status for our message", async () => {
    expect(await parseOne(readReceipt({ from: CUSTOMER, mid: "m_ours", timestamp: 1569262486000 }))).toEqual({ type: "status", externalMessageId: "m_ours", status: "read", at: 1569262486000 });
    const wm = envelope([{ sender: { id: CUSTOMER }, recipient: { id: FAKE_IG_ACCOUNT_ID }, timestamp: 1569262486000, read: { watermark: 1569262485000 } }]);
    expect(await parseOne(wm)).toEqual({ type: "watermark", sender: { externalId: CUSTOMER }, status: "read", upTo: 1569262485000, at: 1569262486000 });
  });

  it("echoes of the account's own messages are not customer messages", async () => {
    expect(await parse(echoMessage({ to: CUSTOMER, text: "sent from the app" }))).toEqual([]);
  });

  it("reads all entries and events of a batch, and the dashboard's test shape", async () => {
    const a = textMessage({ from: CUSTOMER, id: "m_a", text: "a" });
    const b = textMessage({ from: "111", id: "m_b", text: "b" });
    const batch = { object: "instagram", entry: [...a.entry, ...b.entry] };
    expect((await parse(batch)).map((e) => e.type === "message" && e.externalId)).toEqual(["m_a", "m_b"]);
    const test = { object: "instagram", entry: [{ id: "0", time: 1, changes: [{ field: "messages", value: { sender: { id: "12334" }, recipient: { id: "23245" }, timestamp: "1527459824", message: { mid: "random_mid", text: "random_text" } } }] }] };
    expect(await parseOne(test)).toMatchObject({ type: "message", externalId: "random_mid", content: { kind: "text", text: "random_text" }, at: 1527459824000 });
  });

  it("a redelivered webhook yields the same externalId", async () => {
    const payload = imageMessage({ from: CUSTOMER, url: "https://lookaside.fbsbx.com/x" });
    const [first] = await parse(payload);
    const [again] = await parse(JSON.parse(JSON.stringify(payload)));
    expect(first).toEqual(again);
  });

  it("a body that is not JSON is an error, not silence", async () => {
    await expect(parse("not json")).rejects.toThrow();
  });
});

function outbound(content: OutboundMessage["content"], extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return { messageId: "msg_1", conversationId: "conv_1", recipient: CUSTOMER, content, senderName: "Ana", createdAt: Date.now(), lastInboundAt: Date.now() - HOUR, ...extra };
}
type Sent = { recipient: { id: string }; messaging_type: string; tag?: string; message: Record<string, any> };
const sentBodies = () => fake.requests.filter((r) => r.method === "POST").map((r) => r.json() as Sent);

describe("send", () => {
  it("text goes to /me/messages as plain text with the token and appsecret_proof", async () => {
    const res = await ig.send(outbound({ kind: "text", text: "**Hello** _there_, see [docs](https://x.io)" }), creds, ctx);
    expect(res).toMatchObject({ ok: true, delivered: false });
    expect(res.ok && res.externalId).toMatch(/^aWdf/);
    const [req] = fake.requests;
    expect(req!.path).toBe("/me/messages");
    expect(req!.headers.authorization).toBe(`Bearer ${creds.accessToken}`);
    expect(req!.query.get("appsecret_proof")).toBe(toHex(await hmacSha256(creds.appSecret!, utf8(creds.accessToken!))));
    expect(req!.json()).toEqual({ recipient: { id: CUSTOMER }, messaging_type: "RESPONSE", message: { text: "Hello there, see docs (https://x.io)" } });
  });

  it("between 24 hours and 7 days uses the HUMAN_AGENT tag where the inbox may (its setting)", async () => {
    await ig.send(outbound({ kind: "text", text: "late" }, { lastInboundAt: Date.now() - 30 * HOUR, humanAgentWindow: true }), creds, ctx);
    expect(sentBodies()[0]).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
  });

  it("without the Human Agent setting, a reply after 24 hours is refused at once, saying why", async () => {
    const result = await ig.send(outbound({ kind: "text", text: "late" }, { lastInboundAt: Date.now() - 30 * HOUR }), creds, ctx);
    expect(result).toMatchObject({ ok: false, kind: "window_closed", reason: expect.stringMatching(/^More than 24 hours .* only with the Human Agent tag, which is off for this channel/) });
    expect(fake.requests).toHaveLength(0);
  });

  it("after 7 days the window is closed even with the Human Agent setting", async () => {
    const result = await ig.send(outbound({ kind: "text", text: "too late" }, { lastInboundAt: Date.now() - 8 * 24 * HOUR, humanAgentWindow: true }), creds, ctx);
    expect(result).toMatchObject({ ok: false, kind: "window_closed", reason: expect.stringMatching(/^More than 7 days/) });
    expect(fake.requests).toHaveLength(0);
  });

  it("after 7 days (or before the customer ever wrote) the window is closed and nothing is sent", async () => {
    expect(await ig.send(outbound({ kind: "text", text: "too late" }, { lastInboundAt: Date.now() - 8 * 24 * HOUR }), creds, ctx)).toMatchObject({ ok: false, kind: "window_closed" });
    expect(await ig.send(outbound({ kind: "text", text: "hello?" }, { lastInboundAt: null }), creds, ctx)).toMatchObject({ ok: false, kind: "window_closed" });
    expect(fake.requests).toHaveLength(0);
  });

  it("text over 1000 characters is refused before sending", async () => {
    const res = await ig.send(outbound({ kind: "text", text: "x".repeat(1001) }), creds, ctx);
    expect(res).toMatchObject({ ok: false, kind: "rejected" });
    expect(fake.requests).toHaveLength(0);
  });

  it("image by link, with its caption as a follow-up text", async () => {
    const res = await ig.send(
      outbound({ kind: "image", url: "/media/abc.jpg", mimeType: "image/jpeg", caption: "Your receipt" }, { mediaUrl: "https://inbox.example/media/abc.jpg", media: { bytes: new Uint8Array(10), mimeType: "image/jpeg", filename: "abc.jpg" } }),
      creds,
      ctx,
    );
    expect(res.ok).toBe(true);
    expect(sentBodies().map((b) => b.message)).toEqual([{ attachment: { type: "image", payload: { url: "https://inbox.example/media/abc.jpg" } } }, { text: "Your receipt" }]);
    // The result carries the attachment's message id (the first answer), not the caption's.
    expect(res.ok && res.externalId).toMatch(/000001$/);
  });

  it.each([
    ["audio", { kind: "audio", url: "/media/a.m4a", mimeType: "audio/mp4", voice: true }],
    ["video", { kind: "video", url: "/media/v.mp4", mimeType: "video/mp4" }],
    ["file", { kind: "file", url: "/media/f.pdf", mimeType: "application/pdf", filename: "invoice.pdf" }],
  ] as const)("%s by link", async (kind, content) => {
    const res = await ig.send(outbound(content, { mediaUrl: `https://inbox.example${content.url}` }), creds, ctx);
    expect(res.ok).toBe(true);
    expect(sentBodies()[0]!.message).toEqual({ attachment: { type: kind, payload: { url: `https://inbox.example${content.url}` } } });
  });

  it("refuses media Instagram would reject (type, size, no public link)", async () => {
    const docx = await ig.send(outbound({ kind: "file", url: "/media/f.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", filename: "a.docx" }, { mediaUrl: "https://inbox.example/media/f.docx" }), creds, ctx);
    expect(docx).toMatchObject({ ok: false, kind: "rejected" });
    const big = await ig.send(
      outbound({ kind: "image", url: "/media/big.png", mimeType: "image/png" }, { mediaUrl: "https://inbox.example/media/big.png", media: { bytes: new Uint8Array(9 * 1024 * 1024), mimeType: "image/png", filename: "big.png" } }),
      creds,
      ctx,
    );
    expect(big).toMatchObject({ ok: false, kind: "rejected" });
    const noLink = await ig.send(outbound({ kind: "image", url: "/media/x.png", mimeType: "image/png" }), creds, ctx);
    expect(noLink).toMatchObject({ ok: false, kind: "rejected" });
    expect(fake.requests).toHaveLength(0);
  });

  it("up to 3 buttons: a generic template with postback buttons, titles cut to 20 characters", async () => {
    await ig.send(
      outbound({ kind: "buttons", text: "How can we help?", buttons: [{ id: "track", title: "Track my order" }, { id: "return", title: "Return an item please now" }, { id: "agent", title: "Agent" }] }),
      creds,
      ctx,
    );
    const message = sentBodies()[0]!.message;
    expect(message.attachment.type).toBe("template");
    expect(message.attachment.payload.template_type).toBe("generic");
    const [element] = message.attachment.payload.elements;
    expect(element.title).toBe("How can we help?");
    expect(element.buttons).toHaveLength(3);
    expect(element.buttons[1]).toEqual({ type: "postback", title: "Return an item plea…", payload: "return" });
    for (const b of element.buttons) expect([...b.title].length).toBeLessThanOrEqual(20);
  });

  it("more than 3 buttons fall back to quick replies (max 13)", async () => {
    const buttons = Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, title: `Option ${i}` }));
    await ig.send(outbound({ kind: "buttons", text: "Pick one", buttons }), creds, ctx);
    const message = sentBodies()[0]!.message;
    expect(message.attachment).toBeUndefined();
    expect(message.text).toBe("Pick one");
    expect(message.quick_replies).toHaveLength(5);
    expect(message.quick_replies[0]).toEqual({ content_type: "text", title: "Option 0", payload: "b0" });
  });

  it("quick replies", async () => {
    await ig.send(outbound({ kind: "quick_replies", text: "Was this helpful?", replies: [{ id: "yes", title: "Yes" }, { id: "no", title: "No, I still need some help" }] }), creds, ctx);
    const body = sentBodies()[0]!;
    expect(body.messaging_type).toBe("RESPONSE");
    expect(body.message).toEqual({ text: "Was this helpful?", quick_replies: [{ content_type: "text", title: "Yes", payload: "yes" }, { content_type: "text", title: "No, I still need so…", payload: "no" }] });
  });

  it("location becomes a map link", async () => {
    await ig.send(outbound({ kind: "location", latitude: 52.52, longitude: 13.405, name: "Store" }), creds, ctx);
    expect(sentBodies()[0]!.message.text).toContain("https://maps.google.com/?q=52.52,13.405");
  });

  it.each([
    ["blocked", "blocked", "551/1545041"],
    ["token_expired", "token_expired", "190/463"],
    ["window_closed", "window_closed", "10/2534022"],
    ["rejected", "rejected", "100"],
    ["server_error", "retry", "2"],
  ] as const)("Instagram's %s answer maps to %s", async (reply, kind, platformCode) => {
    fake.respondWith(() => errorReply(reply));
    const res = await ig.send(outbound({ kind: "text", text: "hi" }), creds, ctx);
    expect(res).toMatchObject({ ok: false, kind, platformCode });
    expect(!res.ok && res.reason.length).toBeGreaterThan(20);
  });

  it("rate limits pause for the time Meta says", async () => {
    fake.respondWith(() => errorReply("rate_limited"));
    const res = await ig.send(outbound({ kind: "text", text: "hi" }), creds, ctx);
    expect(res).toMatchObject({ ok: false, kind: "rate_limited", platformCode: "80002", retryAfterMs: 5 * 60_000 });
  });

  it("network failures are retried", async () => {
    const offline: ConnectorContext = { ...ctx, fetch: async () => Promise.reject(new TypeError("fetch failed")) };
    expect(await ig.send(outbound({ kind: "text", text: "hi" }), creds, offline)).toMatchObject({ ok: false, kind: "retry" });
  });
});

describe("media download", () => {
  it("fetches the bytes behind an inbound attachment", async () => {
    const [ev] = await parse(imageMessage({ from: CUSTOMER, id: "m_img", url: fake.mediaUrl("42") }));
    expect(ev?.type === "message" && ev.content.kind === "image").toBe(true);
    const url = ev!.type === "message" && "url" in ev!.content ? ev!.content.url : "";
    const { bytes, mimeType } = await ig.downloadMedia(url.slice(PLATFORM_MEDIA_PREFIX.length), creds, ctx);
    expect(mimeType).toBe("image/jpeg");
    expect(Array.from(bytes)).toEqual(Array.from(FAKE_MEDIA_BYTES));
  });
  it("fails on an expired link and refuses hosts outside Meta's CDN", async () => {
    await expect(ig.downloadMedia(fake.mediaUrl("expired"), creds, ctx)).rejects.toThrow(/expired/);
    await expect(ig.downloadMedia("http://169.254.169.254/latest/meta-data", creds, ctx)).rejects.toThrow();
  });
});

describe("credentials", () => {
  it("validates against the account", async () => {
    expect(await ig.validateCredentials(creds, ctx)).toEqual({ ok: true, accountName: "@acme.shop" });
    expect(fake.requests[0]!.path).toBe(`/${FAKE_IG_ACCOUNT_ID}`);
  });
  it("reports a refused token", async () => {
    fake.respondWith(() => errorReply("token_expired"));
    const res = await ig.validateCredentials(creds, ctx);
    expect(res.ok).toBe(false);
  });
  it("the schema requires every field", () => {
    expect(ig.credentialsSchema.safeParse(creds).success).toBe(true);
    expect(ig.credentialsSchema.safeParse({ ...creds, appSecret: "" }).success).toBe(false);
  });
});
