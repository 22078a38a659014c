import { and, eq } from "drizzle-orm";
import { newId, type SlaPolicy, type SlaPolicyInput } from "@inbox/shared";
import {
  BusinessHoursRequestSchema,
  BusinessHoursResponseSchema,
  SlaPolicyDeleteResponseSchema,
  SlaPolicyRequestSchema,
  SlaPolicyResponseSchema,
  SlaSettingsResponseSchema,
} from "@inbox/shared/api/sla";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import type { Writes } from "../db/record.ts";
import { inboxes, slaPolicies, workspaces } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import type { SessionUser } from "../http/app-env.ts";
import { auditActor, requestOrigin, type RequestOrigin } from "../http/audit-actor.ts";
import { notFound, refused } from "../http/http-error.ts";
import type { SlaKeeper } from "./sla-keeper.ts";
import { workspaceCalendar, workspacePolicies } from "./sla-record.ts";

interface SlaRouteDeps extends Writes {
  sla: Pick<SlaKeeper, "recheckWorkspace">;
}

/** The workspace's chats follow changed rules at once (in the background: the answer does not wait). */
function recheck(core: SlaRouteDeps, workspaceId: string): void {
  core.sla.recheckWorkspace(workspaceId).catch((err: unknown) => console.error("could not recheck SLAs after a settings change", err));
}

/**
 * Settings → Business hours & SLAs (admins of the workspace). Each change is an event and an
 * audit row, and every unresolved chat's SLA is recomputed under the new rules.
 */
export function registerSlaRoutes(api: ApiRegistry, core: SlaRouteDeps): void {
  api.userRoute(
    { method: "get", path: "/api/admin/sla", summary: "The workspace's business hours (time zone, hours per weekday, holidays) and SLA policies", tag: "admin", access: ["admin"], response: SlaSettingsResponseSchema },
    async ({ user }) => ({ calendar: await workspaceCalendar(core, user.workspaceId), policies: await workspacePolicies(core, user.workspaceId) }),
  );

  api.userRoute(
    { method: "put", path: "/api/admin/business-hours", summary: "Set the workspace's time zone, business hours per weekday and holidays", tag: "admin", access: ["admin"], body: BusinessHoursRequestSchema, response: BusinessHoursResponseSchema },
    async ({ c, user, body }) => {
      const at = core.now();
      const before = await workspaceCalendar(core, user.workspaceId);
      await core.writer.write([
        core.db.update(workspaces).set({ businessCalendar: body.calendar }).where(eq(workspaces.id, user.workspaceId)),
        eventInsert(core, { workspaceId: user.workspaceId, type: "workspace.business_hours_changed", actorKind: "agent", actorId: user.id, data: { calendar: body.calendar }, at }),
        auditInsert(core, { workspaceId: user.workspaceId, ...auditActor(user, requestOrigin(c)), action: "workspace.business_hours_changed", data: { before, after: body.calendar }, at }),
      ]);
      recheck(core, user.workspaceId);
      return { calendar: body.calendar };
    },
  );

  api.userRoute(
    { method: "post", path: "/api/admin/sla-policies", summary: "Add an SLA policy (for an inbox and/or a priority, or the workspace default)", tag: "admin", access: ["admin"], body: SlaPolicyRequestSchema, response: SlaPolicyResponseSchema },
    async ({ c, user, body }) => ({ policy: await savePolicy(core, user, newId(), body.policy, requestOrigin(c), true) }),
  );

  api.userRoute(
    { method: "put", path: "/api/admin/sla-policies/:id", summary: "Change an SLA policy", tag: "admin", access: ["admin"], body: SlaPolicyRequestSchema, response: SlaPolicyResponseSchema },
    async ({ c, user, params, body }) => ({ policy: await savePolicy(core, user, params.id!, body.policy, requestOrigin(c), false) }),
  );

  api.userRoute(
    { method: "delete", path: "/api/admin/sla-policies/:id", summary: "Delete an SLA policy", tag: "admin", access: ["admin"], response: SlaPolicyDeleteResponseSchema },
    async ({ c, user, params }) => {
      const before = await ownPolicy(core, user, params.id!);
      const at = core.now();
      await core.writer.write([
        core.db.delete(slaPolicies).where(and(eq(slaPolicies.id, params.id!), eq(slaPolicies.workspaceId, user.workspaceId))),
        eventInsert(core, { workspaceId: user.workspaceId, type: "sla.policy_deleted", actorKind: "agent", actorId: user.id, data: { policyId: params.id }, at }),
        auditInsert(core, { workspaceId: user.workspaceId, ...auditActor(user, requestOrigin(c)), action: "sla.policy_deleted", target: params.id, data: { before }, at }),
      ]);
      recheck(core, user.workspaceId);
      return { deleted: true };
    },
  );
}

/** The workspace's policy as it is now (for the audit log's "before"), or a 404 in words. */
async function ownPolicy(core: SlaRouteDeps, user: SessionUser, id: string): Promise<SlaPolicy> {
  const policy = (await workspacePolicies(core, user.workspaceId)).find((p) => p.id === id);
  if (!policy) throw notFound("sla_policy");
  return policy;
}

async function savePolicy(core: SlaRouteDeps, user: SessionUser, id: string, input: SlaPolicyInput, from: RequestOrigin, create: boolean): Promise<SlaPolicy> {
  const before = create ? null : await ownPolicy(core, user, id);
  if (input.inboxId !== null) {
    const inbox = await core.db.query.inboxes.findFirst({ where: and(eq(inboxes.id, input.inboxId), eq(inboxes.workspaceId, user.workspaceId)) });
    if (!inbox) throw refused(400, "bad_request", "sla_inbox_unknown");
  }
  const taken = (await workspacePolicies(core, user.workspaceId)).find((p) => p.id !== id && p.inboxId === input.inboxId && p.priority === input.priority);
  if (taken) throw refused(409, "conflict", "sla_policy_taken", { name: taken.name });
  const policy: SlaPolicy = { ...input, id, updatedAt: core.now() };
  const values = { ...policy, workspaceId: user.workspaceId };
  await core.writer.write([
    create ? core.db.insert(slaPolicies).values(values) : core.db.update(slaPolicies).set(values).where(and(eq(slaPolicies.id, id), eq(slaPolicies.workspaceId, user.workspaceId))),
    eventInsert(core, { workspaceId: user.workspaceId, type: "sla.policy_saved", actorKind: "agent", actorId: user.id, data: { policy }, at: policy.updatedAt }),
    auditInsert(core, { workspaceId: user.workspaceId, ...auditActor(user, from), action: "sla.policy_saved", target: id, data: { ...(before ? { before } : {}), after: policy }, at: policy.updatedAt }),
  ]);
  recheck(core, user.workspaceId);
  return policy;
}
