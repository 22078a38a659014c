/**
 * One live Yjs room over y-websocket, with its connection state as Solid signals. By default
 * the room is destroyed with the reactive owner that opened it (a component, a memo, a mapArray
 * row), so closing a conversation or signing out never leaves a socket behind.
 */
import { parseRoomName } from "@inbox/shared";
import { createSignal, getOwner, onCleanup, type Accessor } from "solid-js";
import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { RoomStatus } from "./connection.ts";
import { syncServerUrl } from "./sync-url.ts";
import { reportAccessChanged, reportUnauthenticated } from "../api/http.ts";

/** The server closes a room the user may not see with this code (docs/API-CONTRACT.md). */
export const FORBIDDEN_CLOSE_CODE = 4403;
/** The server closes every room of a session that ended (signed out elsewhere, expired, deactivated). */
export const UNAUTHENTICATED_CLOSE_CODE = 4401;
/** The server started a room it writes whole (a board) over with a fresh document: open it again with an empty one. */
export const RENEWED_CLOSE_CODE = 4409;

export interface Room {
  name: string;
  doc: Y.Doc;
  status: Accessor<RoomStatus>;
  /** True once the first full state arrived from the server. */
  synced: Accessor<boolean>;
  /** Who else is here and what they are doing (presence); cleared when the socket closes. */
  awareness: Awareness;
  destroy(): void;
}

export interface RoomOptions {
  /** A document to sync (e.g. one y-indexeddb also persists); a fresh one otherwise. */
  doc?: Y.Doc;
  /**
   * Relay the room to this browser's other tabs. Off for server-authored rooms (every tab takes
   * their state from the server); on for writable work rooms, so tabs merge even offline.
   */
  crossTab?: boolean;
  /** Destroy with the current reactive owner (default). Off for rooms managed by hand. */
  owned?: boolean;
  /** The server started the room over (RENEWED_CLOSE_CODE): the owner opens a new one. */
  onRenewed?: () => void;
  /**
   * Back online, a room with no socket opens one only once this resolves. A team list's first
   * state after a reload is the whole list (megabytes for thousands of chats, the page's main
   * thread busy applying it): it waits while the outbox sends what was done offline.
   */
  reconnectAfter?: () => Promise<void>;
}

export function openRoom(name: string, opts: RoomOptions = {}): Room {
  const doc = opts.doc ?? new Y.Doc();
  // Offline (the browser says so: the same state and events the app's browserOnline follows) a
  // new socket can only fail, and each try is an error in the console: the room waits for "online".
  const startOnline = navigator.onLine;
  const provider = new WebsocketProvider(syncServerUrl(location), name, doc, {
    disableBc: !opts.crossTab,
    maxBackoffTime: 10_000,
    connect: startOnline,
  });
  let destroyed = false;
  // Other tabs of this browser are reachable offline (a no-op for rooms without crossTab).
  if (!startOnline) provider.connectBc();
  // Only work rooms take a client's edits (shared/src/protocol/rooms.ts). Elsewhere the
  // provider's listener would only skip the updates it applied itself, yet while any 'update'
  // listener is attached Yjs encodes every transaction for it: on a busy board or team list,
  // that is an encoding per server update for nothing.
  if (parseRoomName(name)?.kind !== "work") doc.off("update", provider._updateHandler);
  const [status, setStatus] = createSignal<RoomStatus>(startOnline ? "connecting" : "disconnected");
  const [synced, setSynced] = createSignal(false);
  provider.on("status", ({ status: s }) => {
    setStatus((prev) => (prev === "forbidden" ? prev : s));
  });
  provider.on("sync", (isSynced) => {
    if (isSynced) setSynced(true);
  });
  // y-websocket stops reconnecting on 44xx codes and reports them here. The server closes a
  // room the user lost access to (removed from the team, role changed) and, when the session
  // ended, every room: then the app drops to the sign-in screen as a 401 would.
  provider.on("closed", ({ code }) => {
    if (code === RENEWED_CLOSE_CODE && opts.onRenewed) return opts.onRenewed();
    if (code >= 4400 && code < 4500) setStatus("forbidden");
    if (code === UNAUTHENTICATED_CLOSE_CODE) reportUnauthenticated();
    // Lost access while signed in: read who we are again, so the rooms follow a new role or teams.
    if (code === FORBIDDEN_CLOSE_CODE) reportAccessChanged();
  });

  // Back online: reconnect now (or after `reconnectAfter`) rather than when the backoff (up to 10 s) runs out.
  const reconnect = () => {
    if (destroyed || status() === "forbidden" || !navigator.onLine) return;
    provider.shouldConnect = true;
    if (provider.wsconnected || provider.ws !== null) return;
    provider.wsUnsuccessfulReconnects = 0;
    provider.connect();
  };
  const onOnline = () => {
    if (!opts.reconnectAfter || status() === "forbidden" || provider.wsconnected || provider.ws !== null) return reconnect();
    // Connecting, as far as the header is concerned: it says "Syncing", not "Offline", meanwhile.
    setStatus("connecting");
    void opts.reconnectAfter().catch(() => undefined).then(reconnect);
  };
  window.addEventListener("online", onOnline);
  // Gone offline: no new socket until "online". The open one is left alone: after a short drop it
  // may still work (no resync then), and if it is dead the provider's 30 s watchdog closes it.
  const onOffline = () => {
    if (status() !== "forbidden") provider.shouldConnect = false;
  };
  window.addEventListener("offline", onOffline);

  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
    provider.destroy();
    if (!opts.doc) doc.destroy();
  };
  if (opts.owned !== false && getOwner()) onCleanup(destroy);
  return { name, doc, status, synced, awareness: provider.awareness, destroy };
}
