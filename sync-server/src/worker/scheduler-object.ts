import type { Core } from "../core.ts";
import { runDueJobs } from "../scheduling/jobs.ts";
import type { DurableObjectNamespace, DurableObjectState } from "./cf-types.ts";
import type { Env } from "./env.ts";
import { ownCoreOf } from "./worker-core.ts";

const SINGLETON = "scheduler";

/**
 * The one alarm behind every scheduled job (outbox retries, snooze wake-ups, routing timeouts,
 * pending webhooks): `runDueJobs` runs what is due and says when the next job is, and the alarm
 * is set for then. Kicked after writes and by the cron backstop; the jobs work from the record
 * with conditional writes, so an extra run does nothing twice.
 */
export class SchedulerObject {
  /** This object's own core (see ownCoreOf). */
  private readonly ownCore: () => Promise<Core>;
  constructor(
    private readonly state: DurableObjectState,
    private readonly env: Env,
  ) {
    this.ownCore = ownCoreOf(env);
  }

  async fetch(): Promise<Response> {
    const next = await this.run();
    return Response.json({ next });
  }

  async alarm(): Promise<void> {
    await this.run();
  }

  private async run(): Promise<number | null> {
    const core = await this.ownCore();
    const next = await runDueJobs(core);
    if (next === null) await this.state.storage.deleteAlarm();
    else await this.state.storage.setAlarm(Math.max(next, core.now() + 100));
    return next;
  }
}

/** Runs the due jobs now (and re-arms the alarm); what the cron trigger and writes call. */
export function kickScheduler(scheduler: DurableObjectNamespace): Promise<Response> {
  return scheduler.get(scheduler.idFromName(SINGLETON)).fetch("https://scheduler.internal/run", { method: "POST" });
}
