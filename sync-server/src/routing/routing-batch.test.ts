import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { conversations, events } from "../db/schema.ts";
import { WriteQueue } from "../db/write-queue.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { Router } from "./router.ts";
import { RoutingFixtures, type ChatSpec } from "./routing-fixtures.ts";

// A burst of waiting chats handed out a page at a time, each page decided in memory and
// committed in one transaction (router.ts, offer-batch.ts): the outcome must be what deciding
// one chat at a time gives, and the record's guards must hold for the whole page.

let server: TestServer;
const f = new RoutingFixtures(() => server);

beforeAll(async () => {
  server = await startTestServer();
  // These tests hand out the queues themselves; the background sweep would race them.
  server.core.router.scheduler.stop();
  await f.init();
});
afterAll(() => server.stop());

const db = () => server.core.db;

/** The routing offers made, in the order they were committed. */
async function offers(conversationIds: string[]) {
  return db()
    .select({ conversationId: events.conversationId, data: events.data })
    .from(events)
    .where(and(inArray(events.conversationId, conversationIds), eq(events.type, "conversation.assigned"), eq(events.actorKind, "system")))
    .orderBy(asc(sql`rowid`));
}

async function changeCounter(): Promise<number> {
  const [row] = await db().all<{ value: number }>(sql`select value from sync_counter where id = 1`);
  return Number(row!.value);
}

async function holders(ids: string[]): Promise<Map<string, string | null>> {
  const rows = await db().select({ id: conversations.id, assigneeId: conversations.assigneeId }).from(conversations).where(inArray(conversations.id, ids));
  return new Map(rows.map((r) => [r.id, r.assigneeId]));
}

/** Urgent first, then VIP, then high / normal / low; oldest first within each (as router.ts orders the queue). */
function queueOrder(ids: string[], specs: ChatSpec[]): string[] {
  const rank = (s: ChatSpec) => (s.priority === "urgent" ? 0 : s.vip ? 1 : s.priority === "high" ? 2 : s.priority === "low" ? 4 : 3);
  return ids.map((id, i) => ({ id, i, r: rank(specs[i]!) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.id);
}

describe("a burst of waiting chats", () => {
  it("round robin over several pages: each chat once, in queue order, in turn, none over capacity", async () => {
    const { inboxId, teamId, agents } = await f.setup("round_robin", [
      { name: "Agent Batch A", capacity: 180 },
      { name: "Agent Batch B", capacity: 180 },
      { name: "Agent Batch C", capacity: 180 },
    ]);
    // 560 chats for 540 seats, more than one page (500); urgent, VIP and high ones scattered through.
    const seats = 540;
    const specs: ChatSpec[] = Array.from({ length: 560 }, (_, n) => ({
      priority: n % 23 === 7 ? "urgent" : n % 5 === 0 ? "high" : n % 11 === 3 ? "low" : "normal",
      vip: n % 17 === 4,
    }));
    const ids = await f.chats(inboxId, teamId, specs);
    const counterBefore = await changeCounter();
    const decisions = await server.core.router.capacityChanged(teamId);
    expect(decisions).toHaveLength(seats);

    const order = queueOrder(ids, specs);
    const made = await offers(ids);
    // Handed out in queue order, in turn, each decision naming the one before it.
    expect(made.map((e) => e.conversationId)).toEqual(order.slice(0, seats));
    expect(made.map((e) => e.data.to)).toEqual(order.slice(0, seats).map((_, i) => agents[i % 3]));
    expect(made.map((e) => e.data.previous)).toEqual(order.slice(0, seats).map((_, i) => (i === 0 ? null : agents[(i - 1) % 3])));
    expect(made.map((e) => e.data.load)).toEqual(order.slice(0, seats).map((_, i) => Math.floor(i / 3)));
    const held = await holders(ids);
    for (const [i, id] of order.entries()) expect(held.get(id)).toBe(i < seats ? agents[i % 3] : null);
    // Devices pull by change sequence: each offered chat got a number of its own past the
    // counter as it was, and the counter moved past them, so the next change sorts after.
    const stamped = await db().select({ seq: conversations.seq }).from(conversations).where(inArray(conversations.id, order.slice(0, seats)));
    const seqs = stamped.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seats);
    expect(Math.min(...seqs)).toBeGreaterThan(counterBefore);
    expect(await changeCounter()).toBeGreaterThanOrEqual(Math.max(...seqs));

    // A frees five seats: the next five in the queue go to A, the only one with room, once each.
    const mine = order.slice(0, seats).filter((id) => held.get(id) === agents[0]).slice(0, 5);
    await db().update(conversations).set({ status: "resolved" }).where(inArray(conversations.id, mine));
    expect((await server.core.router.capacityChanged(teamId)).map((d) => [d.conversationId, d.assigneeId])).toEqual(order.slice(seats, seats + 5).map((id) => [id, agents[0]]));
    expect(await server.core.router.capacityChanged(teamId)).toEqual([]);
    const all = await offers(ids);
    expect(new Set(all.map((e) => e.conversationId)).size).toBe(all.length);
  });

  it("least loaded counts the chats handed out earlier in the same page", async () => {
    const { inboxId, teamId, agents } = await f.setup("least_loaded", [
      { name: "Agent Load A", capacity: 5 },
      { name: "Agent Load B", capacity: 5 },
      { name: "Agent Load C", capacity: 5 },
    ]);
    const [a, b, c] = agents as [string, string, string];
    // A already has three open chats, C one.
    await f.chats(inboxId, teamId, [{ assigneeId: a }, { assigneeId: a }, { assigneeId: a, status: "pending" }, { assigneeId: c }]);
    const waiting = await f.chats(inboxId, teamId, Array.from({ length: 9 }, () => ({})));
    const decisions = await server.core.router.capacityChanged(teamId);
    // One at a time: the fewest open chats each time, ties in turn after the last chosen.
    expect(decisions.map((d) => [d.assigneeId, d.load])).toEqual([
      [b, 0],
      [c, 1],
      [b, 1],
      [c, 2],
      [b, 2],
      [c, 3],
      [a, 3],
      [b, 3],
      [c, 4],
    ]);
    expect((await offers(waiting)).map((e) => [e.conversationId, e.data.to, e.data.load])).toEqual(decisions.map((d) => [d.conversationId, d.assigneeId, d.load]));
    expect(decisions.map((d) => d.conversationId)).toEqual(waiting);
  });

  it("a chat assigned, resolved or transferred by someone else while the page is being decided is left as they left it", async () => {
    const { inboxId, teamId, agents } = await f.setup("round_robin", [
      { name: "Agent Race A", capacity: 3 },
      { name: "Agent Race B", capacity: 3 },
    ]);
    const [a, b] = agents as [string, string];
    const other = await f.setup("manual", []);
    const ids = await f.chats(inboxId, teamId, Array.from({ length: 8 }, () => ({})));
    const [c1, c2, c3, c4, c5, c6, c7, c8] = ids as [string, string, string, string, string, string, string, string];
    const sam = await server.login("supervisor@demo.inbox");

    // The page is planned A c1, B c2, A c3, B c4, A c5, B c6 (then nobody has room); before it
    // commits, the supervisor gives c2 to A, resolves c4 and transfers c6 to another team.
    let interfered = false;
    class Meanwhile extends WriteQueue {
      override async write(statements: Parameters<WriteQueue["write"]>[0]): Promise<unknown[]> {
        if (!interfered) {
          interfered = true;
          const assign = await server.api(`/api/conversations/${c2}/assign`, { method: "POST", token: sam, json: { assigneeId: a } });
          expect(assign.status).toBe(200);
          const resolve = await server.api(`/api/conversations/${c4}/status`, { method: "POST", token: sam, json: { status: "resolved" } });
          expect(resolve.status).toBe(200);
          const transfer = await server.api("/api/commands", {
            method: "POST",
            token: sam,
            json: { commands: [{ clientId: crypto.randomUUID(), type: "transfer", conversationId: c6, teamId: other.teamId }] },
          });
          expect(((await transfer.json()) as { results: { ok: boolean }[] }).results[0]!.ok).toBe(true);
        }
        return super.write(statements);
      }
    }
    // The same locks as the server's router, so its own passes (after the resolve and the transfer) wait for this one.
    const router = new Router({ ...server.core, writer: new Meanwhile(server.core.db) });
    const decisions = await router.capacityChanged(teamId);
    expect(interfered).toBe(true);

    // c1 and c3 held; c5 no longer fitted A (c2 took the seat), so the next page gave it to B with c7 and c8.
    expect(decisions.map((d) => [d.conversationId, d.assigneeId])).toEqual([
      [c1, a],
      [c3, a],
      [c5, b],
      [c7, b],
      [c8, b],
    ]);
    await f.settle();
    const held = await holders(ids);
    expect([...held.entries()]).toEqual(
      expect.arrayContaining([
        [c1, a],
        [c2, a],
        [c3, a],
        [c4, null],
        [c5, b],
        [c6, null],
        [c7, b],
        [c8, b],
      ]),
    );
    expect(await f.conversation(c4)).toMatchObject({ status: "resolved", assigneeId: null });
    expect(await f.conversation(c6)).toMatchObject({ teamId: other.teamId, assigneeId: null });
    // Routing wrote nothing for the three chats someone else changed; every chat's assignments form one chain.
    expect((await offers(ids)).map((e) => e.conversationId).sort()).toEqual([c1, c3, c5, c7, c8].sort());
    for (const id of ids) {
      let holder: unknown = null;
      for (const e of await f.assignedEvents(id)) {
        expect(e.data.from ?? null).toBe(holder);
        holder = e.data.to ?? null;
      }
      expect(held.get(id)).toBe(holder);
    }
    expect(await f.assignedEvents(c2)).toMatchObject([{ actorKind: "agent", data: { from: null, to: a } }]);
  });
});
