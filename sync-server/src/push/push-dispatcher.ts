import { and, asc, eq, lt, lte, min, or, sql } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { pushDeliveries, pushSubscriptions } from "../db/schema.ts";
import { keepRenewing, type Holder } from "../scheduling/claims.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { PushAnswer, PushSender } from "./push-sender.ts";
import { forgetSubscription, sessionLive, targetOf } from "./subscriptions.ts";
import type { VapidKeyStore } from "./vapid.ts";
import { backoffMs, type Backoff } from "../scheduling/backoff.ts";
import { KickedPasses } from "../scheduling/kicked-passes.ts";

type Delivery = typeof pushDeliveries.$inferSelect;

export interface PushDispatchDeps extends Writes {
  secrets: SecretBox;
  holder: Holder;
}

/** 2 s, 4 s, 8 s … capped at 2 minutes: a push is only worth sending while it is news. */
const PUSH_BACKOFF: Backoff = { firstMs: 2000, capMs: 120_000 };

/** Tries before a push is given up (with backoff they span about four minutes). */
const MAX_ATTEMPTS = 8;
const BATCH = 100;

/**
 * Sends queued pushes, claimed like outbox sends: one conditional update marks a delivery
 * `sending` by this process with a lease, committed before the push service is called; right
 * after the answer the delivery is deleted (taken, or refused for good) or rescheduled. A crash
 * mid-call leaves a claim whose lease runs out, and the push is sent again; it carries the same
 * `Topic` (RFC 8030 §5.4), so a copy the push service still holds is replaced, and the same tag,
 * so a copy already shown is replaced on the device without ringing again.
 */
/** A delivery to try now: waiting and due, or claimed by a process whose lease ran out. The pass and the claim test the same. */
const dueAt = (now: number) =>
  or(and(eq(pushDeliveries.state, "pending"), lte(pushDeliveries.nextAttemptAt, now)), and(eq(pushDeliveries.state, "sending"), lt(pushDeliveries.claimedUntil, now)));

export class PushDispatcher {
  private readonly passes = new KickedPasses(() => this.pass(), "push pass failed");

  constructor(
    private readonly core: PushDispatchDeps,
    private readonly sender: PushSender,
    private readonly keys: VapidKeyStore,
    /** VAPID `sub`: how the push service reaches the operator (mailto: or https:). */
    private readonly subject: string,
  ) {}

  /** Asks for a pass soon; passes never overlap. Resolves when the passes it joined are over (never rejects). */
  kick(): Promise<void> {
    return this.passes.kick();
  }

  /** Sends what is due and says when the next retry or lease end is (null: nothing waits). For a Worker's alarm. */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    await this.kick();
    const [[retry], [lease]] = await Promise.all([
      this.core.db.select({ next: min(pushDeliveries.nextAttemptAt) }).from(pushDeliveries).where(eq(pushDeliveries.state, "pending")),
      this.core.db.select({ next: min(pushDeliveries.claimedUntil) }).from(pushDeliveries).where(eq(pushDeliveries.state, "sending")),
    ]);
    const times = [retry?.next, lease?.next].filter((t): t is number => t !== null && t !== undefined);
    return times.length ? Math.max(Math.min(...times), now) : null;
  }

  /** Polls for retries that became due and claims whose holder died (Node). */
  start(intervalMs = 1000): void {
    this.passes.start(intervalMs);
  }

  stop(): void {
    this.passes.stop();
  }

  idle(): Promise<void> {
    return this.passes.idle();
  }

  /** True when a full batch was due: more may wait. */
  private async pass(): Promise<boolean> {
    const now = this.core.now();
    const due = await this.core.db
      .select()
      .from(pushDeliveries)
      .where(dueAt(now))
      .orderBy(asc(pushDeliveries.createdAt))
      .limit(BATCH);
    await Promise.all(
      due.map((d) =>
        this.deliver(d).catch((err: unknown) => {
          console.error(`push: delivery ${d.id} failed`, err);
        }),
      ),
    );
    return due.length === BATCH;
  }

  private async deliver(item: Delivery): Promise<void> {
    const now = this.core.now();
    const claimed = await this.claim(item, now);
    if (!claimed) return; // another process took it, or it changed meanwhile
    if (claimed.expiresAt <= now) return this.drop(claimed, null);
    const [found] = await this.core.db
      .select({ sub: pushSubscriptions, live: sessionLive(this.core.db, now).mapWith(Boolean) })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.id, claimed.subscriptionId));
    if (!found) return this.drop(claimed, null);
    const { sub, live } = found;
    // Signed out, expired or deactivated: the device is no longer anyone's to ring.
    if (!live) return forgetSubscription(this.core, sub, { reason: "session_ended" });
    const lease = keepRenewing(this.core.holder, () => this.renew(claimed.id));
    let answer: PushAnswer;
    try {
      answer = await this.sender.send(await targetOf(this.core.secrets, sub), {
        payload: JSON.stringify(claimed.payload),
        ttlSeconds: Math.max(0, Math.floor((claimed.expiresAt - now) / 1000)),
        urgency: claimed.urgency,
        topic: claimed.id.replace(/-/g, "").slice(0, 32),
        vapid: { ...(await this.keys.get()), subject: this.subject },
      });
    } catch (err) {
      answer = { status: "network", text: err instanceof Error ? err.message : String(err) };
    } finally {
      lease.stop();
    }
    await this.record(claimed, sub, answer);
  }

  private async record(item: Delivery, sub: { id: string; workspaceId: string; userId: string }, answer: PushAnswer): Promise<void> {
    const { db } = this.core;
    const status = answer.status;
    if (typeof status === "number" && status >= 200 && status < 300) {
      await this.core.writer.write([
        db.delete(pushDeliveries).where(eq(pushDeliveries.id, item.id)),
        db.update(pushSubscriptions).set({ lastSuccessAt: this.core.now(), failures: 0, lastError: null }).where(eq(pushSubscriptions.id, sub.id)),
      ]);
      return;
    }
    // The device unsubscribed or its subscription expired: nothing will reach it again.
    if (status === 404 || status === 410) return forgetSubscription(this.core, sub, { reason: "gone", status });
    const why = `${status === "network" ? "The push service could not be reached" : `The push service answered ${status}`}${answer.text ? `: ${answer.text.slice(0, 200)}` : ""}`;
    const retryable = status === "network" || status === 408 || status === 429 || status >= 500;
    const now = this.core.now();
    const wait = Math.max(backoffMs(item.attempts, PUSH_BACKOFF), answer.status !== "network" && answer.retryAfterSeconds !== null ? answer.retryAfterSeconds * 1000 : 0);
    if (retryable && item.attempts < MAX_ATTEMPTS && now + wait < item.expiresAt) {
      await this.core.writer.write([
        db
          .update(pushDeliveries)
          .set({ state: "pending", nextAttemptAt: now + wait, claimedBy: null, claimedUntil: null, lastError: why })
          .where(and(eq(pushDeliveries.id, item.id), eq(pushDeliveries.claimedBy, this.core.holder.id))),
      ]);
      return;
    }
    await this.drop(item, why);
  }

  /** Gives a push up (expired, device gone, refused for good); a failure is counted on its device. */
  private async drop(item: Delivery, why: string | null): Promise<void> {
    const { db } = this.core;
    await this.core.writer.write([
      db.delete(pushDeliveries).where(and(eq(pushDeliveries.id, item.id), eq(pushDeliveries.claimedBy, this.core.holder.id))),
      ...(why ? [db.update(pushSubscriptions).set({ failures: sql`${pushSubscriptions.failures} + 1`, lastError: why }).where(eq(pushSubscriptions.id, item.subscriptionId))] : []),
    ]);
  }

  private async claim(item: Delivery, now: number): Promise<Delivery | null> {
    const [rows] = await this.core.writer.write([
      this.core.db
        .update(pushDeliveries)
        .set({ state: "sending", claimedBy: this.core.holder.id, claimedUntil: now + this.core.holder.leaseMs, attempts: sql`${pushDeliveries.attempts} + 1` })
        .where(
          and(
            eq(pushDeliveries.id, item.id),
            dueAt(now),
          ),
        )
        .returning(),
    ]);
    return (rows as Delivery[])[0] ?? null;
  }

  private async renew(id: string): Promise<void> {
    await this.core.writer.write([
      this.core.db
        .update(pushDeliveries)
        .set({ claimedUntil: this.core.now() + this.core.holder.leaseMs })
        .where(and(eq(pushDeliveries.id, id), eq(pushDeliveries.claimedBy, this.core.holder.id))),
    ]);
  }
}
