import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { contacts, events } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { RoutingFixtures } from "./routing-fixtures.ts";

let server: TestServer;
const f = new RoutingFixtures(() => server);

beforeAll(async () => {
  server = await startTestServer();
  await f.init();
});
afterAll(() => server.stop());
afterEach(() => {
  server.clock.offsetMs = 0;
});

const db = () => server.core.db;

/** Moves the server's clock past a pickup timeout and runs the scheduler's pass. */
async function timePasses(seconds: number) {
  server.clock.offsetMs += seconds * 1000;
  await server.core.router.scheduler.expireOffers();
  await server.core.writer.drain();
}

async function makeVip(conversationId: string) {
  const c = await f.conversation(conversationId);
  await db().update(contacts).set({ vip: true }).where(eq(contacts.id, c.contactId));
}

describe("queue order", () => {
  it("hands out urgent first, then VIP customers, then high, normal, low; oldest first within each", async () => {
    const { inboxId, agents } = await f.setup("least_loaded", [{ name: "Agent Queue", capacity: 1, availability: "away" }]);
    const supervisor = await server.login("supervisor@demo.inbox");
    const setPriority = async (id: string, priority: string) =>
      expect((await server.api(`/api/conversations/${id}/priority`, { method: "POST", token: supervisor, json: { priority } })).status).toBe(200);
    const low = await f.customerWrites(inboxId, "low");
    const normalOld = await f.customerWrites(inboxId, "normal, oldest");
    const vip = await f.customerWrites(inboxId, "vip");
    const high = await f.customerWrites(inboxId, "high");
    const normalNew = await f.customerWrites(inboxId, "normal, newest");
    const urgent = await f.customerWrites(inboxId, "urgent");
    await setPriority(low, "low");
    await setPriority(high, "high");
    await setPriority(urgent, "urgent");
    await makeVip(vip);

    const agent = await f.loginAs(agents[0]!);
    await server.api("/api/me/availability", { method: "PUT", token: agent, json: { availability: "available" } });
    // Capacity 1: exactly one chat is held at a time; resolving it hands out the next.
    const expected = [urgent, vip, high, normalOld, normalNew, low];
    const order: string[] = [];
    for (const _ of expected) {
      const held = await waitFor("the next chat offered", async () => {
        for (const id of expected) {
          const c = await f.conversation(id);
          if (c.status === "open" && c.assigneeId) return id;
        }
        return null;
      });
      order.push(held);
      const res = await server.api(`/api/conversations/${held}/status`, { method: "POST", token: agent, json: { status: "resolved" } });
      expect(res.status).toBe(200);
    }
    expect(order).toEqual([urgent, vip, high, normalOld, normalNew, low]);

    const [vipEvent] = await f.assignedEvents(vip);
    expect(vipEvent!.data).toMatchObject({ vip: true, priority: "normal" });
    expect(vipEvent!.data.why).toBe("Least loaded: offered to Agent Queue, who had the fewest open chats (0 of 1). VIP customer: handed out before other chats.");
    const [urgentEvent] = await f.assignedEvents(urgent);
    expect(urgentEvent!.data.why).toContain("Urgent chat: handed out first.");
  });
});

describe("offers and pickup timeout", () => {
  it("an offer not picked up in time goes to the next agent, never back to the same one, with an event saying why", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Pat" }, { name: "Agent Quinn" }], {});
    await f.setRouting(inboxId, { mode: "round_robin", pickupTimeoutSeconds: 30 });
    const id = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(id)).toBe(agents[0]);
    const offered = await f.conversation(id);
    expect(offered.offeredTo).toBe(agents[0]);
    expect(offered.offerExpiresAt! - offered.offeredAt!).toBe(30_000);

    // Not yet due: nothing moves.
    await timePasses(20);
    expect(await f.assigneeOf(id)).toBe(agents[0]);

    await timePasses(11);
    expect(await f.assigneeOf(id)).toBe(agents[1]);
    const [, taken] = await f.assignedEvents(id);
    expect(taken!.data).toMatchObject({ from: agents[0], to: agents[1], reason: "reroute", rerouteReason: "not_picked_up", mode: "round_robin", previous: agents[0], pickupTimeoutSeconds: 30 });
    expect(taken!.data.why).toBe(
      "Agent Pat did not pick it up within 30 seconds. Round robin: offered to Agent Quinn, next in turn after Agent Pat (0 of 5 chats open).",
    );
    const again = await f.conversation(id);
    expect(again).toMatchObject({ offeredTo: agents[1], reroutedFrom: agents[0] });
    expect(again.offerExpiresAt).toBe(again.offeredAt! + 30_000);

    // Quinn does not pick it up either: back to Pat, the only other agent.
    await timePasses(31);
    expect(await f.assigneeOf(id)).toBe(agents[0]);
    expect(await f.assignedEvents(id)).toHaveLength(3);
  });

  it("with nobody else free the chat waits unassigned rather than going back to the agent who let it lapse", async () => {
    const { inboxId, agents } = await f.setup("least_loaded", [{ name: "Agent Solo" }], { routingPickupTimeoutSeconds: 60 });
    const id = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(id)).toBe(agents[0]);
    await timePasses(61);
    expect(await f.conversation(id)).toMatchObject({ assigneeId: null, offeredTo: null, reroutedFrom: agents[0] });
    const events = await f.assignedEvents(id);
    expect(events.at(-1)!.data).toMatchObject({ from: agents[0], to: null, rerouteReason: "not_picked_up" });
    expect(events.at(-1)!.data.why).toBe("Agent Solo did not pick it up within 1 minute. Nobody else available has room, so it waits in the queue.");
    // Even though Solo has room, the sweep does not hand it straight back.
    await server.core.router.scheduler.sweep();
    expect(await f.assigneeOf(id)).toBeNull();
  });

  it("picking up in time stops the clock; a reply counts as picking up", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Ray" }, { name: "Agent Sam" }], { routingPickupTimeoutSeconds: 30 });
    const picked = await f.customerWrites(inboxId);
    const replied = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(picked)).toBe(agents[0]);
    expect(await f.waitAssigned(replied)).toBe(agents[1]);

    const ray = await f.loginAs(agents[0]!);
    expect((await server.api(`/api/conversations/${picked}/pickup`, { method: "POST", token: ray })).status).toBe(200);
    const sam = await f.loginAs(agents[1]!);
    const reply = await server.api(`/api/conversations/${replied}/messages`, { method: "POST", token: sam, json: { clientId: "routing-reply-000001", text: "On it!" } });
    expect(reply.status).toBe(201);

    await timePasses(31);
    expect(await f.conversation(picked)).toMatchObject({ assigneeId: agents[0], offeredTo: null });
    expect(await f.conversation(replied)).toMatchObject({ assigneeId: agents[1], offeredTo: null });
    const viaReply = await db()
      .select()
      .from(events)
      .where(and(eq(events.conversationId, replied), eq(events.type, "conversation.picked_up")));
    expect(viaReply).toHaveLength(1);
    expect(viaReply[0]!.data).toMatchObject({ via: "reply" });
    expect(await f.assignedEvents(picked)).toHaveLength(1);
    expect(await f.assignedEvents(replied)).toHaveLength(1);
  });

  it("with no pickup timeout a reply by the offered agent picks the chat up at once, once", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Vic" }]);
    const id = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(id)).toBe(agents[0]);
    expect((await f.conversation(id)).offeredTo).toBe(agents[0]);

    const vic = await f.loginAs(agents[0]!);
    const send = () => server.api(`/api/conversations/${id}/messages`, { method: "POST", token: vic, json: { clientId: "routing-reply-nolimit1", text: "Hi!" } });
    const reply = await send();
    expect(reply.status).toBe(201);
    // Ended as the reply is answered, with no timeout or scheduler pass involved: no banner.
    expect(await f.conversation(id)).toMatchObject({ assigneeId: agents[0], offeredTo: null, offerExpiresAt: null });
    // A replayed reply records nothing twice.
    expect((await send()).status).toBe(200);
    const pickups = await db()
      .select()
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, "conversation.picked_up")));
    expect(pickups).toHaveLength(1);
    expect(pickups[0]!.data).toMatchObject({ via: "reply", reason: "routing" });
    expect(pickups[0]!.actorId).toBe(agents[0]);
  });

  it("a pickup after the chat was taken back is refused in words", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Tia" }, { name: "Agent Uma" }], { routingPickupTimeoutSeconds: 10 });
    const id = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(id)).toBe(agents[0]);
    await timePasses(11);
    expect(await f.assigneeOf(id)).toBe(agents[1]);
    const tia = await f.loginAs(agents[0]!);
    const late = await server.api(`/api/conversations/${id}/pickup`, { method: "POST", token: tia });
    expect(late.status).toBe(403);
    expect(((await late.json()) as { error: { message: string } }).error.message).toBe("Only the person this chat is assigned to can pick it up.");
  });

  it("a manual reassignment or resolving ends the offer", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Vic" }, { name: "Agent Wes" }], { routingPickupTimeoutSeconds: 30 });
    const moved = await f.customerWrites(inboxId);
    const resolved = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(moved)).toBe(agents[0]);
    expect(await f.waitAssigned(resolved)).toBe(agents[1]);
    const supervisor = await server.login("supervisor@demo.inbox");
    expect((await server.api(`/api/conversations/${moved}/assign`, { method: "POST", token: supervisor, json: { assigneeId: agents[1] } })).status).toBe(200);
    expect((await server.api(`/api/conversations/${resolved}/status`, { method: "POST", token: supervisor, json: { status: "resolved" } })).status).toBe(200);
    expect(await f.conversation(moved)).toMatchObject({ assigneeId: agents[1], offeredTo: null, offerExpiresAt: null });
    expect(await f.conversation(resolved)).toMatchObject({ offeredTo: null, offerExpiresAt: null });
    await timePasses(31);
    expect(await f.assigneeOf(moved)).toBe(agents[1]);
    expect(await f.assignedEvents(moved)).toHaveLength(2);
  });
});

describe("rerouting when an agent goes away", () => {
  it("their offered, unpicked chats go to colleagues where the inbox asks for it; picked-up ones stay", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Xia" }, { name: "Agent Yan" }]);
    await f.setRouting(inboxId, { mode: "round_robin", rerouteOnAway: true });
    const { inboxId: keepInbox, agents: keepAgents } = await f.setup("round_robin", [{ name: "Agent Zed" }, { name: "Agent Zoe" }]);

    const offered = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(offered)).toBe(agents[0]);
    const other = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(other)).toBe(agents[1]);
    const pickedUp = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(pickedUp)).toBe(agents[0]);
    const xia = await f.loginAs(agents[0]!);
    expect((await server.api(`/api/conversations/${pickedUp}/pickup`, { method: "POST", token: xia })).status).toBe(200);

    const res = await server.api("/api/me/availability", { method: "PUT", token: xia, json: { availability: "away" } });
    expect(await res.json()).toEqual({ availability: "away", assigned: 0, rerouted: 1 });
    expect(await f.assigneeOf(offered)).toBe(agents[1]);
    expect(await f.assigneeOf(pickedUp)).toBe(agents[0]);
    const last = (await f.assignedEvents(offered)).at(-1)!;
    expect(last.data).toMatchObject({ from: agents[0], to: agents[1], reason: "reroute", rerouteReason: "agent_away" });
    expect(last.data.why).toMatch(/^Agent Xia went away before picking it up\. Round robin: offered to Agent Yan/);

    // An inbox without the setting leaves the offer where it is.
    const kept = await f.customerWrites(keepInbox);
    expect(await f.waitAssigned(kept)).toBe(keepAgents[0]);
    const zed = await f.loginAs(keepAgents[0]!);
    const away = await server.api("/api/me/availability", { method: "PUT", token: zed, json: { availability: "away" } });
    expect(await away.json()).toEqual({ availability: "away", assigned: 0, rerouted: 0 });
    expect(await f.assigneeOf(kept)).toBe(keepAgents[0]);
  });
});

describe("capacity edges", () => {
  it("capacity 1 each: the third chat waits, and goes to whoever frees up first", async () => {
    const { inboxId, agents } = await f.setup("least_loaded", [{ name: "Agent One", capacity: 1 }, { name: "Agent Two", capacity: 1 }]);
    const a = await f.customerWrites(inboxId);
    const b = await f.customerWrites(inboxId);
    const c = await f.customerWrites(inboxId);
    const first = [await f.waitAssigned(a), await f.waitAssigned(b)];
    expect(new Set(first)).toEqual(new Set(agents));
    await f.settle();
    expect(await f.assigneeOf(c)).toBeNull();
    const holderOfB = (await f.assigneeOf(b))!;
    const token = await f.loginAs(holderOfB);
    expect((await server.api(`/api/conversations/${b}/status`, { method: "POST", token, json: { status: "resolved" } })).status).toBe(200);
    expect(await f.waitAssigned(c)).toBe(holderOfB);
    const [ev] = await f.assignedEvents(c);
    expect(ev!.data).toMatchObject({ load: 0, capacity: 1 });
  });

  it("a burst of resolves (offline work replayed) hands out the whole queue: coalesced passes miss nothing", async () => {
    const { inboxId, agents } = await f.setup("least_loaded", [{ name: "Agent Burst", capacity: 4 }]);
    const held: string[] = [];
    for (let i = 0; i < 4; i++) held.push(await f.customerWrites(inboxId));
    for (const id of held) expect(await f.waitAssigned(id)).toBe(agents[0]);
    const waiting: string[] = [];
    for (let i = 0; i < 4; i++) waiting.push(await f.customerWrites(inboxId));
    await f.settle();
    for (const id of waiting) expect(await f.assigneeOf(id)).toBeNull();

    const token = await f.loginAs(agents[0]!);
    const commands = held.map((conversationId) => ({ type: "status", clientId: crypto.randomUUID(), conversationId, status: "resolved" }));
    expect((await server.api("/api/commands", { method: "POST", token, json: { commands } })).status).toBe(200);
    for (const id of waiting) expect(await f.waitAssigned(id)).toBe(agents[0]);
  });

  it("pending chats count towards capacity; an agent at capacity is skipped by round robin", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Alpha Full", capacity: 1 }, { name: "Agent Beta Free", capacity: 3 }]);
    const a = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(a)).toBe(agents[0]);
    const full = await f.loginAs(agents[0]!);
    expect((await server.api(`/api/conversations/${a}/status`, { method: "POST", token: full, json: { status: "pending" } })).status).toBe(200);
    const b = await f.customerWrites(inboxId);
    const c = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(b)).toBe(agents[1]);
    expect(await f.waitAssigned(c)).toBe(agents[1]);
  });
});
