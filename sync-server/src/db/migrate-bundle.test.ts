import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import { createClient as createWebClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "./schema.ts";
import { migrateFromBundle } from "./migrate-bundle.ts";
import { MIGRATIONS } from "./migrations.bundle.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../node/migrate.ts";
import { sqldBinary, startSqld, type Sqld } from "../testing/sqld.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dirs: string[] = [];
const clients: Client[] = [];
afterAll(() => {
  for (const c of clients) c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function fileClient(): Client {
  const dir = mkdtempSync(join(tmpdir(), "bundle-"));
  dirs.push(dir);
  const client = createClient({ url: `file:${join(dir, "db.sqlite")}` });
  clients.push(client);
  return client;
}

const migrateWithFolder = (client: Client) => migrateDatabase(drizzle(client, { schema }));

/** Everything the migrations create, to compare two databases' schemas. */
async function schemaOf(client: Client): Promise<string[]> {
  const rows = await client.execute(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'libsql_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY type, name",
  );
  return rows.rows.map((r) => `${r[0]} ${r[1]}: ${r[2]}`);
}

async function recorded(client: Client): Promise<{ hash: string; when: number }[]> {
  const rows = await client.execute('SELECT hash, created_at FROM "__drizzle_migrations" ORDER BY created_at');
  return rows.rows.map((r) => ({ hash: String(r[0]), when: Number(r[1]) }));
}

const expectedRecord = MIGRATIONS.map((m) => ({ hash: m.hash, when: m.when }));

describe("the bundled migrations", () => {
  it("are the migrations folder exactly (otherwise run `npm run db:bundle`)", () => {
    const fromFolder = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => ({
      when: m.folderMillis,
      hash: m.hash,
      statements: m.sql,
    }));
    const fromBundle = MIGRATIONS.map((m) => ({ when: m.when, hash: m.hash, statements: m.sql.split("--> statement-breakpoint") }));
    expect(fromBundle, "sync-server/src/db/migrations.bundle.ts is stale: run `npm run db:bundle`").toEqual(fromFolder);
  });

  it("leave the Node folder migrator nothing to do, with the same schema as it builds", async () => {
    const bundled = fileClient();
    expect(await migrateFromBundle(bundled)).toEqual(MIGRATIONS.map((m) => m.tag));
    await migrateWithFolder(bundled); // would fail on "table already exists" if it re-ran anything
    expect(await recorded(bundled)).toEqual(expectedRecord);

    const folder = fileClient();
    await migrateWithFolder(folder);
    expect(await schemaOf(bundled)).toEqual(await schemaOf(folder));
    expect((await schemaOf(folder)).length).toBeGreaterThan(20);
  });

  it("find nothing pending on a database the folder migrator built, and pick up where it stopped", async () => {
    const folder = fileClient();
    await migrateWithFolder(folder);
    expect(await migrateFromBundle(folder)).toEqual([]);
    expect(await recorded(folder)).toEqual(expectedRecord);

    // An older deploy's database: only the first migrations were applied.
    const older = fileClient();
    await migrateFromBundle(older, MIGRATIONS.slice(0, 4));
    expect(await migrateFromBundle(older)).toEqual(MIGRATIONS.slice(4).map((m) => m.tag));
    expect(await recorded(older)).toEqual(expectedRecord);
    expect(await schemaOf(older)).toEqual(await schemaOf(folder));
  });

  it("apply all or nothing: a broken migration leaves the database as it was", async () => {
    const client = fileClient();
    await migrateFromBundle(client, MIGRATIONS.slice(0, 2));
    const before = await schemaOf(client);
    const broken = { tag: "9999_broken", when: MIGRATIONS.at(-1)!.when + 1, hash: "x", sql: "CREATE TABLE later (id integer);--> statement-breakpoint\nNOT SQL" };
    await expect(migrateFromBundle(client, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(await schemaOf(client)).toEqual(before);
    expect(await recorded(client)).toEqual(expectedRecord.slice(0, 2));
  });
});

describe.skipIf(!sqldBinary())("the bundled migrations on a real libSQL server (sqld over HTTP)", () => {
  let sqld: Sqld;
  beforeAll(async () => {
    sqld = await startSqld({ auth: true });
  });
  afterAll(() => sqld?.stop());

  it("migrate it through @libsql/client/web to the schema a file database gets", async () => {
    const web = createWebClient({ url: sqld.url, authToken: sqld.authToken });
    try {
      expect(await migrateFromBundle(web)).toEqual(MIGRATIONS.map((m) => m.tag));
      expect(await migrateFromBundle(web)).toEqual([]);
      expect(await recorded(web as Client)).toEqual(expectedRecord);
      const folder = fileClient();
      await migrateWithFolder(folder);
      expect(await schemaOf(web as Client)).toEqual(await schemaOf(folder));
    } finally {
      web.close();
    }
  });

  it("`npm run db:migrate` applies them to a remote URL with its auth token, and refuses without one", async () => {
    const other = await startSqld({ auth: true });
    try {
      const denied = await runMigrateCli({ DATABASE_URL: other.url });
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toContain("db:migrate: failed");

      const first = await runMigrateCli({ DATABASE_URL: other.url, DATABASE_AUTH_TOKEN: other.authToken! });
      expect(first.stdout).toContain(`applied to ${other.url}: ${MIGRATIONS[0]!.tag}`);
      expect(first.code).toBe(0);
      const again = await runMigrateCli({ DATABASE_URL: other.url, DATABASE_AUTH_TOKEN: other.authToken! });
      expect(again.stdout).toContain("is up to date");
    } finally {
      await other.stop();
    }
  });
});

function runMigrateCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base.DATABASE_AUTH_TOKEN;
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "sync-server/src/node/migrate-cli.ts")], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}
