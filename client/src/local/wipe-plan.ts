/**
 * What signing out removes from this browser: the user's local databases (Dexie and every
 * y-indexeddb work document), cached API responses (the app shell's precache stays, so the app
 * still opens offline for the next person), and the app's localStorage items. Pure choices,
 * unit-tested; wipe.ts does the deleting.
 */
import { DB_PREFIX } from "./db.ts";

/** Every localStorage key of the app starts with this. */
export const STORAGE_PREFIX = "inbox.";

/** Databases of this user (or, without a user, of any user of the app). */
export function databasesToDelete(names: readonly string[], userId: string | null): string[] {
  const prefix = userId ? `${DB_PREFIX}${userId}` : DB_PREFIX;
  return names.filter((n) => n === prefix || n.startsWith(userId ? `${prefix}-` : prefix));
}

/** Cache Storage entries other than the service worker's precache of the app shell. */
export function cachesToDelete(names: readonly string[]): string[] {
  return names.filter((n) => !n.includes("precache"));
}

export function storageKeysToDelete(keys: readonly string[]): string[] {
  return keys.filter((k) => k.startsWith(STORAGE_PREFIX));
}
