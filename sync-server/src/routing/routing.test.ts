import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { newId } from "@inbox/shared";
import { auditLog, conversations, events, inboxes, messages, teamMembers, teams, users } from "../db/schema.ts";
import { KeyedMutex } from "../services/keyed-mutex.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { Router, type RoutingMode } from "./router.ts";

let server: TestServer;
let workspaceId: string;
let passwordHash: string;
let visitorCount = 0;

beforeAll(async () => {
  server = await startTestServer();
  const ana = await server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") });
  workspaceId = ana!.workspaceId;
  passwordHash = ana!.passwordHash;
});
afterAll(() => server.stop());

const db = () => server.core.db;

/** A fresh team with its own web chat inbox and agents, so tests do not share queues or loads. */
async function setup(mode: RoutingMode, agents: { name: string; capacity?: number; availability?: "available" | "busy" | "away" }[]) {
  const teamId = newId();
  const inboxId = newId();
  await db().insert(teams).values({ id: teamId, workspaceId, name: `Team ${teamId.slice(0, 6)}` });
  await db().insert(inboxes).values({
    id: inboxId,
    workspaceId,
    name: "Routed chat",
    channel: "webchat",
    status: "active",
    teamId,
    settings: { greeting: "Hi", color: "#2563eb", routing: mode },
    createdAt: Date.now(),
  });
  const ids: string[] = [];
  for (const a of agents) {
    const id = newId();
    await db().insert(users).values({
      id,
      workspaceId,
      email: `${id}@routing.test`,
      name: a.name,
      role: "agent",
      passwordHash,
      maxConcurrentChats: a.capacity ?? 5,
      availability: a.availability ?? "available",
      createdAt: Date.now(),
    });
    await db().insert(teamMembers).values({ teamId, userId: id });
    ids.push(id);
  }
  return { teamId, inboxId, agents: ids };
}

/** A new visitor writes once; returns the conversation id. */
async function customerWrites(inboxId: string, text = "Hello?"): Promise<string> {
  const n = ++visitorCount;
  const session = await server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name: `Visitor ${n}` } });
  expect(session.status).toBe(201);
  const { token } = (await session.json()) as { token: string };
  const sent = await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: `routing-msg-${n}-0001`, text } });
  expect(sent.status).toBe(201);
  const { message } = (await sent.json()) as { message: { id: string } };
  const row = await db().query.messages.findFirst({ where: eq(messages.id, message.id) });
  return row!.conversationId;
}

async function conversation(id: string) {
  return (await db().query.conversations.findFirst({ where: eq(conversations.id, id) }))!;
}

const assigneeOf = async (id: string) => (await conversation(id)).assigneeId;
const waitAssigned = (id: string) => waitFor(`conversation ${id} assigned`, () => assigneeOf(id));

async function assignedEvents(conversationId: string) {
  return db()
    .select()
    .from(events)
    .where(and(eq(events.conversationId, conversationId), eq(events.type, "conversation.assigned")));
}

/** Gives routing's background work a moment, then checks nothing was handed out. */
async function settle() {
  await new Promise((r) => setTimeout(r, 100));
  await server.core.writer.drain();
}

async function loginAs(userId: string) {
  return server.login(`${userId}@routing.test`);
}

describe("automatic routing", () => {
  it("manual (the default) assigns nothing", async () => {
    const id = await customerWrites(server.seed!.inboxIds.site!);
    await settle();
    expect(await assigneeOf(id)).toBeNull();
    expect(await assignedEvents(id)).toHaveLength(0);
  });

  it("round robin alternates between available agents, and each decision says why", async () => {
    const { inboxId, agents } = await setup("round_robin", [{ name: "Agent Ava" }, { name: "Agent Ben" }]);
    const order: string[] = [];
    const convs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await customerWrites(inboxId);
      convs.push(id);
      order.push(await waitAssigned(id));
    }
    expect(order).toEqual([agents[0], agents[1], agents[0], agents[1]]);
    const [first] = await assignedEvents(convs[0]!);
    expect(first).toMatchObject({ actorKind: "system", data: { from: null, to: agents[0], reason: "routing", mode: "round_robin", why: "round robin: first in line" } });
    const [second] = await assignedEvents(convs[1]!);
    expect(second!.data).toMatchObject({ to: agents[1], why: "round robin: next after Agent Ava", load: 0, capacity: 5 });

    // The history is readable over REST, with the why.
    const token = await loginAs(agents[1]!);
    const res = await server.api(`/api/conversations/${convs[1]}/events`, { token });
    expect(res.status).toBe(200);
    const history = (await res.json()) as { events: { type: string; data: Record<string, unknown> }[] };
    expect(history.events.map((e) => e.type)).toEqual(["conversation.created", "message.received", "conversation.assigned"]);
    expect(history.events[2]!.data.why).toBe("round robin: next after Agent Ava");
  });

  it("least loaded picks the agent with the fewest open chats", async () => {
    const { inboxId, agents } = await setup("least_loaded", [{ name: "Agent Cid" }, { name: "Agent Dee", availability: "away" }]);
    const a = await customerWrites(inboxId);
    const b = await customerWrites(inboxId);
    expect(await waitAssigned(a)).toBe(agents[0]);
    expect(await waitAssigned(b)).toBe(agents[0]);
    const dee = await loginAs(agents[1]!);
    const res = await server.api("/api/me/availability", { method: "PUT", token: dee, json: { availability: "available" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ availability: "available", assigned: 0 });
    const c = await customerWrites(inboxId);
    expect(await waitAssigned(c)).toBe(agents[1]);
    const d = await customerWrites(inboxId);
    expect(await waitAssigned(d)).toBe(agents[1]);
    const [ev] = await assignedEvents(d);
    expect(ev!.data).toMatchObject({ mode: "least_loaded", load: 1, capacity: 5, why: "least loaded: 1 of 5 chats" });
    const [changed] = await db()
      .select()
      .from(events)
      .where(and(eq(events.type, "user.availability_changed"), eq(events.actorId, agents[1]!)));
    expect(changed!.data).toEqual({ from: "away", to: "available" });
  });

  it("busy and away agents get nothing; the chat waits and goes out when someone becomes available", async () => {
    const { inboxId, agents } = await setup("round_robin", [
      { name: "Agent Eve", availability: "busy" },
      { name: "Agent Fay", availability: "away" },
    ]);
    const id = await customerWrites(inboxId);
    await settle();
    expect(await assigneeOf(id)).toBeNull();
    const fay = await loginAs(agents[1]!);
    const res = await server.api("/api/me/availability", { method: "PUT", token: fay, json: { availability: "available" } });
    expect(await res.json()).toEqual({ availability: "available", assigned: 1 });
    expect(await assigneeOf(id)).toBe(agents[1]);
    // An agent going busy gets nothing more.
    await server.api("/api/me/availability", { method: "PUT", token: fay, json: { availability: "busy" } });
    const next = await customerWrites(inboxId);
    await settle();
    expect(await assigneeOf(next)).toBeNull();
  });

  it("at capacity chats queue, urgent first, and are handed out as chats are resolved", async () => {
    const { inboxId, agents } = await setup("least_loaded", [{ name: "Agent Gus", capacity: 1 }]);
    const first = await customerWrites(inboxId);
    expect(await waitAssigned(first)).toBe(agents[0]);
    const older = await customerWrites(inboxId, "normal, but older");
    await new Promise((r) => setTimeout(r, 5));
    const urgent = await customerWrites(inboxId, "urgent");
    const supervisor = await server.login("supervisor@demo.inbox");
    const pr = await server.api(`/api/conversations/${urgent}/priority`, { method: "POST", token: supervisor, json: { priority: "urgent" } });
    expect(pr.status).toBe(200);
    await settle();
    expect(await assigneeOf(older)).toBeNull();
    expect(await assigneeOf(urgent)).toBeNull();

    const gus = await loginAs(agents[0]!);
    const resolve = (id: string) => server.api(`/api/conversations/${id}/status`, { method: "POST", token: gus, json: { status: "resolved" } });
    expect((await resolve(first)).status).toBe(200);
    expect(await waitAssigned(urgent)).toBe(agents[0]);
    await settle();
    expect(await assigneeOf(older)).toBeNull();
    expect((await resolve(urgent)).status).toBe(200);
    expect(await waitAssigned(older)).toBe(agents[0]);
  });

  it("concurrent routing of the same chat (same process or two instances) assigns it once", async () => {
    const { inboxId, agents, teamId } = await setup("round_robin", [
      { name: "Agent Hal", availability: "away" },
      { name: "Agent Ivy", availability: "away" },
    ]);
    const id = await customerWrites(inboxId);
    await settle();
    expect(await assigneeOf(id)).toBeNull();
    // Make both available behind routing's back, then race it.
    await db().update(users).set({ availability: "available" }).where(inArray(users.id, agents));
    const otherInstance = new Router({ ...server.core, locks: new KeyedMutex() });
    const results = await Promise.all([
      server.core.router.conversationWaiting(id),
      server.core.router.conversationWaiting(id),
      otherInstance.conversationWaiting(id),
      otherInstance.capacityChanged(teamId),
    ]);
    const decisions = results.flat().filter((d) => d !== null);
    expect(decisions).toHaveLength(1);
    expect(await assignedEvents(id)).toHaveLength(1);
    expect(agents).toContain(await assigneeOf(id));
  });

  it("the assignee picks up an offered chat once; waitedMs is recorded", async () => {
    const { inboxId, agents } = await setup("round_robin", [{ name: "Agent Jo" }, { name: "Agent Kim", availability: "away" }]);
    const id = await customerWrites(inboxId);
    expect(await waitAssigned(id)).toBe(agents[0]);
    const kim = await loginAs(agents[1]!);
    expect((await server.api(`/api/conversations/${id}/pickup`, { method: "POST", token: kim })).status).toBe(403);
    const jo = await loginAs(agents[0]!);
    const first = await server.api(`/api/conversations/${id}/pickup`, { method: "POST", token: jo });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { pickedUp: boolean; waitedMs: number };
    expect(body.pickedUp).toBe(true);
    expect(body.waitedMs).toBeGreaterThanOrEqual(0);
    const again = (await (await server.api(`/api/conversations/${id}/pickup`, { method: "POST", token: jo })).json()) as { pickedUp: boolean; waitedMs: number };
    expect(again).toEqual({ pickedUp: false, waitedMs: body.waitedMs });
    const picked = await db().select().from(events).where(and(eq(events.conversationId, id), eq(events.type, "conversation.picked_up")));
    expect(picked).toHaveLength(1);
    expect(picked[0]!).toMatchObject({ actorKind: "agent", actorId: agents[0], data: { waitedMs: body.waitedMs } });
  });

  it("admins set an inbox's mode (audited); waiting chats go out at once; others may not", async () => {
    const { inboxId, agents } = await setup("manual", [{ name: "Agent Lu" }]);
    const id = await customerWrites(inboxId);
    await settle();
    expect(await assigneeOf(id)).toBeNull();
    const agent = await loginAs(agents[0]!);
    const refused = await server.api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: agent, json: { mode: "round_robin" } });
    expect(refused.status).toBe(403);
    const admin = await server.login("admin@demo.inbox");
    const bad = await server.api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: admin, json: { mode: "random" } });
    expect(bad.status).toBe(400);
    const ok = await server.api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: admin, json: { mode: "round_robin" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ inboxId, mode: "round_robin" });
    expect(await waitAssigned(id)).toBe(agents[0]);
    const inbox = await db().query.inboxes.findFirst({ where: eq(inboxes.id, inboxId) });
    expect(inbox!.settings).toMatchObject({ routing: "round_robin", greeting: "Hi" });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, "inbox.routing_changed"), eq(auditLog.target, inboxId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toEqual({ from: "manual", to: "round_robin" });
  });
});
