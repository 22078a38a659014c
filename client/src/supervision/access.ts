import { can, type PermissionHolder } from "@inbox/shared";

/** Who gets the Supervision screen: those who supervise (supervisors for the teams they lead, admins, custom roles with it). */
export function canSupervise(user: PermissionHolder | null | undefined): boolean {
  return can(user, "supervise");
}
