import type { Role, User } from "@inbox/shared";
import type { Visitor } from "../widget/widget-sessions.ts";

/** The signed-in caller, resolved once per request by the session middleware. */
export interface SessionUser extends User {
  sessionTokenHash: string;
}

export type AppEnv = {
  Variables: {
    user: SessionUser | null;
    /** Set on sockets once authorised, before the upgrade. */
    visitor: Visitor;
    room: { name: string; writable: boolean };
  };
};

export type Access = "public" | "user" | readonly Role[];
