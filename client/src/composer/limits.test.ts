import { afterEach, describe, expect, it } from "vitest";
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { setLocale } from "../i18n/locale.ts";
import { attachmentError, textLengthError } from "./limits.ts";

const MB = 1024 * 1024;
const whatsapp: ChannelCapabilities = {
  maxTextLength: 4096,
  maxButtons: 3,
  maxButtonTitleLength: 20,
  maxQuickReplies: 3,
  media: {
    image: { maxBytes: 5 * MB, mimeTypes: ["image/jpeg", "image/png"] },
    file: { maxBytes: 100 * MB, mimeTypes: ["application/pdf"] },
  },
  formatting: "whatsapp",
};
const webchat: ChannelCapabilities = { ...whatsapp, media: {}, formatting: "plain" };

afterEach(() => setLocale("en"));

describe("attachment limits, checked before sending", () => {
  it("a file within the channel's limits passes", () => {
    expect(attachmentError(whatsapp, "WhatsApp", { name: "a.png", type: "image/png", size: 2 * MB })).toBeNull();
    expect(attachmentError(whatsapp, "WhatsApp", { name: "a.pdf", type: "application/pdf", size: 90 * MB })).toBeNull();
  });

  it("an oversize file is refused with the channel's limit and the file's size", () => {
    expect(attachmentError(whatsapp, "WhatsApp", { name: "big.png", type: "image/png", size: Math.round(7.2 * MB) })).toBe(
      "WhatsApp accepts images up to 5 MB; this one is 7.2 MB.",
    );
  });

  it("wildcard limits match: Telegram and web chat take files of any type (a .txt is not refused)", () => {
    const telegram: ChannelCapabilities = { ...whatsapp, media: { image: whatsapp.media.image, file: { maxBytes: 50 * MB, mimeTypes: ["*/*"] } } };
    expect(attachmentError(telegram, "Telegram", { name: "notes.txt", type: "text/plain", size: 1000 })).toBeNull();
    expect(attachmentError(telegram, "Telegram", { name: "data.bin", type: "", size: 1000 })).toBeNull();
    const docs: ChannelCapabilities = { ...whatsapp, media: { file: { maxBytes: MB, mimeTypes: ["application/*"] } } };
    expect(attachmentError(docs, "LINE", { name: "a.zip", type: "application/zip", size: 10 })).toBeNull();
    expect(attachmentError(docs, "LINE", { name: "notes.txt", type: "text/plain", size: 10 })).toBe("LINE accepts files only as any APPLICATION type; notes.txt is TXT.");
  });

  it("a type the channel does not take names the types it does", () => {
    expect(attachmentError(whatsapp, "WhatsApp", { name: "fun.gif", type: "image/gif", size: 1000 })).toBe(
      "WhatsApp accepts images only as JPEG, PNG; fun.gif is GIF.",
    );
    expect(attachmentError(whatsapp, "WhatsApp", { name: "clip.mp4", type: "video/mp4", size: 1000 })).toBe("WhatsApp does not accept videos from agents.");
  });

  it("a channel with no attachments, or limits this device has not seen, says so", () => {
    expect(attachmentError(webchat, "Web chat", { name: "a.png", type: "image/png", size: 10 })).toBe("Web chat does not take attachments from agents: only text.");
    expect(attachmentError(null, "WhatsApp", { name: "a.png", type: "image/png", size: 10 })).toMatch(/has not learned WhatsApp's attachment limits/);
  });

  it("speaks the agent's language", () => {
    setLocale("pt-BR");
    expect(attachmentError(whatsapp, "WhatsApp", { name: "big.png", type: "image/png", size: Math.round(7.2 * MB) })).toBe(
      "O WhatsApp aceita imagens de até 5 MB; este tem 7,2 MB.",
    );
  });

  it("text longer than the channel takes is refused with both numbers", () => {
    expect(textLengthError({ ...whatsapp, maxTextLength: 10 }, "LINE", "x".repeat(12))).toBe("LINE accepts messages of up to 10 characters; this one has 12.");
    expect(textLengthError(whatsapp, "WhatsApp", "short")).toBeNull();
  });
});
