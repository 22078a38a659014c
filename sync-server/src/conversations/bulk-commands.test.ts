import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { CommandResult } from "@inbox/shared";
import { conversations, events } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// A bulk action from the PWA is many ordinary commands in one request (one per chat, each with
// its own client id), not a bulk endpoint. These tests hold the server to what that relies on:
// each command is authorised and decided on its own (a supervisor's teams, an agent's rights,
// a colleague's change in the meantime), one refusal does not sink the others, and a replay of
// the whole request changes nothing twice.
let server: TestServer;
let seed: NonNullable<TestServer["seed"]>;
let sam = "";
let ana = "";
let alice = "";

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  seed = server.seed!;
  sam = await server.login("supervisor@demo.inbox");
  ana = await server.login("ana@demo.inbox");
  alice = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

let seq = 0;
async function customerWrites(inboxKey: "site" | "pricing", name: string): Promise<string> {
  const inbox = seed.inboxIds[inboxKey]!;
  const { token } = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token, json: { clientId: `bulk-test-${++seq}-000`, text: "hello" } });
  expect(res.status).toBe(201);
  const row = await server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, name) });
  return row!.id;
}

async function send(token: string, commands: object[]): Promise<CommandResult[]> {
  const res = await server.api("/api/commands", { method: "POST", token, json: { commands } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results;
}

const outcome = (r: CommandResult) => (r.ok ? "ok" : r.code);

describe("a bulk action's commands, each decided on its own", () => {
  it("a supervisor's batch: changes the chats of their teams, refuses another team's, reports a colleague's change, and applies once", async () => {
    const [free, elsewhere, taken] = [await customerWrites("site", "Bulk Srv A"), await customerWrites("site", "Bulk Srv B"), await customerWrites("site", "Bulk Srv C")];
    // One chat now belongs to Billing, a team Sam does not lead; another is taken by the admin first.
    await server.core.db.update(conversations).set({ teamId: seed.teamIds.billing! }).where(eq(conversations.id, elsewhere));
    const [took] = await send(alice, [{ type: "assign", clientId: "bulk-srv-alice-takes", conversationId: taken, assigneeId: seed.userIds.admin }]);
    expect(took!.ok).toBe(true);

    const batch = [free, elsewhere, taken].map((id, i) => ({
      type: "assign",
      clientId: `bk0123456789abcdef0123456789abcdef_${i}`,
      conversationId: id,
      assigneeId: seed.userIds.ana,
      expectedAssigneeId: null,
    }));
    const results = await send(sam, batch);
    expect(results.map(outcome)).toEqual(["ok", "forbidden", "conflict"]);
    expect(results[2]).toMatchObject({ message: "Alice Admin already took this chat." });

    // The outbox may send the same batch again (a lost answer): the same answers, nothing twice.
    expect((await send(sam, batch)).map(outcome)).toEqual(["ok", "forbidden", "conflict"]);
    const assigned = await server.core.db.select().from(events).where(and(eq(events.conversationId, free), eq(events.type, "conversation.assigned")));
    expect(assigned).toHaveLength(1);
    const rows = await Promise.all([free, elsewhere, taken].map((id) => server.core.db.query.conversations.findFirst({ where: eq(conversations.id, id) })));
    expect(rows.map((r) => r!.assigneeId)).toEqual([seed.userIds.ana, null, seed.userIds.admin]);
  });

  it("an agent's batch does only what an agent may do on one chat", async () => {
    const own = await customerWrites("site", "Bulk Agent D");
    const sales = await customerWrites("pricing", "Bulk Agent E");
    const results = await send(ana, [
      { type: "assign", clientId: "bulk-agent-0001", conversationId: own, assigneeId: seed.userIds.supervisor },
      { type: "transfer", clientId: "bulk-agent-0002", conversationId: own, teamId: seed.teamIds.sales },
      { type: "status", clientId: "bulk-agent-0003", conversationId: sales, status: "resolved" },
      { type: "assign", clientId: "bulk-agent-0004", conversationId: own, assigneeId: seed.userIds.ana, expectedAssigneeId: null },
      { type: "priority", clientId: "bulk-agent-0005", conversationId: own, priority: "urgent" },
    ]);
    expect(results.map(outcome)).toEqual(["forbidden", "forbidden", "forbidden", "ok", "ok"]);
    const row = await server.core.db.query.conversations.findFirst({ where: eq(conversations.id, own) });
    expect(row).toMatchObject({ assigneeId: seed.userIds.ana, teamId: seed.teamIds.support, priority: "urgent" });
    expect((await server.core.db.query.conversations.findFirst({ where: eq(conversations.id, sales) }))!.status).toBe("open");
  });
});
