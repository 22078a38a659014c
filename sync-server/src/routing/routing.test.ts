import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLog, events, inboxes, users } from "../db/schema.ts";
import { KeyedMutex } from "../lib/keyed-mutex.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { Router } from "./router.ts";
import { RoutingFixtures } from "./routing-fixtures.ts";

let server: TestServer;
const f = new RoutingFixtures(() => server);

beforeAll(async () => {
  server = await startTestServer();
  await f.init();
});
afterAll(() => server.stop());

const db = () => server.core.db;

describe("automatic routing", () => {
  it("manual (the default) assigns nothing", async () => {
    const id = await f.customerWrites(server.seed!.inboxIds.site!);
    await f.settle();
    expect(await f.assigneeOf(id)).toBeNull();
    expect(await f.assignedEvents(id)).toHaveLength(0);
  });

  it("round robin alternates between available agents, and each decision says why", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Ava" }, { name: "Agent Ben" }]);
    const order: string[] = [];
    const convs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await f.customerWrites(inboxId);
      convs.push(id);
      order.push(await f.waitAssigned(id));
    }
    expect(order).toEqual([agents[0], agents[1], agents[0], agents[1]]);
    const [first] = await f.assignedEvents(convs[0]!);
    expect(first).toMatchObject({ actorKind: "system", data: { from: null, to: agents[0], reason: "routing", mode: "round_robin", why: "Round robin: offered to Agent Ava, first in turn (0 of 5 chats open)." } });
    const [second] = await f.assignedEvents(convs[1]!);
    expect(second!.data).toMatchObject({ to: agents[1], previous: agents[0], why: "Round robin: offered to Agent Ben, next in turn after Agent Ava (0 of 5 chats open).", load: 0, capacity: 5 });

    // The history is readable over REST, with the why.
    const token = await f.loginAs(agents[1]!);
    const res = await server.api(`/api/conversations/${convs[1]}/events`, { token });
    expect(res.status).toBe(200);
    const history = (await res.json()) as { events: { type: string; actorName: string | null; names: Record<string, string>; data: Record<string, unknown> }[] };
    expect(history.events.map((e) => e.type)).toEqual(["conversation.created", "message.received", "conversation.assigned"]);
    expect(history.events[2]!.data.why).toBe("Round robin: offered to Agent Ben, next in turn after Agent Ava (0 of 5 chats open).");
    expect(history.events[2]!.names).toEqual({ [agents[1]!]: "Agent Ben" });
    expect(history.events[2]!.actorName).toBeNull();
    expect(history.events[1]!.actorName).toMatch(/^Visitor \d+$/);
  });

  it("least loaded picks the agent with the fewest open chats", async () => {
    const { inboxId, agents } = await f.setup("least_loaded", [{ name: "Agent Cid" }, { name: "Agent Dee", availability: "away" }]);
    const a = await f.customerWrites(inboxId);
    const b = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(a)).toBe(agents[0]);
    expect(await f.waitAssigned(b)).toBe(agents[0]);
    const dee = await f.loginAs(agents[1]!);
    const res = await server.api("/api/me/availability", { method: "PUT", token: dee, json: { availability: "available" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ availability: "available", assigned: 0, rerouted: 0 });
    const c = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(c)).toBe(agents[1]);
    const d = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(d)).toBe(agents[1]);
    const [ev] = await f.assignedEvents(d);
    expect(ev!.data).toMatchObject({ mode: "least_loaded", load: 1, capacity: 5, why: "Least loaded: offered to Agent Dee, who had the fewest open chats (1 of 5)." });
    const [changed] = await db()
      .select()
      .from(events)
      .where(and(eq(events.type, "user.availability_changed"), eq(events.actorId, agents[1]!)));
    expect(changed!.data).toEqual({ from: "away", to: "available" });
  });

  it("busy and away agents get nothing; the chat waits and goes out when someone becomes available", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [
      { name: "Agent Eve", availability: "busy" },
      { name: "Agent Fay", availability: "away" },
    ]);
    const id = await f.customerWrites(inboxId);
    await f.settle();
    expect(await f.assigneeOf(id)).toBeNull();
    const fay = await f.loginAs(agents[1]!);
    const res = await server.api("/api/me/availability", { method: "PUT", token: fay, json: { availability: "available" } });
    expect(await res.json()).toEqual({ availability: "available", assigned: 1, rerouted: 0 });
    expect(await f.assigneeOf(id)).toBe(agents[1]);
    // An agent going busy gets nothing more.
    await server.api("/api/me/availability", { method: "PUT", token: fay, json: { availability: "busy" } });
    const next = await f.customerWrites(inboxId);
    await f.settle();
    expect(await f.assigneeOf(next)).toBeNull();
  });

  it("at capacity chats queue, urgent first, and are handed out as chats are resolved", async () => {
    const { inboxId, agents } = await f.setup("least_loaded", [{ name: "Agent Gus", capacity: 1 }]);
    const first = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(first)).toBe(agents[0]);
    const older = await f.customerWrites(inboxId, "normal, but older");
    await new Promise((r) => setTimeout(r, 5));
    const urgent = await f.customerWrites(inboxId, "urgent");
    const supervisor = await server.login("supervisor@demo.inbox");
    const pr = await server.api(`/api/conversations/${urgent}/priority`, { method: "POST", token: supervisor, json: { priority: "urgent" } });
    expect(pr.status).toBe(200);
    await f.settle();
    expect(await f.assigneeOf(older)).toBeNull();
    expect(await f.assigneeOf(urgent)).toBeNull();

    const gus = await f.loginAs(agents[0]!);
    const resolve = (id: string) => server.api(`/api/conversations/${id}/status`, { method: "POST", token: gus, json: { status: "resolved" } });
    expect((await resolve(first)).status).toBe(200);
    expect(await f.waitAssigned(urgent)).toBe(agents[0]);
    await f.settle();
    expect(await f.assigneeOf(older)).toBeNull();
    expect((await resolve(urgent)).status).toBe(200);
    expect(await f.waitAssigned(older)).toBe(agents[0]);
  });

  it("concurrent routing of the same chat (same process or two instances) assigns it once", async () => {
    const { inboxId, agents, teamId } = await f.setup("round_robin", [
      { name: "Agent Hal", availability: "away" },
      { name: "Agent Ivy", availability: "away" },
    ]);
    const id = await f.customerWrites(inboxId);
    await f.settle();
    expect(await f.assigneeOf(id)).toBeNull();
    // Make both available behind routing's back, then race it.
    await db().update(users).set({ availability: "available" }).where(inArray(users.id, agents));
    const otherInstance = new Router({ ...server.core, locks: new KeyedMutex() });
    const results = await Promise.all([
      server.core.router.conversationWaiting(id),
      server.core.router.conversationWaiting(id),
      otherInstance.conversationWaiting(id),
      otherInstance.capacityChanged(teamId),
    ]);
    // At most one of them wins (the background sweep may even have been first); one event either way.
    const decisions = results.flat().filter((d) => d !== null);
    expect(decisions.length).toBeLessThanOrEqual(1);
    expect(await f.assignedEvents(id)).toHaveLength(1);
    expect(agents).toContain(await f.assigneeOf(id));
  });

  it("the assignee picks up an offered chat once; waitedMs is recorded", async () => {
    const { inboxId, agents } = await f.setup("round_robin", [{ name: "Agent Jo" }, { name: "Agent Kim", availability: "away" }]);
    const id = await f.customerWrites(inboxId);
    expect(await f.waitAssigned(id)).toBe(agents[0]);
    const kim = await f.loginAs(agents[1]!);
    expect((await server.api(`/api/conversations/${id}/pickup`, { method: "POST", token: kim })).status).toBe(403);
    const jo = await f.loginAs(agents[0]!);
    const first = await server.api(`/api/conversations/${id}/pickup`, { method: "POST", token: jo });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { pickedUp: boolean; waitedMs: number };
    expect(body.pickedUp).toBe(true);
    expect(body.waitedMs).toBeGreaterThanOrEqual(0);
    const again = (await (await server.api(`/api/conversations/${id}/pickup`, { method: "POST", token: jo })).json()) as { pickedUp: boolean; waitedMs: number };
    expect(again).toEqual({ pickedUp: false, waitedMs: body.waitedMs });
    const picked = await db().select().from(events).where(and(eq(events.conversationId, id), eq(events.type, "conversation.picked_up")));
    expect(picked).toHaveLength(1);
    expect(picked[0]!).toMatchObject({ actorKind: "agent", actorId: agents[0], data: { waitedMs: body.waitedMs, via: "button" } });
    // The offer is over: the chat is no longer shown as offered.
    expect(await f.conversation(id)).toMatchObject({ assigneeId: agents[0], offeredTo: null, offerExpiresAt: null });
  });

  it("admins set an inbox's mode (audited); waiting chats go out at once; others may not", async () => {
    const { inboxId, agents } = await f.setup("manual", [{ name: "Agent Lu" }]);
    const id = await f.customerWrites(inboxId);
    await f.settle();
    expect(await f.assigneeOf(id)).toBeNull();
    const agent = await f.loginAs(agents[0]!);
    const refused = await server.api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: agent, json: { mode: "round_robin" } });
    expect(refused.status).toBe(403);
    const admin = await server.login("admin@demo.inbox");
    const bad = await server.api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: admin, json: { mode: "random" } });
    expect(bad.status).toBe(400);
    const ok = await server.api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: admin, json: { mode: "round_robin" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ inboxId, mode: "round_robin", pickupTimeoutSeconds: null, rerouteOnAway: false, csatEnabled: false });
    expect(await f.waitAssigned(id)).toBe(agents[0]);
    const inbox = await db().query.inboxes.findFirst({ where: eq(inboxes.id, inboxId) });
    expect(inbox!.settings).toMatchObject({ routing: "round_robin", greeting: "Hi" });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, "inbox.routing_changed"), eq(auditLog.target, inboxId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toEqual({
      from: { mode: "manual", pickupTimeoutSeconds: null, rerouteOnAway: false },
      to: { mode: "round_robin", pickupTimeoutSeconds: null, rerouteOnAway: false },
    });
  });
});
