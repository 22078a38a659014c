import type { Core } from "../core.ts";
import { MIN_GAP_MS, runDueJobs } from "../scheduling/jobs.ts";
import type { DurableObjectNamespace, DurableObjectState } from "./cf-types.ts";
import type { Env } from "./env.ts";
import { ownCoreOf } from "./worker-core.ts";

const SINGLETON = "scheduler";

/**
 * The one alarm behind every scheduled job (outbox retries, snooze wake-ups, routing timeouts,
 * pending webhooks): `runDueJobs` runs what is due and says when the next job is, and the alarm
 * is set for then. Kicked after writes and by the cron backstop; the jobs work from the record
 * with conditional writes, so an extra run does nothing twice.
 *
 * A kick runs the jobs at once unless a run started less than `MIN_GAP_MS` ago (the same
 * spacing `runDueJobs` keeps between its own runs); then the alarm is brought forward to that
 * gap's end instead, so a burst of writes costs one run per gap rather than one each (each run
 * is about ten libSQL round trips, contending with the requests that kicked it).
 */
export class SchedulerObject {
  /** This object's own core (see ownCoreOf). */
  private readonly ownCore: () => Promise<Core>;
  /** When the latest run started (this instance's memory: a fresh instance runs at once). */
  private lastStart = Number.NEGATIVE_INFINITY;
  private running = false;
  /** A kick came while a run was going: that run may have read the record before its write. */
  private kickedWhileRunning = false;

  constructor(
    private readonly state: DurableObjectState,
    private readonly env: Env,
  ) {
    this.ownCore = ownCoreOf(env);
  }

  async fetch(): Promise<Response> {
    const core = await this.ownCore();
    if (!this.running && core.now() - this.lastStart >= MIN_GAP_MS) return Response.json({ next: await this.run() });
    if (this.running) {
      // The run arms the alarm as it ends, and will know of this kick.
      this.kickedWhileRunning = true;
      return Response.json({ next: null });
    }
    const at = this.lastStart + MIN_GAP_MS;
    const alarm = await this.state.storage.getAlarm();
    if (alarm === null || alarm > at) await this.state.storage.setAlarm(at);
    return Response.json({ next: Math.min(alarm ?? at, at) });
  }

  async alarm(): Promise<void> {
    await this.run();
  }

  private async run(): Promise<number | null> {
    const core = await this.ownCore();
    const start = core.now();
    this.lastStart = start;
    this.running = true;
    this.kickedWhileRunning = false;
    let next: number | null;
    try {
      next = await runDueJobs(core, start);
    } finally {
      this.running = false;
    }
    // A write kicked during the run: look again once the gap is over, as that kick was promised.
    if (this.kickedWhileRunning) next = Math.min(next ?? Number.POSITIVE_INFINITY, start + MIN_GAP_MS);
    if (next === null) await this.state.storage.deleteAlarm();
    else await this.state.storage.setAlarm(Math.max(next, core.now() + 100));
    return next;
  }
}

/** Runs the due jobs now (and re-arms the alarm); what the cron trigger and writes call. */
export function kickScheduler(scheduler: DurableObjectNamespace): Promise<Response> {
  return scheduler.get(scheduler.idFromName(SINGLETON)).fetch("https://scheduler.internal/run", { method: "POST" });
}
