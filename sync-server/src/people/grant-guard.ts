import { BUILT_IN_PERMISSIONS, CONVERSATION_SCOPES, PERMISSION_FLAGS, permissionsOf, type Permissions, type Role } from "@inbox/shared";
import type { SessionUser } from "../http/app-env.ts";
import { forbiddenBecause } from "../http/http-error.ts";

/** Wider scopes come first in CONVERSATION_SCOPES. */
const breadth = (scope: Permissions["conversations"]) => CONVERSATION_SCOPES.length - CONVERSATION_SCOPES.indexOf(scope);

/**
 * Someone who manages people without being an admin (a custom role with that permission) gives
 * only what they hold themselves: never the admin role, no permission they lack, no wider view
 * of conversations. Otherwise "manage people" would be a way to make oneself an admin.
 */
export function refuseEscalation(actor: SessionUser, grant: { role: Role; permissions?: Permissions }): void {
  if (actor.role === "admin" && permissionsOf(actor).managePeople) return;
  const mine = permissionsOf(actor);
  const given = grant.permissions ?? BUILT_IN_PERMISSIONS[grant.role];
  if (grant.role === "admin") throw forbiddenBecause("admin_grant_admins_only");
  const beyond = PERMISSION_FLAGS.filter((f) => given[f] && !mine[f]);
  if (beyond.length > 0 || breadth(given.conversations) > breadth(mine.conversations)) {
    throw forbiddenBecause("grant_own_permissions_only");
  }
}
