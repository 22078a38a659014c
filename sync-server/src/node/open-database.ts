import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../db/schema.ts";
import type { Database } from "../db/database.ts";
import { keepPreparedStatements } from "./statement-cache.ts";
import { FALLBACK_AUTOCHECKPOINT_PAGES, startWalCheckpointer } from "./wal-checkpointer.ts";

/**
 * Opens libSQL for the Node build: an embedded file (default), `:memory:` for tests, or any
 * libsql:// / http(s):// URL with an auth token.
 */
export async function openNodeDatabase(url: string, authToken?: string): Promise<{ db: Database; close(): Promise<void> }> {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    keepPreparedStatements();
  }
  // One connection for an embedded file. The client's pool otherwise opens a fresh connection for
  // every query issued before the previous one's turn came (any Promise.all), and the pragmas
  // below are per connection: those ran with FULL sync (a disk flush per commit), no busy
  // timeout and no foreign keys. Embedded queries run one at a time on this thread anyway.
  const client = createClient({ url, authToken, ...(url.startsWith("file:") ? { concurrency: 1 } : {}) });
  let checkpointer: { stop(): Promise<void> } | null = null;
  if (url.startsWith("file:")) {
    // WAL lets readers proceed while the group-commit writer holds the write lock; NORMAL sync
    // is durable across process crashes (the case we guard against), at a fraction of FULL's cost.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA busy_timeout = 5000");
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") {
      // The log's disk flushes happen off the event loop (see startWalCheckpointer).
      await client.execute(`PRAGMA wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
      checkpointer = startWalCheckpointer(path);
    }
  }
  await client.execute("PRAGMA foreign_keys = ON");
  return {
    db: drizzle(client, { schema }),
    /** Resolves once the checkpointer's thread has finished (exit only after that). */
    close: async () => {
      client.close();
      await checkpointer?.stop();
    },
  };
}
