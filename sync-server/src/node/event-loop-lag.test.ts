import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMISSION_LIMITS } from "../http/admission.ts";
import { EventLoopLag } from "./event-loop-lag.ts";

let lag: EventLoopLag | null = null;
afterEach(() => lag?.stop());

describe("the event loop's lag (admission control's third gauge)", () => {
  it("reads 0 before its windows, then how late the loop ran while something held it", async () => {
    lag = new EventLoopLag().start(200, 1);
    expect(lag.ms()).toBe(0);
    // Hold the loop (as a saturated server's work does) until a window has seen it.
    const until = Date.now() + 30_000;
    while (lag.ms() < 200) {
      if (Date.now() > until) throw new Error("the lag never showed");
      const busyUntil = Date.now() + 300;
      while (Date.now() < busyUntil);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(lag.ms()).toBeGreaterThanOrEqual(200);
  });

  it("shows only a loop kept behind for several windows in a row, not one busy burst", async () => {
    lag = new EventLoopLag().start(100, 3);
    const hold = (ms: number) => {
      const busyUntil = Date.now() + ms;
      while (Date.now() < busyUntil);
    };
    const windowsSeen = async (n: number) => {
      // Yield until n windows have closed (each lasts 100 ms of loop time at least).
      const until = Date.now() + n * 100 + 50;
      while (Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    };
    // A burst after quiet windows: the gauge stays under the default limit (500), so nothing
    // would be refused.
    await windowsSeen(3);
    hold(400);
    // The gauge's next tick closes the held window (a lone window would now read near 1000).
    await new Promise((r) => setTimeout(r, 30));
    expect(lag.ms()).toBeLessThan(DEFAULT_ADMISSION_LIMITS.eventLoopLagMs);
    // Held window after window: the gauge shows it.
    const until = Date.now() + 30_000;
    while (lag.ms() < DEFAULT_ADMISSION_LIMITS.eventLoopLagMs) {
      if (Date.now() > until) throw new Error("the sustained lag never showed");
      hold(300);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(lag.ms()).toBeGreaterThanOrEqual(DEFAULT_ADMISSION_LIMITS.eventLoopLagMs);
  });
});
