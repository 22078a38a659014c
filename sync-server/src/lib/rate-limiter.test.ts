import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.ts";

describe("RateLimiter", () => {
  it("allows a burst, then one per refill period, per key", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ burst: 3, refillMs: 1000 }, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(1000);
    expect(limiter.take("b")).toBe(0); // another key has its own bucket
    now += 400;
    expect(limiter.take("a")).toBe(600);
    now += 600;
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBeGreaterThan(0);
  });

  it("forgets the key touched longest ago when full", () => {
    const limiter = new RateLimiter({ burst: 1, refillMs: 60_000 }, () => 0, 2);
    limiter.take("a");
    limiter.take("b");
    limiter.take("c"); // "a" is forgotten
    expect(limiter.take("b")).toBeGreaterThan(0);
    expect(limiter.take("a")).toBe(0);
  });
});
