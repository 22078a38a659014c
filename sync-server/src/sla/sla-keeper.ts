import { and, asc, eq, isNotNull, lte, ne } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { conversations } from "../db/schema.ts";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { PollingLoop } from "../scheduling/polling-loop.ts";
import { notifySlaAlerts } from "./sla-notify.ts";
import { refreshSla } from "./sla-record.ts";
import type { NotificationPush } from "../notifications/index.ts";

export interface SlaDeps extends Writes, Publishes {
  /** Alerts also ring people's devices (push/). */
  push?: NotificationPush;
}

/** How many due conversations one pass refreshes; the next pass takes the rest. */
const BATCH = 100;

/**
 * Keeps each conversation's SLA summary up to date. Whatever commits a change to a conversation
 * publishes it, so `watch` wraps the live rooms: every published conversation is refreshed from
 * the record soon after (coalesced per conversation), and republished if its SLA changed. A
 * timed pass (`runDue`, like the snooze waker: Node's loop or a Worker's alarm) refreshes the
 * conversations whose target turns at risk or breaches, which records `sla.at_risk` and
 * `sla.breached` once per target and cycle and tells the team's supervisors and the assignee.
 */
export class SlaKeeper {
  private readonly loop: PollingLoop;
  private readonly pending = new Set<string>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly core: SlaDeps,
    intervalMs = 5_000,
  ) {
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 0, tick: () => this.refreshDue(), failure: "could not refresh SLAs" });
  }

  /** The live rooms, with every published conversation's SLA refreshed after it. */
  watch(live: LiveRooms): LiveRooms {
    return {
      apply: (room, ops) => {
        live.apply(room, ops);
        // Who holds a chat is no input of its clock: a burst of routing offers costs no refreshes.
        for (const op of ops) if (op.kind === "team.conversations" && !op.holderOnly) for (const c of op.conversations) this.queue(c.id);
      },
    };
  }

  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  /** Resolves once queued refreshes and the pass under way are done. */
  async idle(): Promise<void> {
    await this.loop.idle();
    while (this.pending.size) await this.flushing;
    await this.flushing;
  }

  async runDue(now: number): Promise<number | null> {
    await this.loop.exclusive(() => this.refreshDue(now));
    const [next] = await this.core.db
      .select({ at: conversations.slaCheckAt })
      .from(conversations)
      .where(isNotNull(conversations.slaCheckAt))
      .orderBy(asc(conversations.slaCheckAt))
      .limit(1);
    return next?.at ?? null;
  }

  /**
   * The rules changed (a policy saved or deleted, the business hours): every unresolved chat of
   * the workspace is refreshed in the background, so countdowns follow the new rules at once.
   */
  recheckWorkspace(workspaceId: string): Promise<void> {
    // On the refresh chain, so `idle()` (tests, shutdown) waits for it too.
    const done = this.flushing.then(async () => {
      const rows = await this.core.db
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.workspaceId, workspaceId), ne(conversations.status, "resolved")));
      for (const { id } of rows) this.pending.add(id);
      await this.flush();
    });
    this.flushing = done.catch(() => {});
    return done;
  }

  private queue(id: string): void {
    if (this.pending.has(id)) return;
    this.pending.add(id);
    this.flushing = this.flushing.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of ids) await this.refresh(id);
  }

  private async refresh(id: string): Promise<void> {
    try {
      const { conversation, alerts, policy, row } = await refreshSla(this.core, id);
      if (conversation) publish(this.core, conversation);
      if (alerts.length && policy && row) await notifySlaAlerts(this.core, row, policy, alerts);
    } catch (err) {
      console.error(`could not refresh the SLA of conversation ${id}`, err);
    }
  }

  private async refreshDue(now: number = this.core.now()): Promise<void> {
    const due = await this.core.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(isNotNull(conversations.slaCheckAt), lte(conversations.slaCheckAt, now)))
      .orderBy(asc(conversations.slaCheckAt))
      .limit(BATCH);
    for (const { id } of due) await this.refresh(id);
  }
}
