import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import type { Visitor } from "../widget/widget-sessions.ts";
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
 * Turns an authorised `/api/widget/<inboxId>/live` request into the visitor's live socket: it
 * receives `WidgetPush` frames for `visitor.visitorId` (first `{type:"ready"}`) and hands each
 * incoming text frame to `handleVisitorFrame(core, visitor, …)`. At most
 * `core.widgetLimits.socketsPerVisitor` per visitor (429 before the upgrade).
 */
export interface WidgetSocketGateway {
  handle(c: Context<AppEnv>, visitor: Visitor): Response | Promise<Response>;
}

/**
 * The largest frame a sync socket accepts, enforced by the transport (Node: `ws` maxPayload, so a
 * larger frame is never buffered; Workers: checked before anything is parsed, under the
 * platform's own 32 MiB cap). Clients send keystrokes, presence and the odd offline catch-up.
 */
export const MAX_SYNC_MESSAGE_BYTES = 512 * 1024;

/** The largest frame a widget socket accepts (a 4,096-character message is at most ~16 KB). */
export const MAX_WIDGET_FRAME_BYTES = 32 * 1024;

/** A binary WebSocket message as bytes; null for text (the y-websocket protocol is binary only). */
export function socketBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** What a plain HTTP request to a socket address gets, on every runtime. */
export function notAWebSocket(): HttpError {
  return new HttpError(426, "bad_request", "This address takes a WebSocket connection.");
}

/** Checked by the shared routes once authorised, before any runtime's gateway is asked. */
export function requireWebSocketUpgrade(c: Context<AppEnv>): void {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw notAWebSocket();
}
