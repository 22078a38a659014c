import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Pings every 200 ms here (30 s in production) so the test needs no long waits; a silent socket
// lives about two intervals, long enough to be seen online first.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ socketPingMs: 200 });
});
afterAll(() => server.stop());

/** An agent's team-room socket; `answersPings: false` is a connection that died without closing. */
async function teamSocket(token: string, teamId: string, answersPings: boolean): Promise<{ ws: WebSocket; pings: () => number }> {
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/sync/team.${teamId}`, { autoPong: answersPings, headers: { authorization: `Bearer ${token}` } });
  let pings = 0;
  ws.on("ping", () => pings++);
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  return { ws, pings: () => pings };
}

describe("socket heartbeat (Node)", () => {
  it("closes a socket that stops answering pings and takes its agent offline, and keeps a live one", async () => {
    const ana = server.seed!.userIds.ana!;
    const bruno = server.seed!.userIds.bruno!;
    // Signing in is the slow part (password hashing): done before any socket opens, so the silent
    // socket is not already gone by the time the second one is counted.
    const [anaToken, brunoToken] = await Promise.all([server.login("ana@demo.inbox"), server.login("bruno@demo.inbox")]);
    const live = await teamSocket(brunoToken, server.seed!.teamIds.sales!, true);
    const silent = await teamSocket(anaToken, server.seed!.teamIds.support!, false);
    const closed = new Promise<number>((resolve) => silent.ws.once("close", (code) => resolve(code)));
    await waitFor("both counted online", () => server.core.router.presence.connectedHere(ana) && server.core.router.presence.connectedHere(bruno));

    expect(await closed).toBe(1006); // terminated, no closing handshake
    expect(silent.pings()).toBeGreaterThan(0);
    await waitFor("the silent agent released", () => !server.core.router.presence.connectedHere(ana));

    // The answering socket has been pinged several times since, and is still open and counted.
    const seen = live.pings();
    await waitFor("more pings answered", () => live.pings() >= seen + 3);
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    expect(server.core.router.presence.connectedHere(bruno)).toBe(true);
    live.ws.close();
  });
});
