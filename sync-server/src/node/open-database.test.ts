import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openNodeDatabase } from "./open-database.ts";

describe("openNodeDatabase (embedded file)", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps its settings for queries issued all at once (foreign keys on, sync NORMAL, a busy timeout)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "inbox-open-"));
    dirs.push(dir);
    const { db, close } = await openNodeDatabase(`file:${join(dir, "inbox.db")}`);
    try {
      // Many requests at once each query before any has its answer: every one must see the
      // same settings, whichever connection served it.
      const answers = await Promise.all(
        Array.from({ length: 30 }, () =>
          Promise.all([db.get<{ foreign_keys: number }>(sql`PRAGMA foreign_keys`), db.get<{ synchronous: number }>(sql`PRAGMA synchronous`), db.get<{ timeout: number }>(sql`PRAGMA busy_timeout`)]),
        ),
      );
      for (const [fk, sync, busy] of answers) {
        expect(fk?.foreign_keys).toBe(1);
        expect(sync?.synchronous).toBe(1); // NORMAL
        expect(busy?.timeout).toBe(5000);
      }
    } finally {
      close();
    }
  });
});
