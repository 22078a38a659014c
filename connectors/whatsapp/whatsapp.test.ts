import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { MalformedWebhookError } from "../src/malformed.ts";
import type { MessageContent } from "@inbox/shared";
import type { ConnectorContext, InboundEvent, OutboundMessage } from "../src/connector.ts";
import {
  FAKE_CUSTOMER,
  FAKE_MEDIA,
  FAKE_WHATSAPP_CREDENTIALS as creds,
  audioMessage,
  buildWebhook,
  buttonReply,
  contactsMessage,
  documentMessage,
  editMessage,
  errorReply,
  handshakeRequest,
  imageMessage,
  listReply,
  locationMessage,
  reactionMessage,
  revokeMessage,
  statusUpdate,
  stickerMessage,
  templateButtonReply,
  textMessage,
  toWebhookRequest,
  unsupportedMessage,
  videoMessage,
  type FakeWhatsapp,
} from "./fake.ts";
import { whatsappConnector as wa } from "./index.ts";
import { useFakeWhatsapp } from "./use-fake.ts";

let fake: FakeWhatsapp;
let ctx: ConnectorContext;

useFakeWhatsapp((f, c) => {
  fake = f;
  ctx = c;
});

const parseOne = async (payload: object): Promise<InboundEvent[]> => wa.parse(toWebhookRequest(buildWebhook(payload, creds)), creds);

function outbound(content: MessageContent, extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    messageId: "msg_01",
    conversationId: "conv_01",
    recipient: FAKE_CUSTOMER.waId,
    content,
    senderName: "Sam",
    createdAt: Date.now(),
    lastInboundAt: Date.now() - 60_000,
    ...extra,
  };
}

const sentBodies = () => fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages")).map((r) => r.json() as Record<string, any>);

describe("webhook handshake", () => {
  it("echoes hub.challenge when the verify token matches", async () => {
    const res = await wa.handshake(handshakeRequest({ mode: "subscribe", verifyToken: creds.verifyToken, challenge: "1158201444" }), creds);
    expect(res).toMatchObject({ status: 200, body: "1158201444" });
  });
  it("refuses a wrong verify token with 403", async () => {
    const res = await wa.handshake(handshakeRequest({ mode: "subscribe", verifyToken: "guess", challenge: "1158201444" }), creds);
    expect(res?.status).toBe(403);
    expect(res?.body).not.toContain("1158201444");
  });
  it("ignores GETs that are not a handshake", async () => {
    expect(await wa.handshake(handshakeRequest({}), creds)).toBeNull();
  });
  it("acknowledges with 200", () => {
    expect(wa.acknowledge(toWebhookRequest(buildWebhook({}, creds))).status).toBe(200);
  });
});

describe("signature", () => {
  const payload = textMessage({ text: "Grüße, ¿qué tal? 👋" });
  it("accepts Meta's signature over the raw (unicode-escaped) body", async () => {
    const hook = buildWebhook(payload, creds);
    expect(hook.body).toContain("\\u00fc");
    expect(await wa.verify(toWebhookRequest(hook), creds)).toBe(true);
  });
  it("rejects a tampered body", async () => {
    const hook = buildWebhook(payload, creds);
    expect(await wa.verify(toWebhookRequest({ ...hook, body: hook.body.replace("Gr", "gr") }), creds)).toBe(false);
  });
  it("rejects re-serialised JSON (signature is over the bytes Meta sent)", async () => {
    const hook = buildWebhook(payload, creds);
    expect(await wa.verify(toWebhookRequest({ ...hook, body: JSON.stringify(JSON.parse(hook.body)) }), creds)).toBe(false);
  });
  it("rejects a missing header", async () => {
    const hook = buildWebhook(payload, creds);
    expect(await wa.verify(toWebhookRequest({ headers: { "content-type": "application/json" }, body: hook.body }), creds)).toBe(false);
  });
  it("rejects a signature made with another app secret", async () => {
    const hook = buildWebhook(payload, { appSecret: "someone-else" });
    expect(await wa.verify(toWebhookRequest(hook), creds)).toBe(false);
  });
});

describe("inbound", () => {
  const sender = { externalId: FAKE_CUSTOMER.waId, name: FAKE_CUSTOMER.name, phone: `+${FAKE_CUSTOMER.waId}` };

  it("text", async () => {
    const events = await parseOne(textMessage({ id: "wamid.AAA", text: "hi", timestamp: 1739321024 }));
    expect(events).toEqual([{ type: "message", externalId: "wamid.AAA", sender, content: { kind: "text", text: "hi" }, at: 1739321024000 }]);
  });

  it("a redelivered webhook yields the same externalId", async () => {
    const payload = textMessage({ id: "wamid.SAME", text: "hello?" });
    const [first] = await parseOne(payload);
    const [again] = await parseOne(payload);
    expect(first).toMatchObject({ externalId: "wamid.SAME" });
    expect(again).toEqual(first);
  });

  it("image with caption", async () => {
    const [e] = await parseOne(imageMessage({ id: "wamid.BBB", caption: "receipt" }));
    expect(e).toMatchObject({ type: "message", externalId: "wamid.BBB", content: { kind: "image", url: `platform-media:${FAKE_MEDIA.image.id}`, mimeType: "image/jpeg", caption: "receipt" } });
  });

  it("voice note and audio file", async () => {
    const [voice] = await parseOne(audioMessage({ voice: true }));
    const [file] = await parseOne(audioMessage({ voice: false, mediaId: "777", mimeType: "audio/mpeg" }));
    expect(voice).toMatchObject({ content: { kind: "audio", voice: true, url: `platform-media:${FAKE_MEDIA.voice.id}` } });
    expect(file).toMatchObject({ content: { kind: "audio", voice: false, url: "platform-media:777", mimeType: "audio/mpeg" } });
  });

  it("video", async () => {
    const [e] = await parseOne(videoMessage({ mediaId: "888", caption: "unboxing" }));
    expect(e).toMatchObject({ content: { kind: "video", url: "platform-media:888", mimeType: "video/mp4", caption: "unboxing" } });
  });

  it("a document's caption is kept, as a text beside the file", async () => {
    const events = await parseOne(documentMessage({ id: "wamid.DOC1", filename: "invoice-42.pdf", caption: "Here is the invoice for March" }));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ externalId: "wamid.DOC1", content: { kind: "file", filename: "invoice-42.pdf" } });
    expect(events[1]).toMatchObject({ type: "message", externalId: "wamid.DOC1#caption", content: { kind: "text", text: "Here is the invoice for March" } });
  });

  it("document", async () => {
    const [e] = await parseOne(documentMessage({ filename: "invoice-42.pdf" }));
    expect(e).toMatchObject({ content: { kind: "file", url: `platform-media:${FAKE_MEDIA.document.id}`, mimeType: "application/pdf", filename: "invoice-42.pdf" } });
  });

  it("sticker as image", async () => {
    const [e] = await parseOne(stickerMessage({ mediaId: "999" }));
    expect(e).toMatchObject({ content: { kind: "image", url: "platform-media:999", mimeType: "image/webp" } });
  });

  it("location", async () => {
    const [e] = await parseOne(locationMessage({ latitude: 52.52, longitude: 13.405, name: "Office", address: "Unter den Linden 1" }));
    expect(e).toMatchObject({ content: { kind: "location", latitude: 52.52, longitude: 13.405, name: "Office", address: "Unter den Linden 1" } });
  });

  it("contact card as text", async () => {
    const [e] = await parseOne(contactsMessage({ contactName: "Ben Ortiz", phone: "+1 555 123 4567", email: "ben@example.com" }));
    expect(e).toMatchObject({ type: "message", content: { kind: "text" } });
    const content = (e as { content: { text: string } }).content;
    expect(content.text).toContain("Ben Ortiz");
    expect(content.text).toContain("+1 555 123 4567");
    expect(content.text).toContain("ben@example.com");
  });

  it("reply-button tap as text answering our message", async () => {
    const [e] = await parseOne(buttonReply({ id: "wamid.CCC", contextId: "wamid.OUR_MSG", buttonId: "cancel-button", title: "Cancel" }));
    expect(e).toMatchObject({ type: "message", externalId: "wamid.CCC", content: { kind: "text", text: "Cancel", replyTo: { choiceId: "cancel-button" } }, inReplyTo: "wamid.OUR_MSG" });
  });

  it("list-row pick and template quick reply as text", async () => {
    const [row] = await parseOne(listReply({ contextId: "wamid.LIST", rowId: "r2", title: "Billing" }));
    const [tpl] = await parseOne(templateButtonReply({ contextId: "wamid.TPL", payload: "STOP", text: "Stop promotions" }));
    expect(row).toMatchObject({ content: { kind: "text", text: "Billing", replyTo: { choiceId: "r2" } }, inReplyTo: "wamid.LIST" });
    expect(tpl).toMatchObject({ content: { kind: "text", text: "Stop promotions", replyTo: { choiceId: "STOP" } }, inReplyTo: "wamid.TPL" });
  });

  it("reaction as text on the reacted message", async () => {
    const [e] = await parseOne(reactionMessage({ id: "wamid.R", messageId: "wamid.OUR_MSG", emoji: "👍" }));
    expect(e).toMatchObject({ type: "message", externalId: "wamid.R", content: { kind: "text", text: "👍" }, inReplyTo: "wamid.OUR_MSG" });
  });

  it("edits and deletions (coexistence numbers)", async () => {
    const [edit] = await parseOne(editMessage({ originalId: "wamid.ORIG", text: "fixed typo" }));
    const [del] = await parseOne(revokeMessage({ originalId: "wamid.ORIG" }));
    expect(edit).toMatchObject({ type: "edit", externalId: "wamid.ORIG", content: { kind: "text", text: "fixed typo" }, sender });
    expect(del).toMatchObject({ type: "delete", externalId: "wamid.ORIG", sender });
  });

  it("unsupported and unknown kinds are kept with their raw payload", async () => {
    const [poll] = await parseOne(unsupportedMessage({ id: "wamid.U", unsupportedType: "poll_creation" }));
    expect(poll).toMatchObject({ type: "message", externalId: "wamid.U", content: { kind: "unsupported", description: expect.stringContaining("poll_creation") } });
    expect((poll as { content: { raw: { id: string } } }).content.raw.id).toBe("wamid.U");
    const [future] = await parseOne(inboundWithType("hologram"));
    expect(future).toMatchObject({ externalId: "wamid.F", content: { kind: "unsupported", raw: { type: "hologram" } } });
  });

  it("delivery, read and failed receipts", async () => {
    const events = await Promise.all([
      parseOne(statusUpdate({ messageId: "wamid.OUT", status: "sent", timestamp: 1739321100 })),
      parseOne(statusUpdate({ messageId: "wamid.OUT", status: "delivered", timestamp: 1739321101 })),
      parseOne(statusUpdate({ messageId: "wamid.OUT", status: "read", timestamp: 1739321102 })),
      parseOne(statusUpdate({ messageId: "wamid.OUT", status: "failed", error: { code: 131026, title: "Message undeliverable" } })),
      parseOne(statusUpdate({ messageId: "wamid.OUT2", status: "failed", error: { code: 131047, title: "Re-engagement message" } })),
    ]);
    expect(events.map((e) => e[0])).toMatchObject([
      { type: "status", externalMessageId: "wamid.OUT", status: "sent", at: 1739321100000 },
      { type: "status", externalMessageId: "wamid.OUT", status: "delivered", at: 1739321101000 },
      { type: "status", externalMessageId: "wamid.OUT", status: "read", at: 1739321102000 },
      { type: "status", externalMessageId: "wamid.OUT", status: "failed", reason: expect.stringMatching(/blocked/) },
      { type: "status", externalMessageId: "wamid.OUT2", status: "failed", reason: expect.stringMatching(/24 hours/) },
    ]);
  });

  it("a receipt carries our message id back (biz_opaque_callback_data), to confirm a send whose answer was lost", async () => {
    const [event] = await parseOne(statusUpdate({ messageId: "wamid.LOST", status: "sent", bizOpaqueCallbackData: "msg_lost_01" }));
    expect(event).toMatchObject({ type: "status", externalMessageId: "wamid.LOST", status: "sent", ourMessageId: "msg_lost_01" });
    const [plain] = await parseOne(statusUpdate({ messageId: "wamid.OTHER", status: "sent" }));
    expect(plain).not.toHaveProperty("ourMessageId");
  });

  it("ignores events for another phone number of the same Meta app", async () => {
    expect(await parseOne(textMessage({ text: "hi", phoneNumberId: "999999" }))).toEqual([]);
  });

  it("ignores other Meta products' webhooks, and refuses a body that is not JSON with a clear error", async () => {
    expect(await parseOne({ object: "page", entry: [] })).toEqual([]);
    await expect(wa.parse(toWebhookRequest(buildWebhook("not json", creds)), creds)).rejects.toThrow(MalformedWebhookError);
  });
});

function inboundWithType(type: string): object {
  const payload = textMessage({ id: "wamid.F", text: "x" }) as any;
  const m = payload.entry[0].changes[0].value.messages[0];
  delete m.text;
  m.type = type;
  m[type] = { shimmer: true };
  return payload;
}

describe("send", () => {
  it("text, formatted for WhatsApp", async () => {
    const res = await wa.send(outbound({ kind: "text", text: "**Order 12** shipped, ~~late~~" }), creds, ctx);
    expect(res).toMatchObject({ ok: true, externalId: expect.stringMatching(/^wamid\./), delivered: false });
    const [req] = fake.requests;
    expect(req!.path).toBe(`/${creds.phoneNumberId}/messages`);
    expect(req!.headers.authorization).toBe(`Bearer ${creds.accessToken}`);
    expect(req!.json()).toMatchObject({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: FAKE_CUSTOMER.waId,
      type: "text",
      text: { body: "*Order 12* shipped, ~late~" },
      biz_opaque_callback_data: "msg_01",
    });
  });

  it("image, video, audio and document by link", async () => {
    const link = "https://cdn.example/a";
    await wa.send(outbound({ kind: "image", url: "blob:1", mimeType: "image/png", caption: "**new**" }, { mediaUrl: `${link}.png` }), creds, ctx);
    await wa.send(outbound({ kind: "video", url: "blob:2", mimeType: "video/mp4" }, { mediaUrl: `${link}.mp4` }), creds, ctx);
    await wa.send(outbound({ kind: "audio", url: "blob:3", mimeType: "audio/ogg; codecs=opus", voice: true }, { mediaUrl: `${link}.ogg` }), creds, ctx);
    await wa.send(outbound({ kind: "file", url: "blob:4", mimeType: "application/pdf", filename: "quote.pdf" }, { mediaUrl: `${link}.pdf` }), creds, ctx);
    expect(sentBodies()).toMatchObject([
      { type: "image", image: { link: `${link}.png`, caption: "*new*" } },
      { type: "video", video: { link: `${link}.mp4` } },
      { type: "audio", audio: { link: `${link}.ogg` } },
      { type: "document", document: { link: `${link}.pdf`, filename: "quote.pdf" } },
    ]);
  });

  it("media without a public link is uploaded first and sent by id", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const res = await wa.send(outbound({ kind: "image", url: "blob:5", mimeType: "image/png" }, { media: { bytes, mimeType: "image/png", filename: "shot.png" } }), creds, ctx);
    expect(res.ok).toBe(true);
    const upload = fake.requests.find((r) => r.path.endsWith("/media"))!;
    expect(upload.method).toBe("POST");
    expect(upload.text).toContain('name="messaging_product"');
    expect(upload.text).toContain('filename="shot.png"');
    const [body] = sentBodies();
    expect(body!.image.id).toEqual(expect.any(String));
    expect(fake.media.get(body!.image.id)?.bytes).toEqual(bytes);
  });

  it("refuses media WhatsApp would reject, without calling it", async () => {
    const gif = await wa.send(outbound({ kind: "image", url: "blob:6", mimeType: "image/gif" }, { mediaUrl: "https://cdn.example/a.gif" }), creds, ctx);
    const huge = await wa.send(outbound({ kind: "file", url: "blob:7", mimeType: "application/pdf", filename: "big.pdf", size: 200 * 1024 * 1024 }, { mediaUrl: "https://cdn.example/big.pdf" }), creds, ctx);
    expect(gif).toMatchObject({ ok: false, kind: "rejected" });
    expect(huge).toMatchObject({ ok: false, kind: "rejected", reason: expect.stringContaining("100 MB") });
    expect(fake.requests).toHaveLength(0);
  });

  it("location", async () => {
    await wa.send(outbound({ kind: "location", latitude: 52.52, longitude: 13.405, name: "Shop", address: "Main St 1" }), creds, ctx);
    expect(sentBodies()[0]).toMatchObject({ type: "location", location: { latitude: 52.52, longitude: 13.405, name: "Shop", address: "Main St 1" } });
  });

  it("up to 3 reply buttons, titles cut to 20 characters", async () => {
    const buttons = [
      { id: "yes", title: "Yes" },
      { id: "no", title: "No" },
      { id: "later", title: "Remind me again tomorrow morning" },
    ];
    await wa.send(outbound({ kind: "buttons", text: "Did that help?", buttons }), creds, ctx);
    const [body] = sentBodies();
    expect(body).toMatchObject({ type: "interactive", interactive: { type: "button", body: { text: "Did that help?" } } });
    const sent = body!.interactive.action.buttons as { type: string; reply: { id: string; title: string } }[];
    expect(sent.map((b) => b.reply.id)).toEqual(["yes", "no", "later"]);
    expect(sent.every((b) => b.type === "reply" && b.reply.title.length <= 20)).toBe(true);
  });

  it("quick replies become reply buttons too", async () => {
    await wa.send(outbound({ kind: "quick_replies", text: "Rate us", replies: [{ id: "good", title: "Good" }, { id: "bad", title: "Bad" }] }), creds, ctx);
    expect(sentBodies()[0]).toMatchObject({ type: "interactive", interactive: { type: "button", action: { buttons: [{ reply: { id: "good", title: "Good" } }, { reply: { id: "bad", title: "Bad" } }] } } });
  });

  it("4 to 10 options become a list message; more become a numbered text list", async () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `opt${i + 1}`, title: `Option ${i + 1}` }));
    await wa.send(outbound({ kind: "buttons", text: "Pick a topic", buttons: choices(5) }), creds, ctx);
    await wa.send(outbound({ kind: "buttons", text: "Pick a topic", buttons: choices(12) }), creds, ctx);
    const [list, text] = sentBodies();
    expect(list).toMatchObject({ type: "interactive", interactive: { type: "list", body: { text: "Pick a topic" } } });
    const rows = list!.interactive.action.sections.flatMap((s: { rows: unknown[] }) => s.rows);
    expect(rows).toHaveLength(5);
    expect(list!.interactive.action.button.length).toBeLessThanOrEqual(20);
    expect(text).toMatchObject({ type: "text" });
    expect(text!.text.body).toContain("1. Option 1");
    expect(text!.text.body).toContain("12. Option 12");
  });

  it("sends to business-scoped user ids through `recipient`", async () => {
    await wa.send(outbound({ kind: "text", text: "hi" }, { recipient: "US.13491208655302741918" }), creds, ctx);
    const [body] = sentBodies();
    expect(body).toMatchObject({ recipient: "US.13491208655302741918" });
    expect(body).not.toHaveProperty("to");
  });

  it("outside the 24-hour window: window_closed without calling WhatsApp", async () => {
    const res = await wa.send(outbound({ kind: "text", text: "hi" }, { lastInboundAt: Date.now() - 25 * 3600_000 }), creds, ctx);
    expect(res).toMatchObject({ ok: false, kind: "window_closed" });
    expect(fake.requests).toHaveLength(0);
  });

  const failures = [
    ["blocked", { kind: "blocked", platformCode: "131026" }],
    ["token_expired", { kind: "token_expired", platformCode: "190" }],
    ["rate_limited", { kind: "rate_limited", platformCode: "130429", retryAfterMs: expect.any(Number) }],
    ["pair_rate_limited", { kind: "rate_limited", platformCode: "131056", retryAfterMs: 6000 }],
    ["window_closed", { kind: "window_closed", platformCode: "131047" }],
    ["rejected", { kind: "rejected", platformCode: "100" }],
    ["retry", { kind: "retry", platformCode: "131000" }],
  ] as const;
  it.each(failures)("maps WhatsApp's %s error", async (errorKind, expected) => {
    fake.failSendsWith(errorKind);
    const res = await wa.send(outbound({ kind: "text", text: "hello" }), creds, ctx);
    expect(res).toMatchObject({ ok: false, ...expected, reason: expect.any(String) });
    if (!res.ok) expect(res.reason.length).toBeGreaterThan(20);
  });

  it("uses the platform's retry hint when it gives one", async () => {
    fake.respondWith(() => ({ ...errorReply("rate_limited"), headers: { "x-business-use-case-usage": JSON.stringify({ "102290129340398": [{ type: "whatsapp", call_count: 100, estimated_time_to_regain_access: 3 }] }) } }));
    const res = await wa.send(outbound({ kind: "text", text: "hello" }), creds, ctx);
    expect(res).toMatchObject({ ok: false, kind: "rate_limited", retryAfterMs: 3 * 60_000 });
  });

  it("network failure is retried later", async () => {
    const res = await wa.send(outbound({ kind: "text", text: "hello" }), creds, { ...ctx, apiBaseUrl: "http://127.0.0.1:1" });
    expect(res).toMatchObject({ ok: false, kind: "retry" });
  });
});

describe("the fake's receipts", () => {
  it("after a send, signed sent and delivered webhooks echo our id, retried until the server answers", async () => {
    // A webhook endpoint that is down at first (as a server being restarted), then answers.
    let refuse = 2;
    const received: InboundEvent[] = [];
    const endpoint = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (refuse-- > 0) return void res.writeHead(503).end();
      const request = { method: "POST", url: new URL("https://inbox.example/webhooks/whatsapp/i"), headers: new Headers(req.headers as Record<string, string>), body: new Uint8Array(Buffer.concat(chunks)) };
      expect(await wa.verify(request, creds)).toBe(true);
      received.push(...(await wa.parse(request, creds)));
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => endpoint.listen(0, "127.0.0.1", r));
    fake.deliverStatusesTo(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`);
    try {
      const res = await wa.send(outbound({ kind: "text", text: "on its way" }), creds, ctx);
      await fake.statusesDelivered();
      expect(res.ok).toBe(true);
      const id = res.ok ? res.externalId : null;
      expect(received).toMatchObject([
        { type: "status", status: "sent", externalMessageId: id, ourMessageId: "msg_01" },
        { type: "status", status: "delivered", externalMessageId: id, ourMessageId: "msg_01" },
      ]);
    } finally {
      fake.deliverStatusesTo(null);
      await new Promise<void>((r) => endpoint.close(() => r()));
    }
  });
});

describe("media download", () => {
  it("resolves the media id to a URL, then fetches the bytes with the same token", async () => {
    const media = await wa.downloadMedia(FAKE_MEDIA.image.id, creds, ctx);
    expect(media.mimeType).toBe("image/jpeg");
    expect(media.bytes).toEqual(FAKE_MEDIA.image.bytes);
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${creds.accessToken}`, `Bearer ${creds.accessToken}`]);
  });
  it("fails clearly for an unknown media id", async () => {
    await expect(wa.downloadMedia("404404", creds, ctx)).rejects.toThrow(/not available/);
  });
});

describe("credentials", () => {
  it("schema requires every field", () => {
    expect(wa.credentialsSchema.safeParse(creds).success).toBe(true);
    expect(wa.credentialsSchema.safeParse({ ...creds, appSecret: "" }).success).toBe(false);
  });
  it("accepts a working token and names the number", async () => {
    expect(await wa.validateCredentials(creds, ctx)).toEqual({ ok: true, accountName: "Acme Support (+1 555-000-1111)" });
  });
  it("refuses a bad token", async () => {
    const res = await wa.validateCredentials({ ...creds, accessToken: "expired" }, ctx);
    expect(res).toMatchObject({ ok: false, reason: expect.stringMatching(/token/) });
  });
  it("refuses an unknown phone number id", async () => {
    const res = await wa.validateCredentials({ ...creds, phoneNumberId: "123" }, ctx);
    expect(res).toMatchObject({ ok: false, reason: expect.stringMatching(/phone number id/) });
  });
});
