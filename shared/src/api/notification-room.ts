/* No zod here: the PWA's first screen uses these without loading the schemas (issue 17). */

/** In the per-user room `user.<id>`: Y.Map "notifications", id → Notification. */
export const USER_NOTIFICATIONS = "notifications";
