import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { conversations, events } from "../db/schema.ts";
import { WriteQueue } from "../db/write-queue.ts";
import { openNodeDatabase } from "../node/open-database.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { KeyedMutex } from "../lib/keyed-mutex.ts";
import { SnoozeWaker } from "./snooze-waker.ts";

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login("supervisor@demo.inbox");
});
let restartedDir: string | null = null;
afterAll(async () => {
  await server.stop();
  if (restartedDir) rmSync(restartedDir, { recursive: true, force: true });
});

async function someConversation(): Promise<string> {
  const [row] = await server.core.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.status, "open")).limit(1);
  return row!.id;
}

async function snooze(id: string, until: number) {
  const res = await server.api(`/api/conversations/${id}/status`, { method: "POST", token, json: { status: "snoozed", snoozedUntil: until } });
  expect(res.status).toBe(200);
}

const wokeEvents = (id: string, db = server.core.db) =>
  db.select().from(events).where(and(eq(events.conversationId, id), eq(events.type, "conversation.woke")));

describe("snooze waker", () => {
  it("two instances racing over the same record wake a due conversation once, with one event", async () => {
    server.core.snoozes.stop(); // this test drives the passes itself
    const id = await someConversation();
    const until = server.core.now() + 60_000;
    await snooze(id, until);
    const other = await openNodeDatabase(`file:${join(server.dir, "inbox.db")}`);
    try {
      const a = new SnoozeWaker(server.core);
      const b = new SnoozeWaker({ ...server.core, db: other.db, writer: new WriteQueue(other.db), locks: new KeyedMutex() });
      // Not due yet: nothing happens.
      expect(await a.wakeDue()).toEqual([]);
      server.clock.offsetMs += 120_000;
      const [fromA, fromB] = await Promise.all([a.wakeDue(), b.wakeDue()]);
      const woken = [...fromA, ...fromB].filter((c) => c.id === id);
      expect(woken).toHaveLength(1);
      expect(woken[0]).toMatchObject({ status: "open", snoozedUntil: null });
      const rows = await wokeEvents(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorKind: "system", data: { from: "snoozed", to: "open", until } });
      const [row] = await server.core.db.select().from(conversations).where(eq(conversations.id, id));
      expect(row).toMatchObject({ status: "open", snoozedUntil: null });
      // A later pass finds nothing left to do.
      expect((await a.wakeDue()).filter((c) => c.id === id)).toEqual([]);
    } finally {
      other.close();
      server.core.snoozes.start();
    }
  });

  it("a snooze that falls due while the server is down wakes after the restart", async () => {
    const dir = server.dir;
    const id = await someConversation();
    const before = (await wokeEvents(id)).length;
    await snooze(id, server.core.now() + 3_600_000);
    await server.close();
    restartedDir = dir;
    // Time passes while the server is down: the snooze is now in the past.
    const db = await openNodeDatabase(`file:${join(dir, "inbox.db")}`);
    await db.db.update(conversations).set({ snoozedUntil: Date.now() - 1_000 }).where(eq(conversations.id, id));
    db.close();
    // The restarted server (stopped by afterAll) wakes it by itself, from the record.
    server = await startTestServer({ dir });
    const row = await waitFor("the snoozed conversation to wake", async () => {
      const [r] = await server.core.db.select().from(conversations).where(eq(conversations.id, id));
      return r?.status === "open" ? r : null;
    }, 15_000);
    expect(row.snoozedUntil).toBeNull();
    expect(await wokeEvents(id)).toHaveLength(before + 1);
  });
});
