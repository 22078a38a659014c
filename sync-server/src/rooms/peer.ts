import type { Permissions, Role } from "@inbox/shared";

/** The signed-in user on the other end of a socket, as rooms need them (kept current by the socket guard). */
export interface PeerUser {
  id: string;
  name: string;
  role: Role;
  /** A custom role's permissions (absent: the built-in role's). */
  permissions?: Permissions | undefined;
}

/** One connected socket, as the core sees it: runtime adapters wrap their WebSocket in this. */
export interface Peer {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Who is on the other end, so changes they make to shared documents are attributed to them. */
  user?: PeerUser;
}

export function isPeer(origin: unknown): origin is Peer & { user: PeerUser } {
  return typeof origin === "object" && origin !== null && "send" in origin && "user" in origin && !!(origin as Peer).user;
}

/** Close codes in the 4000 range the client can act on (y-websocket stops reconnecting on 44xx). */
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_NOT_FOUND = 4404;
/** A change the room refuses outright (too large, or of a shape no client makes). */
export const CLOSE_CHANGE_REFUSED = 4413;
/** The room started over with a fresh document (room.ts `renew`): reopen it with an empty one. */
export const CLOSE_RENEWED = 4409;
/** More sockets than one session (or visitor) may hold. */
export const CLOSE_TOO_MANY = 4429;
