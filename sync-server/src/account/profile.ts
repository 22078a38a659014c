import { eq } from "drizzle-orm";
import type { Profile, UpdateProfileRequest } from "@inbox/shared/api/account";
import { securityOf, twoFactorRequired } from "../auth/index.ts";
import { auditInsert, eventInsert, type AuditActor } from "../db/event-rows.ts";
import { users, workspaces } from "../db/schema.ts";
import type { Reads, Writes } from "../db/record.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound } from "../http/http-error.ts";
import { refuseBadAvatar } from "./avatar.ts";

export async function readProfile(core: Reads, user: SessionUser): Promise<Profile> {
  const row = await core.db.query.users.findFirst({ where: eq(users.id, user.id) });
  if (!row) throw notFound("account");
  const workspace = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, row.workspaceId), columns: { security: true } });
  return {
    name: row.name,
    email: row.email,
    avatar: row.avatar,
    notificationChoices: row.notificationPrefs ?? {},
    pushChoices: row.pushPrefs ?? {},
    twoFactorEnabled: row.totpEnabledAt !== null,
    twoFactorRequired: twoFactorRequired(securityOf(workspace?.security), row.role),
    recoveryCodesLeft: row.recoveryCodeHashes.length,
    passwordChangedAt: row.passwordChangedAt,
  };
}

/**
 * Name, picture, notification and push choices, each optional. A new name shows to colleagues (an
 * event, as an admin's change would be); every change is audited, the picture as "changed" only.
 */
export async function updateProfile(core: Writes, user: SessionUser, actor: AuditActor, req: UpdateProfileRequest): Promise<Profile> {
  const before = await readProfile(core, user);
  if (req.avatar) refuseBadAvatar(req.avatar);
  const set: Partial<typeof users.$inferInsert> = {};
  if (req.name !== undefined && req.name !== before.name) set.name = req.name;
  if (req.avatar !== undefined && req.avatar !== before.avatar) set.avatar = req.avatar;
  if (req.notificationChoices) set.notificationPrefs = { ...before.notificationChoices, ...req.notificationChoices };
  if (req.pushChoices) set.pushPrefs = { ...before.pushChoices, ...req.pushChoices };
  if (Object.keys(set).length === 0) return before;
  const at = core.now();
  await core.writer.write([
    core.db.update(users).set(set).where(eq(users.id, user.id)),
    ...(set.name ? [eventInsert(core, { workspaceId: user.workspaceId, type: "user.changed", actorKind: "agent", actorId: user.id, data: { userId: user.id, name: { from: before.name, to: set.name } }, at })] : []),
    auditInsert(core, {
      ...actor,
      workspaceId: user.workspaceId,
      action: "user.profile_changed",
      target: user.id,
      data: {
        ...(set.name ? { name: { before: before.name, after: set.name } } : {}),
        ...(set.avatar !== undefined ? { avatar: set.avatar ? "changed" : "removed" } : {}),
        ...(set.notificationPrefs ? { notificationChoices: { before: before.notificationChoices, after: set.notificationPrefs } } : {}),
        ...(set.pushPrefs ? { pushChoices: { before: before.pushChoices, after: set.pushPrefs } } : {}),
      },
      at,
    }),
  ]);
  return readProfile(core, user);
}
