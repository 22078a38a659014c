import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { Notification } from "@inbox/shared/api/content";
import { PUSH_KINDS, type PushKind, type PushPayload } from "@inbox/shared/api/push";
import type { Writes } from "../db/record.ts";
import { contacts, conversations, pushDeliveries, pushSubscriptions, users } from "../db/schema.ts";
import { sessionLive } from "./subscriptions.ts";
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

/** Push rows per insert statement: about a dozen bound values each, far under SQLite's cap. */
const ROWS_PER_INSERT = 500;

/** What an offer's push says (the conversation as routing committed it). */
export type OfferedConversation = { id: string; contactName: string; lastMessagePreview: string; offeredAt: number | null; offerExpiresAt: number | null };

/** One push to queue for a person's devices, worded in their language. */
interface Push {
  userId: string;
  kind: PushKind;
  /** The conversation it is about: erasure and retention delete its queued pushes by it. */
  conversationId: string;
  /** Names what it is about: the same key is queued once per device. */
  key: string;
  words: (locale: string) => PushPayload;
  ttlSeconds: number;
}

/**
 * A push just inserted that something committed meanwhile made wrong to send, deleted in the same
 * commit as its insert: the words were taken before (a) the contact was erased or the chat deleted
 * by retention (whose transactions delete the queued pushes they can see, but not one still being
 * worded), or (b) the device's session ended. Writes are serialised, so one or the other catches it.
 */
const overtaken = sql`(${isNotNull(pushDeliveries.conversationId)} and not exists (
  select 1 from ${conversations} join ${contacts} on ${contacts.id} = ${conversations.contactId}
  where ${conversations.id} = ${pushDeliveries.conversationId} and ${contacts.erasedAt} is null
)) or not exists (select 1 from ${pushSubscriptions} where ${pushSubscriptions.id} = ${pushDeliveries.subscriptionId})`;

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
    void this.enqueue([{ userId, kind, conversationId: n.conversationId, key: `notification:${n.id}`, words: (locale) => notificationPush({ ...n, kind }, locale), ttlSeconds: DELIVERY[kind].ttlSeconds }]);
  }

  /**
   * Routing offered chats to agents (the offer's time names each: a new offer, a new push). A
   * page of offers is queued together: one look-up of the agents and their devices, one write.
   */
  offered(offers: readonly { conversation: OfferedConversation; agentId: string }[]): void {
    if (!offers.length) return;
    const now = this.core.now();
    void this.enqueue(
      offers.map(({ conversation: conv, agentId }) => {
        const left = conv.offerExpiresAt === null ? DELIVERY.offered.ttlSeconds : Math.max(0, Math.floor((conv.offerExpiresAt - now) / 1000));
        return {
          userId: agentId,
          kind: "offered" as const,
          conversationId: conv.id,
          key: `offer:${conv.id}:${conv.offeredAt ?? 0}`,
          words: (locale: string) => offerPush(conv, locale),
          ttlSeconds: Math.min(left, DELIVERY.offered.ttlSeconds),
        };
      }),
    );
  }

  /** Resolves once queued (tests wait on it through `pending`). */
  readonly pending = new Set<Promise<void>>();

  private enqueue(pushes: Push[]): Promise<void> {
    const run = this.write(pushes)
      .catch((err: unknown) => console.error(`push: could not queue ${pushes.length === 1 ? `a ${pushes[0]!.kind} push` : `${pushes.length} pushes`}`, err))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
    return run;
  }

  private async write(all: Push[]): Promise<void> {
    const pushes = all.filter((p) => p.ttlSeconds > 0);
    if (!pushes.length) return;
    const { db } = this.core;
    const userIds = [...new Set(pushes.map((p) => p.userId))];
    const at = this.core.now();
    // Only devices whose subscribing session is still live: a device signed out rings for nobody.
    const devices = await db
      .select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId, locale: users.locale, pushPrefs: users.pushPrefs })
      .from(pushSubscriptions)
      .innerJoin(users, eq(users.id, pushSubscriptions.userId))
      .where(and(inArray(pushSubscriptions.userId, userIds), sessionLive(db, at)));
    const rows = pushes.flatMap((p) => {
      const theirs = devices.filter((d) => d.userId === p.userId && d.pushPrefs?.[p.kind] !== false);
      if (!theirs.length) return [];
      const payload = p.words(theirs[0]!.locale);
      const { urgency } = DELIVERY[p.kind];
      return theirs.map((d) => ({
        id: newId(),
        subscriptionId: d.id,
        userId: p.userId,
        conversationId: p.conversationId,
        key: p.key,
        payload,
        urgency,
        expiresAt: at + p.ttlSeconds * 1000,
        state: "pending" as const,
        nextAttemptAt: at,
        createdAt: at,
      }));
    });
    if (!rows.length) return;
    // Bounded statements (SQLite caps the bound values of one); one commit for all of them.
    const parts = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      parts.push(db.insert(pushDeliveries).values(chunk).onConflictDoNothing(), db.delete(pushDeliveries).where(and(inArray(pushDeliveries.id, chunk.map((r) => r.id)), overtaken)));
    }
    await this.core.writer.write(parts);
    this.queued();
  }
}
