import { DEFAULT_WORKSPACE_SECURITY, WorkspaceSecuritySchema, type WorkspaceSecurity } from "@inbox/shared/api/account";
import type { Role } from "@inbox/shared";

/** A workspace's security settings as stored (null or malformed: the defaults). */
export function securityOf(stored: unknown): WorkspaceSecurity {
  const parsed = WorkspaceSecuritySchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_WORKSPACE_SECURITY;
}

/** Whether the workspace requires two-factor sign-in of someone with this role. */
export function twoFactorRequired(security: WorkspaceSecurity, role: Role): boolean {
  return security.require2fa === "everyone" || (security.require2fa === "admins" && role === "admin");
}

/** Required and not set up: the session may only enrol (http/two-factor-gate.ts). */
export function mustEnrol(security: WorkspaceSecurity, user: { role: Role; totpEnabledAt: number | null }): boolean {
  return user.totpEnabledAt === null && twoFactorRequired(security, user.role);
}

/** How long a new session lasts: the admin's setting, else the server's. */
export function sessionLifetimeMs(security: WorkspaceSecurity, serverDefaultMs: number): number {
  return security.sessionHours !== null ? security.sessionHours * 3600_000 : serverDefaultMs;
}
