export interface PollingLoopOptions {
  /** Time between the end of one timed pass and the start of the next. */
  intervalMs: number;
  /** Wait before the first timed pass after `start()`. */
  firstDelayMs: number;
  /** The pass the timer runs. */
  tick: () => Promise<unknown>;
  /** Logged with the error when a timed pass fails (the loop carries on). */
  failure: string;
}

/**
 * The timer of a job that works from the record: one pass after another, each scheduled when the
 * previous one ends, so a slow pass never piles up behind itself. Passes a runtime without
 * long-lived timers starts (a Worker's alarm calling `runDue`) go through `exclusive` and queue
 * behind the timed ones. No runtime APIs beyond timers: the Node server starts and stops it.
 */
export class PollingLoop {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Passes run one after another, whether the timer or `exclusive` started them. */
  private chain: Promise<unknown> = Promise.resolve();
  private running = false;

  constructor(private readonly opts: PollingLoopOptions) {}

  /** Whether the timer is on (between `start()` and `stop()`). */
  get started(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(this.opts.firstDelayMs);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Resolves once the pass under way (if any) has finished; for shutdown. */
  async idle(): Promise<void> {
    await this.chain;
  }

  /** Runs `pass` once the pass under way (if any) is over, so passes never overlap. */
  exclusive<T>(pass: () => Promise<T>): Promise<T> {
    const run = this.chain.then(pass);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.exclusive(this.opts.tick)
        .catch((err) => console.error(this.opts.failure, err))
        .finally(() => this.schedule(this.opts.intervalMs));
    }, delayMs);
    (this.timer as { unref?: () => void }).unref?.();
  }
}

/**
 * A job that runs on a `PollingLoop` (Node starts, stops and awaits it with the server; a
 * Worker's scheduler calls the job's own `runDue` instead). Subclasses build `loop` in their
 * constructor.
 */
export abstract class LoopJob {
  protected abstract readonly loop: PollingLoop;

  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  /** Resolves once the pass under way (if any) has finished; for shutdown and tests. */
  idle(): Promise<void> {
    return this.loop.idle();
  }
}
