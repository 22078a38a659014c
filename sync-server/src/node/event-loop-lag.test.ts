import { afterEach, describe, expect, it } from "vitest";
import { EventLoopLag } from "./event-loop-lag.ts";

let lag: EventLoopLag | null = null;
afterEach(() => lag?.stop());

describe("the event loop's lag (admission control's third gauge)", () => {
  it("reads 0 before its first window, then how late the loop ran while something held it", async () => {
    lag = new EventLoopLag().start(200);
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
});
