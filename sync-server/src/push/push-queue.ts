import { and, eq, isNull } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { Notification } from "@inbox/shared/api/content";
import { PUSH_KINDS, type PushKind, type PushPayload } from "@inbox/shared/api/push";
import type { Writes } from "../db/record.ts";
import { pushDeliveries, pushSubscriptions, users } from "../db/schema.ts";
import type { PushMessage } from "./push-sender.ts";
import { notificationPush, offerPush } from "./push-words.ts";

/** How urgent each kind is for the push service, and how long it is worth delivering. */
const DELIVERY: Record<PushKind, { urgency: PushMessage["urgency"]; ttlSeconds: number }> = {
  // An offer is taken back when its pickup time runs out (the TTL is cut to that below).
  offered: { urgency: "high", ttlSeconds: 3600 },
  mention: { urgency: "normal", ttlSeconds: 24 * 3600 },
  whisper: { urgency: "normal", ttlSeconds: 3600 },
  assigned: { urgency: "normal", ttlSeconds: 24 * 3600 },
  hand_raised: { urgency: "high", ttlSeconds: 3600 },
  sla_at_risk: { urgency: "normal", ttlSeconds: 3600 },
  sla_breached: { urgency: "high", ttlSeconds: 3600 },
};

const isPushKind = (kind: string): kind is PushKind => (PUSH_KINDS as readonly string[]).includes(kind);

/**
 * Queues push messages for people's subscribed devices: one `push_deliveries` row per device,
 * keyed by what it is about, so telling someone the same thing twice queues it once. Only the
 * kinds each person leaves on (their profile's push choices) and only active accounts. Queuing
 * never fails what triggered it: the in-app notification stands on its own.
 */
export class PushQueue {
  constructor(
    private readonly core: Writes,
    /** Asks the dispatcher for a pass (what was just queued goes out now). */
    private readonly queued: () => void,
  ) {}

  /** A notification just given in the app (tell.ts, mentions): pushed if its kind rings devices. */
  notified(userId: string, n: Notification): void {
    const kind = n.kind;
    if (!isPushKind(kind)) return;
    void this.enqueue(userId, kind, `notification:${n.id}`, (locale) => notificationPush({ ...n, kind }, locale), DELIVERY[kind].ttlSeconds);
  }

  /** Routing offered a chat to an agent (the offer's time names it: a new offer, a new push). */
  offered(conv: { id: string; contactName: string; lastMessagePreview: string; offeredAt: number | null; offerExpiresAt: number | null }, agentId: string): void {
    const left = conv.offerExpiresAt === null ? DELIVERY.offered.ttlSeconds : Math.max(0, Math.floor((conv.offerExpiresAt - this.core.now()) / 1000));
    void this.enqueue(agentId, "offered", `offer:${conv.id}:${conv.offeredAt ?? 0}`, (locale) => offerPush(conv, locale), Math.min(left, DELIVERY.offered.ttlSeconds));
  }

  /** Resolves once queued (tests wait on it through `pending`). */
  readonly pending = new Set<Promise<void>>();

  private enqueue(userId: string, kind: PushKind, key: string, words: (locale: string) => PushPayload, ttlSeconds: number): Promise<void> {
    const run = this.write(userId, kind, key, words, ttlSeconds)
      .catch((err: unknown) => console.error(`push: could not queue a ${kind} push`, err))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
    return run;
  }

  private async write(userId: string, kind: PushKind, key: string, words: (locale: string) => PushPayload, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    const { db } = this.core;
    const person = await db.query.users.findFirst({ where: and(eq(users.id, userId), isNull(users.deactivatedAt)), columns: { locale: true, pushPrefs: true } });
    if (!person || person.pushPrefs?.[kind] === false) return;
    const devices = await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
    if (!devices.length) return;
    const at = this.core.now();
    const payload = words(person.locale);
    const { urgency } = DELIVERY[kind];
    await this.core.writer.write([
      db
        .insert(pushDeliveries)
        .values(
          devices.map((d) => ({
            id: newId(),
            subscriptionId: d.id,
            userId,
            key,
            payload,
            urgency,
            expiresAt: at + ttlSeconds * 1000,
            state: "pending" as const,
            nextAttemptAt: at,
            createdAt: at,
          })),
        )
        .onConflictDoNothing(),
    ]);
    this.queued();
  }
}
