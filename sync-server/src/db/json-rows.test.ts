import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { migrateDatabase } from "../node/migrate.ts";
import { openNodeDatabase } from "../node/open-database.ts";
import type { Database } from "./database.ts";
import { jsonRows } from "./json-rows.ts";
import { contacts, conversations, docUpdates, inboxes, messages, teams, workspaces } from "./schema.ts";

let dir: string;
let db: Database;
let close: () => void;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "json-rows-"));
  ({ db, close } = await openNodeDatabase(`file:${join(dir, "t.db")}`));
  await migrateDatabase(db);
  await db.insert(workspaces).values({ id: "w", name: "W", createdAt: 1 });
  await db.insert(teams).values({ id: "t", workspaceId: "w", name: "T" });
  await db.insert(inboxes).values({ id: "i", workspaceId: "w", name: "I", channel: "webchat", status: "active", teamId: "t", settings: { routing: "round_robin", pickup: 30, on: true }, createdAt: 1 });
});
afterEach(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

// Text that JSON must escape, and text that looks like JSON but is only text.
const AWKWARD = 'Ação "quoted" \\ back\nline\ttab 🙂 </script> {"not":"json"} \u0001';

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

  it("refuse a table with a blob column, which JSON cannot carry", () => {
    expect(() => jsonRows(docUpdates)).toThrow(/blob/);
  });
});
