/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL and exits.
 *
 *   DATABASE_URL=libsql://<db>.turso.io DATABASE_AUTH_TOKEN=<token> npm run db:migrate
 *
 * Remote URLs (libsql:, http(s):, ws(s):) go through `@libsql/client/web` and the bundled
 * migrations — the exact path the Workers build takes — so what is tested here is what deploys.
 * A file: URL is migrated the way the Node server does on start (drizzle's folder migrator).
 */
import { createClient } from "@libsql/client/web";
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "./migrate.ts";
import { openNodeDatabase } from "./open-database.ts";
import { migrateFromBundle } from "../db/migrate-bundle.ts";

async function migrateUrl(url: string, authToken?: string): Promise<string> {
  if (url.startsWith("file:") || url === ":memory:") {
    const { db, close } = await openNodeDatabase(url, authToken);
    try {
      await migrateDatabase(db);
    } finally {
      await close();
    }
    return `migrated ${url} from the migrations folder`;
  }
  const client = createClient({ url, authToken });
  try {
    const applied = await migrateFromBundle(client);
    return applied.length === 0 ? `${redact(url)} is up to date` : `applied to ${redact(url)}: ${applied.join(", ")}`;
  } finally {
    client.close();
  }
}

/** Tokens can ride in the URL's query (?authToken=…); never print them. */
function redact(url: string): string {
  return url.replace(/\?.*$/, "");
}

const config = loadConfig(process.env);
migrateUrl(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN).then(
  (message) => console.log(`db:migrate: ${message}`),
  (err: unknown) => {
    console.error(`db:migrate: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
