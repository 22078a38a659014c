import { and, eq, inArray } from "drizzle-orm";
import { newId, type AdminTeam, type UpdateTeamRequest } from "@inbox/shared";
import type { AuditActor } from "../db/event-rows.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { inboxes, teams } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound, refused } from "../http/http-error.ts";
import type { PeopleDeps } from "./people-deps.ts";
import { listTeams } from "./people-list.ts";

async function teamOf(core: PeopleDeps, workspaceId: string, id: string): Promise<AdminTeam> {
  const team = (await listTeams(core, workspaceId)).find((t) => t.id === id);
  if (!team) throw notFound("team");
  return team;
}

export async function createTeam(core: PeopleDeps, admin: SessionUser, actor: AuditActor, name: string): Promise<AdminTeam> {
  await refuseTakenName(core, admin.workspaceId, name, null);
  const id = newId();
  const at = core.now();
  await core.writer.write([
    core.db.insert(teams).values({ id, workspaceId: admin.workspaceId, name }),
    eventInsert(core, { workspaceId: admin.workspaceId, type: "team.changed", actorKind: "agent", actorId: admin.id, data: { teamId: id, created: true, name }, at }),
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: "team.created", target: id, data: { name }, at }),
  ]);
  return teamOf(core, admin.workspaceId, id);
}

/**
 * Renames, archives or restores a team, or moves inboxes to it. An archived team takes no new
 * conversations, so a team still fed by an inbox cannot be archived until its inboxes feed
 * another; its people and past conversations stay as they are.
 */
export async function updateTeam(core: PeopleDeps, admin: SessionUser, actor: AuditActor, id: string, change: UpdateTeamRequest): Promise<AdminTeam> {
  const before = await teamOf(core, admin.workspaceId, id);
  if (change.name !== undefined && change.name !== before.name) await refuseTakenName(core, admin.workspaceId, change.name, id);
  const moving = (change.inboxIds ?? []).filter((i) => !before.inboxIds.includes(i));
  if (moving.length) {
    const found = await core.db.select({ id: inboxes.id }).from(inboxes).where(and(eq(inboxes.workspaceId, admin.workspaceId), inArray(inboxes.id, moving)));
    if (found.length !== new Set(moving).size) throw refused(400, "validation_failed", "inboxes_unknown");
  }
  const archiving = change.archived === true && before.archivedAt === null;
  const restoring = change.archived === false && before.archivedAt !== null;
  if (archiving && (before.inboxIds.length > 0 || moving.length > 0)) {
    throw new HttpError(409, "conflict", `${before.name} still receives conversations from ${before.inboxIds.length + moving.length} inbox(es). Move them to another team first.`, { reason: "team_has_inboxes" });
  }
  if (moving.length && before.archivedAt !== null && !restoring) throw refused(409, "conflict", "team_archived", { team: before.name });
  const at = core.now();
  const data = {
    ...(change.name !== undefined && change.name !== before.name ? { name: { before: before.name, after: change.name } } : {}),
    ...(archiving ? { archived: true } : {}),
    ...(restoring ? { archived: false } : {}),
    ...(moving.length ? { inboxesMoved: moving } : {}),
  };
  if (Object.keys(data).length === 0) return before;
  await core.writer.write([
    ...(data.name || archiving || restoring
      ? [core.db.update(teams).set({ ...(data.name ? { name: change.name } : {}), ...(archiving ? { archivedAt: at } : {}), ...(restoring ? { archivedAt: null } : {}) }).where(eq(teams.id, id))]
      : []),
    ...(moving.length ? [core.db.update(inboxes).set({ teamId: id }).where(inArray(inboxes.id, moving))] : []),
    eventInsert(core, { workspaceId: admin.workspaceId, type: "team.changed", actorKind: "agent", actorId: admin.id, data: { teamId: id, ...data }, at }),
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: archiving ? "team.archived" : restoring ? "team.restored" : "team.changed", target: id, data, at }),
  ]);
  return teamOf(core, admin.workspaceId, id);
}

async function refuseTakenName(core: PeopleDeps, workspaceId: string, name: string, self: string | null): Promise<void> {
  const same = (await core.db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.workspaceId, workspaceId))).find(
    (t) => t.id !== self && t.name.trim().toLowerCase() === name.trim().toLowerCase(),
  );
  if (same) throw new HttpError(409, "conflict", `There is already a team called ${same.name}.`, { reason: "team_name_taken" });
}
