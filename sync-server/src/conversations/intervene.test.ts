import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { and, eq } from "drizzle-orm";
import { newId, type AssigneeLoadResponse, type CommandResult, type Conversation, type Note } from "@inbox/shared";
import type { Notification } from "@inbox/shared/api/content";
import { events, messages, notifications, outbox, teamMembers, users } from "../db/schema.ts";
import { bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { RoutingFixtures } from "../routing/routing-fixtures.ts";

// Supervisors intervening: reassigning to a chosen agent (capacity, reasons, who is told),
// transferring, raised hands, joining and whispering, on a real server and database.
let server: TestServer;
const f = new RoutingFixtures(() => server);
let sam: string;
let samId: string;
let admin: string;
let team: { teamId: string; inboxId: string; agents: string[] };
let tokens: string[];

beforeAll(async () => {
  server = await startTestServer();
  await f.init();
  // Manual routing: nothing is offered behind the test's back.
  team = await f.setup("manual", [
    { name: "Carla Dias", capacity: 2 },
    { name: "Davi Rocha", capacity: 1 },
  ]);
  sam = await server.login("supervisor@demo.inbox");
  admin = await server.login("admin@demo.inbox");
  samId = (await server.core.db.query.users.findFirst({ where: eq(users.email, "supervisor@demo.inbox") }))!.id;
  // The routing fixtures make Sam a member (the lead) of the new team.
  tokens = await Promise.all(team.agents.map((id) => f.loginAs(id)));
});
afterAll(() => server.stop());

async function commands(token: string, list: object[], via: TestServer = server): Promise<CommandResult[]> {
  const res = await via.api("/api/commands", { method: "POST", token, json: { commands: list.map((c) => ({ clientId: crypto.randomUUID(), ...c })) } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results;
}

const one = async (token: string, command: object, via?: TestServer) => (await commands(token, [command], via))[0]!;

async function notificationsOf(userId: string): Promise<Notification[]> {
  return (await server.core.db.select().from(notifications).where(eq(notifications.userId, userId))) as Notification[];
}

async function eventsOf(conversationId: string, type: string) {
  return server.core.db.select().from(events).where(and(eq(events.conversationId, conversationId), eq(events.type, type as never)));
}

describe("assigning to a chosen agent", () => {
  it("records the reason in the history and tells the previous and the new assignee", async () => {
    const [carla, davi] = team.agents as [string, string];
    const id = await f.customerWrites(team.inboxId, "Where is my order?");
    expect(await one(sam, { type: "assign", conversationId: id, assigneeId: carla, expectedAssigneeId: null })).toMatchObject({ ok: true });
    const moved = await one(sam, { type: "assign", conversationId: id, assigneeId: davi, expectedAssigneeId: carla, reason: "Davi knows this customer" });
    expect(moved).toMatchObject({ ok: true, conversation: { assigneeId: davi } });
    const [last] = (await f.assignedEvents(id)).slice(-1);
    expect(last!.data).toMatchObject({ from: carla, to: davi, reason: "manual", why: "Davi knows this customer" });
    expect((await notificationsOf(carla)).find((n) => n.conversationId === id && n.kind === "unassigned")).toMatchObject({ actorName: "Sam Supervisor", excerpt: "Davi knows this customer" });
    expect((await notificationsOf(davi)).find((n) => n.conversationId === id && n.kind === "assigned")).toMatchObject({ excerpt: "Davi knows this customer" });

    // Unassign back to the queue, with its reason.
    expect(await one(sam, { type: "assign", conversationId: id, assigneeId: null, reason: "Back to the queue" })).toMatchObject({ ok: true, conversation: { assigneeId: null } });
    expect((await notificationsOf(davi)).filter((n) => n.conversationId === id).map((n) => n.kind).sort()).toEqual(["assigned", "unassigned"]);
  });

  it("refuses an agent at capacity unless the supervisor overrides it", async () => {
    const davi = team.agents[1]!;
    const first = await f.customerWrites(team.inboxId, "one");
    const second = await f.customerWrites(team.inboxId, "two");
    expect(await one(sam, { type: "assign", conversationId: first, assigneeId: davi }), "first").toMatchObject({ ok: true });
    const refused = await one(sam, { type: "assign", conversationId: second, assigneeId: davi });
    expect(refused).toMatchObject({ ok: false, code: "over_capacity" });
    expect((refused as { message: string }).message).toBe("Davi Rocha already has 1 of 1 chats. Assign anyway to go over their capacity.");
    // The same facts, for a client to ask in its user's language.
    expect((refused as { fields?: Record<string, string> }).fields).toEqual({ name: "Davi Rocha", load: "1", capacity: "1" });
    expect(await f.assigneeOf(second)).toBeNull();
    const forced = await one(sam, { type: "assign", conversationId: second, assigneeId: davi, override: true });
    expect(forced).toMatchObject({ ok: true, conversation: { assigneeId: davi } });
    expect((await f.assignedEvents(second)).slice(-1)[0]!.data).toMatchObject({ override: true });
    // The picker's numbers: Davi now holds two chats against a capacity of one.
    const loads = (await (await server.api("/api/assignees/load", { token: sam })).json()) as AssigneeLoadResponse;
    expect(loads.loads.find((l) => l.userId === davi)).toMatchObject({ load: 2, capacity: 1, name: "Davi Rocha", role: "agent", teamIds: [team.teamId] });
    // The fixtures' agents were seen just now: routing counts Davi online, and so does the picker.
    expect(loads.loads.find((l) => l.userId === davi)!.availability).toBe("available");
    expect((await server.api("/api/assignees/load", { token: tokens[0]! })).status).toBe(403);
  });

  it("keeps agents to what they could do: take a free chat, not move a colleague's", async () => {
    const [carla, davi] = team.agents as [string, string];
    const id = await f.customerWrites(team.inboxId, "hello");
    expect(await one(tokens[0]!, { type: "assign", conversationId: id, assigneeId: carla })).toMatchObject({ ok: true });
    expect(await one(tokens[1]!, { type: "assign", conversationId: id, assigneeId: davi })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await one(tokens[0]!, { type: "assign", conversationId: id, assigneeId: davi })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await one(tokens[0]!, { type: "transfer", conversationId: id, teamId: team.teamId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await one(tokens[0]!, { type: "join", conversationId: id })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("transferring to another team", () => {
  it("moves the chat to the other team's queue, unassigned, and tells the agent who had it", async () => {
    const carla = team.agents[0]!;
    const id = await f.customerWrites(team.inboxId, "I need sales");
    await one(sam, { type: "assign", conversationId: id, assigneeId: carla });
    const sales = (await server.core.db.query.teams.findFirst({ where: (t, { eq: e }) => e(t.name, "Sales") }))!;
    const done = await one(sam, { type: "transfer", conversationId: id, teamId: sales.id, expectedTeamId: team.teamId, reason: "Asks about pricing" });
    expect(done).toMatchObject({ ok: true, conversation: { teamId: sales.id, assigneeId: null } });
    expect((await eventsOf(id, "conversation.transferred"))[0]!.data).toMatchObject({ fromTeam: team.teamId, toTeam: sales.id, from: carla, why: "Asks about pricing" });
    // One chain of assignments: the transfer ends Carla's.
    expect((await f.assignedEvents(id)).slice(-1)[0]!.data).toMatchObject({ from: carla, to: null, reason: "transfer" });
    expect((await notificationsOf(carla)).find((n) => n.conversationId === id && n.kind === "transferred")).toBeTruthy();
    // Carla is not in Sales: the chat is no longer hers to open.
    expect((await server.api(`/api/conversations/${id}`, { token: tokens[0]! })).status).toBe(403);
    // A second supervisor's transfer sent with the old team is told what happened.
    const late = await one(admin, { type: "transfer", conversationId: id, teamId: team.teamId, expectedTeamId: team.teamId });
    expect(late).toMatchObject({ ok: false, code: "conflict", message: "Sam Supervisor already transferred this chat to Sales." });
    expect((late as { fields?: Record<string, string> }).fields).toEqual({ what: "transferred", by: "Sam Supervisor", to: "Sales" });
  });
});

describe("raising a hand and joining", () => {
  it("an agent's raised hand shows on the chat and tells the team's supervisors; a supervisor joining lowers it", async () => {
    const carla = team.agents[0]!;
    const id = await f.customerWrites(team.inboxId, "complicated question");
    await one(sam, { type: "assign", conversationId: id, assigneeId: carla });
    const raised = await one(tokens[0]!, { type: "hand", conversationId: id, raised: true });
    expect(raised).toMatchObject({ ok: true, conversation: { helpRequestedBy: carla } });
    expect((raised as { conversation: Conversation }).conversation.helpRequestedAt).toBeGreaterThan(0);
    expect((await notificationsOf(samId)).find((n) => n.conversationId === id)).toMatchObject({ kind: "hand_raised", actorName: "Carla Dias" });
    // Another team's agent cannot see it, let alone raise a hand on it.
    const bruno = await server.login("bruno@demo.inbox");
    expect(await one(bruno, { type: "hand", conversationId: id, raised: true })).toMatchObject({ ok: false, code: "forbidden" });

    const joined = await one(sam, { type: "join", conversationId: id });
    expect(joined).toMatchObject({ ok: true, conversation: { helpRequestedAt: null, helpRequestedBy: null } });
    expect((await eventsOf(id, "supervisor.joined"))[0]).toMatchObject({ actorId: samId });
    expect((await notificationsOf(carla)).find((n) => n.conversationId === id && n.kind === "joined")).toBeTruthy();

    // Raised again and lowered by the agent herself.
    await one(tokens[0]!, { type: "hand", conversationId: id, raised: true });
    expect(await one(tokens[0]!, { type: "hand", conversationId: id, raised: false })).toMatchObject({ ok: true, conversation: { helpRequestedAt: null } });
    expect(await eventsOf(id, "conversation.hand_lowered")).toHaveLength(1);
  });
});

describe("whispering", () => {
  function connect(doc: Y.Doc, token: string, id: string): WebsocketProvider {
    return new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `work.${id}`, doc, { WebSocketPolyfill: bearerWebSocket(token), disableBc: true });
  }
  const whisper = (id: string, authorId: string, to: string, text: string): Note => ({
    id: newId(),
    conversationId: id,
    authorId,
    authorName: "x",
    text,
    createdAt: Date.now(),
    whisperTo: to,
  });

  it("reaches the assigned agent and never the customer: not in the widget, the messages or the outbox", async () => {
    const carla = team.agents[0]!;
    const inbox = team.inboxId;
    const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Whisper Visitor" } })).json()) as { token: string };
    const sent = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: crypto.randomUUID(), text: "hi" } });
    const id = (await server.core.db.query.messages.findFirst({ where: eq(messages.id, ((await sent.json()) as { message: { id: string } }).message.id) }))!.conversationId;
    await one(sam, { type: "assign", conversationId: id, assigneeId: carla });
    await one(tokens[0]!, { type: "hand", conversationId: id, raised: true });

    const secret = `Offer the refund ${newId().slice(0, 6)}`;
    const samDoc = new Y.Doc();
    const sams = connect(samDoc, sam, id);
    await waitFor("synced", () => sams.synced);
    const w = whisper(id, samId, carla, secret);
    samDoc.getMap("notes").set(w.id, w);

    const told = await waitFor("Carla told", async () => (await notificationsOf(carla)).find((n) => n.kind === "whisper" && n.conversationId === id));
    expect(told).toMatchObject({ actorName: "Sam Supervisor", excerpt: secret });
    expect((await eventsOf(id, "supervisor.whispered"))[0]!.data).toMatchObject({ noteId: w.id, to: carla });
    // A whisper answers a raised hand.
    await waitFor("hand lowered", async () => (await f.conversation(id)).helpRequestedAt === null);

    // The agent sees it in the work room.
    const carlaDoc = new Y.Doc();
    const carlas = connect(carlaDoc, tokens[0]!, id);
    await waitFor("Carla sees it", () => carlas.synced && (carlaDoc.getMap("notes").get(w.id) as Note | undefined)?.text === secret);

    // The customer never does: the widget's history, the messages table and the outbox hold nothing of it.
    const widget = await (await server.api(`/api/widget/${inbox}/messages`, { token: session.token })).text();
    expect(widget).toContain("hi");
    expect(widget).not.toContain(secret);
    const stored = await server.core.db.select().from(messages).where(eq(messages.conversationId, id));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const queued = await server.core.db.select().from(outbox);
    expect(JSON.stringify(queued)).not.toContain(secret);

    // An agent cannot whisper: the server takes it back for everyone.
    const fake = whisper(id, carla, carla, "agents do not whisper");
    carlaDoc.getMap("notes").set(fake.id, fake);
    await waitFor("taken back", () => !samDoc.getMap("notes").has(fake.id) && !carlaDoc.getMap("notes").has(fake.id));
    sams.destroy();
    carlas.destroy();
  });
});

describe("two supervisors on the same chat at once", () => {
  let two: TestServer;
  beforeAll(async () => {
    two = await startTestServer({ dir: server.dir, seed: false });
  });
  afterAll(() => two?.stop());

  it("one wins, the other is told who moved it; no chat is ever assigned twice", async () => {
    const [carla, davi] = team.agents as [string, string];
    const eva = newId();
    await server.core.db.insert(users).values({
      id: eva,
      workspaceId: (await f.conversation(await f.customerWrites(team.inboxId, "warm-up"))).workspaceId,
      email: `${eva}@routing.test`,
      name: "Eva Supervisor",
      role: "supervisor",
      passwordHash: (await server.core.db.query.users.findFirst({ where: eq(users.id, samId) }))!.passwordHash,
      maxConcurrentChats: 5,
      availability: "available",
      createdAt: Date.now(),
    });
    await server.core.db.insert(teamMembers).values({ teamId: team.teamId, userId: eva });
    const evaToken = await f.loginAs(eva);
    // Room for both choices, so capacity never decides the race.
    await server.core.db.update(users).set({ maxConcurrentChats: 50 }).where(eq(users.id, davi));
    await server.core.db.update(users).set({ maxConcurrentChats: 50 }).where(eq(users.id, carla));

    for (let round = 0; round < 6; round++) {
      const id = await f.customerWrites(team.inboxId, `race ${round}`);
      // Both saw the chat unassigned; each sends through a different server instance at once.
      const [a, b] = await Promise.all([
        one(sam, { type: "assign", conversationId: id, assigneeId: carla, expectedAssigneeId: null }, round % 2 ? two : server),
        one(evaToken, { type: "assign", conversationId: id, assigneeId: davi, expectedAssigneeId: null }, round % 2 ? server : two),
      ]);
      const wins = [a, b].filter((r) => r.ok);
      expect(wins, `round ${round}`).toHaveLength(1);
      const lost = [a, b].find((r) => !r.ok) as { code: string; message: string };
      const holder = await f.assigneeOf(id);
      expect(lost.code).toBe("conflict");
      expect(lost.message).toBe(holder === carla ? "Sam Supervisor already reassigned this chat to Carla Dias." : "Eva Supervisor already reassigned this chat to Davi Rocha.");
      const chain = await f.assignedEvents(id);
      expect(chain).toHaveLength(1);
      expect(chain[0]!.data).toMatchObject({ from: null, to: holder });
    }
  });
});
