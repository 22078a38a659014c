import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../node/migrate.ts";
import { openNodeDatabase } from "../node/open-database.ts";
import type { Database } from "./database.ts";
import { workspaces } from "./schema.ts";
import { WriteQueue } from "./write-queue.ts";

let dir: string;
let db: Database;
let close: () => void;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "wq-"));
  ({ db, close } = await openNodeDatabase(`file:${join(dir, "t.db")}`));
  await migrateDatabase(db);
});
afterEach(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

const ws = (id: string) => db.insert(workspaces).values({ id, name: id, createdAt: 1 });

describe("group commit", () => {
  it("commits many concurrent writers, each of them exactly once", async () => {
    const q = new WriteQueue(db);
    await Promise.all(Array.from({ length: 500 }, (_, i) => q.write([ws(`w${i}`)])));
    expect(await db.$count(workspaces)).toBe(500);
  });

  it("a failing job fails alone and leaves none of its own statements behind", async () => {
    const q = new WriteQueue(db);
    await q.write([ws("taken")]);
    const results = await Promise.allSettled([
      q.write([ws("a")]),
      // Two statements that belong together; the second violates the primary key.
      q.write([ws("half"), ws("taken")]),
      q.write([ws("b")]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const ids = (await db.select({ id: workspaces.id }).from(workspaces)).map((r) => r.id).sort();
    expect(ids).toEqual(["a", "b", "taken"]);
  });

  it("returns each job's own statement results", async () => {
    const q = new WriteQueue(db);
    const [a, b] = await Promise.all([
      q.write([db.insert(workspaces).values({ id: "x", name: "X", createdAt: 1 }).returning()]),
      q.write([db.insert(workspaces).values({ id: "y", name: "Y", createdAt: 1 }).returning()]),
    ]);
    expect((a[0] as { name: string }[])[0]!.name).toBe("X");
    expect((b[0] as { name: string }[])[0]!.name).toBe("Y");
  });
});
