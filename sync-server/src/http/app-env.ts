import type { PermissionFlag, Role, User } from "@inbox/shared";

/** The signed-in caller, resolved once per request by the session middleware. */
export interface SessionUser extends User {
  sessionTokenHash: string;
  /**
   * The workspace requires two-factor sign-in of this user and they have not set it up: the
   * session may only enrol (http/two-factor-gate.ts). Server-side only, never sent as is.
   */
  mustEnrolTwoFactor?: boolean;
  /** When the session was last stamped as used (auth/session-middleware.ts). */
  sessionLastUsedAt?: number;
}

export type AppEnv = {
  Variables: {
    user: SessionUser | null;
    /** The caller's address, resolved once per request (http/client-ip.ts). */
    clientIp: string | null;
  };
};

/**
 * Who may call a route: anyone, anyone signed in, holders of these roles (a custom role counts
 * as its base), or holders of a permission (built-in or custom: shared/domain/permissions.ts).
 */
export type Access = "public" | "user" | readonly Role[] | { permission: PermissionFlag };
