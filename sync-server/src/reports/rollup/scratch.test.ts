import { afterEach, describe, expect, it, vi } from "vitest";
import { RELEASE_AFTER_MS, scratch } from "./scratch.ts";

describe("reports' working arrays", () => {
  afterEach(() => vi.useRealTimers());

  it("are kept between reports, and let go once no report used them for a while", () => {
    vi.useFakeTimers();
    const first = scratch.float64("test.sums", 100_000);
    first.fill(7);
    expect(scratch.bytes).toBeGreaterThanOrEqual(100_000 * 8);
    // The next report within the interval gets the same memory (no allocation, no zeroing).
    vi.advanceTimersByTime(RELEASE_AFTER_MS - 1);
    scratch.releaseIfIdle();
    expect(scratch.float64("test.sums", 50_000)[0]).toBe(7);
    // Each use starts the wait again; a quiet server then holds nothing.
    vi.advanceTimersByTime(RELEASE_AFTER_MS - 1);
    scratch.releaseIfIdle();
    expect(scratch.bytes).toBeGreaterThan(0);
    vi.advanceTimersByTime(1);
    scratch.releaseIfIdle();
    expect(scratch.bytes).toBe(0);
    expect(scratch.float64("test.sums", 10)[0]).toBe(0);
  });
});
