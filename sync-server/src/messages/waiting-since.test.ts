import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { SyncPullResponseSchema, type Conversation } from "@inbox/shared";
import { conversations, messages } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { ingestCustomerMessage } from "./ingest.ts";
import { getInboxRow } from "../db/read-model.ts";

// "Oldest waiting" is exact: the record says since when each customer has waited for a reply.

let server: TestServer;
let ana: string;
beforeAll(async () => {
  server = await startTestServer();
  ana = await server.login("ana@demo.inbox");
});
afterAll(() => server.stop());

const MIN = 60_000;

async function startChat(name: string) {
  const inbox = server.seed!.inboxIds.site!;
  const s = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const write = async (text: string) => {
    const clientId = `ws-${crypto.randomUUID()}`;
    const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: s.token, json: { clientId, text } });
    expect(res.status).toBe(201);
    // The widget's answer leaves out internal ids; the record has them.
    const [m] = await server.core.db.select().from(messages).where(eq(messages.clientId, clientId));
    return m!;
  };
  return { write };
}

async function row(id: string) {
  const [r] = await server.core.db.select().from(conversations).where(eq(conversations.id, id));
  return r!;
}

/** The conversation as Ana's device receives it in a pull. */
async function pulled(id: string): Promise<Conversation | undefined> {
  let cursor: string | undefined;
  let found: Conversation | undefined;
  for (;;) {
    const q = new URLSearchParams({ limit: "1000", ...(cursor ? { cursor } : {}) });
    const page = SyncPullResponseSchema.parse(await (await server.api(`/api/sync/pull?${q}`, { token: ana })).json());
    found = page.conversations.find((c) => c.id === id) ?? found;
    cursor = page.cursor;
    if (!page.hasMore) return found;
  }
}

async function reply(id: string, text: string) {
  const res = await server.api(`/api/conversations/${id}/messages`, { method: "POST", token: ana, json: { clientId: `wr-${crypto.randomUUID()}`, text } });
  expect(res.status).toBe(201);
}

describe("waiting since", () => {
  it("starts with the customer's first unanswered message, survives more of them, ends with the agent's reply", async () => {
    const chat = await startChat("Wanda Waits");
    const first = await chat.write("hello, anyone?");
    const id = first.conversationId;
    expect((await row(id)).waitingSince).toBe(first.createdAt);

    server.clock.offsetMs += 5 * MIN;
    const second = await chat.write("still here");
    expect(second.createdAt).toBeGreaterThan(first.createdAt);
    expect((await row(id)).waitingSince).toBe(first.createdAt);
    expect((await pulled(id))?.waitingSince).toBe(first.createdAt);

    await reply(id, "Hi Wanda, on it");
    expect((await row(id)).waitingSince).toBeNull();
    expect((await pulled(id))?.waitingSince).toBeNull();

    server.clock.offsetMs += 5 * MIN;
    const again = await chat.write("one more thing");
    expect((await row(id)).waitingSince).toBe(again.createdAt);
    expect((await pulled(id))?.waitingSince).toBe(again.createdAt);
  });

  it("a customer reopening a resolved chat starts a fresh wait", async () => {
    const chat = await startChat("Reggie Reopens");
    const first = await chat.write("first question");
    const id = first.conversationId;
    const res = await server.api(`/api/conversations/${id}/status`, { method: "POST", token: ana, json: { status: "resolved" } });
    expect(res.status).toBe(200);
    server.clock.offsetMs += 10 * MIN;
    const again = await chat.write("actually, one more");
    expect(await row(id)).toMatchObject({ status: "open", waitingSince: again.createdAt });
  });

  it("messages committed together each stamp their own conversation", async () => {
    // Several customers' messages in one event-loop turn share one UPDATE … FROM VALUES.
    const chats = await Promise.all(["Batch Bea", "Batch Ben", "Batch Bo"].map(startChat));
    const firsts = await Promise.all(chats.map((c) => c.write("hi")));
    await Promise.all(firsts.map((m) => reply(m.conversationId, "hello")));
    const inbox = (await getInboxRow(server.core.db, server.seed!.inboxIds.site!))!;
    const base = server.core.now();
    const contacts = await Promise.all(firsts.map(async (m) => (await row(m.conversationId)).contactId));
    await Promise.all(
      contacts.map((contactId, i) =>
        ingestCustomerMessage(server.core, {
          inbox,
          contactId,
          contactName: `Batch ${i}`,
          content: { kind: "text", text: `batched ${i}` },
          clientId: `batch-${crypto.randomUUID()}`,
          externalId: null,
          at: base + i * MIN,
        }),
      ),
    );
    const stamps = await Promise.all(firsts.map(async (m) => (await row(m.conversationId)).waitingSince));
    expect(stamps).toEqual([base, base + MIN, base + 2 * MIN]);
  });

  it("the migration's backfill finds the same waits from the stored messages", async () => {
    const live = await server.core.db.select({ id: conversations.id, waitingSince: conversations.waitingSince }).from(conversations);
    expect(live.some((r) => r.waitingSince !== null)).toBe(true);
    expect(live.some((r) => r.waitingSince === null)).toBe(true);
    const migration = readFileSync(new URL("../../migrations/0012_waiting_since.sql", import.meta.url), "utf8");
    const backfill = migration.split("--> statement-breakpoint")[1]!;
    // A reopened chat restarts its wait live, which the messages alone cannot tell: compare the rest.
    await server.core.db.run(sql`update conversations set waiting_since = null`);
    await server.core.db.run(sql.raw(backfill));
    const filled = await server.core.db.select({ id: conversations.id, waitingSince: conversations.waitingSince }).from(conversations);
    const reopened = new Set(
      (await server.core.db.all<{ id: string }>(sql`select distinct conversation_id as id from events where type = 'conversation.status_changed'`)).map((r) => r.id),
    );
    const byId = new Map(filled.map((r) => [r.id, r.waitingSince]));
    for (const r of live.filter((l) => !reopened.has(l.id))) expect([r.id, byId.get(r.id)]).toEqual([r.id, r.waitingSince]);
  });
});
