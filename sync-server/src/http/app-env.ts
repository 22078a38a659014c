import type { Role, User } from "@inbox/shared";

/** The signed-in caller, resolved once per request by the session middleware. */
export interface SessionUser extends User {
  sessionTokenHash: string;
}

export type AppEnv = {
  Variables: {
    user: SessionUser | null;
    /** The caller's address, resolved once per request (http/client-ip.ts). */
    clientIp: string | null;
  };
};

export type Access = "public" | "user" | readonly Role[];
