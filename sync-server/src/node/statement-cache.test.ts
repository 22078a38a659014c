import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type Client } from "@libsql/client";
import { keepPreparedStatements } from "./statement-cache.ts";

// Kept statements must behave exactly as freshly compiled ones: after a refused write, across
// transactions, after the schema changed under them, on each connection apart.

let dir: string;
let client: Client;
beforeEach(() => {
  keepPreparedStatements();
  dir = mkdtempSync(join(tmpdir(), "statement-cache-"));
  client = createClient({ url: `file:${join(dir, "t.db")}`, concurrency: 1 });
});
afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("kept prepared statements", () => {
  it("are compiled once per connection and text, and each connection keeps its own", () => {
    const a = new Database(join(dir, "a.db"));
    const b = new Database(join(dir, "a.db"));
    expect(a.prepare("select 1")).toBe(a.prepare("select 1"));
    expect(a.prepare("select 1")).not.toBe(a.prepare("select 2"));
    expect(b.prepare("select 1")).not.toBe(a.prepare("select 1"));
    a.close();
    b.close();
    // Closed, a connection refuses statements as the driver does, kept ones included.
    expect(() => a.prepare("select 1")).toThrow();
  });

  it("are the client's: its embedded connections use the driver the cache is installed on", () => {
    const clientsDriver = createRequire(createRequire(import.meta.url).resolve("@libsql/client"))("libsql") as typeof Database;
    expect(clientsDriver).toBe(Database);
    expect(Database.prototype.prepare.name).toBe("keptPrepare");
  });

  it("run again after a write refused half-way through the rows it returns", async () => {
    await client.execute("create table t (id integer primary key, v text unique)");
    const insert = (values: string[]) =>
      client.execute({ sql: "insert into t (v) select value from json_each(?) where true order by key returning v", args: [JSON.stringify(values)] });
    expect((await insert(["a"])).rows.map((r) => r.v)).toEqual(["a"]);
    await expect(insert(["b", "a", "c"])).rejects.toThrow(/UNIQUE/);
    expect((await insert(["b", "c"])).rows.map((r) => r.v)).toEqual(["b", "c"]);
    expect((await client.execute("select v from t order by id")).rows.map((r) => r.v)).toEqual(["a", "b", "c"]);
  });

  it("run again after a refused write, inside and outside transactions", async () => {
    await client.execute("create table t (id integer primary key, v text unique)");
    const insert = (v: string) => client.execute({ sql: "insert into t (v) values (?)", args: [v] });
    await insert("a");
    await expect(insert("a")).rejects.toThrow(/UNIQUE/);
    await insert("b");
    const tx = await client.transaction("write");
    await tx.execute({ sql: "insert into t (v) values (?)", args: ["c"] });
    await tx.rollback();
    await client.batch([{ sql: "insert into t (v) values (?)", args: ["d"] }], "write");
    const rows = await client.execute("select v from t order by id");
    expect(rows.rows.map((r) => r.v)).toEqual(["a", "b", "d"]);
  });

  it("see the schema as it is now, not as it was when they were compiled", async () => {
    await client.execute("create table t (id integer primary key, v text)");
    await client.execute("insert into t (v) values ('a')");
    expect((await client.execute("select * from t")).columns).toEqual(["id", "v"]);
    await client.execute("-- as a migration file writes it\n/* a note */ alter table t add column w text default 'x'");
    const after = await client.execute("select * from t");
    expect(after.columns).toEqual(["id", "v", "w"]);
    expect(after.rows[0]!.w).toBe("x");
    // A script, as a migration may run, changes it too.
    await client.executeMultiple("alter table t add column z integer default 7; create index t_z on t (z);");
    const later = await client.execute("select * from t");
    expect(later.columns).toEqual(["id", "v", "w", "z"]);
    expect(later.rows[0]!.z).toBe(7);
  });
});
