import { and, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { teamMembers, users } from "../db/schema.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";

export interface PresenceOptions {
  /** An agent not seen by any server for longer than this is offline for routing. */
  graceMs: number;
  /** How often each server stamps `last_seen_at` of the users connected to it. */
  heartbeatMs: number;
}

/** The heartbeat is well inside the grace, so a connected agent never looks offline between beats. */
export const DEFAULT_PRESENCE: PresenceOptions = { graceMs: 90_000, heartbeatMs: 30_000 };

/** Users per UPDATE (SQLite's bound-parameter limit is far above this). */
const STAMP_CHUNK = 500;

/**
 * Whether an agent is online, for routing. The truth is `users.last_seen_at` in the record, not
 * this process's sockets: every server stamps the users with a live authenticated socket on it
 * in one batched UPDATE per heartbeat, so an agent connected to any instance stays online, and
 * one whose sockets all closed (or whose server died) goes offline once the grace has passed,
 * whichever instance asks and across restarts. Someone arriving is stamped at once (batched with
 * everyone else arriving in the same turn), and if they had been offline their teams' queues
 * are handed out, so a reconnecting agent gets chats again without waiting for a beat.
 */
export class Presence extends LoopJob {
  /** Open sockets per user in this process. */
  private readonly live = new Map<string, number>();
  /** Connected since the last stamp: they may be coming back online. */
  private readonly arrived = new Set<string>();
  /** Last socket here closed since the last stamp: stamped once more, so the grace counts from then. */
  private readonly departed = new Set<string>();
  private soon = false;
  /** The heartbeat; stamps run one after another, whoever asks for them. */
  protected readonly loop: PollingLoop;

  constructor(
    private readonly core: Writes,
    readonly options: PresenceOptions,
    private readonly onBackOnline: (teamIds: string[]) => Promise<void>,
  ) {
    super();
    this.loop = new PollingLoop({
      intervalMs: options.heartbeatMs,
      firstDelayMs: options.heartbeatMs,
      tick: () => this.stampNow(),
      failure: "presence heartbeat failed",
    });
  }

  /** A socket of this user opened on this server. */
  connected(userId: string): void {
    const n = (this.live.get(userId) ?? 0) + 1;
    this.live.set(userId, n);
    if (n > 1) return;
    this.departed.delete(userId);
    this.arrived.add(userId);
    this.stampSoon();
  }

  /** A socket of this user closed on this server. */
  disconnected(userId: string): void {
    const n = (this.live.get(userId) ?? 0) - 1;
    if (n > 0) {
      this.live.set(userId, n);
      return;
    }
    this.live.delete(userId);
    this.arrived.delete(userId);
    this.departed.add(userId);
  }

  /** Whether this user has a live socket on this server (the record may know of others). */
  connectedHere(userId: string): boolean {
    return this.live.has(userId);
  }

  /** Seen-at below this means offline. */
  cutoff(): number {
    return this.core.now() - this.options.graceMs;
  }

  /** SQL over a users row (`alias.last_seen_at`): the user is online (never seen: offline). */
  onlineSql(column: SQL | typeof users.lastSeenAt = users.lastSeenAt): SQL {
    return sql`(coalesce(${column}, 0) >= ${this.cutoff()})`;
  }

  isOnline(lastSeenAt: number | null): boolean {
    return lastSeenAt !== null && lastSeenAt >= this.cutoff();
  }

  /**
   * One beat now, and when the next is due (null: nobody is connected here, so nothing to stamp
   * until someone connects, which stamps at once). For runtimes without long-lived timers.
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    await this.stamp();
    return this.live.size > 0 ? now + this.options.heartbeatMs : null;
  }

  /**
   * One beat: stamps everyone connected here (and those who just left), then hands out queues
   * for whoever was offline until now. Returns the users who came back online.
   */
  stamp(): Promise<string[]> {
    return this.loop.exclusive(() => this.stampNow());
  }

  private async stampNow(): Promise<string[]> {
    const ids = [...new Set([...this.live.keys(), ...this.departed])];
    const arrived = [...this.arrived];
    this.departed.clear();
    this.arrived.clear();
    if (ids.length === 0) return [];
    const { db } = this.core;
    const cutoff = this.cutoff();
    // Read before the stamp: who among the arrivals was offline (an agent who is available).
    const back = arrived.length
      ? await db
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              inArray(users.id, arrived),
              eq(users.role, "agent"),
              eq(users.availability, "available"),
              or(isNull(users.lastSeenAt), lt(users.lastSeenAt, cutoff)),
            ),
          )
      : [];
    const at = this.core.now();
    for (let i = 0; i < ids.length; i += STAMP_CHUNK) {
      const chunk = ids.slice(i, i + STAMP_CHUNK);
      // max(): another instance may have stamped a later time; never move it back.
      await this.core.writer.write([
        db
          .update(users)
          .set({ lastSeenAt: sql`max(coalesce(${users.lastSeenAt}, 0), ${at})` })
          .where(inArray(users.id, chunk)),
      ]);
    }
    if (back.length === 0) return [];
    const teams = await db
      .selectDistinct({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(inArray(teamMembers.userId, back.map((b) => b.id)));
    await this.onBackOnline(teams.map((t) => t.teamId));
    return back.map((b) => b.id);
  }

  /** Arrivals are stamped at the end of this turn, together (a reconnect storm is one UPDATE). */
  private stampSoon(): void {
    if (this.soon || !this.loop.started) return;
    this.soon = true;
    setTimeout(() => {
      this.soon = false;
      void this.stamp().catch((err) => console.error("presence stamp failed", err));
    }, 0);
  }
}
