import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import { decodeMessage, encodeUpdate } from "../src/rooms/y-messages.ts";

// Baseline: the least a Yjs relay can do (apply the update to one doc, forward it to every
// other socket), with no auth, no database and no Hono. Our delivery is reported against it.
const doc = new Y.Doc();
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
const sockets = new Set<WebSocket>();
doc.on("update", (update: Uint8Array, origin: unknown) => {
  const frame = encodeUpdate(update);
  for (const s of sockets) if (s !== origin) s.send(frame);
});
wss.on("connection", (ws) => {
  sockets.add(ws);
  ws.on("message", (data: Buffer) => {
    const msg = decodeMessage(new Uint8Array(data));
    if (msg.type === "sync-update") Y.applyUpdate(doc, msg.update, ws);
  });
  ws.on("close", () => sockets.delete(ws));
});
wss.on("listening", () => {
  const addr = wss.address() as { port: number };
  console.log(JSON.stringify({ url: `ws://127.0.0.1:${addr.port}` }));
});
process.on("SIGTERM", () => process.exit(0));
