import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  AvailabilityRequestSchema,
  AvailabilityResponseSchema,
  ConversationEventListResponseSchema,
  PickupResponseSchema,
  RoutingSettingsRequestSchema,
  RoutingSettingsResponseSchema,
  type ConversationEvent,
} from "@inbox/shared/api/routing";
import type { DomainEvent } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { events, users } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestOrigin } from "../http/audit-actor.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import type { ConversationRow } from "../db/read-model.ts";
import { pickUpConversation, setAvailability, setInboxRouting, type RoutingServiceDeps } from "./routing-services.ts";

export function registerRoutingRoutes(api: ApiRegistry, core: RoutingServiceDeps): void {
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/routing",
      summary:
        "How new chats of an inbox are handed out (manual, round robin, least loaded), the pickup timeout and rerouting when an agent is away or offline, and whether resolved chats ask the customer for a rating (CSAT)",
      tag: "admin",
      access: { permission: "manageChannels" },
      body: RoutingSettingsRequestSchema,
      response: RoutingSettingsResponseSchema,
    },
    async ({ c, user, params, body }) => setInboxRouting(core, user, params.id!, body, requestOrigin(c)),
  );

  api.userRoute(
    {
      method: "put",
      path: "/api/me/availability",
      summary: "Set your availability; only available agents are offered chats, going away may hand your offered chats to colleagues",
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
      summary: "The conversation's history: every recorded change, oldest first, with people's names (routing decisions say why in data.why)",
      tag: "conversations",
      access: "user",
      response: ConversationEventListResponseSchema,
    },
    async ({ user, params }) => {
      const row = await conversationForUser(core, user, params.id!);
      const rows = (await core.db
        .select()
        .from(events)
        .where(and(eq(events.conversationId, row.id), eq(events.workspaceId, row.workspaceId)))
        .orderBy(asc(events.at), asc(sql`rowid`))
        .limit(1000)) as DomainEvent[];
      return { events: await withNames(core, row, rows) };
    },
  );
}

/**
 * Adds who did it (`actorName`) and who `data.from` / `data.to` are (`names`). Routing events'
 * data is documented on RoutingDecision in router.ts.
 */
async function withNames(core: Reads, conversation: ConversationRow, list: DomainEvent[]): Promise<ConversationEvent[]> {
  const ids = new Set<string>();
  for (const e of list) {
    if (e.actorKind === "agent" && e.actorId) ids.add(e.actorId);
    for (const v of [e.data.from, e.data.to]) if (typeof v === "string") ids.add(v);
  }
  const people = ids.size
    ? await core.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]))
    : [];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return list.map((e) => {
    const names: Record<string, string> = {};
    for (const v of [e.data.from, e.data.to]) if (typeof v === "string" && nameOf.has(v)) names[v] = nameOf.get(v)!;
    const actorName =
      e.actorKind === "customer" ? conversation.contactName : e.actorKind === "agent" && e.actorId ? (nameOf.get(e.actorId) ?? null) : null;
    return { ...e, actorName, names };
  });
}
