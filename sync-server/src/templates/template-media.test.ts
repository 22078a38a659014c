import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { CommandResult, Conversation, Message } from "@inbox/shared";
import type { UploadResponse } from "@inbox/shared/api/uploads";
import { FAKE_WABA_ID, buildWebhook } from "@inbox/connectors/whatsapp/fake.ts";
import { INVOICE_PDF, PHOTO_JPEG } from "@inbox/connectors/src/demo-media/media.ts";
import { media } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { connectInbox, deliverWebhook } from "../testing/connect-inbox.ts";
import { startFakeWhatsapp, whatsappText, type StartedFakeWhatsapp } from "../testing/fake-whatsapp-inbox.ts";

// A WhatsApp template with an image header (issue 16) on a real server and libSQL against the
// Graph fake: the agent's uploaded image is the header, checked against the template's format
// and the channel's limits; the message is stored as that image captioned with the rendered
// text, placed in the conversation like any attachment, and sent once with Meta's header parameter.

let server: TestServer;
let admin: string;
let wa: StartedFakeWhatsapp;
let inboxId: string;
let conv: Conversation;

const DAY = 24 * 3600_000;

beforeAll(async () => {
  wa = await startFakeWhatsapp();
  server = await startTestServer({ platformApiUrls: { whatsapp: wa.fake.baseUrl } });
  admin = await server.login("admin@demo.inbox");
  inboxId = await connectInbox(server.url, admin, { name: "WhatsApp media templates", channel: "whatsapp", teamId: server.seed!.teamIds.support!, credentials: wa.credentials });
  const sync = await server.api(`/api/admin/inboxes/${inboxId}/templates/sync`, { method: "POST", token: admin, json: { businessAccountId: FAKE_WABA_ID } });
  expect(sync.status).toBe(200);
  const payload = whatsappText({ from: "4915100000077", name: "Paula Parcel", id: `wamid.${crypto.randomUUID()}`, text: "Was it delivered?", timestamp: Math.floor((Date.now() - 2 * DAY) / 1000) });
  expect(await deliverWebhook(`${server.url}/webhooks/whatsapp/${inboxId}`, buildWebhook(payload, wa.credentials))).toBe(200);
  await server.core.webhooks.idle();
  conv = await waitFor("Paula's conversation", async () => {
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === "Paula Parcel");
  });
});
afterAll(async () => {
  await server?.stop();
  await wa?.fake.stop();
});

async function upload(file: { bytes: Uint8Array; mimeType: string; filename: string }): Promise<UploadResponse> {
  const res = await server.api(`/api/uploads?conversationId=${conv.id}&filename=${encodeURIComponent(file.filename)}`, {
    method: "POST",
    token: admin,
    headers: { "content-type": file.mimeType },
    body: file.bytes as Uint8Array<ArrayBuffer>,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as UploadResponse;
}

async function commands(list: object[]): Promise<CommandResult[]> {
  const res = await server.api("/api/commands", { method: "POST", token: admin, json: { commands: list } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results;
}

const photo = { name: "delivery_photo", language: "en_US", body: [{ text: "Paula" }, { text: "#77" }] };
const reply = (extra: object) => ({ type: "reply", clientId: crypto.randomUUID(), conversationId: conv.id, text: "", ...extra });

describe("a template with an image header", () => {
  it("goes out once with the uploaded image as its header, and the timeline shows the image with the template's text", async () => {
    const image = await upload(PHOTO_JPEG);
    const command = reply({ template: photo, content: { kind: "image", url: image.url, mimeType: image.mimeType } });
    const [first] = await commands([command]);
    expect(first).toMatchObject({ ok: true });
    const [again] = await commands([command]);
    expect(again).toEqual(first);
    await server.core.outbox.idle();

    const [sent] = wa.fake.sentTemplates();
    expect(sent).toEqual({
      name: "delivery_photo",
      language: { code: "en_US" },
      components: [
        { type: "header", parameters: [{ type: "image", image: { link: expect.stringMatching(new RegExp(`${image.url.replace(/[.]/g, "\\.")}$`)) } }] },
        { type: "body", parameters: [{ type: "text", text: "Paula" }, { type: "text", text: "#77" }] },
      ],
    });
    expect(wa.fake.sentTemplates()).toHaveLength(1);

    const detail = (await (await server.api(`/api/conversations/${conv.id}`, { token: admin })).json()) as { conversation: Conversation; messages: Message[] };
    const mine = detail.messages.find((m) => m.clientId === (command as { clientId: string }).clientId)!;
    expect(mine.status).toBe("sent");
    expect(mine.content).toMatchObject({
      kind: "image",
      mimeType: "image/jpeg",
      caption: "Hi Paula, your parcel #77 was delivered. Here is the photo our courier took.",
      template: { name: "delivery_photo", language: "en_US", header: [] },
    });
    expect(detail.conversation.lastMessagePreview).toContain("📷 Hi Paula");
    // The image now belongs to the conversation, as any attachment a reply carries.
    const [row] = await server.core.db.select().from(media).where(eq(media.key, image.url.slice("/media/".length)));
    expect(row?.conversationId).toBe(conv.id);
  });

  it("without a file, with a file of another kind, or a file on a template without a media header, is refused with a reason and not sent", async () => {
    const before = wa.fake.sentTemplates().length;
    const pdf = await upload(INVOICE_PDF);
    const image = await upload(PHOTO_JPEG);
    const [none, wrongKind, notWanted] = await commands([
      reply({ template: photo }),
      reply({ template: photo, content: { kind: "file", url: pdf.url, mimeType: pdf.mimeType, filename: pdf.filename } }),
      reply({ template: { name: "follow_up", language: "en_US", body: [{ text: "Paula" }] }, content: { kind: "image", url: image.url, mimeType: image.mimeType } }),
    ]);
    expect(none).toMatchObject({ ok: false, fields: { reason: "template_needs_image", name: "delivery_photo" }, message: expect.stringContaining("attach an image") });
    expect(wrongKind).toMatchObject({ ok: false, fields: { reason: "template_needs_image" } });
    expect(notWanted).toMatchObject({ ok: false, fields: { reason: "template_takes_no_file", name: "follow_up" } });
    await server.core.outbox.idle();
    expect(wa.fake.sentTemplates()).toHaveLength(before);
  });

  it("a file claimed as an image that is stored as something else is refused as any attachment would be", async () => {
    const pdf = await upload(INVOICE_PDF);
    const [lie] = await commands([reply({ template: photo, content: { kind: "image", url: pdf.url, mimeType: "image/jpeg" } })]);
    expect(lie).toMatchObject({ ok: false, message: expect.stringContaining("does not match its kind") });
  });

  it("a client cannot mark its own attachment as a template to pass the closed window", async () => {
    const image = await upload(PHOTO_JPEG);
    const [sneaky] = await commands([reply({ content: { kind: "image", url: image.url, mimeType: image.mimeType, template: { ...photo, header: [] } } })]);
    expect(sneaky).toMatchObject({ ok: false, fields: { reason: "window_closed_template" } });
  });
});
