import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectorContext, InboundEvent, OutboundMessage, WebhookRequest } from "../src/connector.ts";
import { utf8 } from "../src/crypto.ts";
import type { FakePlatform } from "../src/testing/fake-platform.ts";
import {
  FAKE_MEDIA_BYTES,
  FAKE_PAGE_ID,
  FAKE_PAGE_NAME,
  audioMessage,
  buildWebhook,
  createFakeMessenger,
  deliveryReceipt,
  echoMessage,
  errorReply,
  fakeMediaUrl,
  fileMessage,
  handshakeQuery,
  imageMessage,
  imagesMessage,
  linkShareMessage,
  locationMessage,
  messageEdit,
  messengerFakeHandler,
  messagingEvent,
  optinEvent,
  pageWebhook,
  postbackMessage,
  quickReplyMessage,
  reaction,
  readReceipt,
  reelShareMessage,
  stickerMessage,
  textMessage,
  videoMessage,
} from "./fake.ts";
import { messengerConnector as messenger } from "./index.ts";

const credentials = { pageAccessToken: "EAAG-page-token", pageId: FAKE_PAGE_ID, appSecret: "app-secret-0123", verifyToken: "verify-me-please" };
const PSID = "6789012345678901";
const HOUR = 3_600_000;
const WEBHOOK_URL = "https://inbox.example/webhooks/messenger/inbox_1";

function post(payload: object | string, creds = credentials): WebhookRequest {
  const built = buildWebhook(payload, creds);
  return { method: "POST", url: new URL(WEBHOOK_URL), headers: new Headers(built.headers), body: utf8(built.body) };
}

function get(query: URLSearchParams | string): WebhookRequest {
  return { method: "GET", url: new URL(`${WEBHOOK_URL}?${query.toString()}`), headers: new Headers(), body: new Uint8Array() };
}

async function parse(payload: object): Promise<InboundEvent[]> {
  const req = post(payload);
  expect(await messenger.verify(req, credentials)).toBe(true);
  return messenger.parse(req, credentials);
}

describe("messenger webhook handshake", () => {
  it("answers Meta's subscription check with the challenge", async () => {
    const res = await messenger.handshake(get(handshakeQuery(credentials.verifyToken, "8675309")), credentials);
    expect(res).toMatchObject({ status: 200, body: "8675309" });
  });

  it("refuses a wrong verify token", async () => {
    const res = await messenger.handshake(get(handshakeQuery("guess", "8675309")), credentials);
    expect(res?.status).toBe(403);
    expect(res?.body).not.toContain("8675309");
  });

  it("ignores GETs and POSTs that are not a handshake", async () => {
    expect(await messenger.handshake(get("foo=bar"), credentials)).toBeNull();
    expect(await messenger.handshake(post(textMessage({ from: PSID, text: "hi" })), credentials)).toBeNull();
  });

  it("acknowledges with 200", () => {
    expect(messenger.acknowledge(post("{}")).status).toBe(200);
  });
});

describe("messenger webhook signature", () => {
  const payload = textMessage({ from: PSID, id: "m_sig", text: "Grüße 👋", timestamp: 1_700_000_000_000 });

  it("accepts the X-Hub-Signature-256 of the raw bytes, including Meta's escaped unicode", async () => {
    const req = post(payload);
    expect(new TextDecoder().decode(req.body)).toContain("\\u00fc");
    expect(await messenger.verify(req, credentials)).toBe(true);
    const [event] = await messenger.parse(req, credentials);
    expect(event).toMatchObject({ type: "message", content: { kind: "text", text: "Grüße 👋" } });
  });

  it("rejects a tampered body", async () => {
    const req = post(payload);
    const tampered = { ...req, body: utf8(new TextDecoder().decode(req.body).replace("m_sig", "m_evil")) };
    expect(await messenger.verify(tampered, credentials)).toBe(false);
  });

  it("rejects a missing header", async () => {
    const req = post(payload);
    const headers = new Headers(req.headers);
    headers.delete("x-hub-signature-256");
    expect(await messenger.verify({ ...req, headers }, credentials)).toBe(false);
  });

  it("rejects a body signed with another app secret", async () => {
    const req = post(payload, { ...credentials, appSecret: "someone-else" });
    expect(await messenger.verify(req, credentials)).toBe(false);
  });
});

describe("messenger inbound events", () => {
  const base = { from: PSID, timestamp: 1_700_000_123_456 };
  const cdn = "https://scontent.xx.fbcdn.net/v/t1.15752-9/123_456_n";

  it("text, with the sender's PSID, the mid and a ms timestamp", async () => {
    expect(await parse(textMessage({ ...base, id: "m_text1", text: "Where is my order?" }))).toEqual([
      { type: "message", externalId: "m_text1", sender: { externalId: PSID }, content: { kind: "text", text: "Where is my order?" }, at: base.timestamp },
    ]);
  });

  it("a reply to a message keeps the replied-to mid", async () => {
    const [event] = await parse(textMessage({ ...base, id: "m_r", text: "this one", replyTo: "m_ours" }));
    expect(event).toMatchObject({ type: "message", inReplyTo: "m_ours", content: { kind: "text", text: "this one" } });
  });

  it("a quick-reply tap becomes its title as text", async () => {
    const [event] = await parse(quickReplyMessage({ ...base, id: "m_qr", text: "Yes", payload: "CONFIRM_YES" }));
    expect(event).toMatchObject({ type: "message", externalId: "m_qr", content: { kind: "text", text: "Yes", replyTo: { choiceId: "CONFIRM_YES" } } });
  });

  it("a postback button tap becomes its title as text", async () => {
    const [event] = await parse(postbackMessage({ ...base, id: "m_pb", title: "Talk to agent", payload: "HUMAN" }));
    expect(event).toMatchObject({ type: "message", externalId: "m_pb", content: { kind: "text", text: "Talk to agent", replyTo: { choiceId: "HUMAN" } } });
  });

  it("plain text carries no choice id", async () => {
    const [event] = await parse(textMessage({ ...base, id: "m_plain", text: "Yes" }));
    expect(event).toMatchObject({ content: { kind: "text", text: "Yes" } });
    expect(event!.type === "message" && event!.content.kind === "text" && event!.content.replyTo).toBeFalsy();
  });

  it("image, video, file and voice clip reference the CDN media", async () => {
    const [image] = await parse(imageMessage({ ...base, id: "m_img", url: `${cdn}.jpg?_nc_cat=1` }));
    expect(image).toMatchObject({ externalId: "m_img", content: { kind: "image", url: `platform-media:${cdn}.jpg?_nc_cat=1`, mimeType: "image/jpeg" } });

    const [video] = await parse(videoMessage({ ...base, id: "m_vid", url: `${cdn}.mp4` }));
    expect(video).toMatchObject({ content: { kind: "video", url: `platform-media:${cdn}.mp4`, mimeType: "video/mp4" } });

    const fileUrl = "https://cdn.fbsbx.com/v/t59.2708-21/987_n.pdf/Invoice%20May.pdf?_nc_cat=104";
    const [file] = await parse(fileMessage({ ...base, id: "m_file", url: fileUrl }));
    expect(file).toMatchObject({ content: { kind: "file", url: `platform-media:${fileUrl}`, mimeType: "application/pdf", filename: "Invoice May.pdf" } });

    const voiceUrl = "https://cdn.fbsbx.com/v/t59.3654-21/111_n.mp4/audioclip-1700000000000-2001.mp4?_nc_cat=1";
    const [voice] = await parse(audioMessage({ ...base, id: "m_voice", url: voiceUrl }));
    expect(voice).toMatchObject({ content: { kind: "audio", url: `platform-media:${voiceUrl}`, mimeType: "audio/mp4", voice: true } });
  });

  it("several photos in one message get distinct ids derived from the mid", async () => {
    const events = await parse(imagesMessage({ ...base, id: "m_many", urls: [`${cdn}a.jpg`, `${cdn}b.jpg`] }));
    expect(events.map((e) => e.type === "message" && e.externalId)).toEqual(["m_many", "m_many#1"]);
  });

  it("a sticker is one image, even while Meta sends it twice", async () => {
    const events = await parse(stickerMessage({ ...base, id: "m_stk", url: `${cdn}.png` }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ externalId: "m_stk", content: { kind: "image", url: `platform-media:${cdn}.png`, mimeType: "image/png" } });
  });

  it("location and shared links", async () => {
    const [place] = await parse(locationMessage({ ...base, id: "m_loc", latitude: 52.52, longitude: 13.405, title: "Alexanderplatz" }));
    expect(place).toMatchObject({ content: { kind: "location", latitude: 52.52, longitude: 13.405, name: "Alexanderplatz" } });

    const link = await parse(linkShareMessage({ ...base, id: "m_link", link: "https://shop.example/p/1" }));
    expect(link).toEqual([expect.objectContaining({ externalId: "m_link", content: { kind: "text", text: "https://shop.example/p/1" } })]);
  });

  it("kinds without a canonical form are kept as unsupported with the raw payload", async () => {
    const [reel] = await parse(reelShareMessage({ ...base, id: "m_reel", url: "https://lookaside.fbsbx.com/reel/1" }));
    expect(reel).toMatchObject({ type: "message", externalId: "m_reel", content: { kind: "unsupported", raw: { type: "ig_reel" } } });

    const [optin] = await parse(optinEvent({ ...base }));
    expect(optin).toMatchObject({ type: "message", sender: { externalId: PSID }, content: { kind: "unsupported", raw: { optin: { ref: "welcome" } } } });

    const [reacted] = await parse(reaction({ ...base, id: "m_ours" }));
    expect(reacted).toMatchObject({ type: "message", inReplyTo: "m_ours", content: { kind: "unsupported", description: "Reacted ❤️" } });
  });

  it("edits", async () => {
    expect(await parse(messageEdit({ ...base, id: "m_text1", text: "Where is order 12?" }))).toEqual([
      { type: "edit", externalId: "m_text1", sender: { externalId: PSID }, content: { kind: "text", text: "Where is order 12?" }, at: base.timestamp },
    ]);
  });

  it("delivery and read receipts come as watermarks", async () => {
    const delivered = await parse(deliveryReceipt({ ...base, watermark: 1_700_000_100_000, mids: ["m_out1"] }));
    expect(delivered).toEqual([
      { type: "status", externalMessageId: "m_out1", status: "delivered", at: base.timestamp },
      { type: "watermark", sender: { externalId: PSID }, status: "delivered", upTo: 1_700_000_100_000, at: base.timestamp },
    ]);
    expect(await parse(readReceipt({ ...base, watermark: 1_700_000_110_000 }))).toEqual([
      { type: "watermark", sender: { externalId: PSID }, status: "read", upTo: 1_700_000_110_000, at: base.timestamp },
    ]);
  });

  it("skips echoes of the Page's own messages and entries of other Pages", async () => {
    expect(await parse(echoMessage({ to: PSID, text: "our reply" }))).toEqual([]);
    expect(await parse(textMessage({ ...base, pageId: "999999", text: "for another inbox" }))).toEqual([]);
  });

  it("reads every event of a batched delivery", async () => {
    const payload = pageWebhook([
      messagingEvent({ ...base }, { message: { mid: "m_b1", text: "one" } }),
      messagingEvent({ ...base, from: "222" }, { message: { mid: "m_b2", text: "two" } }),
    ]);
    const events = await parse(payload);
    expect(events.map((e) => e.type === "message" && [e.externalId, e.sender.externalId])).toEqual([
      ["m_b1", PSID],
      ["m_b2", "222"],
    ]);
  });

  it("a redelivered webhook yields the same externalIds", async () => {
    const payload = imagesMessage({ ...base, id: "m_again", urls: [`${cdn}1.jpg`, `${cdn}2.jpg`] });
    const first = await parse(payload);
    const again = await parse(payload);
    expect(again).toEqual(first);
    const postback = postbackMessage({ ...base, title: "Yes", payload: "Y" });
    expect(await parse(postback)).toEqual(await parse(postback));
  });
});

describe("messenger send", () => {
  let fake: FakePlatform;
  let ctx: ConnectorContext;
  const now = 1_700_000_000_000;

  beforeAll(async () => {
    fake = await createFakeMessenger({ pageAccessToken: credentials.pageAccessToken }).start();
    ctx = { fetch, apiBaseUrl: fake.baseUrl, now: () => now };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.respondWith(messengerFakeHandler({ pageAccessToken: credentials.pageAccessToken }));
  });

  function outbound(content: OutboundMessage["content"], extra: Partial<OutboundMessage> = {}): OutboundMessage {
    return {
      messageId: "msg_1",
      conversationId: "conv_1",
      recipient: PSID,
      content,
      senderName: "Ana",
      createdAt: now,
      lastInboundAt: now - HOUR,
      ...extra,
    };
  }

  function sentBodies(): Record<string, unknown>[] {
    return fake.requests.filter((r) => r.method === "POST").map((r) => r.json() as Record<string, unknown>);
  }

  it("sends formatted text inside the 24 h window as RESPONSE, with the Page token", async () => {
    const result = await messenger.send(outbound({ kind: "text", text: "**Order 12** ships [today](https://t.example/12)" }), credentials, ctx);
    expect(result).toMatchObject({ ok: true, delivered: false });
    expect(result.ok && result.externalId).toMatch(/^m_/);
    const [req] = fake.requests;
    expect(req?.path).toBe(`/${FAKE_PAGE_ID}/messages`);
    expect(req?.headers.authorization).toBe(`Bearer ${credentials.pageAccessToken}`);
    expect(req?.query.get("appsecret_proof")).toMatch(/^[0-9a-f]{64}$/);
    expect(req?.json()).toEqual({
      recipient: { id: PSID },
      messaging_type: "RESPONSE",
      message: { text: "Order 12 ships today (https://t.example/12)" },
    });
  });

  it("uses the HUMAN_AGENT tag between 24 h and 7 days where the inbox may (its setting)", async () => {
    await messenger.send(outbound({ kind: "text", text: "Sorry for the wait" }, { lastInboundAt: now - 30 * HOUR, humanAgentWindow: true }), credentials, ctx);
    expect(sentBodies()[0]).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT", message: { text: "Sorry for the wait" } });
  });

  it("without the Human Agent setting, refuses after 24 h at once, saying why", async () => {
    const result = await messenger.send(outbound({ kind: "text", text: "Sorry for the wait" }, { lastInboundAt: now - 30 * HOUR }), credentials, ctx);
    expect(result).toMatchObject({ ok: false, kind: "window_closed", reason: expect.stringMatching(/^More than 24 hours .* only with the Human Agent tag, which is off for this channel/) });
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses after 7 days even with the Human Agent setting", async () => {
    const late = await messenger.send(outbound({ kind: "text", text: "hello?" }, { lastInboundAt: now - 8 * 24 * HOUR, humanAgentWindow: true }), credentials, ctx);
    expect(late).toMatchObject({ ok: false, kind: "window_closed", reason: expect.stringMatching(/^More than 7 days/) });
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses after 7 days, or when the customer never wrote, without calling Messenger", async () => {
    const late = await messenger.send(outbound({ kind: "text", text: "hello?" }, { lastInboundAt: now - 8 * 24 * HOUR }), credentials, ctx);
    expect(late).toMatchObject({ ok: false, kind: "window_closed" });
    const never = await messenger.send(outbound({ kind: "text", text: "hello?" }, { lastInboundAt: null }), credentials, ctx);
    expect(never).toMatchObject({ ok: false, kind: "window_closed" });
    expect(fake.requests).toHaveLength(0);
  });

  it("sends image, video, audio and file by link; a caption follows as text", async () => {
    const link = "https://files.example/a.jpg";
    await messenger.send(outbound({ kind: "image", url: "blob:1", mimeType: "image/jpeg", caption: "Your receipt" }, { mediaUrl: link }), credentials, ctx);
    expect(sentBodies()).toEqual([
      { recipient: { id: PSID }, messaging_type: "RESPONSE", message: { attachment: { type: "image", payload: { url: link, is_reusable: true } } } },
      { recipient: { id: PSID }, messaging_type: "RESPONSE", message: { text: "Your receipt" } },
    ]);
    fake.requests.length = 0;
    await messenger.send(outbound({ kind: "video", url: "blob:2", mimeType: "video/mp4" }, { mediaUrl: "https://files.example/v.mp4" }), credentials, ctx);
    await messenger.send(outbound({ kind: "audio", url: "blob:3", mimeType: "audio/mp4", voice: true }, { mediaUrl: "https://files.example/a.m4a" }), credentials, ctx);
    await messenger.send(outbound({ kind: "file", url: "blob:4", mimeType: "application/pdf", filename: "x.pdf" }, { mediaUrl: "https://files.example/x.pdf" }), credentials, ctx);
    expect(sentBodies().map((b) => (b.message as { attachment: { type: string; payload: { url: string } } }).attachment)).toEqual([
      { type: "video", payload: { url: "https://files.example/v.mp4", is_reusable: true } },
      { type: "audio", payload: { url: "https://files.example/a.m4a", is_reusable: true } },
      { type: "file", payload: { url: "https://files.example/x.pdf", is_reusable: true } },
    ]);
  });

  it("uploads the bytes as multipart filedata when there is no public link", async () => {
    const bytes = utf8("%PDF-1.4 fake");
    const result = await messenger.send(
      outbound({ kind: "file", url: "blob:5", mimeType: "application/pdf", filename: "terms.pdf" }, { media: { bytes, mimeType: "application/pdf", filename: "terms.pdf" } }),
      credentials,
      ctx,
    );
    expect(result.ok).toBe(true);
    const [req] = fake.requests;
    expect(String(req?.headers["content-type"])).toMatch(/^multipart\/form-data/);
    const form = await new Response(req?.body as Uint8Array<ArrayBuffer>, { headers: { "content-type": String(req?.headers["content-type"]) } }).formData();
    expect(JSON.parse(String(form.get("recipient")))).toEqual({ id: PSID });
    expect(form.get("messaging_type")).toBe("RESPONSE");
    expect(JSON.parse(String(form.get("message")))).toEqual({ attachment: { type: "file", payload: { is_reusable: true } } });
    const file = form.get("filedata") as File;
    expect(file.name).toBe("terms.pdf");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it("sends up to 3 buttons as a button template with titles cut to 20 characters", async () => {
    await messenger.send(
      outbound({ kind: "buttons", text: "How can we help?", buttons: [{ id: "track", title: "Track my order please now" }, { id: "agent", title: "Agent" }] }),
      credentials,
      ctx,
    );
    expect(sentBodies()[0]).toMatchObject({
      message: {
        attachment: {
          type: "template",
          payload: {
            template_type: "button",
            text: "How can we help?",
            buttons: [
              { type: "postback", title: "Track my order plea…", payload: "track" },
              { type: "postback", title: "Agent", payload: "agent" },
            ],
          },
        },
      },
    });
    const titles = ((sentBodies()[0]!.message as { attachment: { payload: { buttons: { title: string }[] } } }).attachment.payload.buttons).map((b) => b.title);
    expect(titles.every((t) => Array.from(t).length <= messenger.capabilities.maxButtonTitleLength)).toBe(true);
  });

  it("sends more than 3 buttons as quick replies instead", async () => {
    const buttons = ["a", "b", "c", "d", "e"].map((id) => ({ id, title: `Option ${id}` }));
    await messenger.send(outbound({ kind: "buttons", text: "Pick one", buttons }), credentials, ctx);
    const message = sentBodies()[0]!.message as { attachment?: unknown; text: string; quick_replies: unknown[] };
    expect(message.attachment).toBeUndefined();
    expect(message.text).toBe("Pick one");
    expect(message.quick_replies).toHaveLength(5);
    expect(message.quick_replies[0]).toEqual({ content_type: "text", title: "Option a", payload: "a" });

    fake.requests.length = 0;
    const longText = "Please choose how you want to continue. ".repeat(20);
    await messenger.send(outbound({ kind: "buttons", text: longText, buttons: buttons.slice(0, 2) }), credentials, ctx);
    expect(sentBodies()[0]!.message).toMatchObject({ text: longText, quick_replies: [{ payload: "a" }, { payload: "b" }] });
  });

  it("sends quick replies", async () => {
    await messenger.send(
      outbound({ kind: "quick_replies", text: "Was this helpful?", replies: [{ id: "yes", title: "Yes" }, { id: "no", title: "No, I still need help" }] }),
      credentials,
      ctx,
    );
    expect(sentBodies()[0]).toEqual({
      recipient: { id: PSID },
      messaging_type: "RESPONSE",
      message: {
        text: "Was this helpful?",
        quick_replies: [
          { content_type: "text", title: "Yes", payload: "yes" },
          { content_type: "text", title: "No, I still need he…", payload: "no" },
        ],
      },
    });
  });

  it("sends a location as a map link", async () => {
    await messenger.send(outbound({ kind: "location", latitude: 52.52, longitude: 13.405, name: "Our store" }), credentials, ctx);
    const text = (sentBodies()[0]!.message as { text: string }).text;
    expect(text).toContain("Our store");
    expect(text).toContain("52.52,13.405");
  });

  it("refuses what Messenger would reject, without calling it", async () => {
    const long = await messenger.send(outbound({ kind: "text", text: "x".repeat(2001) }), credentials, ctx);
    expect(long).toMatchObject({ ok: false, kind: "rejected" });
    const nothing = await messenger.send(outbound({ kind: "image", url: "blob:9", mimeType: "image/png" }), credentials, ctx);
    expect(nothing).toMatchObject({ ok: false, kind: "rejected" });
    const odd = await messenger.send(outbound({ kind: "unsupported", description: "poll", raw: {} }), credentials, ctx);
    expect(odd).toMatchObject({ ok: false, kind: "rejected" });
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ["blocked", { kind: "blocked", platformCode: "551/1545041" }],
    ["token_expired", { kind: "token_expired", platformCode: "190/463" }],
    ["rate_limited", { kind: "rate_limited", platformCode: "613", retryAfterMs: 5 * 60_000 }],
    ["window_closed", { kind: "window_closed", platformCode: "10/2018278" }],
    ["rejected", { kind: "rejected", platformCode: "100/2018047" }],
    ["retry", { kind: "retry", platformCode: "2" }],
  ] as const)("maps Messenger's %s error", async (kind, expected) => {
    fake.respondWith(() => errorReply(kind));
    const result = await messenger.send(outbound({ kind: "text", text: "hi" }), credentials, ctx);
    expect(result).toMatchObject({ ok: false, ...expected });
    expect(!result.ok && result.reason.length).toBeGreaterThan(20);
  });

  it("a token the fake does not know is token_expired", async () => {
    const result = await messenger.send(outbound({ kind: "text", text: "hi" }), { ...credentials, pageAccessToken: "revoked" }, ctx);
    expect(result).toMatchObject({ ok: false, kind: "token_expired" });
  });

  it("an unreachable Messenger is retried", async () => {
    const offline = { ...ctx, apiBaseUrl: "http://127.0.0.1:9" };
    expect(await messenger.send(outbound({ kind: "text", text: "hi" }), credentials, offline)).toMatchObject({ ok: false, kind: "retry" });
  });

  it("downloads inbound media from the CDN URL", async () => {
    const url = fakeMediaUrl(fake.baseUrl, "photo.png");
    const [event] = await parse(imageMessage({ from: PSID, id: "m_dl", url }));
    const ref = event?.type === "message" && event.content.kind === "image" ? event.content.url : "";
    const media = await messenger.downloadMedia(ref.slice("platform-media:".length), credentials, ctx);
    expect(media).toEqual({ bytes: FAKE_MEDIA_BYTES, mimeType: "image/png" });
  });

  it("does not fetch media from hosts that are not Meta's", async () => {
    await expect(messenger.downloadMedia("https://evil.example/x.png", credentials, ctx)).rejects.toThrow();
    await expect(messenger.downloadMedia("http://169.254.169.254/latest", credentials, ctx)).rejects.toThrow();
  });

  it("validates credentials against GET /me", async () => {
    expect(await messenger.validateCredentials(credentials, ctx)).toEqual({ ok: true, accountName: FAKE_PAGE_NAME });
    expect(fake.requests[0]?.path).toBe("/me");
  });

  it("refuses an expired token, a token of another Page and incomplete credentials", async () => {
    expect(await messenger.validateCredentials({ ...credentials, pageAccessToken: "expired" }, ctx)).toMatchObject({ ok: false });
    expect(await messenger.validateCredentials({ ...credentials, pageId: "111" }, ctx)).toMatchObject({ ok: false, reason: expect.stringContaining(FAKE_PAGE_NAME) });
    expect(await messenger.validateCredentials({ ...credentials, appSecret: "" }, ctx)).toMatchObject({ ok: false });
  });

  it("accepts exactly the credentials an admin enters", () => {
    expect(messenger.credentialsSchema.safeParse(credentials).success).toBe(true);
    expect(messenger.credentialsSchema.safeParse({ ...credentials, verifyToken: "" }).success).toBe(false);
  });
});
