import type { Conversation } from "./conversation.ts";

/**
 * How an inbox hands out new chats. Kept in the inbox's flat `settings` record (the admin list
 * and the team rooms already carry it), under the keys below.
 */
export const ROUTING_MODES = ["manual", "round_robin", "least_loaded"] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

export const PICKUP_TIMEOUT_MIN_SECONDS = 10;
export const PICKUP_TIMEOUT_MAX_SECONDS = 3600;

export interface RoutingSettings {
  mode: RoutingMode;
  /** Seconds an offered chat waits to be picked up before it goes to someone else; null: forever. */
  pickupTimeoutSeconds: number | null;
  /** An agent setting themselves away, or going offline, gives their offered, unpicked chats to someone else. */
  rerouteOnAway: boolean;
}

type Settings = Readonly<Record<string, string | number | boolean>> | null | undefined;

/** Anything missing or unknown reads as today's behaviour: manual, no timeout, no rerouting. */
export function routingSettingsOf(settings: Settings): RoutingSettings {
  const mode = settings?.routing;
  const timeout = settings?.routingPickupTimeoutSeconds;
  return {
    mode: mode === "round_robin" || mode === "least_loaded" ? mode : "manual",
    pickupTimeoutSeconds:
      typeof timeout === "number" && Number.isInteger(timeout) && timeout >= PICKUP_TIMEOUT_MIN_SECONDS && timeout <= PICKUP_TIMEOUT_MAX_SECONDS ? timeout : null,
    rerouteOnAway: settings?.routingRerouteOnAway === true,
  };
}

/**
 * A chat is offered to someone while the router's offer stands: it is still theirs, still
 * open, and not picked up (pickup clears the offer). A manual reassignment ends it implicitly.
 */
export function offeredTo(c: Pick<Conversation, "assigneeId" | "status" | "offeredTo">): string | null {
  return c.offeredTo && c.offeredTo === c.assigneeId && c.status === "open" ? c.offeredTo : null;
}
