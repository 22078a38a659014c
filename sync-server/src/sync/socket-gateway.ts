import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import type { PeerUser } from "../rooms/peer.ts";

/** A sync socket the shared route has authorised: which room, whether the user may write, who. */
export interface RoomSocketRequest {
  room: string;
  writable: boolean;
  user: PeerUser;
  /** The session it was opened with: the socket guard checks it again while the socket is open. */
  sessionTokenHash: string;
}

/**
 * Turns an authorised `/sync/<room>` request into a live y-websocket connection to that room
 * (Node: this process's RoomRegistry; Workers: the room's Durable Object). All authorisation is
 * done before `handle` is called; a request that is not a WebSocket upgrade gets a 426.
 */
export interface RoomSocketGateway {
  handle(c: Context<AppEnv>, request: RoomSocketRequest): Response | Promise<Response>;
}

/**
 * The largest frame a sync socket accepts, enforced by the transport (Node: `ws` maxPayload, so a
 * larger frame is never buffered; Workers: checked before anything is parsed, under the
 * platform's own 32 MiB cap). Clients send keystrokes, presence and the odd offline catch-up.
 */
export const MAX_SYNC_MESSAGE_BYTES = 512 * 1024;
