import { afterEach, describe, expect, it } from "vitest";
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { setLocale } from "../../i18n/locale.ts";
import { headerFileAccept, headerFileError, headerFileLabel } from "./header-file.ts";

const MB = 1024 * 1024;
const whatsapp: ChannelCapabilities = {
  maxTextLength: 4096,
  maxButtons: 3,
  maxButtonTitleLength: 20,
  maxQuickReplies: 3,
  media: {
    image: { maxBytes: 5 * MB, mimeTypes: ["image/jpeg", "image/png"] },
    video: { maxBytes: 16 * MB, mimeTypes: ["video/mp4"] },
    file: { maxBytes: 100 * MB, mimeTypes: ["application/pdf"] },
  },
  formatting: "whatsapp",
};

afterEach(() => setLocale("en"));

describe("the file of a template's media header, checked in the picker", () => {
  it("takes a file of the header's kind within the channel's limits", () => {
    expect(headerFileError(whatsapp, "WhatsApp", "image", { name: "parcel.jpg", type: "image/jpeg", size: 200_000 })).toBeNull();
    expect(headerFileError(whatsapp, "WhatsApp", "file", { name: "invoice.pdf", type: "application/pdf", size: 90_000 })).toBeNull();
  });

  it("says when the file is not what the header shows", () => {
    expect(headerFileError(whatsapp, "WhatsApp", "image", { name: "invoice.pdf", type: "application/pdf", size: 1000 })).toBe("This template shows an image at the top; invoice.pdf is not an image.");
    expect(headerFileError(whatsapp, "WhatsApp", "file", { name: "a.png", type: "image/png", size: 1000 })).toContain("shows a document at the top");
  });

  it("says the channel's limits for that kind, as the composer does", () => {
    expect(headerFileError(whatsapp, "WhatsApp", "image", { name: "big.png", type: "image/png", size: Math.round(7.2 * MB) })).toBe("WhatsApp accepts images up to 5 MB; this one is 7.2 MB.");
    expect(headerFileError(whatsapp, "WhatsApp", "image", { name: "a.gif", type: "image/gif", size: 1000 })).toContain("GIF");
  });

  it("offers the channel's accepted types in the file picker", () => {
    expect(headerFileAccept(whatsapp, "image")).toBe("image/jpeg,image/png");
    expect(headerFileAccept(null, "video")).toBe("video/*");
  });

  it("speaks Portuguese", () => {
    setLocale("pt-BR");
    expect(headerFileLabel("image")).toBe("Imagem do cabeçalho");
    expect(headerFileError(whatsapp, "WhatsApp", "video", { name: "a.png", type: "image/png", size: 1000 })).toBe("Este modelo mostra um vídeo no topo; a.png não é um vídeo.");
  });
});
