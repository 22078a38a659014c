/**
 * Removes a user's data from this browser (shared-device safety): their Dexie database, every
 * y-indexeddb work document, Cache Storage entries other than the app shell, and the app's
 * localStorage items.
 */
import { localDbName, openLocalDb, workDocDbName } from "./db.ts";
import { cachesToDelete, databasesToDelete, storageKeysToDelete } from "./wipe-plan.ts";

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.deleteDatabase(name);
    } catch {
      resolve();
      return;
    }
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    // Blocked by a connection still open elsewhere: it is deleted once that closes; don't hang.
    req.onblocked = () => setTimeout(resolve, 2_000);
  });
}

async function databaseNames(userId: string | null): Promise<string[]> {
  const names = new Set<string>();
  if (typeof indexedDB.databases === "function") {
    try {
      for (const d of await indexedDB.databases()) if (d.name) names.add(d.name);
    } catch {
      // Not allowed here: fall back to what the user's own database lists.
    }
  }
  if (userId) {
    names.add(localDbName(userId));
    try {
      const db = openLocalDb(userId);
      const ids = await db.workDocs.toCollection().primaryKeys();
      db.close();
      for (const id of ids) names.add(workDocDbName(userId, id));
    } catch {
      // No database yet.
    }
  }
  return [...names];
}

/** Wipes `userId`'s data (or every user's, with null). Never throws. */
export async function wipeLocalData(userId: string | null, opts: { keepStorage?: boolean } = {}): Promise<void> {
  try {
    const names = databasesToDelete(await databaseNames(userId), userId);
    await Promise.all(names.map(deleteDatabase));
  } catch (err) {
    console.warn("Could not delete every local database", err);
  }
  try {
    if ("caches" in globalThis) {
      for (const name of cachesToDelete(await caches.keys())) await caches.delete(name);
    }
  } catch (err) {
    console.warn("Could not clear cached responses", err);
  }
  if (!opts.keepStorage) {
    try {
      const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? "");
      for (const key of storageKeysToDelete(keys)) localStorage.removeItem(key);
    } catch {
      // Storage disabled: nothing stored either.
    }
  }
}

/** Deletes the y-indexeddb databases of evicted conversations. */
export async function deleteWorkDocs(userId: string, conversationIds: readonly string[]): Promise<void> {
  await Promise.all(conversationIds.map((id) => deleteDatabase(workDocDbName(userId, id))));
}
