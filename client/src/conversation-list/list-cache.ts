/**
 * Every cached conversation in memory, for the list's filters, sorts and counts. Read whole
 * once; after that, a write this page made is applied as written (local/written-rows.ts: no
 * read at all, a pull's page of 1,000 rows included), and another tab's write (Dexie's
 * `storagemutated` event names the keys it touched) by reading just those rows, so a message
 * arriving in a 10,000 conversation cache costs one row's read at most. A write of another tab
 * that Dexie reports as a range (a clear, or a bulk write of 50 rows or more) reads everything again.
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
 * The places where `next` holds other objects than `prev` does: the cache keeps a
 * conversation's place when it changes (a Map keeps insertion order) and its object when it
 * does not. Null when conversations came or went (then the list starts over).
 */
export function changedPlaces<T extends { id: string }>(prev: readonly T[], next: readonly T[]): number[] | null {
  if (prev.length !== next.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) {
    const before = prev[i]!;
    const after = next[i]!;
    if (before === after) continue;
    if (before.id !== after.id) return null;
    changed.push(i);
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
      /** Ids to read back (another tab's write, or one this page cannot account for). */
      const pending = new Set<string>();
      /**
       * This page's own committed writes, as written (undefined: deleted), waiting to be applied.
       * An id is in `pending` or here, never both: whichever learned of it last is the newer.
       */
      const known = new Map<string, ConversationRow | undefined>();
      let running = false;
      const byId = new Map<string, ConversationRow>();
      shown = byId;

      /** This page's writes applied, then the list answered from the map. */
      const publish = () => {
        for (const [id, row] of known) {
          if (row) byId.set(id, row);
          else byId.delete(id);
        }
        known.clear();
        setRows([...byId.values()]);
        setLoaded(true);
      };

      const pump = async () => {
        running = true;
        try {
          while (live && (readAll || pending.size > 0 || known.size > 0)) {
            if (readAll) {
              readAll = false;
              pending.clear();
              // What is known so far is in the read; what this page writes meanwhile comes after it.
              known.clear();
              const all = await db.conversations.toArray();
              if (!live) return;
              byId.clear();
              for (const r of all) byId.set(r.id, r);
              whole = true;
            } else if (pending.size > 0) {
              const ids = [...pending];
              pending.clear();
              const got = await db.conversations.bulkGet(ids);
              if (!live) return;
              // A row this page wrote while the read ran is at least as new as what was read.
              const read = ids.flatMap((id, i) => (known.has(id) ? [] : [[id, got[i]] as const]));
              applyChanged(
                byId,
                read.map(([id]) => id),
                read.map(([, row]) => row),
              );
            }
            publish();
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
        // This page's own write is known whole, even one Dexie describes as a range (a pull's page).
        const written = rowsWrittenWith(parts);
        if (written && (changed === "all" || changed.every((id) => written.has(id)))) {
          for (const [id, row] of written) {
            known.set(id, row);
            pending.delete(id);
          }
        } else if (changed === "all") readAll = true;
        else
          for (const id of changed) {
            pending.add(id);
            known.delete(id);
          }
        if (running) return;
        // Applied in the commit's own task when nothing else is due: a message arriving reorders
        // the list without waiting for a read. Otherwise the pump has it (and its throttle, during a pull).
        if (whole && !readAll && pending.size === 0 && untrack(throttleMs) === 0) publish();
        else void pump();
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
