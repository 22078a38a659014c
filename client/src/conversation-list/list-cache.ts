/**
 * Every cached conversation in memory, for the list's filters, sorts and counts. Read whole
 * once; after that a write (this tab's or another tab's: Dexie's `storagemutated` event names
 * the keys it touched) is applied by reading just those rows, so a message arriving in a 10,000
 * conversation cache costs one row's read, not the whole table's; this page's own write costs
 * no read at all (local/written-rows.ts). A write Dexie reports as a range (a clear, or a bulk
 * write of 50 rows or more such as a pull's page) reads everything again.
 */
import { Dexie, type IntervalTree, type ObservabilitySet } from "dexie";
import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from "solid-js";
import type { LocalDb } from "../local/db.ts";
import type { ConversationRow } from "../local/rows.ts";
import type { LiveQuery } from "../local/live-query.ts";
import { rowsWrittenWith } from "../local/written-rows.ts";

/** Which conversations a write changed: none, these ids, or possibly any (read them all). */
export type Changed = "none" | "all" | string[];

type Node = { from?: unknown; to?: unknown; l?: Node | null; r?: Node | null };

/**
 * The primary keys of `table` a mutation touched, from Dexie's description of it. Pure (a
 * description that crossed from another tab is a plain object, so the tree is walked here).
 */
export function changedKeys(parts: ObservabilitySet, dbName: string, table: string): Changed {
  const tree = parts[`idb://${dbName}/${table}/`] as IntervalTree | undefined;
  if (!tree || !("from" in tree)) return "none";
  const keys: string[] = [];
  const stack: Node[] = [tree as Node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n.from !== "string" || n.from !== n.to) return "all";
    keys.push(n.from);
    if (n.l) stack.push(n.l);
    if (n.r) stack.push(n.r);
  }
  return keys;
}

/** Applies changed rows to the cached list: a row read back as undefined was deleted. */
export function applyChanged(
  byId: Map<string, ConversationRow>,
  ids: readonly string[],
  rows: readonly (ConversationRow | undefined)[],
): void {
  ids.forEach((id, i) => {
    const row = rows[i];
    if (row) byId.set(id, row);
    else byId.delete(id);
  });
}

/**
 * The rows of `next` that are not the very objects `prev` holds at the same places: the cache
 * keeps a conversation's place when it changes (a Map keeps insertion order) and its object
 * when it does not. Null when conversations came or went, or more than `most` changed: then
 * starting over is as cheap.
 */
export function changedInPlace<T extends { id: string }>(prev: readonly T[], next: readonly T[], most = 64): T[] | null {
  if (prev.length !== next.length) return null;
  const changed: T[] = [];
  for (let i = 0; i < next.length; i++) {
    const before = prev[i]!;
    const after = next[i]!;
    if (before === after) continue;
    if (before.id !== after.id || changed.length === most) return null;
    changed.push(after);
  }
  return changed;
}

/** The cache as a live query, plus one row by id (as of the last `rows()` answer). */
export interface ConversationCache extends LiveQuery<ConversationRow[]> {
  /** Tracks the rows like calling the cache does; costs one lookup, not a pass over them all. */
  get(id: string): ConversationRow | undefined;
}

/**
 * The cache's conversations as a live accessor (same shape as a live query). `throttleMs`:
 * while it returns more than 0, changes are applied at most that often (during a pull).
 */
export function createConversationCache(source: Accessor<LocalDb | null>, throttleMs: () => number): ConversationCache {
  const [rows, setRows] = createSignal<ConversationRow[]>([], { equals: false });
  const [loaded, setLoaded] = createSignal(false);
  // The map behind the last `rows()` answer. The pump changes it only in the same synchronous
  // step as it answers (after each await), so it never runs ahead of `rows()`.
  let shown = new Map<string, ConversationRow>();

  createEffect(
    on(source, (db) => {
      shown = new Map();
      setRows([]);
      setLoaded(false);
      if (!db) return;
      let live = true;
      let readAll = true;
      /** The whole table has been read once: before that, a write's rows alone are no list. */
      let whole = false;
      const pending = new Set<string>();
      let running = false;
      const byId = new Map<string, ConversationRow>();
      shown = byId;

      const pump = async () => {
        running = true;
        try {
          while (live && (readAll || pending.size > 0)) {
            if (readAll) {
              readAll = false;
              pending.clear();
              const all = await db.conversations.toArray();
              if (!live) return;
              byId.clear();
              for (const r of all) byId.set(r.id, r);
              whole = true;
            } else {
              const ids = [...pending];
              pending.clear();
              const got = await db.conversations.bulkGet(ids);
              if (!live) return;
              applyChanged(byId, ids, got);
            }
            setRows([...byId.values()]);
            setLoaded(true);
            const wait = throttleMs();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          }
        } catch (err) {
          console.error("Local database query failed", err);
          setLoaded(true);
          readAll = true; // the next change starts from a whole read
        } finally {
          running = false;
        }
      };

      // Listening before the first read: a write racing it is read again afterwards.
      const onMutated = (parts: ObservabilitySet) => {
        const changed = changedKeys(parts, db.name, "conversations");
        if (changed === "none") return;
        if (changed === "all") readAll = true;
        else if (!takeWritten(parts, changed)) for (const id of changed) pending.add(id);
        if (!running && (readAll || pending.size > 0)) void pump();
      };
      /**
       * This page's own committed write: its rows are applied as written, without reading them
       * back. Not before the first whole read, nor while one is due or a pull throttles the list (the pump has those),
       * and a row the pump is reading at this moment is read again after, since that read may
       * have begun before this write.
       */
      const takeWritten = (parts: ObservabilitySet, ids: readonly string[]): boolean => {
        const written = rowsWrittenWith(parts);
        if (!written || !whole || readAll || untrack(throttleMs) > 0) return false;
        const rows = ids.map((id) => written.get(id));
        if (rows.some((r) => r === undefined)) return false;
        applyChanged(byId, ids, rows);
        if (running) for (const id of ids) pending.add(id);
        setRows([...byId.values()]);
        setLoaded(true);
        return true;
      };
      Dexie.on.storagemutated.subscribe(onMutated);
      void pump();
      onCleanup(() => {
        live = false;
        Dexie.on.storagemutated.unsubscribe(onMutated);
      });
    }),
  );

  const accessor = (() => rows()) as ConversationCache;
  accessor.loaded = loaded;
  accessor.get = (id) => {
    rows();
    return shown.get(id);
  };
  return accessor;
}
