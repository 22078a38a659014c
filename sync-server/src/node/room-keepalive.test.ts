import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { MESSAGE_AWARENESS } from "../rooms/y-messages.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  // A short period so the test sees several keep-alives; the default is 10 s.
  server = await startTestServer({ roomKeepAliveMs: 50 });
});
afterAll(() => server.stop());

describe("quiet rooms on Node", () => {
  it("send their sockets a no-op awareness frame, so a stock client (30 s without a message: reconnect) never drops them", async () => {
    const token = await server.login("ana@demo.inbox");
    const teamId = server.seed!.teamIds.support!;
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/sync/team.${teamId}`, { headers: { authorization: `Bearer ${token}` } });
    const awarenessFrames: Uint8Array[] = [];
    ws.on("message", (data: Buffer) => {
      const frame = new Uint8Array(data);
      if (decoding.readVarUint(decoding.createDecoder(frame)) === MESSAGE_AWARENESS) awarenessFrames.push(frame);
    });
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    // Nobody writes into the room; frames keep coming anyway.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (awarenessFrames.length >= 3) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});
