import { isNotNull } from "drizzle-orm";
import { workspaces } from "../db/schema.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import type { DataRightsDeps } from "./deps.ts";
import { runRetention } from "./retention-run.ts";

/**
 * Applies every workspace's retention policy on a schedule (Node: a timer; Workers: the
 * scheduler's alarm through `runDue`). Hourly is plenty for a policy counted in days, and each
 * pass deletes in small batches (retention-run.ts), so it never holds the inbox up.
 */
export class RetentionJob extends LoopJob {
  protected readonly loop: PollingLoop;
  /** When this process next applies the policies (runDue is called far more often). */
  private nextDueAt = 0;
  /** Whether some workspace had a policy at the last pass: if none, nothing is scheduled. */
  private anyPolicy = false;

  constructor(
    private readonly core: DataRightsDeps,
    readonly intervalMs = 3600_000,
  ) {
    super();
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 60_000, tick: () => this.runAll(), failure: "could not apply the retention policies" });
  }

  /**
   * Applies the policies when due; next due in an hour while some workspace has one. With none,
   * nothing is scheduled: a policy saved later is picked up by the next pass after the hour (a
   * Worker's cron backstop calls this every minute).
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    if (now < this.nextDueAt) return this.anyPolicy ? this.nextDueAt : null;
    this.anyPolicy = (await this.loop.exclusive(() => this.runAll(now))) > 0;
    this.nextDueAt = now + this.intervalMs;
    return this.anyPolicy ? this.nextDueAt : null;
  }

  /** One pass over every workspace with a policy; returns how many have one. A failure is logged and the rest go on. */
  async runAll(now: number = this.core.now()): Promise<number> {
    const due = await this.core.db.select({ id: workspaces.id, days: workspaces.retentionDays }).from(workspaces).where(isNotNull(workspaces.retentionDays));
    for (const w of due) {
      try {
        await runRetention(this.core, w.id, w.days!, { now, actor: null });
      } catch (err) {
        console.error(`could not apply the retention policy of workspace ${w.id}`, err);
      }
    }
    return due.length;
  }
}
