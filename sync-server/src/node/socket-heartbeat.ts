import type { WebSocket, WebSocketServer } from "ws";

/**
 * Pings every socket of the server each interval and terminates one that did not answer the
 * previous ping. Without it a half-dead connection (a laptop lid closed, a dropped Wi-Fi) stays
 * "open" for a long time, and its agent stays online for routing and keeps being offered chats.
 * Terminating runs the socket's close handler, which releases its room and presence.
 */
export function startSocketHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const answered = new WeakMap<WebSocket, boolean>();
  const track = (ws: WebSocket) => {
    answered.set(ws, true);
    ws.on("pong", () => answered.set(ws, true));
  };
  wss.on("connection", track);
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (answered.get(ws) === false) {
        ws.terminate();
        continue;
      }
      answered.set(ws, false);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    wss.off("connection", track);
  };
}
