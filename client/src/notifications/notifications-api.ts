/** The notifications' REST call (shared/src/api/content.ts): marking them read. */
import { MarkNotificationsReadResponseSchema } from "@inbox/shared/api/content";
import { request } from "../api/http.ts";

export const notificationsApi = {
  markNotificationsRead: (ids?: string[]) => request("/api/me/notifications/read", { body: ids ? { ids } : {}, schema: MarkNotificationsReadResponseSchema }),
};
