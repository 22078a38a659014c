/**
 * A permission set in words: the built-in role a custom role is based on, which conversations
 * its holders see, and its switched-on permissions as a short list (the table) or one label each
 * (the editor's checkboxes). Plain text: the role's name is typed by people and rendered as text.
 */
import { PERMISSION_FLAGS, type ConversationScope, type PermissionFlag, type Permissions, type Role } from "@inbox/shared";
import type { CustomRole } from "@inbox/shared/api/roles";
import { t } from "./messages.ts";

export function baseWords(role: Role): string {
  return t(`role_${role}`);
}

export function scopeWords(scope: ConversationScope): string {
  return t(`scope_${scope}`);
}

export function permissionLabel(flag: PermissionFlag): string {
  return t(`perm_${flag}`);
}

/** The switched-on permissions, in the editor's order, or "None". */
export function permissionsList(p: Permissions): string {
  const on = PERMISSION_FLAGS.filter((f) => p[f]).map((f) => t(`short_${f}`));
  return on.length > 0 ? on.join(", ") : t("noPermissions");
}

/**
 * What a person's role is called: their custom role's name, or the built-in role's (also when the
 * custom role is not known here, e.g. the roles could not be read: `role` is then its base).
 */
export function personRoleName(person: { role: Role; customRoleId: string | null }, roles: readonly CustomRole[] | undefined): string {
  const custom = person.customRoleId ? roles?.find((r) => r.id === person.customRoleId) : undefined;
  return custom?.name ?? baseWords(person.role);
}
