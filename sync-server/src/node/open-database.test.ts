import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openNodeDatabase } from "./open-database.ts";

const dir = mkdtempSync(join(tmpdir(), "inbox-open-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("opening the embedded database", () => {
  it("every query runs with the chosen sync level and busy timeout, however many overlap", async () => {
    const { db, close } = await openNodeDatabase(`file:${join(dir, "inbox.db")}`);
    try {
      // Overlapping calls are what made the client open more connections, each with SQLite's defaults.
      const sync = await Promise.all(Array.from({ length: 8 }, () => db.all<{ synchronous: number }>(sql`pragma synchronous`)));
      const timeout = await Promise.all(Array.from({ length: 8 }, () => db.all<{ timeout: number }>(sql`pragma busy_timeout`)));
      expect(sync.map((r) => r[0]!.synchronous)).toEqual(Array(8).fill(1)); // NORMAL
      expect(timeout.map((r) => r[0]!.timeout)).toEqual(Array(8).fill(5000));
    } finally {
      close();
    }
  });
});
