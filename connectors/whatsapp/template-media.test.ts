import { describe, expect, it } from "vitest";
import type { MessageContent, TemplateSend } from "@inbox/shared";
import type { ConnectorContext, OutboundMessage } from "../src/connector.ts";
import { FAKE_CUSTOMER, FAKE_TEMPLATES, FAKE_WHATSAPP_CREDENTIALS as creds, type FakeWhatsapp } from "./fake.ts";
import { whatsappConnector as wa } from "./index.ts";
import { useFakeWhatsapp } from "./use-fake.ts";

// Templates with a media header (issue 16) on the wire, against the local WhatsApp fake: the
// header's file goes as Meta's `{type: "image", image: {link | id}}` parameter, the body's values
// beside it, whether the window is open or not.

let fake: FakeWhatsapp;
let ctx: ConnectorContext;

useFakeWhatsapp(
  (f, c) => {
    fake = f;
    ctx = c;
  },
  () => [
    ...FAKE_TEMPLATES.map((t) => structuredClone(t)),
    { id: "7", name: "welcome_video", language: "en_US", status: "APPROVED", category: "MARKETING", components: [{ type: "HEADER", format: "VIDEO" }, { type: "BODY", text: "Welcome aboard!" }] },
    { id: "8", name: "invoice_ready", language: "en_US", status: "APPROVED", category: "UTILITY", components: [{ type: "HEADER", format: "DOCUMENT" }, { type: "BODY", text: "Your invoice {{1}} is attached." }] },
  ],
);

const photo: TemplateSend = { name: "delivery_photo", language: "en_US", header: [], body: [{ text: "Ana" }, { text: "#4521" }] };
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

function message(content: MessageContent, extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    messageId: "msg_media_tpl",
    conversationId: "conv_01",
    recipient: FAKE_CUSTOMER.waId,
    content,
    senderName: "Sam",
    createdAt: Date.now(),
    lastInboundAt: Date.now() - 3 * 24 * 3600_000,
    ...extra,
  };
}

describe("a template with a media header", () => {
  it("sends the image by the link attachments use, with the body's values, though the window is closed", async () => {
    const res = await wa.send(
      message(
        { kind: "image", url: "/media/m_1.jpg", mimeType: "image/jpeg", caption: "Hi Ana, …", template: photo },
        { media: { bytes: JPEG, mimeType: "image/jpeg", filename: "m_1.jpg" }, mediaUrl: "https://inbox.example/media/m_1.jpg" },
      ),
      creds,
      ctx,
    );
    expect(res).toMatchObject({ ok: true, externalId: expect.stringMatching(/^wamid\./) });
    const body = fake.requests.find((r) => r.path.endsWith("/messages"))!.json();
    expect(body).toMatchObject({ type: "template", to: FAKE_CUSTOMER.waId });
    expect(body).not.toHaveProperty("image");
    expect(fake.sentTemplates()).toEqual([
      {
        name: "delivery_photo",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://inbox.example/media/m_1.jpg" } }] },
          { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "#4521" }] },
        ],
      },
    ]);
  });

  it("without a public link uploads the file first and sends its media id", async () => {
    const res = await wa.send(message({ kind: "image", url: "/media/m_2.jpg", mimeType: "image/jpeg", template: photo }, { media: { bytes: JPEG, mimeType: "image/jpeg", filename: "m_2.jpg" } }), creds, ctx);
    expect(res.ok).toBe(true);
    expect(fake.requests.map((r) => r.path)).toEqual([`/${creds.phoneNumberId}/media`, `/${creds.phoneNumberId}/messages`]);
    const header = (fake.sentTemplates()[0]!.components as { type: string; parameters: { image?: { id?: string } }[] }[])[0]!;
    expect(header.parameters[0]!.image!.id).toMatch(/^\d+$/);
  });

  it("a video header and a document header (with its file name) go as their own types", async () => {
    const mp4 = { bytes: new Uint8Array([0, 0, 0, 24]), mimeType: "video/mp4", filename: "w.mp4" };
    const pdf = { bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]), mimeType: "application/pdf", filename: "invoice-88.pdf" };
    const template = (name: string, body: string[]): TemplateSend => ({ name, language: "en_US", header: [], body: body.map((text) => ({ text })) });
    expect((await wa.send(message({ kind: "video", url: "/media/v.mp4", mimeType: "video/mp4", template: template("welcome_video", []) }, { media: mp4, mediaUrl: "https://inbox.example/media/v.mp4" }), creds, ctx)).ok).toBe(true);
    expect(
      (
        await wa.send(
          message({ kind: "file", url: "/media/i.pdf", mimeType: "application/pdf", filename: "invoice-88.pdf", template: template("invoice_ready", ["#88"]) }, { media: pdf, mediaUrl: "https://inbox.example/media/i.pdf" }),
          creds,
          ctx,
        )
      ).ok,
    ).toBe(true);
    const headers = fake.sentTemplates().map((t) => (t.components as { type: string; parameters: unknown[] }[]).find((c) => c.type === "header")!.parameters[0]);
    expect(headers).toEqual([
      { type: "video", video: { link: "https://inbox.example/media/v.mp4" } },
      { type: "document", document: { link: "https://inbox.example/media/i.pdf", filename: "invoice-88.pdf" } },
    ]);
  });

  it("a file WhatsApp does not take is refused before any call, as an attachment would be", async () => {
    const gif = { bytes: new Uint8Array([0x47, 0x49, 0x46]), mimeType: "image/gif", filename: "a.gif" };
    const res = await wa.send(message({ kind: "image", url: "/media/a.gif", mimeType: "image/gif", template: photo }, { media: gif, mediaUrl: "https://inbox.example/media/a.gif" }), creds, ctx);
    expect(res).toMatchObject({ ok: false, kind: "rejected", reason: expect.stringContaining("image/jpeg") });
    expect(fake.requests).toHaveLength(0);
  });

  it("the template sent as text, without its header's file, is what WhatsApp refuses", async () => {
    const res = await wa.send(message({ kind: "text", text: "Hi Ana", template: photo }), creds, ctx);
    expect(res).toMatchObject({ ok: false, kind: "rejected", platformCode: "132012", reason: expect.stringContaining("template") });
  });
});
