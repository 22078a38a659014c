import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.ts";

describe("backoffDelay", () => {
  it("waits longer after each failure and never more than the cap", () => {
    const delays = [0, 1, 2, 3, 4, 5, 10, 50].map((n) => backoffDelay(n, { random: () => 0 }));
    expect(delays.slice(0, 6)).toEqual([500, 1000, 2000, 4000, 8000, 16000]);
    expect(delays[6]).toBe(30_000);
    expect(delays[7]).toBe(30_000);
  });

  it("jitters within the configured fraction so clients spread out", () => {
    expect(backoffDelay(2, { random: () => 0 })).toBe(2000);
    expect(backoffDelay(2, { random: () => 0.999999, jitter: 0.5 })).toBe(1000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(3);
      expect(d).toBeGreaterThanOrEqual(4000 * 0.7);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});
