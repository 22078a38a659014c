import type { Client } from "@libsql/client";
import { MIGRATIONS } from "./migrations.bundle.ts";

/** One migration as drizzle-kit wrote it, carried in the code for runtimes with no filesystem. */
export interface BundledMigration {
  tag: string;
  /** The journal's `when`: drizzle records it as `created_at` and compares it to find pending ones. */
  when: number;
  /** sha256 (hex) of the .sql file's text, exactly what drizzle's migrator stores. */
  hash: string;
  /** The whole .sql file; statements are separated by drizzle's breakpoint marker. */
  sql: string;
}

const TABLE = `"__drizzle_migrations"`;

/**
 * Applies the bundled migrations that are pending, with drizzle's own bookkeeping: the same
 * `__drizzle_migrations` table and the same rule (every migration newer than the last recorded
 * `created_at`), so a database migrated by the Node folder migrator is recognised here and the
 * other way round. Takes any libSQL client (`@libsql/client` or `@libsql/client/web`).
 * Returns the tags applied, oldest first.
 */
export async function migrateFromBundle(client: Client, migrations: readonly BundledMigration[] = MIGRATIONS): Promise<string[]> {
  await client.execute(`CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  const last = await client.execute(`SELECT created_at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1`);
  const lastWhen = last.rows[0] ? Number(last.rows[0][0]) : null;
  const pending = migrations.filter((m) => lastWhen === null || lastWhen < m.when);
  if (pending.length === 0) return [];
  // One batch, all or nothing, as drizzle's libSQL migrator does (`client.migrate`).
  await client.migrate(
    pending.flatMap((m) => [
      ...splitStatements(m.sql).map((sql) => ({ sql, args: [] })),
      { sql: `INSERT INTO ${TABLE} ("hash", "created_at") VALUES (?, ?)`, args: [m.hash, m.when] },
    ]),
  );
  return pending.map((m) => m.tag);
}

/** drizzle splits on the marker and runs every piece as it is (comments and whitespace included). */
export function splitStatements(sql: string): string[] {
  return sql.split("--> statement-breakpoint");
}
