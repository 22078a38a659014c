import { describe, expect, it } from "vitest";
import { percentile } from "./stats.ts";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([5, 1, 3], 50)).toBe(3);
  });
  it("is NaN with no samples, so an empty run cannot pass for a fast one", () => {
    expect(percentile([], 99)).toBeNaN();
  });
});
