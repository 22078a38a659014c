import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/database.ts";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

/**
 * Applies pending drizzle migrations from the folder; safe to run on every start. Runtimes with
 * no filesystem use db/migrate-bundle.ts, which keeps the same `__drizzle_migrations` records,
 * so either one recognises a database the other migrated.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
