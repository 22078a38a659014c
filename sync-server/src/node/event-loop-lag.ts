/**
 * How far behind this process's event loop runs, for admission control (http/admission.ts). The
 * load test found the Node server behind with no stored backlog at all: at 500 agents on a busy
 * box its one JavaScript thread was saturated (or starved of a CPU), every request waited in the
 * loop for seconds, and neither the webhook backlog nor the write queue grew.
 *
 * A timer due every TICK_MS measures it: how late each run is, summed over the last window and
 * scaled to a second. So the gauge is "ms of the last second in which a due timer waited", from 0
 * (idle) to 1000 (the loop never got round to it). A sum, not a mean of the samples: a saturated
 * loop takes few samples, each very late, and their mean would hide it; nor the maximum: one
 * garbage-collection pause of 100 ms is not overload. (perf_hooks' monitorEventLoopDelay takes
 * no samples at all while the loop is kept busy, which is the case to catch.)
 *
 * What it reports is the lowest of the last `sustain` windows: behind for that long without a
 * break. A busy loop is not a server falling behind: a burst of 4,000 webhooks in 4 s on this
 * box kept the loop near 1000 while every one was taken in 4 s, and refusing at the first busy
 * second turned that into 2,247 503s and customers' messages 6x later (the bench's g2 section).
 */
const TICK_MS = 20;
/** Windows in a row the loop must stay behind before the gauge shows it. */
const SUSTAIN_WINDOWS = 5;

export class EventLoopLag {
  private timer: ReturnType<typeof setInterval> | null = null;
  private windows: number[] = [];
  private sustain = SUSTAIN_WINDOWS;

  start(windowMs = 1000, sustain = SUSTAIN_WINDOWS): this {
    if (this.timer) return this;
    this.sustain = sustain;
    let due = performance.now() + TICK_MS;
    let windowStart = performance.now();
    let late = 0;
    this.timer = setInterval(() => {
      const now = performance.now();
      late += Math.max(0, now - due);
      due = now + TICK_MS;
      const elapsed = now - windowStart;
      if (elapsed >= windowMs) {
        this.windows = [...this.windows, Math.min(1000, (late / elapsed) * 1000)].slice(-this.sustain);
        late = 0;
        windowStart = now;
      }
    }, TICK_MS);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ms per second that due timers waited (0–1000), at least, in each of the last `sustain` windows (0 until there are that many). */
  ms(): number {
    return this.windows.length < this.sustain ? 0 : Math.min(...this.windows);
  }
}
