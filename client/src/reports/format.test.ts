import { describe, expect, it } from "vitest";
import { durationWords } from "./format.ts";

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
