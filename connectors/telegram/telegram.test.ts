import type { MessageContent } from "@inbox/shared";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectorContext, InboundEvent, OutboundMessage, WebhookRequest } from "../src/connector.ts";
import { utf8 } from "../src/crypto.ts";
import type { FakePlatform } from "../src/testing/fake-platform.ts";
import * as tg from "./fake.ts";
import { telegramConnector as connector } from "./index.ts";

const credentials = { botToken: "123456789:AAH-test_token", secretToken: "s3cret-Token_1" };
const voiceBytes = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 1, 2, 3]);
const fakeOptions = { botToken: credentials.botToken, files: { AwACvoice: { path: "voice/file_7.oga", bytes: voiceBytes } } };

let fake: FakePlatform;
let ctx: ConnectorContext;

beforeAll(async () => {
  fake = await tg.createFakeTelegram(fakeOptions).start();
  ctx = { fetch, apiBaseUrl: fake.baseUrl, now: Date.now };
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.splice(0);
  fake.respondWith(tg.telegramHandler(fakeOptions));
});

function webhook(payload: object | string, creds: Record<string, string> = credentials): WebhookRequest {
  const { headers, body } = tg.buildWebhook(payload, creds);
  return { method: "POST", url: new URL("https://inbox.example/webhooks/telegram/inbox_1"), headers: new Headers(headers), body: utf8(body) };
}

async function parsed(payload: object): Promise<InboundEvent[]> {
  const req = webhook(payload);
  expect(await connector.verify(req, credentials)).toBe(true);
  return connector.parse(req, credentials);
}

async function only(payload: object): Promise<InboundEvent> {
  const events = await parsed(payload);
  expect(events).toHaveLength(1);
  return events[0]!;
}

function outbound(content: MessageContent, extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return { messageId: "msg_1", conversationId: "conv_1", recipient: "123456789", content, senderName: "Maya", createdAt: Date.now(), lastInboundAt: null, ...extra };
}

/** The parameters of the n-th Bot API call the connector made (JSON or multipart). */
async function call(n = 0): Promise<{ method: string; fields: Record<string, unknown> }> {
  const req = fake.requests[n]!;
  return { method: req.path.split("/").pop()!, fields: await tg.requestFields(req) };
}

const ana = { externalId: "123456789", name: "Ana" };

describe("webhook handshake and authentication", () => {
  it("has no GET handshake: every GET is left to the server", async () => {
    const get: WebhookRequest = { method: "GET", url: new URL("https://inbox.example/webhooks/telegram/inbox_1?hub.challenge=1"), headers: new Headers(), body: new Uint8Array() };
    expect(await connector.handshake(get, credentials)).toBeNull();
  });

  it("accepts an update carrying the secret token", async () => {
    expect(await connector.verify(webhook(tg.textMessage({ text: "hi" })), credentials)).toBe(true);
  });

  it("refuses a wrong secret, a missing header, a corrupted body and non-POSTs", async () => {
    const good = webhook(tg.textMessage({ text: "hi" }));
    expect(await connector.verify(webhook(tg.textMessage({ text: "hi" }), { ...credentials, secretToken: "other" }), credentials)).toBe(false);
    expect(await connector.verify(good, { ...credentials, secretToken: "s3cret-Token_2" })).toBe(false);
    const headers = new Headers(good.headers);
    headers.delete("x-telegram-bot-api-secret-token");
    expect(await connector.verify({ ...good, headers }, credentials)).toBe(false);
    const tampered = new Uint8Array(good.body);
    tampered[0] = 0x41; // no longer JSON
    expect(await connector.verify({ ...good, body: tampered }, credentials)).toBe(false);
    expect(await connector.verify({ ...good, body: utf8('{"message":{}}') }, credentials)).toBe(false);
    expect(await connector.verify({ ...good, method: "GET" }, credentials)).toBe(false);
  });

  it("cannot detect a re-written but well-formed body: Telegram authenticates the sender, not the bytes", async () => {
    const good = webhook(tg.textMessage({ text: "hi" }));
    const rewritten = { ...good, body: utf8(JSON.stringify(tg.textMessage({ text: "changed" }))) };
    expect(await connector.verify(rewritten, credentials)).toBe(true);
  });

  it("acknowledges with an empty 200, answering button presses in the same reply", () => {
    expect(connector.acknowledge(webhook(tg.textMessage({ text: "hi" })))).toEqual({ status: 200, body: "" });
    const ack = connector.acknowledge(webhook(tg.callbackQuery({ messageId: 44, data: "yes", queryId: "q-77" })));
    expect(ack.status).toBe(200);
    expect(ack.contentType).toBe("application/json");
    expect(JSON.parse(ack.body)).toEqual({ method: "answerCallbackQuery", callback_query_id: "q-77" });
  });
});

describe("inbound updates", () => {
  it("text", async () => {
    expect(await only(tg.textMessage({ id: 42, text: "hi", date: 1739321024 }))).toEqual({
      type: "message",
      externalId: "123456789:42",
      sender: ana,
      content: { kind: "text", text: "hi" },
      at: 1739321024000,
    });
  });

  it("a quoted reply points at the quoted message", async () => {
    const event = await only(tg.textMessage({ id: 50, text: "this one", replyTo: 44 }));
    expect(event).toMatchObject({ type: "message", inReplyTo: "123456789:44" });
  });

  it("photo: the largest size, with its caption", async () => {
    expect(await only(tg.photoMessage({ id: 43, fileId: "AgACbig", caption: "receipt" }))).toMatchObject({
      externalId: "123456789:43",
      content: { kind: "image", url: "platform-media:AgACbig", mimeType: "image/jpeg", caption: "receipt" },
    });
  });

  it("voice note and audio file", async () => {
    expect(await only(tg.voiceMessage({ fileId: "AwACvoice", duration: 4 }))).toMatchObject({
      content: { kind: "audio", url: "platform-media:AwACvoice", mimeType: "audio/ogg", voice: true, durationSec: 4 },
    });
    const audio = await only(tg.audioMessage({ fileId: "CQACsong" }));
    expect(audio).toMatchObject({ content: { kind: "audio", url: "platform-media:CQACsong", mimeType: "audio/mpeg", durationSec: 182 } });
    expect(audio.type === "message" && audio.content.kind === "audio" && audio.content.voice).toBeFalsy();
  });

  it("video, round video note and GIF animation", async () => {
    expect(await only(tg.videoMessage({ fileId: "BAACv", caption: "look" }))).toMatchObject({
      content: { kind: "video", url: "platform-media:BAACv", mimeType: "video/mp4", caption: "look" },
    });
    expect(await only(tg.videoNoteMessage({ fileId: "DQACn" }))).toMatchObject({ content: { kind: "video", url: "platform-media:DQACn" } });
    expect(await only(tg.animationMessage({ fileId: "CgACg" }))).toMatchObject({ content: { kind: "video", url: "platform-media:CgACg" } });
  });

  it("document, keeping its caption as a second text message", async () => {
    const events = await parsed(tg.documentMessage({ id: 60, fileId: "BQACdoc", fileName: "invoice.pdf", size: 48213, caption: "my invoice" }));
    expect(events).toEqual([
      {
        type: "message",
        externalId: "123456789:60",
        sender: ana,
        content: { kind: "file", url: "platform-media:BQACdoc", mimeType: "application/pdf", filename: "invoice.pdf", size: 48213 },
        at: 1739321024000,
      },
      { type: "message", externalId: "123456789:60#caption", sender: ana, content: { kind: "text", text: "my invoice" }, at: 1739321024000 },
    ]);
  });

  it("location and venue", async () => {
    expect(await only(tg.locationMessage({ latitude: 52.52, longitude: 13.405 }))).toMatchObject({
      content: { kind: "location", latitude: 52.52, longitude: 13.405 },
    });
    expect(await only(tg.venueMessage({ latitude: 52.52, longitude: 13.405, title: "Shop", address: "Main St 1" }))).toMatchObject({
      content: { kind: "location", latitude: 52.52, longitude: 13.405, name: "Shop", address: "Main St 1" },
    });
  });

  it("stickers show as images (the thumbnail for animated ones)", async () => {
    expect(await only(tg.stickerMessage({ fileId: "CAACs", emoji: "👍" }))).toMatchObject({
      content: { kind: "image", url: "platform-media:CAACs", mimeType: "image/webp", caption: "👍" },
    });
    expect(await only(tg.stickerMessage({ fileId: "CAACa", animated: true }))).toMatchObject({
      content: { kind: "image", url: "platform-media:CAACa-thumb" },
    });
  });

  it("a contact card becomes text; the customer's own card gives their phone", async () => {
    const event = await only(tg.contactMessage({ phone: "+49 170 1234567", firstName: "Ana", lastName: "Silva", userId: 123456789 }));
    expect(event).toMatchObject({
      content: { kind: "text", text: "Shared contact: Ana Silva, +49 170 1234567" },
      sender: { externalId: "123456789", phone: "+49 170 1234567" },
    });
    const other = await only(tg.contactMessage({ phone: "+1 555 0100", firstName: "Bob" }));
    expect(other.type === "message" && other.sender.phone).toBeFalsy();
  });

  it("an inline-button press is a text answer to the message that carried the buttons", async () => {
    const payload = tg.callbackQuery({ messageId: 44, data: "confirm_yes", buttons: [{ text: "Yes", data: "confirm_yes" }, { text: "No", data: "confirm_no" }], updateId: 900 });
    expect(await only(payload)).toMatchObject({
      type: "message",
      externalId: "update:900",
      sender: ana,
      content: { kind: "text", text: "Yes", replyTo: { choiceId: "confirm_yes" } },
      inReplyTo: "123456789:44",
    });
  });

  it("a quick-reply (reply keyboard) press is the button's label as text", async () => {
    expect(await only(tg.quickReplyAnswer({ id: 70, title: "Track my order" }))).toMatchObject({ content: { kind: "text", text: "Track my order" } });
  });

  it("an edit keeps the message's id", async () => {
    const original = await only(tg.textMessage({ id: 42, text: "hi" }));
    const edit = await only(tg.editedMessage({ id: 42, text: "hi there", date: 1739321024, editDate: 1739321090 }));
    expect(edit).toEqual({ type: "edit", externalId: original.type === "message" ? original.externalId : "", sender: ana, content: { kind: "text", text: "hi there" }, at: 1739321090000 });
  });

  it("blocking and unblocking the bot", async () => {
    expect(await only(tg.myChatMember({ status: "kicked", date: 1739321100 }))).toEqual({ type: "blocked", sender: ana, at: 1739321100000 });
    expect(await only(tg.myChatMember({ status: "member", date: 1739321200 }))).toEqual({ type: "unblocked", sender: ana, at: 1739321200000 });
  });

  it("group messages belong to the group chat", async () => {
    expect(await only(tg.textMessage({ id: 5, text: "hello", group: { id: -1001234567890, title: "Acme buyers" } }))).toMatchObject({
      externalId: "-1001234567890:5",
      sender: { externalId: "-1001234567890", name: "Acme buyers" },
    });
  });

  it("unknown message kinds and update kinds are kept as unsupported, never dropped", async () => {
    expect(await only(tg.pollMessage({ id: 80, question: "Which size?" }))).toMatchObject({
      type: "message",
      externalId: "123456789:80",
      content: { kind: "unsupported", description: "Poll: Which size?", raw: { poll: { question: "Which size?" } } },
    });
    const reaction = tg.update(
      "message_reaction",
      { chat: { id: 123456789, type: "private" }, message_id: 42, user: { id: 123456789, first_name: "Ana" }, date: 1739321300, old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] },
      901,
    );
    expect(await only(reaction)).toMatchObject({
      type: "message",
      externalId: "update:901",
      sender: { externalId: "123456789" },
      content: { kind: "unsupported", description: "Telegram message_reaction update" },
      at: 1739321300000,
    });
  });

  it("a redelivered update yields the same ids", async () => {
    const payload = tg.photoMessage({ id: 43 });
    const first = await parsed(payload);
    const again = await parsed(JSON.parse(JSON.stringify(payload)) as object);
    expect(again).toEqual(first);
    // A button press has no message of its own: its id is the update_id, the same on redelivery.
    const press = tg.callbackQuery({ messageId: 44, data: "x", updateId: 905 });
    const [a, b] = [await only(press), await only(press)];
    expect(a.type === "message" && a.externalId).toBe("update:905");
    expect(b).toEqual({ ...a, at: expect.any(Number) });
  });
});

describe("sending", () => {
  it("text as Telegram HTML, returning <chat_id>:<message_id>", async () => {
    const result = await connector.send(outbound({ kind: "text", text: "**Order 12** is <ready>" }), credentials, ctx);
    expect(result).toMatchObject({ ok: true, delivered: false });
    expect(result.ok && result.externalId).toMatch(/^123456789:\d+$/);
    expect(fake.requests[0]!.path).toBe(`/bot${credentials.botToken}/sendMessage`);
    expect(await call()).toEqual({ method: "sendMessage", fields: { chat_id: 123456789, text: "<b>Order 12</b> is &lt;ready&gt;", parse_mode: "HTML" } });
  });

  it("refuses text over 4096 characters without calling Telegram", async () => {
    const result = await connector.send(outbound({ kind: "text", text: "a".repeat(4097) }), credentials, ctx);
    expect(result).toMatchObject({ ok: false, kind: "rejected" });
    expect(fake.requests).toHaveLength(0);
    // Markup does not count: 4096 visible characters in bold are fine.
    expect(await connector.send(outbound({ kind: "text", text: `**${"a".repeat(4096)}**` }), credentials, ctx)).toMatchObject({ ok: true });
  });

  it("image by link with a formatted caption", async () => {
    await connector.send(outbound({ kind: "image", url: "blob:1", mimeType: "image/jpeg", caption: "_new_ receipt" }, { mediaUrl: "https://cdn.example/r.jpg" }), credentials, ctx);
    expect(await call()).toEqual({
      method: "sendPhoto",
      fields: { chat_id: 123456789, photo: "https://cdn.example/r.jpg", caption: "<i>new</i> receipt", parse_mode: "HTML" },
    });
  });

  it("image uploaded from bytes when the server provides them", async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    await connector.send(outbound({ kind: "image", url: "blob:1", mimeType: "image/png" }, { media: { bytes, mimeType: "image/png", filename: "shot.png" } }), credentials, ctx);
    const { method, fields } = await call();
    expect(method).toBe("sendPhoto");
    expect(fields.chat_id).toBe("123456789");
    expect(fields.photo).toEqual({ filename: "shot.png", mimeType: "image/png", bytes });
  });

  it("a customer's Telegram media is re-sent by file_id", async () => {
    await connector.send(outbound({ kind: "image", url: "platform-media:AgACbig", mimeType: "image/jpeg" }), credentials, ctx);
    expect(await call()).toEqual({ method: "sendPhoto", fields: { chat_id: 123456789, photo: "AgACbig" } });
  });

  it("voice notes, audio and video", async () => {
    await connector.send(outbound({ kind: "audio", url: "x", mimeType: "audio/ogg", voice: true, durationSec: 3.6 }, { mediaUrl: "https://cdn.example/v.ogg" }), credentials, ctx);
    await connector.send(outbound({ kind: "audio", url: "x", mimeType: "audio/mpeg" }, { mediaUrl: "https://cdn.example/s.mp3" }), credentials, ctx);
    await connector.send(outbound({ kind: "video", url: "x", mimeType: "video/mp4", caption: "how to" }, { mediaUrl: "https://cdn.example/h.mp4" }), credentials, ctx);
    expect(await call(0)).toEqual({ method: "sendVoice", fields: { chat_id: 123456789, voice: "https://cdn.example/v.ogg", duration: 4 } });
    expect(await call(1)).toEqual({ method: "sendAudio", fields: { chat_id: 123456789, audio: "https://cdn.example/s.mp3" } });
    expect(await call(2)).toEqual({ method: "sendVideo", fields: { chat_id: 123456789, video: "https://cdn.example/h.mp4", caption: "how to", parse_mode: "HTML" } });
  });

  it("files: PDFs by link, other types uploaded, and never a link Telegram cannot fetch", async () => {
    await connector.send(outbound({ kind: "file", url: "x", mimeType: "application/pdf", filename: "a.pdf" }, { mediaUrl: "https://cdn.example/a.pdf" }), credentials, ctx);
    expect(await call(0)).toEqual({ method: "sendDocument", fields: { chat_id: 123456789, document: "https://cdn.example/a.pdf" } });

    const bytes = utf8("col1,col2\n");
    await connector.send(outbound({ kind: "file", url: "x", mimeType: "text/csv", filename: "orders.csv" }, { media: { bytes, mimeType: "text/csv", filename: "blob-1" } }), credentials, ctx);
    expect((await call(1)).fields.document).toEqual({ filename: "orders.csv", mimeType: "text/csv", bytes });

    const refused = await connector.send(outbound({ kind: "file", url: "x", mimeType: "text/csv", filename: "orders.csv" }, { mediaUrl: "https://cdn.example/o.csv" }), credentials, ctx);
    expect(refused).toMatchObject({ ok: false, kind: "rejected" });
    const tooBig = await connector.send(
      outbound({ kind: "image", url: "x", mimeType: "image/jpeg" }, { media: { bytes: new Uint8Array(10 * 1024 * 1024 + 1), mimeType: "image/jpeg", filename: "big.jpg" } }),
      credentials,
      ctx,
    );
    expect(tooBig).toMatchObject({ ok: false, kind: "rejected" });
    expect(fake.requests).toHaveLength(2);
  });

  it("locations and venues", async () => {
    await connector.send(outbound({ kind: "location", latitude: 52.52, longitude: 13.405 }), credentials, ctx);
    await connector.send(outbound({ kind: "location", latitude: 52.52, longitude: 13.405, name: "Shop", address: "Main St 1" }), credentials, ctx);
    expect(await call(0)).toEqual({ method: "sendLocation", fields: { chat_id: 123456789, latitude: 52.52, longitude: 13.405 } });
    expect(await call(1)).toEqual({ method: "sendVenue", fields: { chat_id: 123456789, latitude: 52.52, longitude: 13.405, title: "Shop", address: "Main St 1" } });
  });

  it("buttons as an inline keyboard whose presses come back as answers to the sent message", async () => {
    const result = await connector.send(
      outbound({ kind: "buttons", text: "Pick one", buttons: [{ id: "confirm_yes", title: "Yes" }, { id: "confirm_no", title: "No" }] }),
      credentials,
      ctx,
    );
    expect(await call()).toEqual({
      method: "sendMessage",
      fields: {
        chat_id: 123456789,
        text: "Pick one",
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: [[{ text: "Yes", callback_data: "confirm_yes" }], [{ text: "No", callback_data: "confirm_no" }]] },
      },
    });
    const externalId = result.ok ? result.externalId! : "";
    const messageId = Number(externalId.split(":")[1]);
    const answer = await only(tg.callbackQuery({ messageId, data: "confirm_no", buttons: [{ text: "Yes", data: "confirm_yes" }, { text: "No", data: "confirm_no" }] }));
    expect(answer).toMatchObject({ content: { kind: "text", text: "No" }, inReplyTo: externalId });
  });

  it("keeps callback_data within 64 bytes and labels within the title limit", async () => {
    const longId = "ü".repeat(40); // 80 bytes
    await connector.send(outbound({ kind: "buttons", text: "Pick", buttons: [{ id: longId, title: "x".repeat(80) }, { id: "ok", title: "OK" }] }), credentials, ctx);
    const keyboard = ((await call()).fields.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    for (const button of keyboard) {
      expect(utf8(button.callback_data).length).toBeLessThanOrEqual(64);
      expect(button.text.length).toBeLessThanOrEqual(connector.capabilities.maxButtonTitleLength);
    }
    expect(new Set(keyboard.map((b) => b.callback_data)).size).toBe(2);
    expect(keyboard[1]).toEqual({ text: "OK", callback_data: "ok" });
  });

  it("quick replies as a one-time reply keyboard", async () => {
    await connector.send(outbound({ kind: "quick_replies", text: "Anything else?", replies: [{ id: "a", title: "Track my order" }, { id: "b", title: "No" }] }), credentials, ctx);
    expect(await call()).toEqual({
      method: "sendMessage",
      fields: {
        chat_id: 123456789,
        text: "Anything else?",
        parse_mode: "HTML",
        reply_markup: { keyboard: [[{ text: "Track my order" }], [{ text: "No" }]], one_time_keyboard: true, resize_keyboard: true },
      },
    });
  });

  it("unsupported content is refused", async () => {
    expect(await connector.send(outbound({ kind: "unsupported", description: "x", raw: {} }), credentials, ctx)).toMatchObject({ ok: false, kind: "rejected" });
  });
});

describe("send failures", () => {
  const text = outbound({ kind: "text", text: "hello" });
  const failWith = (reply: ReturnType<typeof tg.errorReply>) => fake.respondWith(() => reply);

  it.each([
    ["blocked", "blocked", "403", /blocked the bot/],
    ["deactivated", "blocked", "403", /deleted/],
    ["window_closed", "blocked", "403", /press Start/],
    ["chat_not_found", "blocked", "400", /cannot find this chat/],
    ["token_expired", "token_expired", "401", /reconnect/],
    ["too_long", "rejected", "400", /too long/],
    ["server_error", "retry", "500", /retried/],
  ] as const)("%s → %s", async (error, kind, platformCode, reason) => {
    failWith(tg.errorReply(error));
    const result = await connector.send(text, credentials, ctx);
    expect(result).toMatchObject({ ok: false, kind, platformCode });
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it("rate limits carry Telegram's retry_after", async () => {
    failWith(tg.errorReply("rate_limited", { retryAfter: 17 }));
    expect(await connector.send(text, credentials, ctx)).toMatchObject({ ok: false, kind: "rate_limited", retryAfterMs: 17_000, platformCode: "429" });
  });

  it("a network failure or a non-JSON gateway error is retried", async () => {
    const unreachable = await connector.send(text, credentials, { ...ctx, apiBaseUrl: "http://127.0.0.1:1" });
    expect(unreachable).toMatchObject({ ok: false, kind: "retry" });
    expect(!unreachable.ok && unreachable.reason).not.toContain(credentials.botToken);
    fake.respondWith(() => ({ status: 502, body: "<html>Bad Gateway</html>" }));
    expect(await connector.send(text, credentials, ctx)).toMatchObject({ ok: false, kind: "retry", platformCode: "502" });
  });

  it("a group upgraded to a supergroup gets the message at its new id", async () => {
    const handler = tg.telegramHandler(fakeOptions);
    fake.respondWith(async (req) => {
      const fields = await tg.requestFields(req);
      return fields.chat_id === -100 ? handler(req) : tg.errorReply("migrated", { migrateTo: -100 });
    });
    expect(await connector.send(outbound({ kind: "text", text: "hi all" }, { recipient: "-42" }), credentials, ctx)).toMatchObject({ ok: true, externalId: expect.stringMatching(/^-100:\d+$/) });
    expect(fake.requests).toHaveLength(2);
  });

  it("if Telegram cannot parse our HTML, the words go out as plain text", async () => {
    const handler = tg.telegramHandler(fakeOptions);
    fake.respondWith(async (req) => ((await tg.requestFields(req)).parse_mode ? tg.errorReply("bad_entities") : handler(req)));
    expect(await connector.send(outbound({ kind: "text", text: "**hi** there" }), credentials, ctx)).toMatchObject({ ok: true });
    expect((await call(1)).fields).toEqual({ chat_id: 123456789, text: "hi there" });
  });
});

describe("media download", () => {
  it("getFile, then the file path, with the type from its extension", async () => {
    expect(await connector.downloadMedia("AwACvoice", credentials, ctx)).toEqual({ bytes: voiceBytes, mimeType: "audio/ogg" });
    expect(fake.requests.map((r) => r.path)).toEqual([`/bot${credentials.botToken}/getFile`, `/file/bot${credentials.botToken}/voice/file_7.oga`]);
    expect(await connector.downloadMedia("AgACbig", credentials, ctx)).toEqual({ bytes: tg.fakeFileBytes("AgACbig"), mimeType: "image/jpeg" });
  });

  it("fails loudly with a bad token", async () => {
    await expect(connector.downloadMedia("AgACbig", { ...credentials, botToken: "1:wrong" }, ctx)).rejects.toThrow(/401/);
  });
});

describe("credentials", () => {
  it("getMe accepts a live token and names the bot", async () => {
    expect(await connector.validateCredentials(credentials, ctx)).toEqual({ ok: true, accountName: "@acme_support_bot" });
  });

  it("refuses a revoked token and malformed input", async () => {
    expect(await connector.validateCredentials({ ...credentials, botToken: "123456789:revoked" }, ctx)).toMatchObject({ ok: false });
    expect(await connector.validateCredentials({ ...credentials, secretToken: "has spaces!" }, ctx)).toMatchObject({ ok: false });
    expect(connector.credentialsSchema.safeParse({ botToken: "", secretToken: "x" }).success).toBe(false);
    expect(connector.credentialsSchema.safeParse(credentials).success).toBe(true);
  });
});
