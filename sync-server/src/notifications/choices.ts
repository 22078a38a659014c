import { inArray } from "drizzle-orm";
import type { NotificationKind } from "@inbox/shared/api/content";
import type { Reads } from "../db/record.ts";
import { users } from "../db/schema.ts";

/**
 * Of these people, those who want this kind of notification: each chooses on their profile
 * (`users.notification_prefs`); a kind they never turned off is wanted.
 */
export async function whoWants(core: Reads, userIds: readonly string[], kind: NotificationKind): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await core.db.select({ id: users.id, prefs: users.notificationPrefs }).from(users).where(inArray(users.id, [...userIds]));
  const off = new Set(rows.filter((r) => r.prefs?.[kind] === false).map((r) => r.id));
  return userIds.filter((id) => !off.has(id));
}
