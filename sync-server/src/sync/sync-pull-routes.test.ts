import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandsResponseSchema, SyncPullResponseSchema, type Command, type Conversation, type SyncPullResponse } from "@inbox/shared";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let ana: string;
beforeAll(async () => {
  server = await startTestServer();
  ana = await server.login("ana@demo.inbox");
});
afterAll(() => server.stop());

async function pull(token: string, cursor?: string, limit = 500): Promise<SyncPullResponse> {
  const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const res = await server.api(`/api/sync/pull?${q}`, { token });
  expect(res.status).toBe(200);
  return SyncPullResponseSchema.parse(await res.json());
}

async function pullAll(token: string, cursor: string | undefined, limit: number) {
  const all = { conversations: [] as string[], messages: [] as string[], contacts: [] as string[], pages: 0, cursor };
  for (;;) {
    const page = await pull(token, all.cursor, limit);
    all.pages++;
    all.conversations.push(...page.conversations.map((c) => c.id));
    all.messages.push(...page.messages.map((m) => m.id));
    all.contacts.push(...page.contacts.map((c) => c.id));
    all.cursor = page.cursor;
    if (!page.hasMore) return all;
  }
}

async function customerWrites(name: string, text: string, inbox = server.seed!.inboxIds.site!) {
  const s = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: s.token, json: { clientId: `cw-${crypto.randomUUID()}`, text } });
  expect(res.status).toBe(201);
  return s.token;
}

async function commands(token: string, list: Command[]) {
  const res = await server.api("/api/commands", { method: "POST", token, json: { commands: list } });
  expect(res.status).toBe(200);
  return CommandsResponseSchema.parse(await res.json()).results;
}

describe("pull: the working set in pages, then only deltas", () => {
  it("first sync returns everything the agent may see, and only that", async () => {
    const first = await pullAll(ana, undefined, 1000);
    const admin = await server.login("admin@demo.inbox");
    const everything = await pullAll(admin, undefined, 1000);
    const rows = await server.core.db.query.conversations.findMany();
    const support = rows.filter((r) => r.teamId === server.seed!.teamIds.support).map((r) => r.id).sort();
    expect([...first.conversations].sort()).toEqual(support);
    expect(everything.conversations.length).toBe(rows.length);
    expect(everything.messages.length).toBeGreaterThan(first.messages.length);
  });

  it("small pages add up to the same rows, each exactly once, and an interrupted download resumes at its cursor", async () => {
    const whole = await pullAll(ana, undefined, 1000);
    const paged = await pullAll(ana, undefined, 2);
    expect(paged.pages).toBeGreaterThan(3);
    expect(new Set(paged.messages).size).toBe(paged.messages.length);
    expect([...new Set(paged.messages)].sort()).toEqual([...whole.messages].sort());
    expect([...new Set(paged.conversations)].sort()).toEqual([...whole.conversations].sort());

    // Stop after two pages, then resume from the stored cursor.
    const p1 = await pull(ana, undefined, 2);
    const p2 = await pull(ana, p1.cursor, 2);
    const rest = await pullAll(ana, p2.cursor, 2);
    const resumed = [...p1.messages, ...p2.messages].map((m) => m.id).concat(rest.messages);
    expect(resumed.sort()).toEqual([...whole.messages].sort());
  });

  it("a later pull from the cursor brings only what changed", async () => {
    const base = await pullAll(ana, undefined, 1000);
    await customerWrites("Delta Dana", "new since your last sync");
    const delta = await pull(ana, base.cursor);
    expect(delta.messages.map((m) => m.content.kind === "text" && m.content.text)).toEqual(["new since your last sync"]);
    expect(delta.conversations.map((c) => c.contactName)).toEqual(["Delta Dana"]);
    expect(delta.contacts.map((c) => c.name)).toEqual(["Delta Dana"]);
    const nothing = await pull(ana, delta.cursor);
    expect([nothing.messages.length, nothing.conversations.length, nothing.hasMore, nothing.cursor]).toEqual([0, 0, false, delta.cursor]);
  });

  it("a customer writing again in the same chat: each later pull brings the new message and the chat as it now is", async () => {
    const inbox = server.seed!.inboxIds.site!;
    const visitor = await customerWrites("Again Alba", "first");
    let cursor = (await pullAll(ana, undefined, 1000)).cursor;
    for (const text of ["second", "third"]) {
      const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: visitor, json: { clientId: `again-${text}`, text } });
      expect(res.status).toBe(201);
      const delta = await pull(ana, cursor);
      expect(delta.messages.map((m) => m.content.kind === "text" && m.content.text)).toEqual([text]);
      expect(delta.conversations.map((c) => [c.contactName, c.lastMessagePreview])).toEqual([["Again Alba", text]]);
      cursor = delta.cursor;
    }
  });

  it("refuses a cursor it did not issue", async () => {
    const res = await server.api("/api/sync/pull?cursor=garbage", { token: ana });
    expect(res.status).toBe(400);
  });
});

describe("commands: exactly once, in order", () => {
  it("offline replies reach the customer once each, in the order written, even when the batch is replayed", async () => {
    const visitor = await customerWrites("Order Olga", "hello?");
    const conv = (await pull(ana)).conversations.find((c) => c.contactName === "Order Olga")!;
    const batch: Command[] = ["first", "second", "third"].map((text, i) => ({
      type: "reply",
      clientId: `offline-order-${i}-${conv.id.slice(0, 8)}`,
      conversationId: conv.id,
      text,
      expectedAssigneeId: null,
    }));
    const results = await commands(ana, batch);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const replay = await commands(ana, batch); // the connection dropped before the answer arrived
    expect(replay).toEqual(results);
    await server.core.outbox.idle();
    const history = (await (await server.api(`/api/widget/${server.seed!.inboxIds.site}/messages`, { token: visitor })).json()) as {
      messages: { from: string; content: { text: string } }[];
    };
    expect(history.messages.filter((m) => m.from === "agent").map((m) => m.content.text)).toEqual(["first", "second", "third"]);
  });

  it("a reply written offline loses to a colleague who took the chat meanwhile, and says so", async () => {
    await customerWrites("Race Rosa", "help!");
    const conv = (await pull(ana)).conversations.find((c) => c.contactName === "Race Rosa")!;
    const supervisor = await server.login("supervisor@demo.inbox");
    const users = (await (await server.api("/api/users", { token: supervisor })).json()) as { users: { id: string; email: string }[] };
    const sam = users.users.find((u) => u.email === "supervisor@demo.inbox")!;
    const [taken] = await commands(supervisor, [{ type: "assign", clientId: `take-${conv.id.slice(0, 12)}`, conversationId: conv.id, assigneeId: sam.id }]);
    expect(taken!.ok).toBe(true);

    const [result] = await commands(ana, [
      { type: "reply", clientId: `late-${conv.id.slice(0, 12)}`, conversationId: conv.id, text: "I can help!", expectedAssigneeId: null },
    ]);
    expect(result).toEqual({
      clientId: `late-${conv.id.slice(0, 12)}`,
      ok: false,
      code: "conflict",
      message: "Conversation was taken by Sam while you were offline; your reply was kept as a draft.",
      keepAsDraft: true,
      // The PWA words it in the agent's language from these.
      fields: { reason: "taken_while_offline", first: "Sam" },
    });
    const msgs = await server.core.db.query.messages.findMany({ where: (m, { eq }) => eq(m.conversationId, conv.id) });
    expect(msgs.some((m) => m.text === "I can help!")).toBe(false);
  });

  it("status, priority and read commands apply once and are events once", async () => {
    await customerWrites("Triage Tom", "is this urgent?");
    const conv = (await pull(ana)).conversations.find((c) => c.contactName === "Triage Tom")!;
    const list: Command[] = [
      { type: "priority", clientId: `prio-${conv.id.slice(0, 12)}`, conversationId: conv.id, priority: "urgent" },
      { type: "status", clientId: `pend-${conv.id.slice(0, 12)}`, conversationId: conv.id, status: "pending" },
      { type: "read", clientId: `read-${conv.id.slice(0, 12)}`, conversationId: conv.id },
    ];
    await commands(ana, list);
    await commands(ana, list);
    const after = ((await (await server.api(`/api/conversations/${conv.id}`, { token: ana })).json()) as { conversation: Conversation }).conversation;
    expect(after).toMatchObject({ priority: "urgent", status: "pending", unreadCount: 0 });
    const events = await server.core.db.query.events.findMany({ where: (e, { eq }) => eq(e.conversationId, conv.id) });
    expect(events.filter((e) => e.type === "conversation.priority_changed")).toHaveLength(1);
    expect(events.filter((e) => e.type === "conversation.status_changed")).toHaveLength(1);
  });

  it("commands for another team's conversation are refused, in words", async () => {
    const admin = await server.login("admin@demo.inbox");
    const sales = (await pull(admin)).conversations.find((c) => c.teamId === server.seed!.teamIds.sales)!;
    const [r] = await commands(ana, [{ type: "reply", clientId: `nope-${sales.id.slice(0, 12)}`, conversationId: sales.id, text: "hi" }]);
    expect(r).toMatchObject({ ok: false, code: "forbidden", message: "This conversation belongs to a team you are not in.", keepAsDraft: true });
  });
});
