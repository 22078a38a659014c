import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language.ts";

describe("detectLanguage", () => {
  it("reads short Portuguese chat", () => {
    expect(detectLanguage("vc pode me ajudar?").language).toBe("pt");
    expect(detectLanguage("kkkk valeu").language).toBe("pt");
    expect(detectLanguage("obg").language).toBe("pt");
  });
  it("reads short English and Spanish chat", () => {
    expect(detectLanguage("thx u rock").language).toBe("en");
    expect(detectLanguage("jajaja gracias").language).toBe("es");
    expect(detectLanguage("xq no llega mi pedido?").language).toBe("es");
  });
  it("reads longer text with tinyld, accents missing or not", () => {
    expect(detectLanguage("nao consigo acessar minha conta desde ontem a noite")).toEqual({ language: "pt", confident: true });
    expect(detectLanguage("no me gusto para nada el producto, la calidad es malisima").language).toBe("es");
    expect(detectLanguage("my package never arrived and nobody answers my emails").language).toBe("en");
  });
  it("is not confident on short text and gives up on no words", () => {
    expect(detectLanguage("oi").confident).toBe(false);
    expect(detectLanguage("😡😡")).toEqual({ language: null, confident: false });
  });
});
