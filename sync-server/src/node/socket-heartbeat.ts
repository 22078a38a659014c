import type { WebSocket, WebSocketServer } from "ws";

/**
 * Pings every socket of the servers each interval and terminates one that did not answer the
 * previous ping. Without it a half-dead connection (a laptop lid closed, a dropped Wi-Fi) stays
 * "open" for a long time, and its agent stays online for routing and keeps being offered chats.
 * Terminating runs the socket's close handler, which releases its room and presence.
 */
export function startSocketHeartbeat(servers: readonly WebSocketServer[], intervalMs: number): () => void {
  const answered = new WeakMap<WebSocket, boolean>();
  const timer = setInterval(() => {
    for (const server of servers) {
      for (const ws of server.clients) {
        const state = answered.get(ws);
        if (state === false) {
          ws.terminate();
          continue;
        }
        if (state === undefined) ws.on("pong", () => answered.set(ws, true));
        answered.set(ws, false);
        ws.ping();
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
