// Notifications: @mentions in notes, each person's notifications and their `user.<id>` room.
// The capability's public surface: other modules import this file, never its insides.
export { registerNotificationRoutes } from "./notification-routes.ts";
export { hydrateUserRoom, notifyMentions, toNotification, type NotificationPush, type NotificationsDeps } from "./notifications.ts";
export { tellPeople, type Telling } from "./tell.ts";
export { supervisorsOf } from "./supervisors.ts";
