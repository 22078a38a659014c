import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { CustomRole, CustomRoleInput } from "@inbox/shared/api/roles";
import { auditInsert, eventInsert, type AuditActor } from "../db/event-rows.ts";
import type { Reads } from "../db/record.ts";
import { customRoles, invitations, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound, refusedWithFields } from "../http/http-error.ts";
import { refuseEscalation } from "./grant-guard.ts";
import type { PeopleDeps } from "./people-deps.ts";

type RoleRow = typeof customRoles.$inferSelect;

/** The workspace's custom roles with how many active people hold each, by name. */
export async function listCustomRoles(core: Reads, workspaceId: string): Promise<CustomRole[]> {
  const [rows, counts] = await Promise.all([
    core.db.select().from(customRoles).where(eq(customRoles.workspaceId, workspaceId)).orderBy(customRoles.name),
    core.db
      .select({ roleId: users.customRoleId, n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), isNull(users.deactivatedAt)))
      .groupBy(users.customRoleId),
  ]);
  const holders = new Map(counts.map((c) => [c.roleId, Number(c.n)]));
  return rows.map((r) => toCustomRole(r, holders.get(r.id) ?? 0));
}

/** A custom role of the workspace, or "not found" (another workspace's id says nothing more). */
export async function customRoleOf(core: Reads, workspaceId: string, id: string): Promise<RoleRow> {
  const row = await core.db.query.customRoles.findFirst({ where: and(eq(customRoles.id, id), eq(customRoles.workspaceId, workspaceId)) });
  if (!row) throw notFound("role");
  return row;
}

/** Creates (id null) or changes a custom role; holders get the new permissions at their next request and socket check. */
export async function saveCustomRole(core: PeopleDeps, admin: SessionUser, actor: AuditActor, id: string | null, input: CustomRoleInput): Promise<CustomRole> {
  refuseEscalation(admin, { role: input.base, permissions: input.permissions });
  const before = id ? await customRoleOf(core, admin.workspaceId, id) : null;
  const clash = await core.db.query.customRoles.findFirst({
    where: and(eq(customRoles.workspaceId, admin.workspaceId), sql`lower(${customRoles.name}) = lower(${input.name})`, id ? ne(customRoles.id, id) : undefined),
  });
  if (clash) throw refusedWithFields(409, "conflict", "role_name_taken", { role: clash.name }, { name: "Choose another name." });
  if (before) refuseOwnLockout(admin, before.id, input);
  const at = core.now();
  const roleId = before?.id ?? newId();
  const action = before ? "role.changed" : "role.created";
  const after = { name: input.name, base: input.base, permissions: input.permissions };
  await core.writer.write([
    before
      ? core.db.update(customRoles).set({ ...after, updatedAt: at }).where(eq(customRoles.id, roleId))
      : core.db.insert(customRoles).values({ id: roleId, workspaceId: admin.workspaceId, ...after, createdAt: at, updatedAt: at }),
    // Holders count as the role's base wherever a role rather than a permission decides.
    ...(before && before.base !== input.base
      ? [
          core.db.update(users).set({ role: input.base }).where(eq(users.customRoleId, roleId)),
          // So do those invited with it, once they join.
          core.db.update(invitations).set({ role: input.base }).where(and(eq(invitations.customRoleId, roleId), isNull(invitations.acceptedAt))),
        ]
      : []),
    eventInsert(core, { workspaceId: admin.workspaceId, type: action, actorKind: "agent", actorId: admin.id, data: { roleId, name: input.name }, at }),
    auditInsert(core, {
      ...actor,
      workspaceId: admin.workspaceId,
      action,
      target: roleId,
      data: before ? { before: { name: before.name, base: before.base, permissions: before.permissions }, after } : { after },
      at,
    }),
  ]);
  await core.narrowViewers.refresh();
  return (await listCustomRoles(core, admin.workspaceId)).find((r) => r.id === roleId)!;
}

/** Deletes a custom role; its holders go back to the built-in role it was based on. */
export async function deleteCustomRole(core: PeopleDeps, admin: SessionUser, actor: AuditActor, id: string): Promise<{ holders: number }> {
  const row = await customRoleOf(core, admin.workspaceId, id);
  refuseEscalation(admin, { role: row.base, permissions: row.permissions });
  if (admin.customRole?.id === id) throw new HttpError(409, "conflict", "You hold this role yourself. Ask someone else to delete it.", { reason: "own_role" });
  const holders = await core.db.select({ id: users.id }).from(users).where(eq(users.customRoleId, id));
  const at = core.now();
  await core.writer.write([
    core.db.update(users).set({ customRoleId: null }).where(eq(users.customRoleId, id)),
    // Those invited with it join on its base role (already the invitation's role).
    core.db.update(invitations).set({ customRoleId: null }).where(eq(invitations.customRoleId, id)),
    core.db.delete(customRoles).where(eq(customRoles.id, id)),
    eventInsert(core, { workspaceId: admin.workspaceId, type: "role.deleted", actorKind: "agent", actorId: admin.id, data: { roleId: id, name: row.name }, at }),
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: "role.deleted", target: id, data: { before: { name: row.name, base: row.base, permissions: row.permissions }, holders: holders.length }, at }),
  ]);
  await core.narrowViewers.refresh();
  return { holders: holders.length };
}

/** Changing the role one holds must not take away one's own way back to this screen. */
function refuseOwnLockout(admin: SessionUser, roleId: string, input: CustomRoleInput): void {
  if (admin.customRole?.id !== roleId || input.permissions.managePeople) return;
  throw new HttpError(409, "conflict", "You hold this role: keep \"Manage people and roles\" in it, or ask someone else to change it.", { reason: "own_role" });
}

function toCustomRole(r: RoleRow, holders: number): CustomRole {
  return { id: r.id, name: r.name, base: r.base, permissions: r.permissions, holders, updatedAt: r.updatedAt };
}
