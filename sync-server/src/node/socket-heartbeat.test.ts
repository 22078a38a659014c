import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Pings every 50 ms here (30 s in production) so the test needs no long waits.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ socketPingMs: 50 });
});
afterAll(() => server.stop());

/** An agent's team-room socket; `answersPings: false` is a connection that died without closing. */
async function teamSocket(email: string, teamId: string, answersPings: boolean): Promise<{ ws: WebSocket; pings: () => number }> {
  const token = await server.login(email);
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/sync/team.${teamId}?token=${token}`, { autoPong: answersPings });
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
    const silent = await teamSocket("ana@demo.inbox", server.seed!.teamIds.support!, false);
    const live = await teamSocket("bruno@demo.inbox", server.seed!.teamIds.sales!, true);
    await waitFor("both counted online", () => server.core.router.presence.connectedHere(ana) && server.core.router.presence.connectedHere(bruno));

    const closed = new Promise<number>((resolve) => silent.ws.once("close", (code) => resolve(code)));
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
