import { and, eq, inArray } from "drizzle-orm";
import { BUILT_IN_PERMISSIONS, type Person, type UpdatePersonRequest } from "@inbox/shared";
import { assignConversation } from "../conversations/index.ts";
import type { AuditActor } from "../db/event-rows.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { conversations, sessions, teamMembers, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound, forbiddenBecause } from "../http/http-error.ts";
import { customRoleOf } from "./custom-roles.ts";
import { refuseEscalation } from "./grant-guard.ts";
import { CLOSE_UNAUTHENTICATED } from "../rooms/peer.ts";
import { afterCapacityFreed } from "../routing/index.ts";
import type { PeopleDeps } from "./people-deps.ts";
import { refuseForeignTeams } from "./team-guard.ts";
import { personOf } from "./people-list.ts";

/** Chats a person holds that someone must answer if they no longer can. */
const HELD = ["open", "pending", "snoozed"] as const;

async function existing(core: PeopleDeps, admin: SessionUser, id: string): Promise<Person> {
  const person = await personOf(core, admin.workspaceId, id);
  if (!person) throw notFound("person");
  return person;
}

/**
 * Changes someone's role, teams, capacity, languages or skills. It takes effect at once: every
 * request and socket reads the role and teams from the record (the socket guard closes rooms
 * they may no longer see); chats they hold in teams they leave go back to that team's queue.
 * An admin cannot demote themselves, so a workspace never loses its last way in.
 */
export async function updatePerson(core: PeopleDeps, admin: SessionUser, actor: AuditActor, id: string, requested: UpdatePersonRequest): Promise<Person> {
  const before = await existing(core, admin, id);
  // Only an admin changes an admin; a custom role's holder role is its base.
  if (before.role === "admin" && admin.role !== "admin") throw forbiddenBecause("admin_change_admins_only");
  const custom = requested.customRoleId ? await customRoleOf(core, admin.workspaceId, requested.customRoleId) : null;
  const change: UpdatePersonRequest = custom ? { ...requested, role: custom.base } : requested;
  if (change.role !== undefined || custom) refuseEscalation(admin, { role: change.role ?? before.role, ...(custom ? { permissions: custom.permissions } : {}) });
  const rolePart = change.role !== undefined || requested.customRoleId !== undefined;
  if (id === admin.id && rolePart) {
    // Nobody takes away their own way back to this screen, nor an admin their admin role.
    const next = custom ? custom.permissions : BUILT_IN_PERMISSIONS[change.role ?? before.role];
    if (!next.managePeople || (admin.role === "admin" && (change.role ?? before.role) !== "admin")) {
      throw new HttpError(409, "conflict", "You cannot take the admin role from yourself. Ask another admin.", { reason: "own_role" });
    }
  }
  if (change.teamIds) await refuseForeignTeams(core, admin.workspaceId, change.teamIds);
  const at = core.now();
  const fields = {
    ...(change.role !== undefined ? { role: change.role } : {}),
    // A built-in role chosen clears a custom one; a custom role sets its base as the role.
    ...(requested.customRoleId !== undefined ? { customRoleId: requested.customRoleId } : change.role !== undefined ? { customRoleId: null } : {}),
    ...(change.maxConcurrentChats !== undefined ? { maxConcurrentChats: change.maxConcurrentChats } : {}),
    ...(change.languages !== undefined ? { languages: change.languages } : {}),
    ...(change.skills !== undefined ? { skills: change.skills } : {}),
  };
  const diff = changed(before, { ...change, customRoleId: fields.customRoleId });
  if (Object.keys(diff.after).length === 0) return before;
  const statements = [
    ...(Object.keys(fields).length ? [core.db.update(users).set(fields).where(eq(users.id, id))] : []),
    ...(change.teamIds
      ? [
          core.db.delete(teamMembers).where(eq(teamMembers.userId, id)),
          ...(change.teamIds.length ? [core.db.insert(teamMembers).values([...new Set(change.teamIds)].map((teamId) => ({ teamId, userId: id })))] : []),
        ]
      : []),
    eventInsert(core, { workspaceId: admin.workspaceId, type: "user.changed", actorKind: "agent", actorId: admin.id, data: { userId: id, ...diff }, at }),
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: "user.changed", target: id, data: { email: before.email, ...diff }, at }),
  ];
  await core.writer.write(statements as Parameters<typeof core.writer.write>[0]);
  if ("role" in diff.after || "customRoleId" in diff.after || "teamIds" in diff.after) await core.narrowViewers.refresh();
  if (change.teamIds) {
    const left = before.teamIds.filter((t) => !change.teamIds!.includes(t));
    if (left.length) await returnChats(core, admin, id, `${before.name} left the team`, left);
  }
  if (change.maxConcurrentChats !== undefined && change.maxConcurrentChats > before.maxConcurrentChats) {
    for (const teamId of change.teamIds ?? before.teamIds) afterCapacityFreed(core, teamId);
  }
  return (await personOf(core, admin.workspaceId, id))!;
}

/**
 * Deactivates or reactivates someone. Deactivation ends their sessions (this server's sockets
 * close now, other servers' at their next access check), and every chat they held goes back to
 * its team's queue with the reason in its history, where routing offers it to someone else.
 */
export async function setActive(core: PeopleDeps, admin: SessionUser, actor: AuditActor, id: string, active: boolean): Promise<Person> {
  const before = await existing(core, admin, id);
  if (!active && id === admin.id) throw new HttpError(409, "conflict", "You cannot deactivate your own account. Ask another admin.", { reason: "own_account" });
  if ((before.deactivatedAt === null) === active) return before;
  const at = core.now();
  const type = active ? "user.reactivated" : "user.deactivated";
  const ended = active ? [] : await core.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, id));
  await core.writer.write([
    core.db.update(users).set({ deactivatedAt: active ? null : at }).where(eq(users.id, id)),
    ...(active ? [] : [core.db.delete(sessions).where(eq(sessions.userId, id))]),
    eventInsert(core, { workspaceId: admin.workspaceId, type, actorKind: "agent", actorId: admin.id, data: { userId: id }, at }),
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: type, target: id, data: { email: before.email, name: before.name, sessionsEnded: ended.length }, at }),
  ]);
  if (!active) {
    for (const s of ended) core.sockets.closeSession(s.tokenHash, CLOSE_UNAUTHENTICATED, "Your account was deactivated");
    await returnChats(core, admin, id, `${before.name} was deactivated`);
  }
  return (await personOf(core, admin.workspaceId, id))!;
}

/**
 * Puts a person's chats back in their teams' queues, each as an unassignment by the admin with
 * the reason (the history says why; the router hands them out). A chat someone else moved in
 * the meantime is left where it is.
 */
async function returnChats(core: PeopleDeps, admin: SessionUser, userId: string, reason: string, onlyTeams?: string[]): Promise<void> {
  const held = await core.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.assigneeId, userId), inArray(conversations.status, [...HELD]), onlyTeams ? inArray(conversations.teamId, onlyTeams) : undefined));
  for (const { id } of held) {
    try {
      await assignConversation(core, admin, id, null, { reason, expectedAssigneeId: userId });
    } catch (e) {
      if (!(e instanceof HttpError && e.status === 409)) throw e;
    }
  }
}


/** Before and after of what actually changed, for the history and the audit log. */
function changed(before: Person, change: UpdatePersonRequest & { customRoleId?: string | null | undefined }): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of ["role", "customRoleId", "teamIds", "maxConcurrentChats", "languages", "skills"] as const) {
    const next = change[key];
    if (next === undefined) continue;
    const prev = before[key];
    const same = Array.isArray(prev) && Array.isArray(next) ? [...prev].sort().join("\n") === [...next].sort().join("\n") : prev === next;
    if (same) continue;
    out.before[key] = prev;
    out.after[key] = next;
  }
  return out;
}
