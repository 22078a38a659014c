import {
  MarkNotificationsReadRequestSchema,
  MarkNotificationsReadResponseSchema,
  NotificationListQuerySchema,
  NotificationListResponseSchema,
} from "@inbox/shared/api/content";
import type { ApiRegistry } from "../http/api-registry.ts";
import { listNotifications, markNotificationsRead, type NotificationsDeps } from "./notifications.ts";

/** The signed-in user's @mention notifications. */
export function registerNotificationRoutes(api: ApiRegistry, core: NotificationsDeps): void {
  api.userRoute(
    { method: "get", path: "/api/me/notifications", summary: "Your notifications (colleagues' @mentions), newest first; `after`: only newer than this time", tag: "me", access: "user", query: NotificationListQuerySchema, response: NotificationListResponseSchema },
    async ({ user, query }) => ({ notifications: await listNotifications(core, user, query.after) }),
  );
  api.userRoute(
    { method: "post", path: "/api/me/notifications/read", summary: "Mark notifications read (all of them without ids)", tag: "me", access: "user", body: MarkNotificationsReadRequestSchema, response: MarkNotificationsReadResponseSchema },
    async ({ user, body }) => ({ marked: await markNotificationsRead(core, user, body.ids) }),
  );
}
