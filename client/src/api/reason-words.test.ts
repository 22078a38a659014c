import { afterEach, describe, expect, it } from "vitest";
import { reasonFields } from "@inbox/shared";
import { setLocale } from "../i18n/locale.ts";
import { reasonWords } from "./reason-words.ts";

afterEach(() => setLocale("en"));

describe("a channel's refusal of a file or choices, in the agent's language", () => {
  const tooLarge = reasonFields("attachment_too_large", { channel: "WhatsApp", kind: "image", maxBytes: String(5 * 1024 * 1024), bytes: String(Math.round(7.2 * 1024 * 1024)) });

  it("words the kind and the sizes in Portuguese, not the server's English", () => {
    setLocale("pt-BR");
    expect(reasonWords(tooLarge)).toBe("WhatsApp aceita imagens de até 5 MB; este tem 7,2 MB.");
    expect(reasonWords(reasonFields("too_many_quick_replies", { channel: "Instagram", max: "13", count: "14" }))).toBe(
      "Instagram aceita no máximo 13 respostas rápidas numa mensagem; esta tem 14.",
    );
  });

  it("says the same as the composer's own check in English", () => {
    expect(reasonWords(tooLarge)).toBe("WhatsApp accepts images up to 5 MB; this one is 7.2 MB.");
    expect(reasonWords(reasonFields("attachment_kind_unsupported", { channel: "LINE", kind: "file" }))).toBe("LINE does not accept files from agents here.");
  });
});
