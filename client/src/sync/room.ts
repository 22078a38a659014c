/**
 * One live Yjs room over y-websocket, with its connection state as Solid signals. The room is
 * destroyed with the reactive owner that opened it (a component, a memo, a mapArray row), so
 * closing a conversation or signing out never leaves a socket behind.
 */
import { createSignal, getOwner, onCleanup, type Accessor } from "solid-js";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { RoomStatus } from "./connection.ts";
import { syncServerUrl } from "./sync-url.ts";

/** The server closes a room the user may not see with this code (docs/API-CONTRACT.md). */
export const FORBIDDEN_CLOSE_CODE = 4403;

export interface Room {
  name: string;
  doc: Y.Doc;
  status: Accessor<RoomStatus>;
  /** True once the first full state arrived from the server. */
  synced: Accessor<boolean>;
  destroy(): void;
}

export function openRoom(name: string): Room {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncServerUrl(location), name, doc, {
    // Rooms are server-authored and read-only here: every tab takes its state from the server,
    // and no tab relays a room to another over BroadcastChannel.
    disableBc: true,
    maxBackoffTime: 10_000,
  });
  const [status, setStatus] = createSignal<RoomStatus>("connecting");
  const [synced, setSynced] = createSignal(false);

  provider.on("status", ({ status: s }) => {
    setStatus((prev) => (prev === "forbidden" ? prev : s));
  });
  provider.on("sync", (isSynced) => {
    if (isSynced) setSynced(true);
  });
  // y-websocket stops reconnecting on 44xx codes and reports them here.
  provider.on("closed", ({ code }) => {
    if (code === FORBIDDEN_CLOSE_CODE) setStatus("forbidden");
  });

  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    provider.destroy();
    doc.destroy();
  };
  if (getOwner()) onCleanup(destroy);
  return { name, doc, status, synced, destroy };
}
