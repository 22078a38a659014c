import type { Context } from "hono";
import type { AppEnv } from "./app-env.ts";
import { HttpError } from "./http-error.ts";

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
