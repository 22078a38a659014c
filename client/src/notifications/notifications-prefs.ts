/**
 * Which alerts this user wants on this device: desktop notifications, a sound, the count in the
 * tab title. Kept in localStorage per user (a shared computer keeps each person's choice).
 */
// zod/mini: read while the inbox first draws, before classic zod has loaded (issue 17).
import * as z from "zod/mini";

export const NotificationPrefsSchema = z.object({ desktop: z.boolean(), sound: z.boolean(), badge: z.boolean() });
export type NotificationPrefs = z.infer<typeof NotificationPrefsSchema>;

/** Desktop notifications need the browser's permission, asked only when the user turns them on. */
export const DEFAULT_PREFS: NotificationPrefs = { desktop: false, sound: true, badge: true };

const key = (userId: string) => `inbox-notification-prefs:${userId}`;

export function loadPrefs(storage: Pick<Storage, "getItem"> | null, userId: string): NotificationPrefs {
  try {
    const raw = storage?.getItem(key(userId));
    const parsed = NotificationPrefsSchema.safeParse(raw ? JSON.parse(raw) : null);
    return parsed.success ? parsed.data : DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(storage: Pick<Storage, "setItem"> | null, userId: string, prefs: NotificationPrefs): void {
  try {
    storage?.setItem(key(userId), JSON.stringify(prefs));
  } catch {
    // Storage full or blocked: the choice holds for this visit.
  }
}

/** "(3) Inbox": the count first, so it shows in a narrow tab. */
export function badgedTitle(base: string, count: number): string {
  return count > 0 ? `(${count > 99 ? "99+" : count}) ${base}` : base;
}
