import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { AvailabilitySchema, DomainEventSchema, type DomainEvent } from "@inbox/shared";
import type { Core } from "../core.ts";
import { events } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { clientIp } from "../http/client-ip.ts";
import { conversationForUser } from "../services/access.ts";
import { ROUTING_MODES } from "./router.ts";
import { pickUpConversation, setAvailability, setInboxRouting } from "./routing-services.ts";

const RoutingModeRequestSchema = z.object({ mode: z.enum(ROUTING_MODES) });
const RoutingModeResponseSchema = z.object({ inboxId: z.string(), mode: z.enum(ROUTING_MODES) });
const AvailabilityRequestSchema = z.object({ availability: AvailabilitySchema });
const AvailabilityResponseSchema = z.object({ availability: AvailabilitySchema, assigned: z.number().int().nonnegative() });
const PickupResponseSchema = z.object({ pickedUp: z.boolean(), waitedMs: z.number().int().nonnegative() });
const EventListResponseSchema = z.object({ events: z.array(DomainEventSchema) });

export function registerRoutingRoutes(api: ApiRegistry, core: Core): void {
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/routing",
      summary: "How new chats of an inbox are handed out: manual, round robin, or least loaded",
      tag: "admin",
      access: ["admin"],
      body: RoutingModeRequestSchema,
      response: RoutingModeResponseSchema,
    },
    async ({ c, user, params, body }) => setInboxRouting(core, user, params.id!, body.mode, clientIp(c)),
  );

  api.userRoute(
    {
      method: "put",
      path: "/api/me/availability",
      summary: "Set your availability; only available agents are offered chats",
      tag: "me",
      access: "user",
      body: AvailabilityRequestSchema,
      response: AvailabilityResponseSchema,
    },
    async ({ user, body }) => setAvailability(core, user, body.availability),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/conversations/:id/pickup",
      summary: "Take a chat you were offered (starts the pickup clock); repeating it changes nothing",
      tag: "conversations",
      access: "user",
      response: PickupResponseSchema,
    },
    async ({ user, params }) => pickUpConversation(core, user, params.id!),
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/conversations/:id/events",
      summary: "The conversation's history: every recorded change, oldest first (routing decisions say why)",
      tag: "conversations",
      access: "user",
      response: EventListResponseSchema,
    },
    async ({ user, params }) => {
      const row = await conversationForUser(core, user, params.id!);
      const rows = await core.db
        .select()
        .from(events)
        .where(and(eq(events.conversationId, row.id), eq(events.workspaceId, row.workspaceId)))
        .orderBy(asc(events.at))
        .limit(1000);
      return { events: rows as DomainEvent[] };
    },
  );
}
