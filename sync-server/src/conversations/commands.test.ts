import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { CommandResult, Conversation } from "@inbox/shared";
import { conversations, events, messages, processedCommands } from "../db/schema.ts";
import { PasswordHasher } from "../auth/index.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { startTestServer, TEST_PASSWORD_PARAMS, waitFor, type TestServer } from "../testing/test-server.ts";
import { createWorkspace } from "../workspace/index.ts";

let server: TestServer;
let admin: string;
let sam: string;
let ana: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
  sam = await server.login("supervisor@demo.inbox");
  ana = await server.login("ana@demo.inbox");
});
afterAll(() => server.stop());

async function commands(token: string, list: object[]): Promise<CommandResult[]> {
  const res = await server.api("/api/commands", { method: "POST", token, json: { commands: list } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results;
}

async function supportConversation(): Promise<Conversation> {
  const inbox = server.seed!.inboxIds.site!;
  const name = `Cmd ${crypto.randomUUID().slice(0, 8)}`;
  const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  expect((await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: crypto.randomUUID(), text: "hello" } })).status).toBe(201);
  return waitFor(`${name}'s conversation`, async () => {
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === name);
  });
}

const usersByEmail = async () =>
  Object.fromEntries(((await (await server.api("/api/users", { token: admin })).json()) as { users: { id: string; email: string }[] }).users.map((u) => [u.email, u.id]));

describe("command client ids", () => {
  it("are unique per workspace: another workspace's user may use the same id and gets their own outcome", async () => {
    await createWorkspace(
      server.core.db,
      { workspaceName: "Second", adminName: "Sid", adminEmail: "sid@second.example", adminPassword: "a long enough password" },
      { passwords: new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS) },
    );
    const sid = await server.login("sid@second.example", "a long enough password");
    const conv = await supportConversation();
    const clientId = "shared-client-id-0001";
    const [ours] = await commands(ana, [{ type: "priority", clientId, conversationId: conv.id, priority: "high" }]);
    expect(ours).toMatchObject({ ok: true });
    // In another workspace the same id is simply new: Sid is told about his own request (the
    // conversation is not his), not that someone else used the id.
    const [theirs] = await commands(sid, [{ type: "priority", clientId, conversationId: conv.id, priority: "low" }]);
    expect(theirs).toMatchObject({ ok: false, code: "not_found" });
    // Within a workspace an id stays one person's.
    const [colleague] = await commands(sam, [{ type: "priority", clientId, conversationId: conv.id, priority: "low" }]);
    expect(colleague).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("the assignment policy", () => {
  it("an agent takes chats nobody has and hands back their own, but cannot take a chat a supervisor holds; supervisors reassign", async () => {
    const ids = await usersByEmail();
    const conv = await supportConversation();
    const assign = (token: string, assigneeId: string | null) => commands(token, [{ type: "assign", clientId: crypto.randomUUID(), conversationId: conv.id, assigneeId }]);

    expect((await assign(ana, ids["ana@demo.inbox"]!))[0]).toMatchObject({ ok: true, conversation: { assigneeId: ids["ana@demo.inbox"] } });
    expect((await assign(ana, null))[0]).toMatchObject({ ok: true, conversation: { assigneeId: null } });

    expect((await assign(sam, ids["supervisor@demo.inbox"]!))[0]).toMatchObject({ ok: true });
    const [taken] = await assign(ana, ids["ana@demo.inbox"]!);
    expect(taken).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "This chat is assigned to Sam Supervisor. Only a supervisor or admin can reassign it; ask them, or ask Sam to hand it back.",
    });
    const [handOff] = await assign(ana, null);
    expect(handOff).toMatchObject({ ok: false, code: "forbidden" });

    expect((await assign(sam, ids["ana@demo.inbox"]!))[0]).toMatchObject({ ok: true, conversation: { assigneeId: ids["ana@demo.inbox"] } });
    expect((await assign(admin, ids["supervisor@demo.inbox"]!))[0]).toMatchObject({ ok: true, conversation: { assigneeId: ids["supervisor@demo.inbox"] } });
  });
});

describe("a batch of commands", () => {
  const statusChanges = async (conversationId: string) =>
    (await server.core.db.select().from(events).where(and(eq(events.conversationId, conversationId), eq(events.type, "conversation.status_changed"))).orderBy(asc(events.at), sql`rowid`)).map(
      (e) => `${(e.data as { from: string }).from}→${(e.data as { to: string }).to}`,
    );
  const storedReplies = async (clientIds: string[]) => (await server.core.db.select().from(messages).where(inArray(messages.clientId, clientIds))).length;

  it("gives each command its own outcome, commits the accepted ones with their events, and leaves the refused ones' chats as they were", async () => {
    const [mine, other, elsewhere] = [await supportConversation(), await supportConversation(), await supportConversation()];
    // A chat of a team Ana is not in: hers to see no more.
    await server.core.db.update(conversations).set({ teamId: server.seed!.teamIds.billing! }).where(eq(conversations.id, elsewhere.id));
    const id = () => crypto.randomUUID();
    const batch = [
      { type: "reply", clientId: id(), conversationId: mine.id, text: "On its way" },
      { type: "status", clientId: id(), conversationId: elsewhere.id, status: "resolved" },
      { type: "priority", clientId: id(), conversationId: other.id, priority: "urgent" },
      { type: "reply", clientId: id(), conversationId: elsewhere.id, text: "Not mine to answer" },
      { type: "status", clientId: id(), conversationId: mine.id, status: "snoozed", snoozedUntil: Date.now() - 1 },
      { type: "status", clientId: id(), conversationId: mine.id, status: "pending" },
    ];
    const results = await commands(ana, batch);
    expect(results.map((r) => r.clientId)).toEqual(batch.map((c) => c.clientId));
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["ok", "forbidden", "ok", "forbidden", "validation_failed", "ok"]);
    expect(results[3]).toMatchObject({ keepAsDraft: true });

    expect(await storedReplies([batch[0]!.clientId, batch[3]!.clientId])).toBe(1);
    const after = async (cid: string) => (await server.core.db.query.conversations.findFirst({ where: eq(conversations.id, cid) }))!;
    expect(await after(mine.id)).toMatchObject({ status: "pending", assigneeId: server.seed!.userIds.ana });
    expect(await after(other.id)).toMatchObject({ priority: "urgent" });
    expect(await after(elsewhere.id)).toMatchObject({ status: "open", lastMessagePreview: "hello" });
    expect(await statusChanges(mine.id)).toEqual(["open→pending"]);
    expect(await statusChanges(elsewhere.id)).toEqual([]);
    const recorded = await server.core.db.select().from(processedCommands).where(inArray(processedCommands.clientId, batch.map((c) => c.clientId)));
    expect(recorded).toHaveLength(batch.length);
  });

  it("applies one conversation's commands in the order they were made, whatever else the batch holds", async () => {
    const [chat, ...others] = [await supportConversation(), await supportConversation(), await supportConversation()];
    const status = (conversationId: string, to: string) => ({ type: "status", clientId: crypto.randomUUID(), conversationId, status: to });
    const reply = (conversationId: string, text: string) => ({ type: "reply", clientId: crypto.randomUUID(), conversationId, text });
    const results = await commands(ana, [
      reply(chat.id, "First"),
      status(others[0]!.id, "pending"),
      status(chat.id, "resolved"),
      reply(others[1]!.id, "Elsewhere"),
      status(chat.id, "open"),
      reply(chat.id, "Second"),
      status(others[0]!.id, "resolved"),
      status(chat.id, "pending"),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await statusChanges(chat.id)).toEqual(["open→resolved", "resolved→open", "open→pending"]);
    expect(await statusChanges(others[0]!.id)).toEqual(["open→pending", "pending→resolved"]);
    const timeline = await server.core.db.select().from(messages).where(eq(messages.conversationId, chat.id)).orderBy(asc(messages.position));
    expect(timeline.map((m) => m.text)).toEqual(["hello", "First", "Second"]);
  });

  it("applies nothing twice when the same batch is delivered again, or one change id comes twice in it", async () => {
    const [a, b] = [await supportConversation(), await supportConversation()];
    const replyId = crypto.randomUUID();
    const batch = [
      { type: "reply", clientId: replyId, conversationId: a.id, text: "Only once" },
      { type: "status", clientId: crypto.randomUUID(), conversationId: a.id, status: "resolved" },
      { type: "priority", clientId: crypto.randomUUID(), conversationId: b.id, priority: "high" },
      { type: "reply", clientId: replyId, conversationId: a.id, text: "Only once" },
    ];
    const first = await commands(ana, batch);
    expect(first.every((r) => r.ok)).toBe(true);
    expect(first[3]).toEqual(first[0]);
    const eventCount = async () => (await server.core.db.select().from(events).where(inArray(events.conversationId, [a.id, b.id]))).length;
    const eventsBefore = await eventCount();

    const again = await commands(ana, batch);
    expect(again).toEqual(first);
    expect(await storedReplies([replyId])).toBe(1);
    expect(await eventCount()).toBe(eventsBefore);
    expect(await statusChanges(a.id)).toEqual(["open→resolved"]);
  });
});
