import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { AdminTeam, Invitation, InvitationStatus, Person } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { conversations, inboxes, invitations, teamMembers, teams, users } from "../db/schema.ts";

type InvitationRow = typeof invitations.$inferSelect;

/** Everyone in the workspace, deactivated people included (an admin reactivates them from here). */
export async function listPeople(core: Reads, workspaceId: string): Promise<Person[]> {
  const [rows, memberships, held] = await Promise.all([
    core.db.select().from(users).where(eq(users.workspaceId, workspaceId)).orderBy(users.name),
    core.db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(eq(teams.workspaceId, workspaceId)),
    // The load as routing counts it: open and pending chats held.
    core.db
      .select({ userId: conversations.assigneeId, n: sql<number>`count(*)` })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.status, ["open", "pending"])))
      .groupBy(conversations.assigneeId),
  ]);
  const loads = new Map(held.map((h) => [h.userId, Number(h.n)]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    customRoleId: r.customRoleId,
    teamIds: memberships.filter((m) => m.userId === r.id).map((m) => m.teamId),
    maxConcurrentChats: r.maxConcurrentChats,
    languages: r.languages,
    skills: r.skills,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    deactivatedAt: r.deactivatedAt,
    load: loads.get(r.id) ?? 0,
  }));
}

export async function personOf(core: Reads, workspaceId: string, id: string): Promise<Person | null> {
  return (await listPeople(core, workspaceId)).find((p) => p.id === id) ?? null;
}

export async function listTeams(core: Reads, workspaceId: string): Promise<AdminTeam[]> {
  const [rows, feeds, members] = await Promise.all([
    core.db.select().from(teams).where(eq(teams.workspaceId, workspaceId)).orderBy(teams.name),
    core.db.select({ id: inboxes.id, teamId: inboxes.teamId }).from(inboxes).where(eq(inboxes.workspaceId, workspaceId)),
    core.db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(eq(teams.workspaceId, workspaceId)),
  ]);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    archivedAt: t.archivedAt,
    inboxIds: feeds.filter((f) => f.teamId === t.id).map((f) => f.id),
    memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId),
  }));
}

export async function listInvitations(core: Reads & { now(): number }, workspaceId: string): Promise<Invitation[]> {
  const rows = await core.db.select().from(invitations).where(eq(invitations.workspaceId, workspaceId)).orderBy(desc(invitations.createdAt)).limit(200);
  const now = core.now();
  return rows.map((r) => toInvitation(r, now));
}

export function invitationStatus(r: InvitationRow, now: number): InvitationStatus {
  if (r.acceptedAt !== null) return "accepted";
  if (r.revokedAt !== null) return "revoked";
  return r.expiresAt <= now ? "expired" : "pending";
}

export function toInvitation(r: InvitationRow, now: number): Invitation {
  return { id: r.id, email: r.email, role: r.role, customRoleId: r.customRoleId, teamIds: r.teamIds, createdAt: r.createdAt, expiresAt: r.expiresAt, status: invitationStatus(r, now) };
}
