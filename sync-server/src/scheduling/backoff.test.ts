import { describe, expect, it } from "vitest";
import { backoffMs } from "./backoff.ts";

describe("backoff", () => {
  const mid = () => 0.5; // no jitter: 0.8 + 0.4 * 0.5 = 1

  it("doubles from the first delay and stops at the cap", () => {
    const push = { firstMs: 2000, capMs: 120_000 };
    expect([1, 2, 3, 4, 7, 8, 30].map((n) => backoffMs(n, push, mid))).toEqual([2000, 4000, 8000, 16_000, 120_000, 120_000, 120_000]);
    expect([1, 2, 3].map((n) => backoffMs(n, undefined, mid))).toEqual([1000, 2000, 4000]);
  });

  it("spreads retries by at most a fifth either way, so failed sends don't all return at once", () => {
    expect(backoffMs(3, undefined, () => 0)).toBe(3200);
    expect(backoffMs(3, undefined, () => 0.999999)).toBe(4800);
  });
});
