import { and, eq, isNull } from "drizzle-orm";
import { newId, type AcceptInvitationRequest, type Invitation, type InvitationLinkResponse, type InvitationPreview, type InviteRequest } from "@inbox/shared";
import { randomToken, refuseWeakPassword, sha256Hex } from "../auth/index.ts";
import type { AuditActor } from "../db/event-rows.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { customRoles, invitations, teamMembers, teams, users, workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound } from "../http/http-error.ts";
import { customRoleOf } from "./custom-roles.ts";
import { refuseEscalation } from "./grant-guard.ts";
import { emailInvitation, roleWords, type Emailing } from "./invitation-mail.ts";
import type { PeopleDeps } from "./people-deps.ts";
import { refuseForeignTeams } from "./team-guard.ts";
import { invitationStatus, toInvitation } from "./people-list.ts";

type InvitationRow = typeof invitations.$inferSelect;

/** How long an invitation link works. Resending makes a new link with a new expiry. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/**
 * The link the admin copies. The token travels in the fragment, so it never reaches a server's
 * access log or a Referer header; the invite page reads it and sends it in the request body.
 */
function linkOf(origin: string, token: string): string {
  return `${origin}/invite#${token}`;
}

/**
 * Invites someone by email with a role (built-in, or a custom role whose base becomes the role)
 * and teams; refused if the address already has an account. The invitation is stored first;
 * then, when the server has a mailer, it is emailed, and neither the wait nor a failure undoes it.
 */
export async function invite(core: PeopleDeps, admin: SessionUser, actor: AuditActor, origin: string, req: InviteRequest): Promise<InvitationLinkResponse> {
  const taken = await core.db.query.users.findFirst({ where: eq(users.email, req.email), columns: { id: true } });
  if (taken) throw new HttpError(409, "conflict", `There is already an account for ${req.email}.`, { reason: "email_taken" });
  await refuseForeignTeams(core, admin.workspaceId, req.teamIds);
  const custom = req.customRoleId ? await customRoleOf(core, admin.workspaceId, req.customRoleId) : null;
  const role = custom?.base ?? req.role;
  // One who manages people gives only what they hold, a custom role's permissions included.
  refuseEscalation(admin, { role, ...(custom ? { permissions: custom.permissions } : {}) });
  const token = randomToken();
  const at = core.now();
  const row = {
    id: newId(),
    workspaceId: admin.workspaceId,
    email: req.email,
    role,
    customRoleId: custom?.id ?? null,
    teamIds: [...new Set(req.teamIds)],
    tokenHash: await sha256Hex(token),
    invitedBy: admin.id,
    createdAt: at,
    expiresAt: at + INVITATION_TTL_MS,
    acceptedAt: null,
    revokedAt: null,
  };
  await core.writer.write([
    // A new invitation to the same address replaces a pending one: one working link per person.
    core.db.update(invitations).set({ revokedAt: at }).where(and(eq(invitations.workspaceId, admin.workspaceId), eq(invitations.email, req.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
    core.db.insert(invitations).values(row),
    eventInsert(core, { workspaceId: admin.workspaceId, type: "user.invited", actorKind: "agent", actorId: admin.id, data: { invitationId: row.id, role: row.role, customRoleId: row.customRoleId, teamIds: row.teamIds }, at }),
  ]);
  const link = linkOf(origin, token);
  const emailing = await sendInvitation(core, admin, row, link, custom?.name ?? null);
  // The audit entry follows the send so it can say whether the email went (the event above,
  // committed with the invitation, keeps it on record should the process stop mid-send).
  await core.writer.write([
    auditInsert(core, {
      ...actor,
      workspaceId: admin.workspaceId,
      action: "invitation.created",
      target: row.id,
      data: { email: row.email, role: row.role, customRoleId: row.customRoleId, teamIds: row.teamIds, expiresAt: row.expiresAt, ...emailedFields(emailing) },
      at,
    }),
  ]);
  return { invitation: toInvitation(row, at), link, ...emailing };
}

/** A new link for a pending or expired invitation (the old link stops working), emailed again when the server can. */
export async function resendInvitation(core: PeopleDeps, admin: SessionUser, actor: AuditActor, origin: string, id: string): Promise<InvitationLinkResponse> {
  const row = await ownInvitation(core, admin, id);
  const status = invitationStatus(row, core.now());
  if (status === "accepted") throw new HttpError(409, "conflict", `${row.email} already accepted this invitation.`, { reason: "invitation_used" });
  if (status === "revoked") throw new HttpError(409, "conflict", "This invitation was revoked. Invite the person again.", { reason: "invitation_revoked" });
  const token = randomToken();
  const at = core.now();
  const next = { ...row, tokenHash: await sha256Hex(token), expiresAt: at + INVITATION_TTL_MS };
  await core.writer.write([core.db.update(invitations).set({ tokenHash: next.tokenHash, expiresAt: next.expiresAt }).where(eq(invitations.id, id))]);
  const link = linkOf(origin, token);
  const emailing = await sendInvitation(core, admin, next, link, await customRoleName(core, row));
  // As for a new invitation: audited once the send says whether the email went.
  await core.writer.write([
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: "invitation.resent", target: id, data: { email: row.email, expiresAt: next.expiresAt, ...emailedFields(emailing) }, at }),
  ]);
  return { invitation: toInvitation(next, at), link, ...emailing };
}

/** The email, when the server has a mailer: the workspace's name, who invites, as what, until when. */
async function sendInvitation(core: PeopleDeps, admin: SessionUser, row: InvitationRow, link: string, customName: string | null): Promise<Emailing> {
  if (!core.mailer) return { emailed: false };
  const workspace = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, row.workspaceId), columns: { name: true } });
  return emailInvitation(core.mailer, {
    to: row.email,
    link,
    workspaceName: workspace?.name ?? "",
    inviterName: admin.name,
    roleName: customName ?? roleWords(row.role),
    expiresAt: row.expiresAt,
  });
}

/** Whether it was emailed, and why not, as the audit entry keeps it: never the link. */
function emailedFields(e: Emailing): Record<string, unknown> {
  return { emailed: e.emailed, ...(e.emailReason ? { emailError: e.emailReason } : {}) };
}

/** The custom role an invitation gives, by name (null: a built-in role, or the role was deleted since). */
async function customRoleName(core: PeopleDeps, row: InvitationRow): Promise<string | null> {
  if (!row.customRoleId) return null;
  const found = await core.db.query.customRoles.findFirst({ where: and(eq(customRoles.id, row.customRoleId), eq(customRoles.workspaceId, row.workspaceId)), columns: { name: true } });
  return found?.name ?? null;
}

export async function revokeInvitation(core: PeopleDeps, admin: SessionUser, actor: AuditActor, id: string): Promise<Invitation> {
  const row = await ownInvitation(core, admin, id);
  const at = core.now();
  if (invitationStatus(row, at) === "accepted") throw new HttpError(409, "conflict", `${row.email} already accepted this invitation; deactivate the account instead.`, { reason: "invitation_used" });
  if (row.revokedAt !== null) return toInvitation(row, at);
  await core.writer.write([
    core.db.update(invitations).set({ revokedAt: at }).where(eq(invitations.id, id)),
    auditInsert(core, { ...actor, workspaceId: admin.workspaceId, action: "invitation.revoked", target: id, data: { email: row.email }, at }),
  ]);
  return toInvitation({ ...row, revokedAt: at }, at);
}

/** What the invite page shows before the invitee sets their name and password. */
export async function previewInvitation(core: PeopleDeps, token: string): Promise<InvitationPreview> {
  const row = await usable(core, token);
  const workspace = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, row.workspaceId), columns: { name: true } });
  return { email: row.email, workspaceName: workspace?.name ?? "", role: row.role, customRoleName: await customRoleName(core, row), expiresAt: row.expiresAt };
}

/**
 * Creates the account the invitation describes. The invitation is marked used in the same
 * transaction, guarded on it still being open, so a link clicked twice makes one account.
 * The caller signs the new person in.
 */
export async function acceptInvitation(core: PeopleDeps, actor: Omit<AuditActor, "actorId">, token: string, req: AcceptInvitationRequest): Promise<{ email: string }> {
  const row = await usable(core, token);
  refuseWeakPassword(req.password, { email: row.email, name: req.name });
  const taken = await core.db.query.users.findFirst({ where: eq(users.email, row.email), columns: { id: true } });
  if (taken) throw new HttpError(409, "conflict", `There is already an account for ${row.email}. Sign in instead.`, { reason: "email_taken" });
  const live = await core.db.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, row.workspaceId), isNull(teams.archivedAt)));
  const teamIds = row.teamIds.filter((t) => live.some((l) => l.id === t));
  // The custom role the invitation gives, if it still exists (deleting a role clears it from
  // invitations too, and its base is the invitation's role, as for the role's holders).
  const custom = row.customRoleId
    ? await core.db.query.customRoles.findFirst({ where: and(eq(customRoles.id, row.customRoleId), eq(customRoles.workspaceId, row.workspaceId)), columns: { id: true, base: true } })
    : undefined;
  const role = custom?.base ?? row.role;
  const customRoleId = custom?.id ?? null;
  const userId = newId();
  const at = core.now();
  const passwordHash = await core.passwords.hash(req.password);
  const [claimed] = await core.writer.write([
    core.db.update(invitations).set({ acceptedAt: at }).where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))).returning({ id: invitations.id }),
  ]);
  if ((claimed as unknown[]).length === 0) throw new HttpError(410, "not_found", "This invitation link is no longer valid. Ask your admin for a new one.", { reason: "invitation_gone" });
  await core.writer.write([
    core.db.insert(users).values({ id: userId, workspaceId: row.workspaceId, email: row.email, name: req.name, role, customRoleId, passwordHash, createdAt: at }),
    ...(teamIds.length ? [core.db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId })))] : []),
    eventInsert(core, { workspaceId: row.workspaceId, type: "user.joined", actorKind: "agent", actorId: userId, data: { invitationId: row.id, role, customRoleId, teamIds }, at }),
    auditInsert(core, { ...actor, actorId: userId, actorName: req.name, workspaceId: row.workspaceId, action: "invitation.accepted", target: userId, data: { email: row.email, role, customRoleId, teamIds, invitationId: row.id }, at }),
  ]);
  // A custom role may see only part of its teams' chats: their list room must be written from now on.
  if (customRoleId) await core.narrowViewers.refresh();
  return { email: row.email };
}

async function usable(core: PeopleDeps, token: string) {
  const row = await core.db.query.invitations.findFirst({ where: eq(invitations.tokenHash, await sha256Hex(token)) });
  if (!row || invitationStatus(row, core.now()) !== "pending") {
    throw new HttpError(410, "not_found", "This invitation link is no longer valid: it was used, revoked or has expired. Ask your admin for a new one.", { reason: "invitation_gone" });
  }
  return row;
}

async function ownInvitation(core: PeopleDeps, admin: SessionUser, id: string) {
  const row = await core.db.query.invitations.findFirst({ where: and(eq(invitations.id, id), eq(invitations.workspaceId, admin.workspaceId)) });
  if (!row) throw notFound("invitation");
  return row;
}
