import type { PeerUser } from "../rooms/peer.ts";

/**
 * What the Worker tells a Durable Object about a socket it has already authorised. Only the
 * Worker can reach the objects (they have no public route), so this is trusted as given.
 */
export interface SocketGrant {
  room: string;
  writable: boolean;
  /** The signed-in agent (room sockets); absent for a visitor's widget socket. */
  user?: PeerUser;
  /** The agent's session, checked again on the room object's alarm (absent on sockets of older deploys). */
  sessionTokenHash?: string;
}

export const ROOM_HEADER = "x-inbox-room";
const GRANT_HEADER = "x-inbox-grant";

/** The internal request that hands an upgrade to the room's object. */
export function socketRequest(original: Request, room: string, grant: unknown): Request {
  const headers = new Headers(original.headers);
  headers.set(ROOM_HEADER, room);
  // Header values are bytes: names with accents travel percent-encoded.
  headers.set(GRANT_HEADER, encodeURIComponent(JSON.stringify(grant)));
  return new Request("https://room.internal/socket", { method: "GET", headers });
}

export function readSocketGrant<T = SocketGrant>(request: Request): T | null {
  const raw = request.headers.get(GRANT_HEADER);
  if (!raw) return null;
  try {
    return JSON.parse(decodeURIComponent(raw)) as T;
  } catch {
    return null;
  }
}

/** The Worker tells a board's `RoomObject` that its team changed (no body: the object reads the record). */
export const BOARD_CHANGED_PATH = "/board-changed";

/** An internal JSON POST to an object, naming the room it is for. */
export function opsRequest(room: string, path: string, body: unknown): Request {
  return new Request(`https://room.internal${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", [ROOM_HEADER]: room },
    body: JSON.stringify(body),
  });
}
