import { and, eq, exists, gt, inArray, isNull, notExists, sql, type SQL } from "drizzle-orm";
import { newId, reasonSentence } from "@inbox/shared";
import type { PushSubscribeRequest } from "@inbox/shared/api/push";
import type { Writes } from "../db/record.ts";
import { eventInsert } from "../db/event-rows.ts";
import { pushDeliveries, pushSubscriptions, sessions, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { refusedWithFields } from "../http/http-error.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { PushTarget } from "./push-sender.ts";

export interface SubscriptionDeps extends Writes {
  secrets: SecretBox;
}

/**
 * The push services of the browsers the PWA supports (Chrome, Edge, Firefox, Safari on macOS and
 * iOS). The server POSTs to a subscription's address, so only these hosts are accepted: a person
 * cannot make the server call anything else.
 */
const PUSH_SERVICE_DOMAINS = ["googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com"];
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const USER_AGENT_MAX = 300;
/** A person's devices; a new one beyond this replaces their oldest. */
const MAX_PER_USER = 10;

type EndpointRefusal = "push_address_not_web" | "push_address_insecure" | "push_address_odd" | "push_service_unknown";

/** Why a push address is refused, as a reason code; null when it is a browser's push service (or loopback where allowed). */
export function endpointRefusal(endpoint: string, allowLoopback: boolean): EndpointRefusal | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "push_address_not_web";
  }
  if (allowLoopback && LOOPBACK.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:")) return null;
  if (url.protocol !== "https:") return "push_address_insecure";
  if (url.username || url.password || url.port) return "push_address_odd";
  const host = url.hostname.toLowerCase();
  if (!PUSH_SERVICE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))) return "push_service_unknown";
  return null;
}

/**
 * Subscribes this device for the signed-in person, tied to the session it is signed in with: the
 * device rings only while that session lives (the `sessions` trigger of migration 0033 deletes
 * the subscription and its queue when the session ends). The address is the device's: subscribing
 * it again (another person or a new session on the same browser) moves it to them with its new keys.
 */
export async function subscribe(core: SubscriptionDeps, user: SessionUser, req: PushSubscribeRequest, userAgent: string | null, allowLoopback: boolean): Promise<void> {
  const refusal = endpointRefusal(req.endpoint, allowLoopback);
  if (refusal) throw refusedWithFields(400, "validation_failed", refusal, {}, { endpoint: reasonSentence(refusal) });
  const at = core.now();
  const keysSealed = await core.secrets.seal({ p256dh: req.keys.p256dh, auth: req.keys.auth });
  await core.locks.run(`push-subscriptions:${user.id}`, async () => {
    const mine = await core.db
      .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, user.id))
      .orderBy(pushSubscriptions.createdAt);
    const others = mine.filter((s) => s.endpoint !== req.endpoint);
    const dropped = others.slice(0, Math.max(0, others.length - (MAX_PER_USER - 1))).map((s) => s.id);
    const id = newId();
    await core.writer.write([
      ...(dropped.length ? [core.db.delete(pushDeliveries).where(inArray(pushDeliveries.subscriptionId, dropped)), core.db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, dropped))] : []),
      // A device moving to another person takes none of the previous person's queued pushes along.
      core.db.delete(pushDeliveries).where(inArray(pushDeliveries.subscriptionId, core.db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, req.endpoint)))),
      core.db
        .insert(pushSubscriptions)
        .values({ id, workspaceId: user.workspaceId, userId: user.id, sessionHash: user.sessionTokenHash, endpoint: req.endpoint, keysSealed, userAgent: userAgent?.slice(0, USER_AGENT_MAX) ?? null, createdAt: at })
        .onConflictDoUpdate({
          target: pushSubscriptions.endpoint,
          set: { workspaceId: user.workspaceId, userId: user.id, sessionHash: user.sessionTokenHash, keysSealed, userAgent: userAgent?.slice(0, USER_AGENT_MAX) ?? null, failures: 0, lastError: null },
        }),
      // The session ended between this request's check and this commit (signed out on another
      // tab, from the devices list): its trigger found nothing to remove, so nothing is kept.
      core.db
        .delete(pushSubscriptions)
        .where(and(eq(pushSubscriptions.endpoint, req.endpoint), notExists(core.db.select({ one: sessions.tokenHash }).from(sessions).where(eq(sessions.tokenHash, user.sessionTokenHash))))),
      eventInsert(core, { workspaceId: user.workspaceId, type: "push.subscribed", actorKind: "agent", actorId: user.id, data: { devices: others.length - dropped.length + 1 }, at }),
    ]);
  });
}

/** Unsubscribes one of the person's own devices (another person's address changes nothing). True when there was one. */
export async function unsubscribe(core: SubscriptionDeps, user: SessionUser, endpoint: string): Promise<boolean> {
  const row = await core.db.query.pushSubscriptions.findFirst({ where: and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, user.id)) });
  if (!row) return false;
  await core.writer.write([
    core.db.delete(pushDeliveries).where(eq(pushDeliveries.subscriptionId, row.id)),
    core.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, row.id)),
    eventInsert(core, { workspaceId: user.workspaceId, type: "push.unsubscribed", actorKind: "agent", actorId: user.id, data: { subscriptionId: row.id, reason: "by_user" }, at: core.now() }),
  ]);
  return true;
}

/**
 * The subscription and its queue go: the push service said the device is gone (404/410), or the
 * session that subscribed it ended or expired, or its person was deactivated.
 */
export async function forgetSubscription(core: Writes, row: { id: string; workspaceId: string; userId: string }, why: { reason: "gone"; status: number } | { reason: "session_ended" }): Promise<void> {
  await core.writer.write([
    core.db.delete(pushDeliveries).where(eq(pushDeliveries.subscriptionId, row.id)),
    core.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, row.id)),
    eventInsert(core, { workspaceId: row.workspaceId, type: "push.unsubscribed", actorKind: "system", actorId: row.userId, data: { subscriptionId: row.id, ...why }, at: core.now() }),
  ]);
}

export async function targetOf(secrets: SecretBox, row: { endpoint: string; keysSealed: string }): Promise<PushTarget> {
  const keys = await secrets.open(row.keysSealed);
  return { endpoint: row.endpoint, keys: { p256dh: keys.p256dh ?? "", auth: keys.auth ?? "" } };
}

/**
 * Whether a device may still ring, as a condition on its `push_subscriptions` row: the session
 * that subscribed it is live (not signed out, not expired) and belongs to the same person, who is
 * not deactivated. The `sessions` trigger removes a subscription when its session row goes; an
 * expired session's row stays until swept, so the queue asks this before queuing and the
 * dispatcher before each send. The one statement of what a live session is, for both.
 */
export function sessionLive(db: Writes["db"], now: number): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, pushSubscriptions.sessionHash), eq(sessions.userId, pushSubscriptions.userId), gt(sessions.expiresAt, now), isNull(users.deactivatedAt))),
  );
}
