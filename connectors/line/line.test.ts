import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectorContext, InboundEvent, OutboundMessage, WebhookRequest } from "../src/connector.ts";
import type { FakePlatform, RecordedRequest } from "../src/testing/fake-platform.ts";
import {
  FAKE_LINE_CONTENT,
  FAKE_LINE_STICKER,
  audioMessage,
  buildWebhook,
  createFakeLine,
  errorReply,
  fileMessage,
  follow,
  imageMessage,
  join,
  leave,
  lineFakeHandler,
  locationMessage,
  memberJoined,
  otherEvent,
  postback,
  redelivered,
  stickerMessage,
  textMessage,
  unfollow,
  unknownMessage,
  unsend,
  verifyPing,
  videoMessage,
  webhookBody,
} from "./fake.ts";
import { lineConnector as line } from "./index.ts";
import type { LineWebhookBody } from "./parse.ts";

const credentials = { channelAccessToken: "test-channel-access-token", channelSecret: "8c570fa6dd201bb328f1c1eac23a96d8" };
const USER = "U4af4980629abcdef0123456789abcdef";
const GROUP = "Ca56f94637c0123456789abcdef012345";

let fake: FakePlatform;
let ctx: ConnectorContext;

beforeAll(async () => {
  fake = await createFakeLine({ channelAccessToken: credentials.channelAccessToken }).start();
  ctx = { fetch, apiBaseUrl: fake.baseUrl, now: Date.now };
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
  fake.respondWith(lineFakeHandler({ channelAccessToken: credentials.channelAccessToken }));
});

function webhook(payload: LineWebhookBody | string, creds = credentials, method = "POST"): WebhookRequest {
  const built = buildWebhook(payload, creds);
  return { method, url: new URL("https://inbox.example/webhooks/line/inbox-1"), headers: new Headers(built.headers), body: new TextEncoder().encode(built.body) };
}

async function parseOne(payload: LineWebhookBody): Promise<InboundEvent> {
  const req = webhook(payload);
  expect(await line.verify(req, credentials)).toBe(true);
  const events = await line.parse(req, credentials);
  expect(events).toHaveLength(1);
  return events[0]!;
}

let seq = 0;
function outbound(content: OutboundMessage["content"], extra: Partial<OutboundMessage> = {}): OutboundMessage {
  seq += 1;
  return {
    messageId: `msg-${seq}-${Math.random().toString(36).slice(2)}`,
    conversationId: "conv-1",
    recipient: USER,
    content,
    senderName: "Ana",
    createdAt: Date.now(),
    lastInboundAt: null,
    ...extra,
  };
}

function pushes(): RecordedRequest[] {
  return fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/bot/message/push");
}

function lastPush(): { to: string; messages: Record<string, unknown>[] } {
  const all = pushes();
  expect(all.length).toBeGreaterThan(0);
  return all[all.length - 1]!.json() as { to: string; messages: Record<string, unknown>[] };
}

describe("connector shape", () => {
  it("is the LINE channel with LINE's limits and no receipts", () => {
    expect(line.channel).toBe("line");
    expect(line.defaultApiBaseUrl).toBe("https://api.line.me");
    expect(line.capabilities).toMatchObject({ maxTextLength: 5000, maxButtons: 4, maxButtonTitleLength: 20, maxQuickReplies: 13, replyWindowHours: null, formatting: "plain", receipts: [] });
  });

  it("requires both credentials, non-empty", () => {
    expect(line.credentialsSchema.safeParse(credentials).success).toBe(true);
    expect(line.credentialsSchema.safeParse({ channelAccessToken: "x" }).success).toBe(false);
    expect(line.credentialsSchema.safeParse({ channelAccessToken: "x", channelSecret: "" }).success).toBe(false);
  });
});

describe("webhook setup and signatures", () => {
  it("has no GET handshake", async () => {
    const req: WebhookRequest = { method: "GET", url: new URL("https://inbox.example/webhooks/line/inbox-1?hub.challenge=1"), headers: new Headers(), body: new Uint8Array() };
    expect(await line.handshake(req, credentials)).toBeNull();
  });

  it("accepts the console's Verify (a signed POST with no events) and acknowledges with 200", async () => {
    const req = webhook(verifyPing());
    expect(await line.verify(req, credentials)).toBe(true);
    expect(await line.parse(req, credentials)).toEqual([]);
    expect(line.acknowledge(req).status).toBe(200);
  });

  it("refuses a verify request signed with another channel's secret", async () => {
    const req = webhook(verifyPing(), { ...credentials, channelSecret: "another-secret" });
    expect(await line.verify(req, credentials)).toBe(false);
  });

  it("accepts a valid signature over the raw bytes", async () => {
    // Odd spacing and non-ASCII text: the signature covers the bytes as sent, not re-serialised JSON.
    const raw = `{"destination":"U0123456789abcdef0123456789abcdef",  "events":[{"type":"message","mode":"active","timestamp":1739321024123,"source":{"type":"user","userId":"${USER}"},"webhookEventId":"01HZX3K5R2Y8W0B4S6T7V9A1CD","deliveryContext":{"isRedelivery":false},"replyToken":"b60d","message":{"id":"468789577898262530","type":"text","text":"こんにちは 👋","quoteToken":"q"}}]}`;
    const req = webhook(raw);
    expect(await line.verify(req, credentials)).toBe(true);
    const [event] = await line.parse(req, credentials);
    expect(event).toMatchObject({ type: "message", content: { kind: "text", text: "こんにちは 👋" } });
  });

  it("rejects a tampered body", async () => {
    const req = webhook(textMessage({ from: USER, text: "refund 10" }));
    const tampered = new TextDecoder().decode(req.body).replace("refund 10", "refund 99");
    expect(await line.verify({ ...req, body: new TextEncoder().encode(tampered) }, credentials)).toBe(false);
  });

  it("rejects a missing, malformed or wrong-secret signature", async () => {
    const req = webhook(textMessage({ from: USER, text: "hi" }));
    const noHeader = new Headers(req.headers);
    noHeader.delete("x-line-signature");
    expect(await line.verify({ ...req, headers: noHeader }, credentials)).toBe(false);
    const garbage = new Headers(req.headers);
    garbage.set("x-line-signature", "not base64 at all!!");
    expect(await line.verify({ ...req, headers: garbage }, credentials)).toBe(false);
    expect(await line.verify(req, { ...credentials, channelSecret: "wrong-secret" })).toBe(false);
  });
});

describe("inbound events", () => {
  it("text, keyed by message.id, with the quoted message as inReplyTo", async () => {
    const event = await parseOne(textMessage({ from: USER, id: "468789577898262530", text: "Where is my order?", quotedMessageId: "468789577898262000", at: 1739321024123 }));
    expect(event).toEqual({
      type: "message",
      externalId: "468789577898262530",
      sender: { externalId: USER },
      content: { kind: "text", text: "Where is my order?" },
      at: 1739321024123,
      inReplyTo: "468789577898262000",
    });
  });

  it("image held by LINE → platform media by message id", async () => {
    const event = await parseOne(imageMessage({ from: USER, id: "354718705033693859", imageSet: { id: "E005D41A", index: 1, total: 2 } }));
    expect(event).toMatchObject({ type: "message", externalId: "354718705033693859", content: { kind: "image", url: "platform-media:354718705033693859", mimeType: "image/jpeg" } });
  });

  it("image from an external content provider → its URL", async () => {
    const event = await parseOne(imageMessage({ from: USER, id: "1", external: "https://cdn.example/a.jpg" }));
    expect(event).toMatchObject({ content: { kind: "image", url: "https://cdn.example/a.jpg" } });
  });

  it("video and voice message (with duration)", async () => {
    expect(await parseOne(videoMessage({ from: USER, id: "325708", durationMs: 60000 }))).toMatchObject({ content: { kind: "video", url: "platform-media:325708", mimeType: "video/mp4" } });
    expect(await parseOne(audioMessage({ from: USER, id: "325709", durationMs: 4200 }))).toMatchObject({
      content: { kind: "audio", url: "platform-media:325709", voice: true, durationSec: 4.2 },
    });
  });

  it("file with its name, size and a MIME type from the extension", async () => {
    expect(await parseOne(fileMessage({ from: USER, id: "325710", fileName: "invoice.pdf", fileSize: 2138 }))).toMatchObject({
      content: { kind: "file", url: "platform-media:325710", filename: "invoice.pdf", size: 2138, mimeType: "application/pdf" },
    });
  });

  it("location", async () => {
    const event = await parseOne(locationMessage({ from: USER, id: "325711", title: "my location", address: "1-3 Kioicho, Chiyoda-ku, Tokyo", latitude: 35.67966, longitude: 139.73669 }));
    expect(event).toMatchObject({ content: { kind: "location", latitude: 35.67966, longitude: 139.73669, name: "my location", address: "1-3 Kioicho, Chiyoda-ku, Tokyo" } });
  });

  it("sticker → image fetched from the sticker CDN, with its text or keywords", async () => {
    expect(await parseOne(stickerMessage({ from: USER, id: "325712", stickerId: "52002734", keywords: ["happy", "cony"] }))).toMatchObject({
      content: { kind: "image", url: "platform-media:sticker:52002734", mimeType: "image/png", caption: "Sticker: happy, cony" },
    });
    expect(await parseOne(stickerMessage({ from: USER, id: "325713", stickerId: "738839", text: "Thanks!" }))).toMatchObject({ content: { caption: "Thanks!" } });
  });

  it("an unknown message type is kept as unsupported with its raw payload", async () => {
    const event = await parseOne(unknownMessage({ from: USER, id: "325714", type: "contact", extra: { displayName: "Brown" } }));
    expect(event).toMatchObject({ type: "message", externalId: "325714", content: { kind: "unsupported", description: "LINE contact message", raw: { type: "contact", displayName: "Brown" } } });
  });

  it("a button / quick reply answer (postback) → the chosen title as text, keyed by webhookEventId", async () => {
    const event = await parseOne(postback({ from: USER, data: "reply=size-m&title=Medium+%28M%29", webhookEventId: "01HZX3K5R2Y8W0B4S6T7V9A1CE" }));
    expect(event).toMatchObject({ type: "message", externalId: "01HZX3K5R2Y8W0B4S6T7V9A1CE", content: { kind: "text", text: "Medium (M)", replyTo: { choiceId: "size-m" } } });
  });

  it("a rich-menu postback or date picker keeps its data", async () => {
    expect(await parseOne(postback({ from: USER, data: "action=buy&itemid=123" }))).toMatchObject({ content: { kind: "text", text: "action=buy&itemid=123" } });
    expect(await parseOne(postback({ from: USER, data: "pick", params: { date: "2025-03-01" } }))).toMatchObject({ content: { kind: "text", text: "pick (date=2025-03-01)" } });
  });

  it("unsend → delete of that message", async () => {
    expect(await parseOne(unsend({ from: USER, messageId: "325708", at: 5 }))).toEqual({ type: "delete", externalId: "325708", sender: { externalId: USER }, at: 5 });
  });

  it("unfollow → blocked, follow (friend added or unblocked) → unblocked", async () => {
    expect(await parseOne(unfollow({ from: USER, at: 7 }))).toEqual({ type: "blocked", sender: { externalId: USER }, at: 7 });
    expect(await parseOne(follow({ from: USER, isUnblocked: true, at: 8 }))).toEqual({ type: "unblocked", sender: { externalId: USER }, at: 8 });
  });

  it("group chats are one conversation addressed by the group id; leaving the group is a block", async () => {
    expect(await parseOne(textMessage({ from: USER, groupId: GROUP, text: "hello all" }))).toMatchObject({ sender: { externalId: GROUP } });
    expect(await parseOne(leave({ groupId: GROUP }))).toMatchObject({ type: "blocked", sender: { externalId: GROUP } });
    expect(await parseOne(join({ groupId: GROUP }))).toMatchObject({ type: "unblocked", sender: { externalId: GROUP } });
  });

  it("other events are kept as unsupported messages, never dropped", async () => {
    expect(await parseOne(memberJoined({ groupId: GROUP, members: [USER], webhookEventId: "EV1" }))).toMatchObject({
      type: "message",
      externalId: "EV1",
      sender: { externalId: GROUP },
      content: { kind: "unsupported", description: "1 member(s) joined the LINE group" },
    });
    expect(await parseOne(otherEvent({ from: USER, type: "beacon", extra: { beacon: { hwid: "d41d8cd98f", type: "enter" } } }))).toMatchObject({
      content: { kind: "unsupported", description: "LINE beacon event", raw: { beacon: { hwid: "d41d8cd98f" } } },
    });
  });

  it("parses every event of a batch in order", async () => {
    const req = webhook(webhookBody(textMessage({ from: USER, id: "1", text: "a" }), unfollow({ from: USER }), textMessage({ from: USER, id: "2", text: "b" })));
    const events = await line.parse(req, credentials);
    expect(events.map((e) => e.type)).toEqual(["message", "blocked", "message"]);
  });

  it("a redelivered webhook yields the same external ids", async () => {
    const original = webhookBody(textMessage({ from: USER, text: "hi" }), postback({ from: USER, data: "reply=yes&title=Yes" }));
    const first = await line.parse(webhook(original), credentials);
    const again = webhook(redelivered(original));
    expect(await line.verify(again, credentials)).toBe(true);
    const second = await line.parse(again, credentials);
    expect(second.map((e) => (e.type === "message" ? e.externalId : null))).toEqual(first.map((e) => (e.type === "message" ? e.externalId : null)));
  });
});

describe("sending", () => {
  it("text goes by push with the Bearer token, plain formatting and a retry key", async () => {
    const result = await line.send(outbound({ kind: "text", text: "**Hello** _there_, see [the guide](https://help.example/guide)" }), credentials, ctx);
    expect(result).toMatchObject({ ok: true, delivered: false });
    expect(result.ok && result.externalId).toMatch(/^\d+$/);
    const [req] = pushes();
    expect(req!.headers.authorization).toBe(`Bearer ${credentials.channelAccessToken}`);
    expect(req!.headers["x-line-retry-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(req!.json()).toEqual({ to: USER, messages: [{ type: "text", text: "Hello there, see the guide (https://help.example/guide)" }] });
  });

  it("a retried send reuses its retry key, and LINE's 409 for it counts as sent", async () => {
    const message = outbound({ kind: "text", text: "once only" });
    expect((await line.send(message, credentials, ctx)).ok).toBe(true);
    const again = await line.send(message, credentials, ctx);
    expect(again).toMatchObject({ ok: true });
    const [a, b] = pushes();
    expect(a!.headers["x-line-retry-key"]).toBe(b!.headers["x-line-retry-key"]);
    await line.send(outbound({ kind: "text", text: "another" }), credentials, ctx);
    expect(pushes()[2]!.headers["x-line-retry-key"]).not.toBe(a!.headers["x-line-retry-key"]);
  });

  it("a 409 without sent message ids is still success", async () => {
    fake.respondWith(() => errorReply("duplicate"));
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx)).toEqual({ ok: true, externalId: null, delivered: false });
  });

  it("text longer than one LINE message is split within one push", async () => {
    const text = `${"word ".repeat(1100)}end`.padEnd(4000, "x") + " tail ".repeat(300);
    const formattedLength = text.trim().length;
    await line.send(outbound({ kind: "text", text }), credentials, ctx);
    const { messages } = lastPush();
    expect(messages.length).toBe(Math.ceil(formattedLength / 5000));
    for (const m of messages) expect((m.text as string).length).toBeLessThanOrEqual(5000);
  });

  it("image by public URL, the caption as a following text", async () => {
    await line.send(outbound({ kind: "image", url: "/media/a.jpg", mimeType: "image/jpeg", caption: "Your receipt" }, { mediaUrl: "https://inbox.example/media/a.jpg" }), credentials, ctx);
    expect(lastPush().messages).toEqual([
      { type: "image", originalContentUrl: "https://inbox.example/media/a.jpg", previewImageUrl: "https://inbox.example/media/a.jpg" },
      { type: "text", text: "Your receipt" },
    ]);
  });

  it("an image LINE cannot show (GIF) goes as a link", async () => {
    await line.send(outbound({ kind: "image", url: "/media/a.gif", mimeType: "image/gif" }, { mediaUrl: "https://inbox.example/media/a.gif" }), credentials, ctx);
    expect(lastPush().messages).toEqual([{ type: "text", text: "📷 https://inbox.example/media/a.gif" }]);
  });

  it("m4a audio with its duration in ms; a duration read from the file when not given", async () => {
    await line.send(outbound({ kind: "audio", url: "/media/v.m4a", mimeType: "audio/mp4", durationSec: 12.5 }, { mediaUrl: "https://inbox.example/media/v.m4a" }), credentials, ctx);
    expect(lastPush().messages).toEqual([{ type: "audio", originalContentUrl: "https://inbox.example/media/v.m4a", duration: 12500 }]);

    // moov > mvhd (version 0): timescale 1000, duration 3000 → 3 s
    const mvhd = new Uint8Array([0, 0, 0, 108, 0x6d, 0x6f, 0x6f, 0x76, 0, 0, 0, 100, 0x6d, 0x76, 0x68, 0x64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x03, 0xe8, 0, 0, 0x0b, 0xb8, ...new Array(80).fill(0)]);
    await line.send(
      outbound({ kind: "audio", url: "/media/w.m4a", mimeType: "audio/mp4" }, { mediaUrl: "https://inbox.example/media/w.m4a", media: { bytes: mvhd, mimeType: "audio/mp4", filename: "w.m4a" } }),
      credentials,
      ctx,
    );
    expect(lastPush().messages).toEqual([{ type: "audio", originalContentUrl: "https://inbox.example/media/w.m4a", duration: 3000 }]);
  });

  it("audio LINE cannot play (webm voice note) goes as a link", async () => {
    await line.send(outbound({ kind: "audio", url: "/media/v.webm", mimeType: "audio/webm", voice: true, durationSec: 3 }, { mediaUrl: "https://inbox.example/media/v.webm" }), credentials, ctx);
    expect(lastPush().messages).toEqual([{ type: "text", text: "🎤 https://inbox.example/media/v.webm" }]);
  });

  it("video and files go as links (LINE needs a preview image for video and has no file messages)", async () => {
    await line.send(outbound({ kind: "video", url: "/media/c.mp4", mimeType: "video/mp4", caption: "How to" }, { mediaUrl: "https://inbox.example/media/c.mp4" }), credentials, ctx);
    expect(lastPush().messages).toEqual([{ type: "text", text: "🎬 How to\nhttps://inbox.example/media/c.mp4" }]);
    await line.send(outbound({ kind: "file", url: "/media/i.pdf", mimeType: "application/pdf", filename: "invoice.pdf" }, { mediaUrl: "https://inbox.example/media/i.pdf" }), credentials, ctx);
    expect(lastPush().messages).toEqual([{ type: "text", text: "📎 invoice.pdf\nhttps://inbox.example/media/i.pdf" }]);
  });

  it("media without a public URL is refused before calling LINE", async () => {
    const result = await line.send(outbound({ kind: "file", url: "/media/i.pdf", mimeType: "application/pdf", filename: "invoice.pdf" }), credentials, ctx);
    expect(result).toMatchObject({ ok: false, kind: "rejected" });
    expect(pushes()).toHaveLength(0);
  });

  it("against LINE itself, a non-HTTPS media URL is sent as a link, and content comes from api-data.line.me", async () => {
    const seen: { url: string; body?: string }[] = [];
    const stub: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), body: init?.body as string | undefined });
      return String(input).endsWith("/content") ? new Response(new Uint8Array([1, 2]), { headers: { "content-type": "image/jpeg" } }) : Response.json({ sentMessages: [{ id: "1" }] });
    };
    const real: ConnectorContext = { fetch: stub, apiBaseUrl: "https://api.line.me", now: Date.now };
    await line.send(outbound({ kind: "image", url: "/media/a.jpg", mimeType: "image/jpeg" }, { mediaUrl: "http://localhost:8787/media/a.jpg" }), credentials, real);
    expect(seen[0]!.url).toBe("https://api.line.me/v2/bot/message/push");
    expect(JSON.parse(seen[0]!.body!).messages).toEqual([{ type: "text", text: "📷 http://localhost:8787/media/a.jpg" }]);
    await line.downloadMedia("354718705033693859", credentials, real);
    expect(seen[1]!.url).toBe("https://api-data.line.me/v2/bot/message/354718705033693859/content");
  });

  it("location", async () => {
    await line.send(outbound({ kind: "location", latitude: 35.6586, longitude: 139.7454, name: "Store", address: "4-2-8 Shibakoen, Tokyo" }), credentials, ctx);
    expect(lastPush().messages).toEqual([{ type: "location", title: "Store", address: "4-2-8 Shibakoen, Tokyo", latitude: 35.6586, longitude: 139.7454 }]);
  });

  it("up to four buttons → a buttons template whose taps come back as the button's title", async () => {
    const buttons = [
      { id: "track", title: "Track my order" },
      { id: "cancel", title: "Cancel the order, please refund me" },
      { id: "agent", title: "Talk to a person" },
    ];
    await line.send(outbound({ kind: "buttons", text: "How can we help?", buttons }), credentials, ctx);
    const [message] = lastPush().messages;
    expect(message).toMatchObject({ type: "template", template: { type: "buttons", text: "How can we help?" } });
    const actions = (message!.template as { actions: { type: string; label: string; data: string; displayText: string }[] }).actions;
    expect(actions).toHaveLength(3);
    for (const a of actions) {
      expect(a.type).toBe("postback");
      expect(a.label.length).toBeLessThanOrEqual(20);
      expect(a.data.length).toBeLessThanOrEqual(300);
    }
    expect(actions[1]!.label).toBe("Cancel the order, p…");
    expect(actions[1]!.displayText).toBe("Cancel the order, please refund me");
    expect((message!.altText as string).length).toBeLessThanOrEqual(400);
    // The customer taps the second button:
    const tap = await parseOne(postback({ from: USER, data: actions[1]!.data }));
    expect(tap).toMatchObject({ content: { kind: "text", text: "Cancel the order, please refund me" } });
  });

  it("more than four buttons, or a text too long for a template → quick replies", async () => {
    const buttons = Array.from({ length: 6 }, (_, i) => ({ id: `b${i}`, title: `Option ${i + 1}` }));
    await line.send(outbound({ kind: "buttons", text: "Pick one", buttons }), credentials, ctx);
    let [message] = lastPush().messages;
    expect(message).toMatchObject({ type: "text", text: "Pick one" });
    expect((message!.quickReply as { items: unknown[] }).items).toHaveLength(6);

    await line.send(outbound({ kind: "buttons", text: "x".repeat(200), buttons: buttons.slice(0, 2) }), credentials, ctx);
    [message] = lastPush().messages;
    expect(message!.type).toBe("text");
    expect((message!.quickReply as { items: unknown[] }).items).toHaveLength(2);
  });

  it("quick replies: at most 13 items, labels within 20 characters", async () => {
    const replies = Array.from({ length: 13 }, (_, i) => ({ id: `r${i}`, title: `A rather long answer number ${i + 1}` }));
    await line.send(outbound({ kind: "quick_replies", text: "Choose", replies }), credentials, ctx);
    const [message] = lastPush().messages;
    const items = (message!.quickReply as { items: { type: string; action: { type: string; label: string; data: string; displayText: string } }[] }).items;
    expect(items).toHaveLength(13);
    expect(items[0]).toEqual({ type: "action", action: { type: "postback", label: "A rather long answe…", data: "reply=r0&title=A+rather+long+answer+number+1", displayText: "A rather long answer number 1" } });
    for (const item of items) expect(item.action.label.length).toBeLessThanOrEqual(20);
  });

  it("unsupported content is refused without calling LINE", async () => {
    expect(await line.send(outbound({ kind: "unsupported", description: "a poll", raw: {} }), credentials, ctx)).toMatchObject({ ok: false, kind: "rejected" });
    expect(pushes()).toHaveLength(0);
  });
});

describe("send failures", () => {
  const pushFails = (reply: ReturnType<typeof errorReply>, options = {}) =>
    fake.respondWith((req) => (req.path === "/v2/bot/message/push" ? reply : lineFakeHandler({ channelAccessToken: credentials.channelAccessToken, ...options })(req)));

  it("401 → token_expired", async () => {
    pushFails(errorReply("token_expired"));
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx)).toMatchObject({ ok: false, kind: "token_expired", platformCode: "401", reason: expect.stringContaining("reconnect") });
  });

  it("429 → rate_limited, with Retry-After when LINE gives one", async () => {
    pushFails(errorReply("rate_limited"));
    const result = await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx);
    expect(result).toMatchObject({ ok: false, kind: "rate_limited", platformCode: "429" });
    expect(!result.ok && result.retryAfterMs).toBeGreaterThan(0);
    const withHint = errorReply("rate_limited");
    pushFails({ ...withHint, headers: { ...withHint.headers, "retry-after": "7" } });
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx)).toMatchObject({ kind: "rate_limited", retryAfterMs: 7000 });
  });

  it("monthly quota used up → rate_limited until the quota resets next month", async () => {
    pushFails(errorReply("monthly_limit"), { quota: { limit: 200, used: 200 } });
    const midJune = Date.UTC(2025, 5, 15, 12);
    const result = await line.send(outbound({ kind: "text", text: "x" }), credentials, { ...ctx, now: () => midJune });
    expect(result).toMatchObject({ ok: false, kind: "rate_limited", platformCode: "429", reason: expect.stringContaining("monthly message quota") });
    const resumeAt = midJune + (result.ok ? 0 : result.retryAfterMs!);
    expect(resumeAt).toBeGreaterThanOrEqual(Date.UTC(2025, 5, 30, 15)); // not before midnight JST, July 1st
    expect(resumeAt).toBeLessThanOrEqual(Date.UTC(2025, 5, 30, 17)); // at most two hours later
  });

  it("monthly limit while quota is only reserved by a delivery in progress → a short pause", async () => {
    pushFails(errorReply("monthly_limit"), { quota: { limit: 200, used: 120 } });
    const result = await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx);
    expect(result).toMatchObject({ ok: false, kind: "rate_limited", retryAfterMs: 10 * 60_000 });
  });

  it("400 → rejected, naming what LINE objected to", async () => {
    pushFails(errorReply("rejected"));
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx)).toMatchObject({
      ok: false,
      kind: "rejected",
      platformCode: "400",
      reason: expect.stringContaining("messages[0].text"),
    });
    pushFails(errorReply("forbidden"));
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx)).toMatchObject({ ok: false, kind: "rejected", platformCode: "403" });
  });

  it("5xx and network failures → retry", async () => {
    pushFails(errorReply("server_error"));
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx)).toMatchObject({ ok: false, kind: "retry", platformCode: "500" });
    const down: ConnectorContext = { ...ctx, fetch: async () => Promise.reject(new TypeError("fetch failed")) };
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, down)).toMatchObject({ ok: false, kind: "retry" });
  });

  it("a customer who blocked the account: LINE answers 200 (the block arrives as an unfollow event)", async () => {
    pushFails(errorReply("blocked"));
    expect(await line.send(outbound({ kind: "text", text: "x" }), credentials, ctx)).toMatchObject({ ok: true, delivered: false });
  });
});

describe("media download", () => {
  it("fetches content with the Bearer token and returns the bytes", async () => {
    const media = await line.downloadMedia("354718705033693859", credentials, ctx);
    expect(media).toEqual({ bytes: FAKE_LINE_CONTENT, mimeType: "image/jpeg" });
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: "GET", path: "/v2/bot/message/354718705033693859/content" });
    expect(req!.headers.authorization).toBe(`Bearer ${credentials.channelAccessToken}`);
  });

  it("fetches a sticker image", async () => {
    const event = await parseOne(stickerMessage({ from: USER, stickerId: "52002734" }));
    const url = event.type === "message" && "url" in event.content ? event.content.url : "";
    const media = await line.downloadMedia(url.slice("platform-media:".length), credentials, ctx);
    expect(media).toEqual({ bytes: FAKE_LINE_STICKER, mimeType: "image/png" });
  });

  it("waits while a video is still being prepared", async () => {
    let calls = 0;
    fake.respondWith((req) => (req.path.endsWith("/content") && calls++ === 0 ? { status: 202 } : lineFakeHandler()(req)));
    expect((await line.downloadMedia("325708", credentials, ctx)).bytes).toEqual(FAKE_LINE_CONTENT);
  });

  it("fails clearly when LINE no longer has the content", async () => {
    fake.respondWith(() => ({ status: 404, body: { message: "Not found" } }));
    await expect(line.downloadMedia("1", credentials, ctx)).rejects.toThrow(/no longer/);
  });
});

describe("credential check", () => {
  it("accepts a working token and names the account", async () => {
    expect(await line.validateCredentials(credentials, ctx)).toEqual({ ok: true, accountName: "Demo Support" });
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/v2/bot/info" });
  });

  it("refuses a token LINE does not accept", async () => {
    const result = await line.validateCredentials({ ...credentials, channelAccessToken: "revoked" }, ctx);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("access token") });
  });

  it("refuses missing credentials without calling LINE", async () => {
    expect(await line.validateCredentials({ channelAccessToken: "" }, ctx)).toMatchObject({ ok: false });
    expect(fake.requests).toHaveLength(0);
  });
});
