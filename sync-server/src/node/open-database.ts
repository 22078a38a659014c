import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../db/schema.ts";
import type { Database } from "../db/database.ts";

/**
 * Opens libSQL for the Node build: an embedded file (default), `:memory:` for tests, or any
 * libsql:// / http(s):// URL with an auth token.
 */
export async function openNodeDatabase(url: string, authToken?: string): Promise<{ db: Database; close(): void }> {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  }
  const file = url.startsWith("file:");
  // The client keeps a pool of connections to a file and opens another whenever two calls
  // overlap (any Promise.all of reads), but the pragmas below hold per connection: the others
  // ran with FULL sync and no busy timeout. One connection keeps them: every call on it is a
  // short synchronous run (the server uses no interactive transactions), so nothing waits long.
  // Remote URLs keep the default: there it bounds concurrent requests.
  const client = createClient({ url, authToken, ...(file ? { concurrency: 1 } : {}) });
  if (file) {
    // WAL lets readers proceed while the group-commit writer holds the write lock; NORMAL sync
    // is durable across process crashes (the case we guard against), at a fraction of FULL's cost.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA busy_timeout = 5000");
  }
  await client.execute("PRAGMA foreign_keys = ON");
  return { db: drizzle(client, { schema }), close: () => client.close() };
}
