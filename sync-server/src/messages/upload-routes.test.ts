import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandResult, Conversation, Message } from "@inbox/shared";
import type { ChannelCapabilities, UploadResponse } from "@inbox/shared/api/uploads";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Agents' attachments, end to end on a real server: upload into the blob store, reply with it
// through the command outbox path, out through the WhatsApp fake; and the channel's limits
// refusing oversize and wrong-type files in words the agent understands, at upload and again
// when a reply refers to a file the channel cannot take.

let server: TestServer;
let ana: string;
let bruno: string;
let whatsapp: { id: string };
let conversation: Conversation;

const MB = 1024 * 1024;
/** A real 1×1 PNG: what the fake and the timeline receive must be a decodable image. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

beforeAll(async () => {
  server = await startTestServer();
  ana = await server.login("ana@demo.inbox");
  bruno = await server.login("bruno@demo.inbox");
  whatsapp = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "whatsapp")!;
  const res = await server.simulatorApi(`/inboxes/${whatsapp.id}/customer`, {
    customer: { externalId: "5511966660001", name: "Upload Uma" },
    action: { kind: "text", text: "can you send the invoice?" },
  });
  expect(res.status).toBe(200);
  await server.core.webhooks.idle();
  conversation = await waitFor("the customer's conversation", async () => {
    const list = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === "Upload Uma");
  });
});
afterAll(() => server?.stop());

function upload(bytes: Uint8Array, type: string, filename: string, token = ana, conversationId = conversation.id) {
  return server.api(`/api/uploads?conversationId=${conversationId}&filename=${encodeURIComponent(filename)}`, {
    method: "POST",
    token,
    headers: { "content-type": type },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
}

async function replyWith(content: unknown, text = ""): Promise<CommandResult> {
  const res = await server.api("/api/commands", {
    method: "POST",
    token: ana,
    json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId: conversation.id, text, content }] },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results[0]!;
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

describe("attachments in replies", () => {
  it("tells the composer what the inbox's channel accepts", async () => {
    const res = await server.api(`/api/inboxes/${whatsapp.id}/capabilities`, { token: ana });
    expect(res.status).toBe(200);
    const caps = (await res.json()) as ChannelCapabilities;
    expect(caps.media.image).toEqual({ maxBytes: 5 * MB, mimeTypes: ["image/jpeg", "image/png"] });
    expect(caps.maxButtons).toBe(3);
    expect(caps.formatting).toBe("whatsapp");
    // Bruno is in the sales team; the WhatsApp inbox belongs to support.
    expect((await server.api(`/api/inboxes/${whatsapp.id}/capabilities`, { token: bruno })).status).toBe(403);
  });

  it("an uploaded image goes out as an image reply through the platform and shows as sent", async () => {
    const res = await upload(PNG, "image/png", "receipt.png");
    expect(res.status).toBe(201);
    const up = (await res.json()) as UploadResponse;
    expect(up).toMatchObject({ kind: "image", mimeType: "image/png", size: PNG.byteLength, filename: "receipt.png" });
    expect(up.url).toMatch(/^\/media\//);
    const stored = await server.api(up.url, { token: ana });
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(PNG);

    const result = await replyWith({ kind: "image", url: up.url, mimeType: up.mimeType });
    expect(result.ok).toBe(true);
    await server.core.outbox.idle();
    const sent = (await (await server.simulatorApi(`/inboxes/${whatsapp.id}/sent`)).json()) as { sent: { kind: string; to: string | null }[] };
    expect(sent.sent.some((s) => s.kind === "image" && s.to === "5511966660001")).toBe(true);
    const detail = (await (await server.api(`/api/conversations/${conversation.id}`, { token: ana })).json()) as { messages: Message[]; conversation: Conversation };
    const image = detail.messages.find((m) => m.content.kind === "image" && m.direction === "outbound")!;
    expect(["sent", "delivered"]).toContain(image.status);
    expect(detail.conversation.lastMessagePreview).toBe("📷 Image");
  });

  it("refuses an image over the channel's size limit, saying the limit and the size", async () => {
    const big = new Uint8Array(Math.round(7.2 * MB));
    big.set(PNG);
    const res = await upload(big, "image/png", "huge.png");
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toBe("WhatsApp accepts images up to 5 MB; this one is 7.2 MB.");
  });

  it("refuses a type the channel does not take, naming the types it does", async () => {
    const res = await upload(PNG, "image/gif", "funny.gif");
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe("WhatsApp accepts images only as JPEG, PNG; this one is GIF.");
  });

  it("checks a reply's attachment again when it arrives: a file the channel cannot take is refused and kept as a draft", async () => {
    // A GIF uploaded for Messenger (which takes GIFs), then used in a WhatsApp reply.
    const messenger = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "messenger")!;
    await server.simulatorApi(`/inboxes/${messenger.id}/customer`, { customer: { externalId: "6021457710009001", name: "Gif Gil" }, action: { kind: "text", text: "hi" } });
    await server.core.webhooks.idle();
    const gil = await waitFor("Gil's conversation", async () => {
      const list = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
      return list.conversations.find((c) => c.contactName === "Gif Gil" || c.contactName === "6021457710009001");
    });
    const res = await upload(PNG, "image/gif", "funny.gif", ana, gil.id);
    expect(res.status).toBe(201);
    const gif = (await res.json()) as UploadResponse;

    const result = await replyWith({ kind: "image", url: gif.url, mimeType: "image/gif" }, "look");
    expect(result).toMatchObject({ ok: false, keepAsDraft: true, message: "WhatsApp accepts images only as JPEG, PNG; this one is GIF." });
    const missing = await replyWith({ kind: "file", url: "/media/00000000-0000-0000-0000-000000000000.pdf", mimeType: "application/pdf", filename: "x.pdf" });
    expect(missing).toMatchObject({ ok: false, message: "The attachment was not found. Attach the file again." });
  });

  it("buttons beyond the channel's maximum are refused; within it they are sent", async () => {
    const four = ["Yes", "No", "Maybe", "Later"].map((title, i) => ({ id: `c${i}`, title }));
    const refused = await replyWith({ kind: "buttons", text: "Did that help?", buttons: four }, "Did that help?");
    expect(refused).toMatchObject({ ok: false, message: "WhatsApp accepts at most 3 buttons in one message; this one has 4." });
    const ok = await replyWith({ kind: "buttons", text: "Did that help?", buttons: four.slice(0, 2) }, "Did that help?");
    expect(ok.ok).toBe(true);
  });

  it("a channel that takes files of any type (Telegram: */*) takes a plain-text file", async () => {
    const telegram = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "telegram")!;
    const res = await server.simulatorApi(`/inboxes/${telegram.id}/customer`, {
      customer: { externalId: "735966001", name: "Text Teo" },
      action: { kind: "text", text: "send me the notes" },
    });
    expect(res.status).toBe(200);
    const conv = await waitFor("Teo's conversation", async () => {
      await server.core.webhooks.idle();
      const list = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
      return list.conversations.find((c) => c.contactName === "Text Teo");
    });
    const up = await upload(new TextEncoder().encode("meeting notes"), "text/plain", "notes.txt", ana, conv.id);
    expect(up.status).toBe(201);
    expect((await up.json()) as UploadResponse).toMatchObject({ kind: "file", mimeType: "text/plain", filename: "notes.txt" });
  });

  it("an agent outside the conversation's team cannot upload into it", async () => {
    const res = await upload(PNG, "image/png", "x.png", bruno);
    expect(res.status).toBe(403);
  });
});
