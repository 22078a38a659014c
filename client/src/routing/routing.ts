/**
 * Routing on the agent's side: their availability, picking up offered chats, and the admin's
 * routing settings. All online-only: they are decisions the server makes at once for everyone
 * (who gets the next chat), so nothing here is queued in the outbox; callers disable the
 * controls with a reason when offline.
 */
import type { Conversation } from "@inbox/shared";
import type { AvailabilityResponse, RoutingSettingsRequest } from "@inbox/shared/api/routing";
import { offeredTo } from "@inbox/shared/domain/routing";
import { createSignal } from "solid-js";
import { request } from "../api/http.ts";
import { formatDuration } from "../format/time.ts";

export type Availability = AvailabilityResponse["availability"];

/** The response schemas (classic zod) load with the first call: the header draws without them (issue 17). */
const schemas = () => import("@inbox/shared/api/routing");

export const routingApi = {
  setAvailability: async (availability: Availability) =>
    request("/api/me/availability", { method: "PUT", body: { availability }, schema: (await schemas()).AvailabilityResponseSchema }),
  pickUp: async (conversationId: string) =>
    request(`/api/conversations/${encodeURIComponent(conversationId)}/pickup`, { method: "POST", schema: (await schemas()).PickupResponseSchema }),
  saveRouting: async (inboxId: string, body: RoutingSettingsRequest) =>
    request(`/api/admin/inboxes/${encodeURIComponent(inboxId)}/routing`, { body, schema: (await schemas()).RoutingSettingsResponseSchema }),
};

// The availability this tab set last, until the remembered /api/me catches up (the header is
// mounted again on every screen, so this outlives it).
const [chosen, setChosen] = createSignal<{ userId: string; availability: Availability } | null>(null);

export function currentAvailability(userId: string, fromMe: Availability): Availability {
  const c = chosen();
  return c && c.userId === userId ? c.availability : fromMe;
}

export function rememberAvailability(userId: string, availability: Availability): void {
  setChosen({ userId, availability });
}

// Offers picked up from this tab: their banner goes at once, before the room brings the new
// row. Keyed by the offer (chat and time), so the same chat offered again later shows again.
const [pickedUp, setPickedUp] = createSignal<ReadonlySet<string>>(new Set());
const offerKey = (c: Conversation) => `${c.id}:${c.offeredAt ?? ""}`;

export function markPickedUp(c: Conversation): void {
  setPickedUp((s) => new Set([...s, offerKey(c)]));
}

/** The chat is offered to this user and they have not picked it up (here or anywhere). */
export function isOfferedToMe(c: Conversation, userId: string | undefined): boolean {
  return !!userId && offeredTo(c) === userId && !pickedUp().has(offerKey(c));
}

/** "1:05" for the countdown; never negative. */
export function formatCountdown(ms: number): string {
  return formatDuration(Math.ceil(ms / 1000));
}
