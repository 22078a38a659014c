import { can, type PermissionHolder } from "../domain/permissions-policy.ts";

type Holder = PermissionHolder | null | undefined;

/* No zod here: the PWA's first screen uses these without loading the schemas (issue 17). */

/** Downloading a contact's archive: the "export data" permission. */
export function mayExportData(user: Holder): boolean {
  return can(user, "exportData");
}

/** Erasing a contact: the "delete contacts" permission. */
export function mayEraseContacts(user: Holder): boolean {
  return can(user, "deleteContacts");
}

/** Setting, trying and running the workspace's retention policy: an admin's (the role, not a permission). */
export function mayManageRetention(user: Holder): boolean {
  return user?.role === "admin";
}
