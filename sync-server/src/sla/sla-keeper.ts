import { and, asc, eq, inArray, isNotNull, lte, ne } from "drizzle-orm";
import { policyFor, type Priority, type SlaPolicy } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { conversations } from "../db/schema.ts";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { PollingLoop } from "../scheduling/polling-loop.ts";
import { notifySlaAlerts } from "./sla-notify.ts";
import { refreshSla, workspacePolicies } from "./sla-record.ts";
import type { NotificationPush } from "../notifications/index.ts";

export interface SlaDeps extends Writes, Publishes {
  /** Alerts also ring people's devices (push/). */
  push?: NotificationPush;
}

/** How many due conversations one pass refreshes; the next pass takes the rest. */
const BATCH = 100;
/** Most conversations one query reads. */
const CHUNK = 500;

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
  private gathering: ReturnType<typeof setTimeout> | null = null;
  /** Stopped (shutdown): no more timers; what is published from now on is refreshed at once. */
  private stopped = false;

  constructor(
    private readonly core: SlaDeps,
    intervalMs = 5_000,
    /**
     * How long published conversations gather before their SLAs are refreshed together (0: at
     * once). A refresh reads the conversation's clock history; done right after every message it
     * ran on the event loop just as the next message arrived, and a busy chat paid it per
     * message. Countdowns are in minutes, so a fraction of a second changes nothing anyone sees.
     * Workers pass 0: a timer there may not outlive the request.
     */
    private readonly gatherMs = 0,
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
    this.stopped = true;
    this.flushGathered();
    this.loop.stop();
  }

  /** Resolves once queued refreshes and the pass under way are done. */
  async idle(): Promise<void> {
    this.flushGathered();
    await this.loop.idle();
    while (this.pending.size) {
      this.flushGathered();
      await this.flushing;
    }
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
    // After stop() a timer could fire once the record is closed: refresh at once, as shutdown's idle() waits for it.
    if (this.gatherMs <= 0 || this.stopped) this.chainFlush();
    else this.gathering ??= setTimeout(() => this.flushGathered(), this.gatherMs);
  }

  /** What has gathered goes on the refresh chain now. */
  private flushGathered(): void {
    if (!this.gathering) return;
    clearTimeout(this.gathering);
    this.gathering = null;
    this.chainFlush();
  }

  /** A refresh pass on the chain; a failed read (the record gone away) is logged, never left unhandled. */
  private chainFlush(): void {
    this.flushing = this.flushing
      .then(() => this.flush())
      .catch((err: unknown) => console.error("could not refresh SLAs of published conversations", err));
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of await this.mayChange(ids)) await this.refresh(id);
  }

  /**
   * Of the conversations published, those whose SLA may change, read together: a chat no policy
   * covers and with no SLA stored would be refreshed to what it already has (most chats, where a
   * workspace has no policy for their inbox), so it costs no reads of its own. A change to its
   * inbox or priority publishes it again, and a policy saved rechecks the workspace.
   */
  private async mayChange(ids: string[]): Promise<string[]> {
    const rows = new Map<string, { workspaceId: string; inboxId: string; priority: string; sla: unknown; slaCheckAt: number | null }>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const found = await this.core.db
        .select({ id: conversations.id, workspaceId: conversations.workspaceId, inboxId: conversations.inboxId, priority: conversations.priority, sla: conversations.sla, slaCheckAt: conversations.slaCheckAt })
        .from(conversations)
        .where(inArray(conversations.id, chunk));
      for (const row of found) rows.set(row.id, row);
    }
    const policies = new Map<string, SlaPolicy[]>();
    const result: string[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      if (!row) continue; // gone: nothing to keep
      if (!policies.has(row.workspaceId)) policies.set(row.workspaceId, await workspacePolicies(this.core, row.workspaceId));
      const covered = policyFor(policies.get(row.workspaceId)!, { inboxId: row.inboxId, priority: row.priority as Priority }) !== null;
      if (covered || row.sla !== null || row.slaCheckAt !== null) result.push(id);
    }
    return result;
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
