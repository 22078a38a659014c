/** A timed job: does what is due at `now`, and says when it is next due (null: on new input only). */
export interface DueJob {
  runDue(now: number): Promise<number | null>;
}

/** The core's timed jobs (each works from the record). */
export interface ScheduledJobs {
  outbox: DueJob;
  snoozes: DueJob;
  sla: DueJob;
  router: { scheduler: DueJob; presence: DueJob };
  webhooks: DueJob;
  webhookPruner: DueJob;
  auditSealer: DueJob;
  retention: DueJob;
  reportRoller: DueJob;
  profiles: DueJob;
  /** WhatsApp inboxes' message templates, synced every few hours. */
  templates: DueJob;
  /** Web Push deliveries: retries and claims whose holder died. */
  push: DueJob;
  /** Web chat replies emailed to visitors who left their address; null without a mail server. */
  replyMailer: DueJob | null;
  now(): number;
}

/** A failed job is tried again this soon (its own retries are in the record). */
const RETRY_FAILED_MS = 5_000;
/** Work reported due at once (a full batch, a lost race) runs again this soon, never in a hot loop. */
export const MIN_GAP_MS = 1_000;

/**
 * Runs every scheduled job of the core once — outbox retries, snooze wake-ups, routing timeouts,
 * the presence heartbeat, pending webhooks (including those whose claim ran out), the pruning of
 * processed webhooks, sealing new audit entries, workspaces' retention policies, report figures, customers' platform profiles, WhatsApp templates, replies emailed to visitors — and returns when the next one is due (epoch ms;
 * null: nothing is scheduled, only new input starts work). Every job works from the record with
 * conditional writes, so calling this from several places at once (a Durable Object alarm, a
 * cron trigger) is safe. Node runs the same jobs from their own `start()` loops. The next time
 * is at least a second away.
 */
export async function runDueJobs(core: ScheduledJobs, now: number = core.now()): Promise<number | null> {
  let webhooksDone: Promise<unknown> = Promise.resolve();
  const jobs: Array<[string, () => Promise<number | null>]> = [
    ["outbox", () => core.outbox.runDue(now)],
    ["snoozes", () => core.snoozes.runDue(now)],
    ["sla", () => core.sla.runDue(now)],
    ["routing", () => core.router.scheduler.runDue(now)],
    ["presence", () => core.router.presence.runDue(now)],
    ["webhooks", () => (webhooksDone = core.webhooks.runDue(now))],
    ["webhook retention", () => core.webhookPruner.runDue(now)],
    ["audit seal", () => core.auditSealer.runDue(now)],
    ["retention", () => core.retention.runDue(now)],
    ["report rollup", () => core.reportRoller.runDue(now)],
    ["push", () => core.push.runDue(now)],
    // After the webhooks: the customers they bring in ask for their profiles, which this run then schedules.
    ["contact profiles", () => webhooksDone.catch(() => undefined).then(() => core.profiles.runDue(now))],
    ["templates", () => core.templates.runDue(now)],
    ["reply emails", () => core.replyMailer?.runDue(now) ?? Promise.resolve(null)],
  ];
  const results = await Promise.allSettled(jobs.map(([, run]) => run()));
  let next: number | null = null;
  results.forEach((result, i) => {
    let due: number | null;
    if (result.status === "fulfilled") due = result.value;
    else {
      console.error(`scheduled job ${jobs[i]![0]} failed`, result.reason);
      due = now + RETRY_FAILED_MS;
    }
    if (due !== null && (next === null || due < next)) next = due;
  });
  return next === null ? null : Math.max(next, now + MIN_GAP_MS);
}
