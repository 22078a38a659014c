import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { eq } from "drizzle-orm";
import { users } from "../db/schema.ts";
import { agentSocket, openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { RoutingFixtures } from "./routing-fixtures.ts";

// Two server instances on one libSQL file. Agents are online only through live sockets (their
// user room); the grace is the default 90 s, passed by moving both servers' clocks. The
// schedulers' background passes are stopped so each step runs when the test says. The database
// is shared by both tests, so outcomes are read per chat, not from the passes' counts.
let one: TestServer;
let two: TestServer;
const f = new RoutingFixtures(() => one);
const GRACE_MS = 90_000;

beforeAll(async () => {
  one = await startTestServer();
  two = await startTestServer({ dir: one.dir, seed: false });
  one.core.router.scheduler.stop();
  two.core.router.scheduler.stop();
  await f.init();
});
afterAll(async () => {
  await two?.stop();
  await one?.stop();
});
afterEach(() => {
  one.clock.offsetMs = 0;
  two.clock.offsetMs = 0;
});

/** The agent's user room on `server`: a live authenticated socket, as the PWA keeps open. */
async function connect(server: TestServer, userId: string): Promise<WebSocket> {
  const token = await f.loginAs(userId);
  const ws = await agentSocket(`${server.url.replace("http", "ws")}/sync/user.${userId}`, token);
  await waitFor("the socket counted", () => server.core.router.presence.connectedHere(userId));
  return ws;
}

async function disconnect(server: TestServer, ws: WebSocket, userId: string): Promise<void> {
  ws.close();
  await waitFor("the socket gone", () => !server.core.router.presence.connectedHere(userId));
  // The departure is stamped, so the grace counts from now.
  await server.core.router.presence.stamp();
}

const lastSeen = async (id: string) => (await one.core.db.query.users.findFirst({ where: eq(users.id, id) }))!.lastSeenAt;

/** Both servers' clocks move on; agents still connected are stamped by their server's beat. */
async function gracePasses() {
  one.clock.offsetMs += GRACE_MS + 1000;
  two.clock.offsetMs += GRACE_MS + 1000;
  await Promise.all([one.core.router.presence.stamp(), two.core.router.presence.stamp()]);
}

describe("agents who go offline", () => {
  it("after the grace their offers move to a colleague and they get no new chats; reconnecting brings chats back", async () => {
    const { inboxId, agents } = await f.setup(
      "round_robin",
      [
        { name: "Agent Ana P", online: false },
        { name: "Agent Bruno P", capacity: 2, online: false },
      ],
      { routingRerouteOnAway: true },
    );
    const [ana, bruno] = agents as [string, string];
    // Never connected: offline, so a chat waits.
    const first = await f.customerWrites(inboxId, "first");
    await f.settle();
    expect(await f.assigneeOf(first)).toBeNull();

    // Ana connects to instance two, Bruno to instance one; Ana is first in turn.
    const anaSocket = await connect(two, ana);
    expect(await f.waitAssigned(first)).toBe(ana);
    const brunoSocket = await connect(one, bruno);
    await waitFor("Bruno stamped", () => lastSeen(bruno));

    // Ana's sockets all close. Within the grace nothing moves.
    await disconnect(two, anaSocket, ana);
    await two.core.router.scheduler.rerouteOffline();
    expect(await f.assigneeOf(first)).toBe(ana);

    // After it, the other instance takes her offer back and offers it to Bruno, saying why.
    await gracePasses();
    await one.core.router.scheduler.rerouteOffline();
    expect(await f.assigneeOf(first)).toBe(bruno);
    const chain = await f.assignedEvents(first);
    expect(chain).toHaveLength(2);
    expect(chain[1]!.data).toMatchObject({ from: ana, to: bruno, reason: "reroute", rerouteReason: "agent_offline" });
    expect(chain[1]!.data.why).toBe(
      "Agent Ana P went offline before picking it up. Round robin: offered to Agent Bruno P, next in turn after Agent Ana P (0 of 2 chats open).",
    );
    // Her availability choice is untouched; only her presence changed.
    expect((await one.core.db.query.users.findFirst({ where: eq(users.id, ana) }))!.availability).toBe("available");

    // New chats skip her: the next goes to Bruno (now full), the one after waits.
    const second = await f.customerWrites(inboxId, "second", two);
    expect(await f.waitAssigned(second)).toBe(bruno);
    const third = await f.customerWrites(inboxId, "third", two);
    await f.settle();
    expect(await f.assigneeOf(third)).toBeNull();

    // She reconnects (to instance one this time): she is online again and the waiting chat is hers.
    const again = await connect(one, ana);
    expect(await f.waitAssigned(third)).toBe(ana);
    again.close();
    brunoSocket.close();
  });

  it("an offer stays when the agent reconnected on any instance before the reroute, or when the inbox does not reroute", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Cara P", online: false }, { name: "Agent Dan P", online: false }], {
      routingRerouteOnAway: true,
    });
    const [cara, dan] = agents as [string, string];
    const caraSocket = await connect(one, cara);
    const danSocket = await connect(two, dan);
    const chat = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(chat)).toBe(cara);

    await disconnect(one, caraSocket, cara);
    await gracePasses();
    // She is back on instance two before any reroute ran: the conditional write keeps her offer.
    const back = await connect(two, cara);
    await waitFor("Cara stamped again", async () => ((await lastSeen(cara)) ?? 0) > Date.now() + GRACE_MS);
    expect(await one.core.router.reroute(chat, "agent_offline")).toBeNull();
    await one.core.router.scheduler.rerouteOffline();
    expect(await f.assigneeOf(chat)).toBe(cara);

    // With rerouting off for the inbox, an offline agent's offer waits for her.
    await f.setRouting(inboxId, { mode: "round_robin", rerouteOnAway: false });
    await disconnect(two, back, cara);
    await gracePasses();
    await two.core.router.scheduler.rerouteOffline();
    expect(await f.assigneeOf(chat)).toBe(cara);
    danSocket.close();
  });
});
