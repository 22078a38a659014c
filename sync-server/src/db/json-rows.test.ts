import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq, like, sql } from "drizzle-orm";
import { real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { migrateDatabase } from "../node/migrate.ts";
import { openNodeDatabase } from "../node/open-database.ts";
import type { Database } from "./database.ts";
import { insertJsonRows, jsonRows } from "./json-rows.ts";
import { contacts, conversations, docUpdates, events, inboxes, messages, teams, webhookEvents, workspaces } from "./schema.ts";

let dir: string;
let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "json-rows-"));
  ({ db, close } = await openNodeDatabase(`file:${join(dir, "t.db")}`));
  await migrateDatabase(db);
  await db.insert(workspaces).values({ id: "w", name: "W", createdAt: 1 });
  await db.insert(teams).values({ id: "t", workspaceId: "w", name: "T" });
  await db.insert(inboxes).values({ id: "i", workspaceId: "w", name: "I", channel: "webchat", status: "active", teamId: "t", settings: { routing: "round_robin", pickup: 30, on: true }, createdAt: 1 });
});
afterEach(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

// Text that JSON must escape, and text that looks like JSON but is only text.
// A lone surrogate (half an emoji) too: a customer's client can send one, and SQLite's JSON
// functions would turn its escape into bytes that are not UTF-8, on which the driver aborts the
// process (the API fuzz test found it).
const AWKWARD = 'Ação "quoted" \\ back\nline\ttab 🙂 </script> {"not":"json"} \u0001 half \ud83d emoji \\ud800';

describe("rows read as JSON", () => {
  it("come back exactly as drizzle's own select gives them: nulls, JSON columns, booleans, numbers, awkward text", async () => {
    await db.insert(contacts).values([
      { id: "c1", workspaceId: "w", name: AWKWARD, vip: true, createdAt: 1_700_000_000_123 },
      { id: "c2", workspaceId: "w", name: null, vip: false, createdAt: 2 },
    ]);
    await db.insert(conversations).values([
      {
        id: "v1", workspaceId: "w", inboxId: "i", channel: "webchat", contactId: "c1", contactName: AWKWARD, teamId: "t",
        labels: ["billing", "ação"], lastActivityAt: 1_700_000_000_999, createdAt: 5, unreadCount: 3, lastMessagePreview: AWKWARD,
        sla: { policyId: "p", firstResponseDueAt: 10, breached: [] } as never,
      },
      { id: "v2", workspaceId: "w", inboxId: "i", channel: "webchat", contactId: "c2", contactName: "", teamId: "t", labels: [], lastActivityAt: 0, createdAt: 0 },
    ]);
    await db.insert(messages).values({
      id: "m1", workspaceId: "w", conversationId: "v1", inboxId: "i", direction: "inbound", senderKind: "customer", senderId: "c1", senderName: AWKWARD,
      content: { kind: "text", text: AWKWARD, nested: { list: [1, 2.5, null, true] } }, text: AWKWARD, status: "delivered", createdAt: 7,
    });

    for (const table of [contacts, conversations, messages, inboxes] as const) {
      const rows = jsonRows(table);
      const plain = await db.select().from(table).orderBy(table.id);
      const viaJson = (await db.select({ j: rows.row }).from(table).orderBy(table.id)).map((r) => rows.parse(r.j));
      expect(viaJson).toEqual(plain);
      expect(viaJson.length).toBeGreaterThan(0);
    }
  });

  it("serve an UPDATE's RETURNING with the row as the update left it", async () => {
    await db.insert(contacts).values({ id: "c1", workspaceId: "w", name: "Ana", createdAt: 1 });
    await db.insert(conversations).values({ id: "v1", workspaceId: "w", inboxId: "i", channel: "webchat", contactId: "c1", contactName: "Ana", teamId: "t", labels: ["a"], lastActivityAt: 1, createdAt: 1 });
    const rows = jsonRows(conversations);
    // The update stamps its own seq: RETURNING gives the row before AFTER triggers run, so the
    // seq trigger's stamp would not be in it.
    const [returned] = await db.update(conversations).set({ priority: "urgent", labels: ["a", "b"], seq: 100 }).where(eq(conversations.id, "v1")).returning({ j: rows.row });
    const [stored] = await db.select().from(conversations).where(eq(conversations.id, "v1"));
    expect(rows.parse(returned!.j)).toEqual(stored);
    expect(stored!.labels).toEqual(["a", "b"]);
  });

  it("refuse a table with a blob column, which JSON cannot carry, or a real one, which json_object rounds", () => {
    expect(() => jsonRows(docUpdates)).toThrow(/blob/);
    const measures = sqliteTable("measures", { id: text("id").primaryKey(), ratio: real("ratio") });
    expect(() => jsonRows(measures)).toThrow(/rounded/);
  });
});

describe("rows written as JSON", () => {
  it("store exactly what drizzle's own insert stores: JSON columns, booleans, nulls, awkward text, in the given order", async () => {
    const contact = (id: string) => ({ id, workspaceId: "w", name: AWKWARD, vip: true, phone: null, createdAt: 1_700_000_000_123 });
    const message = (id: string, n: number) => ({
      id, workspaceId: "w", conversationId: "v1", inboxId: "i", direction: "inbound", senderKind: "customer", senderId: "c-a", senderName: AWKWARD,
      content: { kind: "text", text: AWKWARD, nested: { list: [1, 2.5, null, true] } }, text: `${AWKWARD} ${n}`, status: "delivered", clientId: null, createdAt: 7 + n,
    });
    await db.insert(contacts).values(contact("c-a"));
    await db.run(insertJsonRows(contacts, [contact("c-b")]));
    await db.insert(conversations).values({ id: "v1", workspaceId: "w", inboxId: "i", channel: "webchat", contactId: "c-a", contactName: "A", teamId: "t", labels: [], lastActivityAt: 1, createdAt: 1 });
    await db.insert(messages).values([message("a1", 1), message("a2", 2)]);
    await db.run(insertJsonRows(messages, [message("b1", 1), message("b2", 2)]));

    // Ids differ, and so do the change sequence numbers the triggers stamp.
    const same = <R extends { id: string; seq: number }>(rows: R[]) => rows.map(({ id: _i, seq: _s, ...rest }) => rest);
    const [a, b] = await Promise.all([db.select().from(contacts).where(eq(contacts.id, "c-a")), db.select().from(contacts).where(eq(contacts.id, "c-b"))]);
    expect(same(b)).toEqual(same(a));
    const drizzleRows = await db.select().from(messages).where(like(messages.id, "a%")).orderBy(sql`rowid`);
    const jsonRowsStored = await db.select().from(messages).where(like(messages.id, "b%")).orderBy(sql`rowid`);
    // The insert triggers ran for each row: positions follow the rows' order, after drizzle's two.
    expect(jsonRowsStored.map((m) => m.position)).toEqual([3, 4]);
    expect(same(jsonRowsStored).map(({ position: _p, ...rest }) => rest)).toEqual(same(drizzleRows).map(({ position: _p, ...rest }) => rest));
    // Stored as drizzle stores it, not as JSON of JSON: SQL reads the content as an object.
    const [kind] = await db.all<{ kind: string }>(sql`select json_extract(content, '$.kind') as kind from messages where id = 'b1'`);
    expect(kind!.kind).toBe("text");
  });

  it("take a tail: a conflicting row is left out, and RETURNING names only the rows stored", async () => {
    const row = (deliveryKey: string, body: string) => ({
      inboxId: "i", method: "POST", url: "/webhooks/x", headers: { "x-sig": "1" }, body, state: "pending" as const, receivedAt: 1, deliveryKey,
    });
    await db.run(insertJsonRows(webhookEvents, [row("k1", "first")]));
    const stored = await db.all<{ body: string }>(
      insertJsonRows(webhookEvents, [row("k1", "again"), row("k2", "second"), row("k2", "second again")], sql`on conflict do nothing returning body`),
    );
    expect(stored.map((r) => r.body)).toEqual(["second"]);
    expect((await db.select({ body: webhookEvents.body, headers: webhookEvents.headers }).from(webhookEvents).orderBy(webhookEvents.id))).toEqual([
      { body: "first", headers: { "x-sig": "1" } },
      { body: "second", headers: { "x-sig": "1" } },
    ]);
  });

  it("refuse rows that do not give the same columns, rather than store a default where a value was meant", () => {
    const base = { id: "e1", workspaceId: "w", type: "x", conversationId: null, actorKind: "system", actorId: null, data: {}, at: 1 };
    const { actorId: _, ...short } = { ...base, id: "e2" };
    expect(() => insertJsonRows(events, [base, short])).toThrow(/same columns/);
    expect(() => insertJsonRows(events, [])).toThrow(/no rows/);
  });
});
