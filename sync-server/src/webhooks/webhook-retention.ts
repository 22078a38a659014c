import { and, eq, inArray, lt, min } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { webhookEvents } from "../db/schema.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";

const DAY_MS = 24 * 3600_000;

/**
 * How long processed webhooks are kept. Done ones only serve to look into a recent delivery
 * (their messages are in the record), so a week; failed ones keep the error an admin or
 * operator needs to find what went wrong, so a month. Pending and held webhooks are never
 * pruned: they are not processed yet.
 */
export interface WebhookRetention {
  doneMs: number;
  failedMs: number;
}

export const DEFAULT_WEBHOOK_RETENTION: WebhookRetention = { doneMs: 7 * DAY_MS, failedMs: 30 * DAY_MS };

/** Reads WEBHOOK_RETENTION_DAYS / WEBHOOK_FAILED_RETENTION_DAYS (either runtime's environment). */
export function webhookRetentionFrom(env: { WEBHOOK_RETENTION_DAYS?: string | number; WEBHOOK_FAILED_RETENTION_DAYS?: string | number }): WebhookRetention {
  const days = (value: string | number | undefined, fallback: number, name: string) => {
    if (value === undefined || value === "") return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of days, not "${value}".`);
    return n * DAY_MS;
  };
  return {
    doneMs: days(env.WEBHOOK_RETENTION_DAYS, DEFAULT_WEBHOOK_RETENTION.doneMs, "WEBHOOK_RETENTION_DAYS"),
    failedMs: days(env.WEBHOOK_FAILED_RETENTION_DAYS, DEFAULT_WEBHOOK_RETENTION.failedMs, "WEBHOOK_FAILED_RETENTION_DAYS"),
  };
}

/** Rows one pass deletes per state; the next pass (at once) takes the rest. */
const PRUNE_BATCH = 1000;

/**
 * Deletes processed webhooks older than the retention window, as a scheduled job: the Node
 * server runs it hourly; a Worker's scheduler runs it when `runDue` says the oldest row ages out.
 */
export class WebhookPruner extends LoopJob {
  protected readonly loop: PollingLoop;

  constructor(
    private readonly core: Writes,
    readonly retention: WebhookRetention = DEFAULT_WEBHOOK_RETENTION,
    intervalMs = 3600_000,
  ) {
    super();
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 60_000, tick: () => this.prune(), failure: "could not prune processed webhooks" });
  }

  /** Prunes what is due and returns when the next processed webhook ages out (null: none is kept). */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    const deleted = await this.loop.exclusive(() => this.prune(now));
    if (deleted === PRUNE_BATCH) return now;
    const { db } = this.core;
    const oldest = async (state: "done" | "failed") =>
      (await db.select({ at: min(webhookEvents.processedAt) }).from(webhookEvents).where(eq(webhookEvents.state, state)))[0]?.at ?? null;
    const [done, failed] = await Promise.all([oldest("done"), oldest("failed")]);
    const due = [done === null ? null : done + this.retention.doneMs, failed === null ? null : failed + this.retention.failedMs].filter((t): t is number => t !== null);
    return due.length ? Math.max(now, Math.min(...due)) : null;
  }

  /** Deletes up to a batch of each state past its window; returns the most deleted of one state. */
  async prune(now: number = this.core.now()): Promise<number> {
    const { db } = this.core;
    const expired = (state: "done" | "failed", windowMs: number) =>
      db
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.state, state), lt(webhookEvents.processedAt, now - windowMs)))
        .limit(PRUNE_BATCH);
    const [done, failed] = await this.core.writer.write([
      db.delete(webhookEvents).where(inArray(webhookEvents.id, expired("done", this.retention.doneMs))).returning({ id: webhookEvents.id }),
      db.delete(webhookEvents).where(inArray(webhookEvents.id, expired("failed", this.retention.failedMs))).returning({ id: webhookEvents.id }),
    ]);
    return Math.max((done as unknown[]).length, (failed as unknown[]).length);
  }
}
