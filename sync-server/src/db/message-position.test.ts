import { describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { migrateFromBundle } from "./migrate-bundle.ts";
import { MIGRATIONS } from "./migrations.bundle.ts";

// Migration 0015 gives every message its conversation's arrival sequence: existing messages in
// time order (ties in the order they were stored), new ones numbered by the insert trigger.

const BEFORE = MIGRATIONS.findIndex((m) => m.tag === "0015_durability");

async function insert(db: ReturnType<typeof createClient>, id: string, conversationId: string, createdAt: number): Promise<void> {
  await db.execute({
    sql: `insert into messages (id, workspace_id, conversation_id, inbox_id, direction, sender_kind, sender_name, content, text, status, created_at)
          values (?, 'w', ?, 'i', 'inbound', 'customer', 'Ana', '{"kind":"text","text":"x"}', 'x', 'delivered', ?)`,
    args: [id, conversationId, createdAt],
  });
}

async function positions(db: ReturnType<typeof createClient>, conversationId: string): Promise<string[]> {
  const rows = await db.execute({ sql: "select id from messages where conversation_id = ? order by position", args: [conversationId] });
  return rows.rows.map((r) => String(r.id));
}

describe("messages' arrival sequence (migration 0015)", () => {
  it("numbers existing messages per conversation by time, ties in stored order, and new ones after them", async () => {
    expect(BEFORE).toBeGreaterThan(0);
    const db = createClient({ url: ":memory:" });
    await migrateFromBundle(db, MIGRATIONS.slice(0, BEFORE));
    // Only messages matter here: no workspace, inbox or conversation rows behind them.
    await db.execute("PRAGMA foreign_keys = OFF");
    // Stored out of time order, with a one-second tie whose ids sort the other way.
    await insert(db, "z-second", "c1", 2000);
    await insert(db, "a-third", "c1", 2000);
    await insert(db, "m-first", "c1", 1000);
    await insert(db, "other", "c2", 500);
    const seqBefore = Number((await db.execute("select value from sync_counter")).rows[0]!.value);

    await migrateFromBundle(db);
    await db.execute("PRAGMA foreign_keys = OFF"); // migrating turns them back on
    expect(await positions(db, "c1")).toEqual(["m-first", "z-second", "a-third"]);
    const numbers = await db.execute("select id, position from messages order by id");
    expect(Object.fromEntries(numbers.rows.map((r) => [String(r.id), Number(r.position)]))).toEqual({ "a-third": 3, "m-first": 1, other: 1, "z-second": 2 });
    // Devices pull them again to learn their positions.
    const stamped = await db.execute({ sql: "select min(seq) as low from messages", args: [] });
    expect(Number(stamped.rows[0]!.low)).toBeGreaterThan(seqBefore);

    // New messages: the next number in their conversation, whatever their time.
    await insert(db, "late-but-earlier", "c1", 1);
    await insert(db, "c2-next", "c2", 9999);
    expect(await positions(db, "c1")).toEqual(["m-first", "z-second", "a-third", "late-but-earlier"]);
    expect(await positions(db, "c2")).toEqual(["other", "c2-next"]);
    db.close();
  });
});
