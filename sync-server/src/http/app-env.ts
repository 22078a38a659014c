import type { PermissionFlag, Role, User } from "@inbox/shared";
import type { Context } from "hono";

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

/**
 * A runtime's own stream of a request's body (Node: the IncomingMessage), or null where it has
 * none (a request handed to app.fetch in-process, a Worker). On Node, reading the WHATWG body
 * makes the adapter build a full Request and a web stream around the socket's stream first:
 * measured at about a sixth of a signed webhook's whole cost (bench: ingest).
 */
export type BodyStream = (c: Context<AppEnv>) => AsyncIterable<Uint8Array> | null;

export type AppEnv = {
  Variables: {
    user: SessionUser | null;
    /** The caller's address, resolved once per request (http/client-ip.ts). */
    clientIp: string | null;
    /** The runtime's own reading of the request's body, where it has one (http/read-body.ts). */
    bodyStream?: BodyStream;
  };
};

/**
 * Who may call a route: anyone, anyone signed in, holders of these roles (a custom role counts
 * as its base), or holders of a permission (built-in or custom: shared/domain/permissions.ts).
 */
export type Access = "public" | "user" | readonly Role[] | { permission: PermissionFlag };
