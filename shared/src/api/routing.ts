import { z } from "zod";
import { DomainEventSchema } from "../domain/event.ts";
import { IdSchema } from "../domain/ids.ts";
import { PICKUP_TIMEOUT_MAX_SECONDS, PICKUP_TIMEOUT_MIN_SECONDS, ROUTING_MODES } from "../domain/routing.ts";
import { AvailabilitySchema } from "../domain/user.ts";

export const RoutingModeSchema = z.enum(ROUTING_MODES);

/**
 * An admin's settings for how one inbox handles chats: routing, and whether resolved chats ask
 * the customer for a rating (CSAT, `domain/csat.ts`). Omitted fields keep their current value.
 */
export const RoutingSettingsRequestSchema = z.object({
  mode: RoutingModeSchema.optional(),
  pickupTimeoutSeconds: z.number().int().min(PICKUP_TIMEOUT_MIN_SECONDS).max(PICKUP_TIMEOUT_MAX_SECONDS).nullable().optional(),
  rerouteOnAway: z.boolean().optional(),
  /** Ask the customer to rate the chat (1–5) when it is resolved. */
  csatEnabled: z.boolean().optional(),
});
export type RoutingSettingsRequest = z.infer<typeof RoutingSettingsRequestSchema>;

export const RoutingSettingsResponseSchema = z.object({
  inboxId: IdSchema,
  mode: RoutingModeSchema,
  pickupTimeoutSeconds: z.number().int().nullable(),
  rerouteOnAway: z.boolean(),
  csatEnabled: z.boolean(),
});
export type RoutingSettingsResponse = z.infer<typeof RoutingSettingsResponseSchema>;

export const AvailabilityRequestSchema = z.object({ availability: AvailabilitySchema });
export const AvailabilityResponseSchema = z.object({
  availability: AvailabilitySchema,
  /** Chats handed to you because you became available. */
  assigned: z.number().int().nonnegative(),
  /** Offered chats given to someone else because you went away. */
  rerouted: z.number().int().nonnegative(),
});
export type AvailabilityResponse = z.infer<typeof AvailabilityResponseSchema>;

export const PickupResponseSchema = z.object({ pickedUp: z.boolean(), waitedMs: z.number().int().nonnegative() });
export type PickupResponse = z.infer<typeof PickupResponseSchema>;

/**
 * One entry of a conversation's history, with the names a person needs to read it.
 * `actorName`: the agent who did it, the customer for customer events, null for the system
 * (routing decisions are the system's; their `data.why` says why in a sentence).
 * `names`: display names of the people `data.from` / `data.to` refer to.
 */
export const ConversationEventSchema = DomainEventSchema.extend({
  actorName: z.string().nullable(),
  names: z.record(z.string(), z.string()),
});
export type ConversationEvent = z.infer<typeof ConversationEventSchema>;
export const ConversationEventListResponseSchema = z.object({ events: z.array(ConversationEventSchema) });
