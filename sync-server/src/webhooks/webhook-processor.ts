import { and, eq, sql } from "drizzle-orm";
import type { DeliveryKeys, WebhookRequest } from "@inbox/connectors";
import { keepRenewing, type Holder } from "../scheduling/claims.ts";
import type { InboundDeps } from "./inbound-events.ts";
import { webhookEvents } from "../db/schema.ts";
import { applyWebhookBatch, type WebhookOutcome, type WebhookRow } from "./webhook-batch.ts";
import { KickedPasses } from "../scheduling/kicked-passes.ts";
import { WebhookStore, type StoreOutcome } from "./webhook-store.ts";
import { newBacklogReading, type BacklogCounting, type BacklogReading } from "./backlog-reading.ts";

/** Most webhooks one claim takes (and one batch applies): the most this process holds in memory to process, however long the backlog. */
const BATCH = 200;
/**
 * The backlog is counted from the record up to this many (an index range scan of the pending
 * rows, a few ms): past it the figure only says "at least this many", which is all admission
 * control (http/admission.ts) needs as long as its limit is below it.
 */
const COUNT_UP_TO = 10_000;
/** The Node sweep: anything pending that no kick reached (a claim whose holder died) is found within this. */
const SWEEP_MS = 5_000;

/** What processing stored webhooks needs: applying them, and this process as claim holder. */
export interface WebhooksDeps extends InboundDeps {
  holder: Holder;
}

/**
 * Stored webhooks are processed here, after the platform has its 200, in batches (see
 * applyWebhookBatch). A batch is claimed with one conditional update naming this process as
 * the holder with a short lease, which the process renews while it works; a process that dies
 * leaves claims that run out (or that its restart takes back at once, see takeBackOwnClaims),
 * and whoever looks next processes them. So of several processes that see a webhook pending
 * (Node instances, a Worker and the scheduler's Durable Object) exactly one applies it at a
 * time, and none is left behind. Applying is idempotent (platform message ids, forward-only
 * receipts), so a batch cut short by a crash is simply applied again.
 */
export class WebhookProcessor {
  private readonly passes = new KickedPasses(() => this.pass(), "webhook processing failed");
  private readonly arrivals: WebhookStore;
  /** The last count of the record's backlog (shared by an isolate's requests on Workers). */
  private readonly reading: BacklogReading;
  private readonly countEveryMs: number;
  /** Stored by this core since that count. */
  private storedSince = 0;
  private readonly countUpTo: number | null;
  private readonly countOnly: boolean;

  constructor(
    private readonly core: WebhooksDeps,
    /**
     * Count the backlog from the record, up to at least `atLeast` (admission control's limit + 1);
     * none: never count (a Durable Object's core, whose deliveries admission never sees).
     */
    counting?: BacklogCounting & { atLeast: number },
  ) {
    this.countUpTo = counting ? Math.max(COUNT_UP_TO, counting.atLeast) : null;
    this.reading = counting?.reading ?? newBacklogReading();
    this.countEveryMs = counting?.everyMs ?? 0;
    this.countOnly = counting?.countOnly === true;
    this.arrivals = new WebhookStore(core, (count) => {
      this.storedSince += count;
      void this.kick();
    });
  }

  /**
   * Webhooks taken but not processed yet: stored and pending (counted from the record at the
   * start of each pass, so other processes' are included; kept current in between with what
   * this process stores and finishes) plus those still waiting for their insert. Costs no I/O:
   * admission control reads it on every delivery. A reading counted only every so often
   * (Workers) that is due again starts a pass, which counts first; until then the last count
   * stands.
   */
  backlog(): number {
    // Node counts at every pass anyway; a reading counted now and then is refreshed on demand.
    if (this.countEveryMs > 0 && this.countDue()) {
      if (this.countOnly) this.countBacklog().catch((err: unknown) => console.error("counting the webhook backlog failed", err));
      else void this.kick();
    }
    return this.reading.counted + this.storedSince + this.arrivals.waiting;
  }

  private countDue(): boolean {
    if (this.countUpTo === null) return false;
    if (this.countEveryMs === 0 || this.reading.at === null) return true;
    return this.core.now() - this.reading.at >= this.countEveryMs;
  }

  /**
   * Stores a verified webhook (already without its secrets); resolves once it is durable (then
   * it may be acknowledged). Concurrent deliveries share one insert and one commit (see
   * WebhookStore). A delivery whose key is already stored is a redelivery: not stored again
   * ("duplicate"). A replay key already stored with another body is a replayed signature
   * ("replayed"): the caller refuses it.
   */
  store(inboxId: string, req: WebhookRequest, keys: DeliveryKeys): Promise<StoreOutcome> {
    return this.arrivals.store(inboxId, req, keys);
  }

  /**
   * Processes what is pending, after those already being processed. Returns the work's promise
   * (it never rejects), e.g. for a Worker's `ctx.waitUntil`.
   */
  kick(): Promise<void> {
    return this.passes.kick();
  }

  /**
   * Processes what is pending and says when to look again: when a claim another process holds
   * runs out (its holder may have died), or now if something is claimable; null when nothing
   * is pending. For runtimes without long-lived timers (a Worker's alarm).
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    await this.kick();
    const [row] = await this.core.db
      .select({ next: sql<number | null>`min(coalesce(${webhookEvents.claimedUntil}, 0))` })
      .from(webhookEvents)
      .where(eq(webhookEvents.state, "pending"));
    const next = row?.next ?? null;
    return next === null ? null : Math.max(Number(next), now);
  }

  /** The sweep (Node): looks for pending webhooks every few seconds, whatever kicked or not. */
  start(intervalMs = SWEEP_MS): void {
    this.passes.start(intervalMs);
  }

  stop(): void {
    this.passes.stop();
  }

  idle(): Promise<void> {
    return this.passes.idle();
  }

  /** A re-enabled channel: what arrived while it was disabled is shown now. */
  async release(inboxId: string): Promise<void> {
    await this.core.writer.write([
      this.core.db
        .update(webhookEvents)
        .set({ state: "pending", claimedUntil: null, claimedBy: null })
        .where(and(eq(webhookEvents.inboxId, inboxId), eq(webhookEvents.state, "held"))),
    ]);
    void this.kick();
  }

  /**
   * One claimed batch applied; true when the batch was full (more may wait). Passes never
   * overlap (KickedPasses), so however many deliveries are stored, this process holds at most
   * one batch of BATCH webhooks and their events in memory: the rest of the backlog waits on
   * disk, where a crash cannot lose it.
   */
  private async pass(): Promise<boolean> {
    await this.countBacklog();
    const rows = await this.claim();
    if (rows.length === 0) return false;
    const ids = rows.map((r) => r.id);
    const lease = keepRenewing(this.core.holder, () => this.renew(ids));
    try {
      await this.finish(await applyWebhookBatch(this.core, rows));
    } finally {
      lease.stop();
    }
    this.reading.counted = Math.max(0, this.reading.counted - rows.length);
    return rows.length === BATCH;
  }

  /** Pending webhooks in the record (claimed ones included: they are not processed yet), up to `countUpTo`. */
  private async countBacklog(): Promise<void> {
    if (!this.countDue()) return;
    const storedBefore = this.storedSince;
    // Taken before the round trip: the isolate's other requests do not count it again meanwhile.
    this.reading.at = this.core.now();
    const [row] = await this.core.db.all<{ n: number }>(
      sql`select count(*) as n from (select 1 from webhook_events where state = 'pending' limit ${this.countUpTo})`,
    );
    this.reading.counted = Number(row?.n ?? 0);
    // What was stored while counting may or may not be in the count; keeping it errs high.
    this.storedSince -= storedBefore;
  }

  /** Takes the oldest claimable webhooks (pending, not under a live claim) for this process. */
  private async claim(): Promise<WebhookRow[]> {
    const { core } = this;
    const now = core.now();
    const [raw] = await core.writer.write([
      core.db.all(sql`
        update webhook_events set claimed_by = ${core.holder.id}, claimed_until = ${now + core.holder.leaseMs}
        where id in (
          select id from webhook_events
          where state = 'pending' and (claimed_until is null or claimed_until < ${now})
          order by id limit ${BATCH})
        returning id, inbox_id, method, url, headers, body`),
    ]);
    return (raw as Record<string, unknown>[])
      .map((r) => ({
        id: Number(r.id),
        inboxId: r.inbox_id as string,
        method: r.method as string,
        url: r.url as string,
        headers: JSON.parse(r.headers as string) as Record<string, string>,
        body: r.body as string,
      }))
      .sort((a, b) => a.id - b.id);
  }

  private async renew(ids: number[]): Promise<void> {
    const { core } = this;
    await core.writer.write([
      core.db.run(
        sql`update webhook_events set claimed_until = ${core.now() + core.holder.leaseMs} where id in (${sql.join(ids, sql`, `)}) and claimed_by = ${core.holder.id} and state = 'pending'`,
      ),
    ]);
  }

  /** Records each outcome, only where this process still holds the claim (a lost one is someone else's now). */
  private async finish(outcomes: WebhookOutcome[]): Promise<void> {
    const { core } = this;
    const at = core.now();
    const mine = sql`claimed_by = ${core.holder.id} and state = 'pending'`;
    const idsIn = (list: WebhookOutcome[]) => sql.join(list.map((o) => sql`${o.id}`), sql`, `);
    const done = outcomes.filter((o) => o.state === "done");
    const held = outcomes.filter((o) => o.state === "held");
    const failed = outcomes.filter((o): o is Extract<WebhookOutcome, { state: "failed" }> => o.state === "failed");
    await core.writer.write([
      ...(done.length
        ? [core.db.run(sql`update webhook_events set state = 'done', error = null, claimed_by = null, claimed_until = null, processed_at = ${at} where id in (${idsIn(done)}) and ${mine}`)]
        : []),
      ...(held.length
        ? [core.db.run(sql`update webhook_events set state = 'held', claimed_by = null, claimed_until = null where id in (${idsIn(held)}) and ${mine}`)]
        : []),
      ...failed.map((o) =>
        core.db.run(sql`update webhook_events set state = 'failed', error = ${o.error}, claimed_by = null, claimed_until = null, processed_at = ${at} where id = ${o.id} and ${mine}`),
      ),
    ]);
  }
}
