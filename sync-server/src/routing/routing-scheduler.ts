import { and, asc, eq, isNotNull, lte, min, sql } from "drizzle-orm";
import type { Router, RoutingDeps } from "./router.ts";
import { conversations, inboxes, users } from "../db/schema.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import { recordPickup } from "./pickup.ts";
import { inboxReroutesOnAway, offerOut, routesAutomatically } from "./routing-conditions.ts";

/** How many expired offers one pass handles; the next pass takes the rest. */
const EXPIRY_BATCH = 100;

export interface SchedulerOptions {
  /** How often expired offers are looked for. */
  offerIntervalMs: number;
  /** Every how many offer passes the waiting queues are swept. */
  sweepEvery: number;
}

/**
 * Routing's clock. It works only from the record, never from timers set when an offer was
 * made: each pass asks libSQL which offers have expired (and which teams have chats waiting),
 * so a restart, or an offer made by another instance, loses nothing, and the router's
 * conditional writes make several instances doing the same pass harmless. The Node server
 * starts and stops its loop; tests call the passes directly.
 */
export class RoutingScheduler extends LoopJob {
  /** Passes run one after another, whether the timer or `runDue` started them. */
  protected readonly loop: PollingLoop;
  private passes = 0;
  private lastSweepAt = 0;

  constructor(
    private readonly core: RoutingDeps,
    private readonly router: Router,
    private readonly opts: SchedulerOptions = { offerIntervalMs: 1_000, sweepEvery: 15 },
  ) {
    super();
    this.loop = new PollingLoop({
      intervalMs: opts.offerIntervalMs,
      firstDelayMs: 0,
      tick: () => this.pass(++this.passes % opts.sweepEvery === 0),
      failure: "routing pass failed",
    });
  }

  /**
   * One pass (expired offers, offline agents' offers, and the queue sweep when it is due) and
   * when the next offer expires or an offered agent's grace runs out (null: no offer is out;
   * new offers come with new input). The sweep is a backstop, so it is not counted: a periodic
   * caller (a cron trigger) runs it. For runtimes without long-lived timers (a Worker's alarm).
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    const sweepDue = now - this.lastSweepAt >= this.opts.offerIntervalMs * this.opts.sweepEvery;
    await this.loop.exclusive(() => this.pass(sweepDue));
    const [expiry] = await this.core.db.select({ next: min(conversations.offerExpiresAt) }).from(conversations).where(offerOut);
    const [seen] = await this.core.db
      .select({ oldest: min(users.lastSeenAt) })
      .from(conversations)
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .innerJoin(users, eq(users.id, conversations.assigneeId))
      .where(and(offerOut, inboxReroutesOnAway));
    const offline = seen?.oldest == null ? null : seen.oldest + this.router.presence.options.graceMs + 1;
    const times = [expiry?.next ?? null, offline].filter((t): t is number => t !== null);
    return times.length ? Math.max(Math.min(...times), now) : null;
  }

  /**
   * Offers whose pickup time has passed: an agent who already replied has in effect picked it
   * up (recorded as such); any other is taken back and offered to someone else.
   */
  async expireOffers(): Promise<{ rerouted: number; pickedUp: number }> {
    const now = this.core.now();
    const due = await this.core.db
      .select({ id: conversations.id, assigneeId: conversations.assigneeId, offeredAt: conversations.offeredAt, teamId: conversations.teamId })
      .from(conversations)
      .where(
        and(
          isNotNull(conversations.offerExpiresAt),
          lte(conversations.offerExpiresAt, now),
          offerOut,
        ),
      )
      .orderBy(asc(conversations.offerExpiresAt))
      .limit(EXPIRY_BATCH);
    let rerouted = 0;
    let pickedUp = 0;
    const freed = new Set<string>();
    for (const offer of due) {
      if (await this.repliedSince(offer.id, offer.assigneeId!, offer.offeredAt!)) {
        // A refusal means the chat changed hands meanwhile: nothing to record.
        const result = await recordPickup(this.core, offer.id, offer.assigneeId!, "reply").catch(() => null);
        if (result?.pickedUp) pickedUp++;
        continue;
      }
      const decision = await this.router.reroute(offer.id, "not_picked_up");
      if (decision) {
        rerouted++;
        freed.add(offer.teamId);
      }
    }
    // The agents who let offers lapse have room again; the queue may go to them (not those chats).
    for (const teamId of freed) await this.router.capacityChanged(teamId);
    return { rerouted, pickedUp };
  }

  /**
   * Offers held by agents who went offline (no live socket on any instance for longer than the
   * grace), in inboxes that reroute when their agent is away or offline: taken back and offered
   * to someone else. The agent's availability choice is left as it was; once they reconnect
   * they are offered chats again.
   */
  async rerouteOffline(): Promise<number> {
    const due = await this.core.db
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .innerJoin(users, eq(users.id, conversations.assigneeId))
      .where(
        and(offerOut, inboxReroutesOnAway, sql`not ${this.router.presence.onlineSql()}`),
      )
      .orderBy(asc(conversations.offeredAt))
      .limit(EXPIRY_BATCH);
    let rerouted = 0;
    for (const offer of due) if (await this.router.reroute(offer.id, "agent_offline")) rerouted++;
    return rerouted;
  }

  /**
   * Hands out every team's queue. Routing normally follows the change that frees capacity; this
   * catches whatever a crash or restart interrupted between a commit and its routing, so no
   * waiting chat is forgotten while someone has room.
   */
  async sweep(): Promise<number> {
    const teams = await this.core.db
      .selectDistinct({ teamId: conversations.teamId })
      .from(conversations)
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .where(
        and(sql`${conversations.assigneeId} is null`, eq(conversations.status, "open"), routesAutomatically),
      );
    let assigned = 0;
    for (const { teamId } of teams) assigned += (await this.router.capacityChanged(teamId)).length;
    return assigned;
  }

  private async repliedSince(conversationId: string, agentId: string, since: number): Promise<boolean> {
    const rows = await this.core.db.all<{ one: number }>(
      sql`select 1 as one from messages where conversation_id = ${conversationId} and sender_id = ${agentId}
        and sender_kind = 'agent' and created_at >= ${since} limit 1`,
    );
    return rows.length > 0;
  }

  private async pass(sweep: boolean): Promise<void> {
    await this.expireOffers();
    await this.rerouteOffline();
    if (sweep) {
      this.lastSweepAt = this.core.now();
      await this.sweep();
    }
  }
}
