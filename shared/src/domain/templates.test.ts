import { describe, expect, it } from "vitest";
import { CommandSchema } from "../api/sync.ts";
import { MessageContentSchema } from "./message.ts";
import { headerMediaKind, headerMediaProblem, renderTemplate, templateVariables, unsendableReason, type TemplateComponent } from "./templates.ts";

// Templates whose header is an image, video or document (issue 16): which file each needs,
// that they are sendable, and that the text a customer reads leaves the header out.

const withHeader = (format: string, body = "Hi {{1}}, your parcel {{2}} was delivered."): { status: string; components: TemplateComponent[] } => ({
  status: "APPROVED",
  components: [{ type: "HEADER", format }, { type: "BODY", text: body }, { type: "FOOTER", text: "Acme" }],
});

describe("a media header", () => {
  it("asks for the file its format shows: image, video, or a document as a file", () => {
    expect(headerMediaKind(withHeader("IMAGE"))).toBe("image");
    expect(headerMediaKind(withHeader("video"))).toBe("video");
    expect(headerMediaKind(withHeader("DOCUMENT"))).toBe("file");
    expect(headerMediaKind(withHeader("TEXT"))).toBeNull();
    expect(headerMediaKind({ components: [{ type: "BODY", text: "Hello" }] })).toBeNull();
  });

  it("makes the template sendable; a location header still is not", () => {
    for (const f of ["IMAGE", "VIDEO", "DOCUMENT"]) expect(unsendableReason(withHeader(f))).toBeNull();
    expect(unsendableReason(withHeader("LOCATION"))).toBe("location_header");
    expect(unsendableReason({ ...withHeader("IMAGE"), status: "PAUSED" })).toBe("not_approved");
  });

  it("needs a file of its own kind; a template without one takes none", () => {
    expect(headerMediaProblem(withHeader("IMAGE"), "image")).toBeNull();
    expect(headerMediaProblem(withHeader("IMAGE"), null)).toEqual({ problem: "media_required", wanted: "image" });
    expect(headerMediaProblem(withHeader("IMAGE"), "file")).toEqual({ problem: "media_mismatch", wanted: "image", given: "file" });
    expect(headerMediaProblem(withHeader("DOCUMENT"), "file")).toBeNull();
    expect(headerMediaProblem(withHeader("VIDEO"), "image")).toMatchObject({ problem: "media_mismatch", wanted: "video" });
    expect(headerMediaProblem({ components: [{ type: "BODY", text: "Hi" }] }, "image")).toEqual({ problem: "media_unexpected" });
    expect(headerMediaProblem({ components: [{ type: "BODY", text: "Hi" }] }, null)).toBeNull();
  });

  it("has no variables and no words in the rendered text", () => {
    const t = withHeader("IMAGE");
    expect(templateVariables(t)).toEqual({ header: [], body: ["1", "2"] });
    expect(renderTemplate(t, { body: [{ text: "Ana" }, { text: "#88" }] })).toBe("Hi Ana, your parcel #88 was delivered.\n\nAcme");
  });
});

describe("the reply command", () => {
  const base = { type: "reply", clientId: "client_0001", conversationId: "conv_0001", text: "Hi Ana", template: { name: "delivery_photo", language: "en_US", body: [{ text: "Ana" }, { text: "#88" }] } };

  it("carries a template's header file as its content", () => {
    for (const content of [
      { kind: "image", url: "local-upload:c_1", mimeType: "image/jpeg" },
      { kind: "video", url: "/media/m_1.mp4", mimeType: "video/mp4" },
      { kind: "file", url: "/media/m_1.pdf", mimeType: "application/pdf", filename: "invoice.pdf" },
    ]) {
      expect(CommandSchema.safeParse({ ...base, content }).success).toBe(true);
    }
  });

  it("refuses buttons or audio with a template", () => {
    expect(CommandSchema.safeParse({ ...base, content: { kind: "audio", url: "/media/m_1.ogg", mimeType: "audio/ogg" } }).success).toBe(false);
    expect(CommandSchema.safeParse({ ...base, content: { kind: "buttons", text: "Pick", buttons: [{ id: "a", title: "A" }] } }).success).toBe(false);
  });

  it("a stored template message keeps its whole rendered text as the file's caption", () => {
    const long = "x".repeat(2000);
    expect(MessageContentSchema.safeParse({ kind: "image", url: "/media/m_1.jpg", mimeType: "image/jpeg", caption: long, template: { ...base.template, header: [] } }).success).toBe(true);
  });
});
