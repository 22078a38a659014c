import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { createClient as createWebClient } from "@libsql/client/web";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { drizzle as drizzleWeb } from "drizzle-orm/libsql/web";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "./database.ts";
import { migrateFromBundle } from "./migrate-bundle.ts";
import { docUpdates } from "./schema.ts";
import { sqldBinary, startSqld } from "../testing/sqld.ts";

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A room's update log written and read back must rebuild the same document, on either client. */
async function roundTrip(db: Database): Promise<void> {
  const doc = new Y.Doc();
  doc.getMap("m").set("greeting", "olá 👋");
  const update = Y.encodeStateAsUpdate(doc);
  // A view into a larger buffer, as Y.mergeUpdates can return: only the viewed bytes are stored.
  const padded = new Uint8Array(update.length + 8);
  padded.set(update, 4);
  const view = padded.subarray(4, 4 + update.length);
  await db.insert(docUpdates).values([
    { room: "r", update: view },
    { room: "r", update: new Uint8Array([0, 255, 1, 254]) },
  ]);
  const rows = await db.select({ update: docUpdates.update }).from(docUpdates).where(eq(docUpdates.room, "r")).orderBy(asc(docUpdates.id));
  // Plain Uint8Arrays, not Node Buffers (toEqual cannot tell constructors apart, so compare protos).
  for (const r of rows) expect(Object.getPrototypeOf(r.update)).toBe(Uint8Array.prototype);
  expect([...rows[0]!.update]).toEqual([...update]);
  expect([...rows[1]!.update]).toEqual([0, 255, 1, 254]);
  const loaded = new Y.Doc();
  Y.applyUpdate(loaded, rows[0]!.update);
  expect(loaded.getMap("m").get("greeting")).toBe("olá 👋");
}

describe("doc_updates blobs are Uint8Arrays on every libSQL client", () => {
  it("through the Node client on a file database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bytes-"));
    const client = createClient({ url: `file:${join(dir, "db.sqlite")}` });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => client.close());
    await migrateFromBundle(client);
    await roundTrip(drizzle(client));
  });

  it.skipIf(!sqldBinary())("through the web client on a real libSQL server (sqld)", async () => {
    const sqld = await startSqld();
    const client = createWebClient({ url: sqld.url });
    cleanups.push(() => sqld.stop(), () => client.close());
    await migrateFromBundle(client);
    await roundTrip(drizzleWeb(client) as unknown as Database);
  });
});
