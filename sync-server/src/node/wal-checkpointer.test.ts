import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../testing/test-server.ts";
import { openNodeDatabase } from "./open-database.ts";
import { FALLBACK_AUTOCHECKPOINT_PAGES } from "./wal-checkpointer.ts";

describe("the write-ahead log is checkpointed off the event loop", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("copies commits into the database file from its own thread, empties the log on close, and keeps every row across a reopen", async () => {
    const dir = mkdtempSync(join(tmpdir(), "inbox-wal-"));
    dirs.push(dir);
    const file = join(dir, "inbox.db");
    const first = await openNodeDatabase(`file:${file}`);
    // The server's own connection would only checkpoint far beyond what this test writes.
    expect((await first.db.get<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`))?.wal_autocheckpoint).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    await first.db.run(sql`create table notes (id integer primary key, text text not null)`);
    const sizeBefore = statSync(file).size;
    for (let i = 0; i < 400; i++) await first.db.run(sql`insert into notes (text) values (${`note ${i} `.repeat(40)})`);
    // In WAL mode only a checkpoint writes the database file itself: the checkpointer did.
    await waitFor("the database file to take the logged pages", async () => statSync(file).size > sizeBefore + 100_000);
    await first.close();
    // Closed: everything is in the database file, and the log left empty.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);

    const second = await openNodeDatabase(`file:${file}`);
    try {
      expect((await second.db.get<{ n: number }>(sql`select count(*) as n from notes`))?.n).toBe(400);
    } finally {
      await second.close();
    }
  });
});
