/**
 * Passes of a job that works from the record (webhook processing, outbox sends, pushes), run
 * when something asks (`kick`) and, on Node, by a sweep timer. Passes never overlap; kicks that
 * arrive during a pass become one more pass after it, so nothing asked for is missed and
 * nothing piles up. A pass answers `true` when more is waiting (a full batch): the next pass
 * runs at once.
 */
export class KickedPasses {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly pass: () => Promise<boolean | void>,
    /** Logged with the error when a pass fails (the passes carry on). */
    private readonly failure: string,
  ) {}

  /** Asks for a pass soon. Resolves when the passes it joined are over; never rejects. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = this.loop().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** The sweep (Node): a pass every `intervalMs` whatever kicked or not (retries come due, claims run out). */
  start(intervalMs: number): void {
    this.timer ??= setInterval(() => void this.kick(), intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
    void this.kick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves when no pass is under way. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        if (await this.pass()) this.again = true;
      } catch (err) {
        console.error(this.failure, err);
      }
    } while (this.again);
  }
}
