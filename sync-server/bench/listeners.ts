import WebSocket from "ws";

// The agents an update fans out to, in their own process as on their own machines: a hundred
// sockets receiving every frame in the bench's process delayed its board client behind them,
// which the bare relay's baseline (its board client first in line) never was.
// LISTENERS: JSON [{ url, token? }]; prints one JSON line once every socket is open.
const targets = JSON.parse(process.env.LISTENERS ?? "[]") as { url: string; token?: string }[];
const sockets = await Promise.all(
  targets.map(
    ({ url, token }) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
        ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      }),
  ),
);
let frames = 0;
for (const ws of sockets) ws.on("message", () => void frames++);
console.log(JSON.stringify({ open: sockets.length }));
process.on("SIGTERM", () => {
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
