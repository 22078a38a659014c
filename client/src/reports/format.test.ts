import { describe, expect, it } from "vitest";
import { bandWords, durationWords, percentWords, scoreWords } from "./format.ts";

describe("durationWords", () => {
  it("says a duration in its two largest units", () => {
    expect(durationWords(null)).toBeNull();
    expect(durationWords(42_000)).toBe("42 s");
    expect(durationWords(200_000)).toBe("3 min 20 s");
    expect(durationWords(180_000)).toBe("3 min");
    expect(durationWords(7_500_000)).toBe("2 h 5 min");
    expect(durationWords(3 * 86_400_000 + 3_600_000)).toBe("3 d 1 h");
  });
});

describe("percentWords and scoreWords", () => {
  it("write shares and averages in the UI's language", () => {
    expect(percentWords(null)).toBeNull();
    expect(percentWords(0.833, "en")).toBe("83%");
    expect(scoreWords(4.25, "en")).toBe("4.3");
    expect(scoreWords(4.25, "pt-BR")).toBe("4,3");
    expect(scoreWords(null)).toBeNull();
  });
});

describe("bandWords", () => {
  it("names each band of a distribution by its range, the first and last open-ended", () => {
    expect(bandWords(0)).toBe("under 1 min");
    expect(bandWords(2)).toBe("5 min to 15 min");
    expect(bandWords(6)).toBe("24 h to 3 d");
    expect(bandWords(7)).toBe("3 d or more");
  });
});
