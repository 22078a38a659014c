import { describe, expect, it } from "vitest";
import { after, slope } from "./trend.ts";

describe("the memory trend", () => {
  it("is the growth per second of a steady climb", () => {
    const points = Array.from({ length: 60 }, (_, t) => ({ t, v: 100 + 0.5 * t }));
    expect(slope(points)).toBeCloseTo(0.5, 10);
  });

  it("is near zero for a heap that saws up and down with garbage collection", () => {
    const points = Array.from({ length: 600 }, (_, t) => ({ t, v: 200 + (t % 30) * 2 }));
    expect(Math.abs(slope(points))).toBeLessThan(0.01);
  });

  it("leaves the warm-up out", () => {
    // Built up for 20 s, flat after: a leak test that counted the build-up would call it a leak.
    const points = Array.from({ length: 100 }, (_, t) => ({ t, v: t < 20 ? 10 * t : 200 }));
    expect(slope(points)).toBeGreaterThan(1);
    expect(slope(after(points, 20))).toBe(0);
  });

  it("is unknown with fewer than two times", () => {
    expect(slope([])).toBeNaN();
    expect(slope([{ t: 5, v: 1 }, { t: 5, v: 2 }])).toBeNaN();
  });
});
