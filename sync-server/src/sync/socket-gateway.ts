import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import type { Visitor } from "../widget/widget-sessions.ts";

/** A sync socket the shared route has authorised: which room, whether the user may write, who. */
export interface RoomSocketRequest {
  room: string;
  writable: boolean;
  user: { id: string; name: string };
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
 * receives `WidgetPush` frames for `visitor.contactId` (first `{type:"ready"}`) and hands each
 * incoming text frame to `handleVisitorFrame(core, visitor, …)`.
 */
export interface WidgetSocketGateway {
  handle(c: Context<AppEnv>, visitor: Visitor): Response | Promise<Response>;
}

/** A single sync message larger than this is refused (close 1009): no legitimate edit comes close. */
export const MAX_SYNC_MESSAGE_BYTES = 2 * 1024 * 1024;

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
