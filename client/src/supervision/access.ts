import type { Role } from "@inbox/shared";

/** Who gets the Supervision screen: supervisors (for the teams they lead) and admins. */
export function canSupervise(role: Role | undefined): boolean {
  return role === "admin" || role === "supervisor";
}
