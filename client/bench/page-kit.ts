/**
 * Helpers the offline benchmark (sync-server/bench/offline-pwa-bench.ts) runs inside the
 * browser page, bundled on the fly with esbuild and installed as `globalThis.__benchKit`.
 *
 * They reuse the app's own pieces (schema, row mapping, enqueue) so the baselines store and
 * queue exactly what the app does, without the app around them: no validation, no Solid, no rooms.
 */
import type { Command, SyncPullResponse } from "@inbox/shared";
import Dexie from "dexie";
import { KV_PULL_CURSOR, openLocalDb, SCHEMA, type LocalDb } from "../src/local/db.ts";
import { contactRow, conversationRow, messageRow } from "../src/local/rows.ts";
import { enqueueCommand } from "../src/local/store.ts";

export interface RawDownload {
  ms: number;
  /** Of `ms`: waiting for the pages (request sent → body read), i.e. the server and the network. */
  fetchMs: number;
  /** Of `ms`: JSON.parse of the pages. */
  parseMs: number;
  /** Of `ms`: mapping rows to the stored shape (index fields, search words). */
  mapMs: number;
  /** Of `ms`: the IndexedDB transactions. */
  storeMs: number;
  pages: number;
  conversations: number;
  messages: number;
  contacts: number;
  cursor: string;
}

/**
 * Baseline of the first sync: every page of /api/sync/pull fetched in order and JSON-parsed,
 * its rows given the stored shape and bulkPut into a scratch database with the app's stores,
 * one transaction per page. What the app's pull does, minus validation and reactivity.
 */
async function rawDownload(opts: { token: string; limit: number; dbName: string }): Promise<RawDownload> {
  await Dexie.delete(opts.dbName);
  const db = new Dexie(opts.dbName) as LocalDb;
  db.version(1).stores(SCHEMA);
  await db.open();
  const out: RawDownload = { ms: 0, fetchMs: 0, parseMs: 0, mapMs: 0, storeMs: 0, pages: 0, conversations: 0, messages: 0, contacts: 0, cursor: "" };
  const started = performance.now();
  let cursor: string | undefined;
  try {
    for (;;) {
      const t0 = performance.now();
      const q = new URLSearchParams({ limit: String(opts.limit) });
      if (cursor !== undefined) q.set("cursor", cursor);
      const res = await fetch(`/api/sync/pull?${q}`, { headers: { Accept: "application/json", Authorization: `Bearer ${opts.token}` } });
      if (!res.ok) throw new Error(`raw pull page ${out.pages + 1}: HTTP ${res.status} ${await res.text()}`);
      const text = await res.text();
      const tf = performance.now();
      const page = JSON.parse(text) as SyncPullResponse;
      const t1 = performance.now();
      const conversations = page.conversations.map(conversationRow);
      const messages = page.messages.map(messageRow);
      const contacts = page.contacts.map(contactRow);
      const t2 = performance.now();
      await db.transaction("rw", [db.conversations, db.messages, db.contacts, db.kv], async () => {
        if (conversations.length) await db.conversations.bulkPut(conversations);
        if (messages.length) await db.messages.bulkPut(messages);
        if (contacts.length) await db.contacts.bulkPut(contacts);
        await db.kv.put({ key: KV_PULL_CURSOR, value: page.cursor });
      });
      const t3 = performance.now();
      out.fetchMs += tf - t0;
      out.parseMs += t1 - tf;
      out.mapMs += t2 - t1;
      out.storeMs += t3 - t2;
      out.pages++;
      out.conversations += page.conversations.length;
      out.messages += page.messages.length;
      out.contacts += page.contacts.length;
      out.cursor = page.cursor;
      if (!page.hasMore || page.cursor === cursor) break;
      cursor = page.cursor;
    }
    out.ms = performance.now() - started;
    return out;
  } finally {
    db.close();
  }
}

export interface LocalCounts {
  conversations: number;
  messages: number;
  contacts: number;
  outbox: number;
  cursor: string | null;
}

/** What the app's database of `userId` holds, opened the way the app opens it. */
async function counts(userId: string): Promise<LocalCounts> {
  const db = openLocalDb(userId);
  try {
    const cursor = await db.kv.get(KV_PULL_CURSOR);
    return {
      conversations: await db.conversations.count(),
      messages: await db.messages.count(),
      contacts: await db.contacts.count(),
      outbox: await db.outbox.count(),
      cursor: typeof cursor?.value === "string" ? cursor.value : null,
    };
  } finally {
    db.close();
  }
}

/** Cursor sequence of "v1:123" (the server's format), -1 for none. */
/**
 * The change sequence a pull cursor stands at ("v1:<seq>", or "v2:<seq>:<deletion seq>" as the
 * server writes them now; sync-pull.ts), -1 for none. A reader of v1 only saw every v2 cursor as
 * -1, so "the last page is stored" came true with the first page.
 */
const cursorSeq = (cursor: unknown): number => {
  if (typeof cursor !== "string") return -1;
  if (cursor.startsWith("v2:")) return Number(cursor.slice(3).split(":")[0]);
  return cursor.startsWith("v1:") ? Number(cursor.slice(3)) : -1;
};

/**
 * Resolves with Date.now() once the app's database stores a pull cursor at or beyond
 * `finalCursor` (the pull got its last page), and how many messages it held then.
 * Reads the kv store with plain IndexedDB every `everyMs`, beside the app's own connection.
 */
async function waitForCursor(opts: { dbName: string; finalCursor: string; timeoutMs: number; everyMs?: number }): Promise<{ at: number; messages: number }> {
  const target = cursorSeq(opts.finalCursor);
  const until = Date.now() + opts.timeoutMs;
  for (;;) {
    const found = await new Promise<{ at: number; messages: number } | null>((resolve, reject) => {
      const open = indexedDB.open(opts.dbName);
      open.onerror = () => reject(open.error);
      // The app creates the database; don't create an empty one before it does.
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onsuccess = () => {
        const idb = open.result;
        // Only the cursor's store while the app writes: a read over its messages too would
        // queue behind each page's write and hold up the next one (the watcher slowing the watched).
        const tx = idb.transaction("kv", "readonly");
        const get = tx.objectStore("kv").get(KV_PULL_CURSOR);
        get.onsuccess = () => {
          const row = get.result as { value?: unknown } | undefined;
          if (cursorSeq(row?.value) < target) {
            idb.close();
            return resolve(null);
          }
          const at = Date.now();
          const count = idb.transaction("messages", "readonly").objectStore("messages").count();
          count.onsuccess = () => {
            idb.close();
            resolve({ at, messages: count.result });
          };
          count.onerror = () => {
            idb.close();
            reject(count.error);
          };
        };
        tx.onerror = () => {
          idb.close();
          reject(tx.error);
        };
      };
    }).catch(() => null);
    if (found) return found;
    if (Date.now() > until) throw new Error(`the app's pull cursor did not reach ${opts.finalCursor} within ${opts.timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 250));
  }
}

/** Queues commands exactly as the app does when the agent acts offline (outbox row + optimistic row). */
async function enqueue(userId: string, commands: Command[]): Promise<number> {
  const db = openLocalDb(userId);
  try {
    for (const command of commands) await enqueueCommand(db, command);
    return await db.outbox.count();
  } finally {
    db.close();
  }
}

/**
 * Baseline of the replay: the commands POSTed straight to /api/commands in batches, in order,
 * with the page's session cookie, as the replayer's transport does but with nothing stored.
 */
async function postCommands(commands: Command[], batchSize: number): Promise<{ ms: number; ok: number; failed: string[] }> {
  const started = performance.now();
  let ok = 0;
  const failed: string[] = [];
  for (let i = 0; i < commands.length; i += batchSize) {
    const res = await fetch("/api/commands", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ commands: commands.slice(i, i + batchSize) }),
      credentials: "same-origin",
    });
    if (!res.ok) throw new Error(`POST /api/commands: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { results: { ok: boolean; code?: string; message?: string }[] };
    for (const r of body.results) {
      if (r.ok) ok++;
      else failed.push(`${r.code}: ${r.message}`);
    }
  }
  return { ms: performance.now() - started, ok, failed };
}

export interface ApiRequest {
  path: string;
  /** Wall clock (Date.now() scale) when the request started and when its response had arrived. */
  start: number;
  end: number;
}

/** The page's /api requests (Resource Timing) that started at or after `since` (wall clock). */
async function apiRequests(since: number): Promise<ApiRequest[]> {
  return performance
    .getEntriesByType("resource")
    .map((e) => e as PerformanceResourceTiming)
    .filter((e) => new URL(e.name).pathname.startsWith("/api/"))
    .map((e) => ({ path: new URL(e.name).pathname, start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd }))
    .filter((r) => r.start >= since);
}

const kit = { rawDownload, counts, waitForCursor, enqueue, postCommands, apiRequests, deleteDb: (name: string) => Dexie.delete(name) };
export type BenchKit = typeof kit;
(globalThis as { __benchKit?: BenchKit }).__benchKit = kit;
