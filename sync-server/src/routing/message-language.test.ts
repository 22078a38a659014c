import { describe, expect, it } from "vitest";
import { messageLanguage } from "./message-language.ts";

describe("the language a customer wrote in", () => {
  it("names the language of a sentence, as routing rules compare it", () => {
    expect(messageLanguage("Preciso de ajuda com o reembolso do meu pedido")).toBe("pt");
    expect(messageLanguage("I need a refund for my order, please")).toBe("en");
    expect(messageLanguage("Hola, mi pedido no llegó todavía")).toBe("es");
    expect(messageLanguage("Guten Tag, wo ist meine Bestellung?")).toBe("de");
  });

  it("says nothing when the text is too short or not words", () => {
    expect(messageLanguage("oi")).toBeNull();
    expect(messageLanguage("ok")).toBeNull();
    expect(messageLanguage("👍 123 !!")).toBeNull();
    expect(messageLanguage("")).toBeNull();
  });
});
