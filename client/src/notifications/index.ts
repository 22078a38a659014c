/**
 * Alerts for the signed-in user: colleagues' @mentions and new chats, as the header's bell, a
 * sound, desktop notifications and the count in the tab title.
 */
export { NotificationBell } from "./NotificationBell.tsx";
export { createNotificationsSlice, type NotificationsSlice } from "./notifications.ts";
