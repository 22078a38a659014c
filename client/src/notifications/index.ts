/**
 * Alerts for the signed-in user: colleagues' @mentions and new chats, as the header's bell, a
 * sound, desktop notifications and the count in the tab title.
 */
export { NotificationBell, preloadNotificationPanel } from "./NotificationBell.tsx";
export { createNotificationsSlice } from "./notifications-slice.ts";
export type { NotificationsSlice } from "./notifications.ts";
