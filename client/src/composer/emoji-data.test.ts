import { describe, expect, it } from "vitest";
import { EMOJI, SYMBOLS, searchGlyphs } from "./emoji-data.ts";

describe("emoji and symbol search", () => {
  it("finds by name and by keyword, in English or Portuguese, ignoring accents and case", () => {
    expect(searchGlyphs(EMOJI, "thumbs").map((g) => g.char)).toEqual(["👍", "👎"]);
    expect(searchGlyphs(EMOJI, "Obrigado").map((g) => g.char)).toContain("🙏");
    expect(searchGlyphs(EMOJI, "coracao").map((g) => g.char)).toContain("❤️");
    expect(searchGlyphs(SYMBOLS, "euro").map((g) => g.char)).toEqual(["€"]);
  });

  it("every word must match; an empty query shows everything", () => {
    expect(searchGlyphs(EMOJI, "red heart").map((g) => g.char)).toEqual(["❤️"]);
    expect(searchGlyphs(SYMBOLS, "  ")).toHaveLength(SYMBOLS.length);
    expect(searchGlyphs(EMOJI, "zzzznothing")).toEqual([]);
  });

  it("has no duplicate characters (each button inserts something different)", () => {
    const all = [...EMOJI, ...SYMBOLS].map((g) => g.char);
    expect(new Set(all).size).toBe(all.length);
  });
});
