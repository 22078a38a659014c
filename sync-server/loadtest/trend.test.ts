import { describe, expect, it } from "vitest";
import { after, floorSlope, slope } from "./trend.ts";

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

describe("the heap's floor", () => {
  it("stays flat for a sawtooth that ends high, where the raw slope says it grew", () => {
    // Collected every 40 s back to 100 MB; the window ends at the top of a tooth.
    const points = Array.from({ length: 120 }, (_, t) => ({ t, v: 100 + (t % 40) * 3 }));
    expect(slope(points)).toBeGreaterThan(0.3);
    expect(Math.abs(floorSlope(points, 40))).toBeLessThan(0.01);
  });

  it("rises with what stays live", () => {
    const points = Array.from({ length: 600 }, (_, t) => ({ t, v: 100 + 0.05 * t + (t % 30) * 2 }));
    expect(floorSlope(points, 30)).toBeCloseTo(0.05, 2);
  });
});
