import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.ts";

const kinds = (text: string) => tokenize(text).map((t) => [t.kind, t.norm]);

describe("tokenize", () => {
  it("folds words and keeps apostrophes inside them", () => {
    expect(kinds("Não gostei, I don't")).toEqual([
      ["word", "nao"], ["word", "gostei"], ["punct", ","], ["word", "i"], ["word", "don't"],
    ]);
    expect(tokenize("don’t")[0]?.norm).toBe("don't");
  });
  it("reads emoji clusters and skin tones as one token", () => {
    expect(kinds("👍🏽❤️ ok")).toEqual([["emoji", "👍"], ["emoji", "❤"], ["word", "ok"]]);
  });
  it("reads emoticons but not URLs, labels or list items", () => {
    expect(kinds("obrigado :) :-( <3")).toEqual([["word", "obrigado"], ["emoticon", ":)"], ["emoticon", ":-("], ["emoticon", "<3"]]);
    expect(tokenize("veja https://loja.com").some((t) => t.kind === "emoticon")).toBe(false);
    expect(tokenize("obs:Pedido 8) item").some((t) => t.kind === "emoticon")).toBe(false);
  });
  it("keeps numbers, ordinals and amounts whole", () => {
    expect(kinds("3º 4th R$ 1.200 2x")).toEqual([
      ["number", "3º"], ["number", "4th"], ["word", "r"], ["number", "1.200"], ["number", "2"], ["word", "x"],
    ]);
  });
  it("marks shouted words and keeps punctuation runs", () => {
    const tokens = tokenize("NUNCA mais!!! OK");
    expect(tokens.map((t) => t.shouted)).toEqual([true, false, false, false]);
    expect(tokens[2]).toMatchObject({ kind: "punct", norm: "!!!" });
  });
  it("records where each token sits in the text", () => {
    const text = "não gostei 😡";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });
});
