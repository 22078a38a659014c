import type { IncomingMessage } from "node:http";
import { WebSocketServer } from "ws";
import { MAX_SYNC_MESSAGE_BYTES } from "../sync/index.ts";
import { MAX_WIDGET_FRAME_BYTES } from "../widget/index.ts";

/**
 * Node's WebSocket servers, one per frame limit. `ws` refuses a frame larger than its server's
 * `maxPayload` as soon as the frame's header says so (close 1009), so a 40 MB frame is never
 * buffered. @hono/node-ws upgrades every socket through its own server (100 MiB by default);
 * its upgrades are handed to these instead, by path: widget sockets get the small limit, sync
 * sockets theirs. Returns the servers that hold the sockets (for the heartbeat and shutdown).
 */
export function frameLimitedServers(upgrader: WebSocketServer): WebSocketServer[] {
  const widget = new WebSocketServer({ noServer: true, maxPayload: MAX_WIDGET_FRAME_BYTES });
  const sync = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_MESSAGE_BYTES });
  upgrader.handleUpgrade = (req, socket, head, done) => (isWidgetSocket(req) ? widget : sync).handleUpgrade(req, socket, head, done);
  return [sync, widget];
}

function isWidgetSocket(req: IncomingMessage): boolean {
  return new URL(req.url ?? "/", "http://localhost").pathname.startsWith("/api/widget/");
}
