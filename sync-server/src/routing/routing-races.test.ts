import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { conversations, events, users } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { RoutingFixtures } from "./routing-fixtures.ts";

// Two server instances on one libSQL file, each with its own connection, locks, router and
// scheduler: what several machines behind a load balancer would be.
let one: TestServer;
let two: TestServer;
const f = new RoutingFixtures(() => one);

beforeAll(async () => {
  one = await startTestServer();
  two = await startTestServer({ dir: one.dir, seed: false });
  await f.init();
});
afterAll(async () => {
  await two?.stop();
  await one?.stop();
});

/**
 * The record's invariants after any interleaving: each chat's assignment events form one chain
 * (every decision starts from where the previous one left the chat, so no chat was given to two
 * agents), the chat's assignee is the end of that chain, and no agent is over capacity.
 */
async function expectConsistent(conversationIds: string[], agentIds: string[]) {
  for (const id of conversationIds) {
    const chain = await f.assignedEvents(id);
    let holder: unknown = null;
    for (const e of chain) {
      expect(e.data.from ?? null).toBe(holder);
      holder = e.data.to ?? null;
    }
    expect(await f.assigneeOf(id)).toBe(holder);
  }
  const held = await one.core.db
    .select({ assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(and(inArray(conversations.assigneeId, agentIds), inArray(conversations.status, ["open", "pending"])));
  const people = await one.core.db.select().from(users).where(inArray(users.id, agentIds));
  for (const p of people) expect(held.filter((h) => h.assigneeId === p.id).length).toBeLessThanOrEqual(p.maxConcurrentChats);
}

describe("routing with two server instances on one database", () => {
  it("routes a burst of chats written through both instances: each chat once, none forgotten", async () => {
    const { inboxId, agents, teamId } = await f.setup("least_loaded", [
      { name: "Agent R1", capacity: 4 },
      { name: "Agent R2", capacity: 4 },
      { name: "Agent R3", capacity: 4 },
    ]);
    // 16 chats for 12 seats, half through each instance, all at once.
    const ids = await Promise.all(Array.from({ length: 16 }, (_, i) => f.customerWrites(inboxId, `burst ${i}`, i % 2 ? two : one)));
    // Both instances hand out the queue concurrently, and both schedulers sweep.
    await Promise.all([
      one.core.router.capacityChanged(teamId),
      two.core.router.capacityChanged(teamId),
      one.core.router.scheduler.sweep(),
      two.core.router.scheduler.sweep(),
    ]);
    await f.settle();
    const assigned = (await Promise.all(ids.map((id) => f.assigneeOf(id)))).filter(Boolean);
    expect(assigned).toHaveLength(12);
    for (const a of agents) expect(assigned.filter((x) => x === a)).toHaveLength(4);
    for (const id of ids) expect((await f.assignedEvents(id)).length).toBeLessThanOrEqual(1);
    await expectConsistent(ids, agents);

    // Capacity freed on instance two: the waiting four go out, once each.
    const r1 = await f.loginAs(agents[0]!);
    const held: string[] = [];
    for (const id of ids) if ((await f.assigneeOf(id)) === agents[0]) held.push(id);
    for (const id of held) {
      const res = await two.api(`/api/conversations/${id}/status`, { method: "POST", token: r1, json: { status: "resolved" } });
      expect(res.status).toBe(200);
    }
    await Promise.all([one.core.router.capacityChanged(teamId), two.core.router.capacityChanged(teamId)]);
    await f.settle();
    const waiting: string[] = [];
    for (const id of ids) if ((await f.assigneeOf(id)) === null) waiting.push(id);
    expect(waiting).toEqual([]);
    await expectConsistent(ids, agents);
  });

  it("expired offers taken back by both instances at once move exactly once", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent S1" }, { name: "Agent S2" }, { name: "Agent S3" }], {
      routingPickupTimeoutSeconds: 10,
    });
    const ids = await Promise.all(Array.from({ length: 6 }, () => f.customerWrites(inboxId)));
    for (const id of ids) await f.waitAssigned(id);
    const before = await Promise.all(ids.map((id) => f.assigneeOf(id)));
    one.clock.offsetMs = 11_000;
    two.clock.offsetMs = 11_000;
    try {
      await Promise.all([one.core.router.scheduler.expireOffers(), two.core.router.scheduler.expireOffers(), one.core.router.scheduler.expireOffers()]);
      await f.settle();
    } finally {
      one.clock.offsetMs = 0;
      two.clock.offsetMs = 0;
    }
    for (const [i, id] of ids.entries()) {
      const chain = await f.assignedEvents(id);
      expect(chain).toHaveLength(2);
      expect(chain[1]!.data).toMatchObject({ from: before[i], rerouteReason: "not_picked_up" });
      expect(await f.assigneeOf(id)).not.toBe(before[i]);
    }
    await expectConsistent(ids, agents);
  });

  it("routing rules during a burst on both instances: rule assignments and skips hold, nothing is given twice", async () => {
    const { inboxId, agents, teamId } = await f.setup("round_robin", [
      { name: "Agent U1", capacity: 10 },
      { name: "Agent U2", capacity: 10 },
    ]);
    const admin = await one.login("admin@demo.inbox");
    const rule = (name: string, word: string, actions: unknown[]) =>
      one.api("/api/admin/routing-rules", {
        method: "POST",
        token: admin,
        json: { name, triggers: ["conversation_created"], conditions: [{ type: "inbox", values: [inboxId] }, { type: "text_contains", values: [word] }], actions },
      });
    expect((await rule("Invoices to U2", "invoice", [{ type: "assign_agent", userId: agents[1] }])).status).toBe(201);
    expect((await rule("Hold", "hold", [{ type: "skip_routing" }])).status).toBe(201);
    // The other instance sees a change within its rule book's TTL; here its copy is dropped at once.
    two.core.rules.changed((await f.conversation(await f.customerWrites(inboxId, "warm up"))).workspaceId);

    const texts = Array.from({ length: 12 }, (_, i) => ["invoice please", "hold please", "hello"][i % 3]!);
    const ids = await Promise.all(texts.map((text, i) => f.customerWrites(inboxId, text, i % 2 ? two : one)));
    await Promise.all([one.core.router.capacityChanged(teamId), two.core.router.capacityChanged(teamId), one.core.router.scheduler.sweep(), two.core.router.scheduler.sweep()]);
    await f.settle();
    for (const [i, id] of ids.entries()) {
      const holder = await f.assigneeOf(id);
      if (texts[i] === "invoice please") expect(holder).toBe(agents[1]);
      else if (texts[i] === "hold please") expect(holder).toBeNull();
      else expect(holder).not.toBeNull();
      expect((await f.assignedEvents(id)).length).toBeLessThanOrEqual(1);
    }
    await expectConsistent(ids, agents);
  });

  it("a reconnect storm of availability flips on both instances gives no chat twice and forgets none", async () => {
    const { inboxId, agents, teamId } = await f.setup("round_robin", [
      { name: "Agent T1", capacity: 3 },
      { name: "Agent T2", capacity: 3 },
      { name: "Agent T3", capacity: 3 },
      { name: "Agent T4", capacity: 3 },
    ]);
    await f.setRouting(inboxId, { mode: "round_robin", rerouteOnAway: true });
    const tokens = await Promise.all(agents.map((a) => f.loginAs(a)));
    const states = ["available", "away", "busy", "available", "away", "available"] as const;
    const ids: string[] = [];
    // Customers keep writing while every agent's availability flips on alternating instances.
    const writers = (async () => {
      for (let i = 0; i < 10; i++) ids.push(await f.customerWrites(inboxId, `storm ${i}`, i % 2 ? two : one));
    })();
    const flips = agents.map(async (_, n) => {
      for (const [k, availability] of states.entries()) {
        const via = (n + k) % 2 ? two : one;
        const res = await via.api("/api/me/availability", { method: "PUT", token: tokens[n]!, json: { availability } });
        expect(res.status).toBe(200);
      }
    });
    await Promise.all([writers, ...flips]);
    await f.settle();
    await expectConsistent(ids, agents);

    // Everyone ends available (the storm's last word): every chat is held, none twice.
    await Promise.all([one.core.router.scheduler.sweep(), two.core.router.scheduler.sweep(), one.core.router.capacityChanged(teamId)]);
    await f.settle();
    const holders = await Promise.all(ids.map((id) => f.assigneeOf(id)));
    expect(holders.every((h) => h !== null && agents.includes(h))).toBe(true);
    await expectConsistent(ids, agents);
    const flipsRecorded = await one.core.db
      .select()
      .from(events)
      .where(and(eq(events.type, "user.availability_changed"), inArray(events.actorId, agents)));
    // Each agent's flips are serialised per instance only; the record still has a coherent from→to story per agent.
    for (const a of agents) {
      const mine = flipsRecorded.filter((e) => e.actorId === a);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.at(-1)!.data.to).toBe("available");
    }
  });
});
