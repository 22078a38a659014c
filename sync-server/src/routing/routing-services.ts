import { and, eq, sql } from "drizzle-orm";
import type { AvailabilityResponse, RoutingSettingsRequest, RoutingSettingsResponse } from "@inbox/shared/api/routing";
import { routingSettingsOf } from "@inbox/shared/domain/routing";
import { CSAT_SETTING, csatEnabledOf } from "@inbox/shared/domain/csat";
import type { Caches } from "../db/caches.ts";
import { conversations, inboxes, teamMembers, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, forbiddenBecause } from "../http/http-error.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { recordPickup, type PickupResult } from "./pickup.ts";
import type { Router, RoutingDeps } from "./router.ts";
import { inboxReroutesOnAway } from "./routing-conditions.ts";

type Availability = AvailabilityResponse["availability"];

/** Telling the router that a team has room again (the core's router). */
export interface CapacityDeps {
  router: Pick<Router, "capacityChanged">;
}

/** What the routing settings, availability and pickup need besides the router's own. */
export interface RoutingServiceDeps extends RoutingDeps, CapacityDeps {
  router: Pick<Router, "capacityChanged" | "reroute">;
  caches: Pick<Caches, "inboxes">;
  /** The supervisors' boards, told when an agent's availability changes (optional: tests of routing alone). */
  boards?: { usersChanged(userIds: readonly string[]): Promise<void> };
}

/** Logs, never throws: routing runs after the change it follows has been answered. */
export function routeInBackground(what: string, work: () => Promise<unknown>): void {
  void work().catch((err) => console.error(`routing (${what}) failed`, err));
}

/** Teams with a queue pass under way, and whether another was asked for meanwhile. */
const passes = new WeakMap<CapacityDeps, Map<string, "running" | "again">>();

/**
 * Hands out a team's queue once capacity freed up (resolve, unassign). Requests that arrive
 * while a pass runs are coalesced into one more pass after it: a burst of 250 resolves (an
 * agent's offline work replayed) costs two passes, not 250, and no change is missed, because
 * every request is followed by a pass that starts after it.
 */
export function afterCapacityFreed(core: CapacityDeps, teamId: string): void {
  let teams = passes.get(core);
  if (!teams) passes.set(core, (teams = new Map()));
  if (teams.has(teamId)) {
    teams.set(teamId, "again");
    return;
  }
  const running = teams;
  running.set(teamId, "running");
  routeInBackground(`team ${teamId}`, async () => {
    try {
      for (;;) {
        running.set(teamId, "running");
        await core.router.capacityChanged(teamId);
        if (running.get(teamId) !== "again") break;
      }
    } finally {
      running.delete(teamId);
    }
  });
}

/**
 * The agent's own availability. Becoming available hands them waiting chats; going away hands
 * their offered, unpicked chats to colleagues where the inbox asks for it. Both happen before
 * the answer, so the agent's list already shows the outcome. A routing failure is logged, not
 * returned: the availability itself was saved.
 */
export async function setAvailability(core: RoutingServiceDeps, user: SessionUser, availability: Availability): Promise<AvailabilityResponse> {
  const result = await core.locks.run(`availability:${user.id}`, async () => {
    const row = await core.db.query.users.findFirst({ where: eq(users.id, user.id) });
    if (!row) throw notFound("account");
    if (row.availability === availability) return { changed: false };
    const at = core.now();
    await core.writer.write([
      eventInsert(core, {
        workspaceId: row.workspaceId,
        type: "user.availability_changed",
        actorKind: "agent",
        actorId: user.id,
        data: { from: row.availability, to: availability },
        at,
      }),
      core.db.update(users).set({ availability, availabilityChangedAt: at }).where(eq(users.id, user.id)),
    ]);
    return { changed: true };
  });
  if (result.changed) routeInBackground("board refresh", () => core.boards?.usersChanged([user.id]) ?? Promise.resolve());
  let assigned = 0;
  let rerouted = 0;
  if (result.changed && availability === "available") {
    const teams = await core.db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, user.id));
    for (const { teamId } of teams) {
      try {
        assigned += (await core.router.capacityChanged(teamId)).length;
      } catch (err) {
        console.error(`routing (team ${teamId}) failed`, err);
      }
    }
  }
  if (result.changed && availability === "away") {
    for (const id of await offeredToReroute(core, user.id)) {
      try {
        if (await core.router.reroute(id, "agent_away")) rerouted++;
      } catch (err) {
        console.error(`rerouting conversation ${id} failed`, err);
      }
    }
  }
  return { availability, assigned, rerouted };
}

/** The agent's offered, unpicked chats in inboxes that reroute when their agent goes away. */
async function offeredToReroute(core: RoutingServiceDeps, userId: string): Promise<string[]> {
  const rows = await core.db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .where(
      and(
        eq(conversations.offeredTo, userId),
        eq(conversations.assigneeId, userId),
        eq(conversations.status, "open"),
        inboxReroutesOnAway,
      ),
    );
  return rows.map((r) => r.id);
}

/** An admin sets how an inbox hands out chats (audited); chats already waiting go out at once. */
export async function setInboxRouting(
  core: RoutingServiceDeps,
  user: SessionUser,
  inboxId: string,
  body: RoutingSettingsRequest,
  origin: RequestOrigin | null,
): Promise<RoutingSettingsResponse> {
  const inbox = await core.db.query.inboxes.findFirst({ where: eq(inboxes.id, inboxId) });
  if (!inbox || inbox.workspaceId !== user.workspaceId) throw notFound("inbox");
  const from = routingSettingsOf(inbox.settings);
  const to = {
    mode: body.mode ?? from.mode,
    pickupTimeoutSeconds: body.pickupTimeoutSeconds === undefined ? from.pickupTimeoutSeconds : body.pickupTimeoutSeconds,
    rerouteOnAway: body.rerouteOnAway ?? from.rerouteOnAway,
  };
  const changed = from.mode !== to.mode || from.pickupTimeoutSeconds !== to.pickupTimeoutSeconds || from.rerouteOnAway !== to.rerouteOnAway;
  const csatFrom = csatEnabledOf(inbox.settings);
  const csatEnabled = body.csatEnabled ?? csatFrom;
  if (csatEnabled !== csatFrom) {
    await core.writer.write([
      core.db
        .update(inboxes)
        .set({ settings: sql`json_set(${inboxes.settings}, ${`$.${CSAT_SETTING}`}, json(${csatEnabled ? "true" : "false"}))` })
        .where(eq(inboxes.id, inboxId)),
      auditInsert(core, {
        workspaceId: user.workspaceId,
        ...auditActor(user, origin),
        action: "inbox.csat_changed",
        target: inboxId,
        data: { from: { csatEnabled: csatFrom }, to: { csatEnabled } },
        at: core.now(),
      }),
    ]);
    core.caches.inboxes.delete(inboxId);
  }
  if (changed) {
    await core.writer.write([
      core.db
        .update(inboxes)
        // json_set, not a rewrite of the whole object: other settings edited meanwhile survive.
        .set({
          settings: sql`json_set(${inboxes.settings}, '$.routing', ${to.mode}, '$.routingPickupTimeoutSeconds', ${to.pickupTimeoutSeconds ?? 0},
            '$.routingRerouteOnAway', json(${to.rerouteOnAway ? "true" : "false"}))`,
        })
        .where(eq(inboxes.id, inboxId)),
      auditInsert(core, {
        workspaceId: user.workspaceId,
        ...auditActor(user, origin),
        action: "inbox.routing_changed",
        target: inboxId,
        data: { from, to },
        at: core.now(),
      }),
    ]);
    core.caches.inboxes.delete(inboxId);
    if (to.mode !== "manual") afterCapacityFreed(core, inbox.teamId);
  }
  return { inboxId, ...to, csatEnabled };
}

/** The assignee takes the chat they were offered (see pickup.ts). */
export async function pickUpConversation(core: RoutingServiceDeps, user: SessionUser, id: string): Promise<PickupResult> {
  const row = await conversationForUser(core, user, id);
  if (row.assigneeId !== user.id) throw forbiddenBecause("pickup_assignee_only");
  return recordPickup(core, id, user.id, "button");
}
