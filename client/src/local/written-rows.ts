/**
 * Conversation rows this page is writing, by the IndexedDB transaction writing them, so the
 * list's cache can take a committed write's rows as they were written instead of reading them
 * back (list-cache.ts): one IndexedDB round trip less between a message arriving and the list
 * reordering. Dexie tells of a commit with the transaction's own description of what changed
 * (`mutatedParts`, fired in the same task as the commit); a description from another tab, or
 * one this lookup does not recognise, finds nothing here and the cache reads the rows as before.
 *
 * Kept on globalThis: a second copy of this module in the page (the list benchmark's kit is
 * bundled apart from the app) must see the same writes the app's copy does.
 */
import { Dexie } from "dexie";
import type { ConversationRow } from "./rows.ts";

/** A transaction's conversation changes: a row put, or undefined for one deleted. */
export type WrittenRows = Map<string, ConversationRow | undefined>;
type Written = Map<IDBTransaction, WrittenRows>;

const KEY = Symbol.for("inbox.local.written-conversation-rows");
const registry = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Written;

/**
 * Called inside the read-write transaction that puts `rows` or deletes `deleted`. Every change
 * of the conversations table goes through here (store.ts; a test holds it to that), so a write
 * this page made is known whole, even one Dexie describes only as a range of keys.
 */
export function noteWrittenRows(rows: readonly ConversationRow[], deleted: readonly string[] = []): void {
  const tx = Dexie.currentTransaction?.idbtrans;
  if (!tx) return;
  let byId = registry.get(tx);
  if (!byId) {
    registry.set(tx, (byId = new Map()));
    // Dexie's own completion handler (which announces the write) was set first, so these run
    // after the cache has looked the rows up.
    const forget = () => registry.delete(tx);
    tx.addEventListener("complete", forget);
    tx.addEventListener("abort", forget);
    tx.addEventListener("error", forget);
  }
  for (const row of rows) byId.set(row.id, row);
  for (const id of deleted) byId.set(id, undefined);
}

/** What the committed write Dexie describes as `parts` did to conversations, when it was this page's. */
export function rowsWrittenWith(parts: object): ReadonlyMap<string, ConversationRow | undefined> | undefined {
  for (const [tx, rows] of registry) {
    if ((tx as IDBTransaction & { mutatedParts?: object }).mutatedParts === parts) return rows;
  }
  return undefined;
}
