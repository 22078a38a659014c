import { eq } from "drizzle-orm";
import {
  AdminInboxListResponseSchema,
  AdminInboxResponseSchema,
  ConnectInboxRequestSchema,
  InboxEnabledRequestSchema,
  ReconnectInboxRequestSchema,
} from "@inbox/shared";
import { adminView, connectInbox, reconnectInbox, setInboxEnabled, type AdminInboxDeps } from "./admin-inboxes.ts";
import { inboxes } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestOrigin } from "../http/audit-actor.ts";

/** Channel administration: admins only. */
export function registerAdminRoutes(api: ApiRegistry, core: AdminInboxDeps): void {
  api.userRoute(
    { method: "get", path: "/api/admin/inboxes", summary: "Every channel with its state and webhook URL", tag: "admin", access: { permission: "manageChannels" }, response: AdminInboxListResponseSchema },
    async ({ user }) => {
      const rows = await core.db.select().from(inboxes).where(eq(inboxes.workspaceId, user.workspaceId));
      return { inboxes: await Promise.all(rows.map((r) => adminView(core, r))) };
    },
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes",
      summary: "Connect a channel (credentials are checked with the platform, then stored encrypted)",
      tag: "admin",
      access: { permission: "manageChannels" },
      body: ConnectInboxRequestSchema,
      response: AdminInboxResponseSchema,
      status: 201,
    },
    async ({ c, user, body }) => ({ inbox: await connectInbox(core, user, body, requestOrigin(c)) }),
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/reconnect",
      summary: "New credentials for a channel (e.g. after its token expired); history is kept",
      tag: "admin",
      access: { permission: "manageChannels" },
      body: ReconnectInboxRequestSchema,
      response: AdminInboxResponseSchema,
    },
    async ({ c, user, params, body }) => ({ inbox: await reconnectInbox(core, user, params.id!, body.credentials, requestOrigin(c)) }),
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/enabled",
      summary: "Disable (agents cannot reply, new messages are kept but not shown) or enable a channel",
      tag: "admin",
      access: { permission: "manageChannels" },
      body: InboxEnabledRequestSchema,
      response: AdminInboxResponseSchema,
    },
    async ({ c, user, params, body }) => ({ inbox: await setInboxEnabled(core, user, params.id!, body.enabled, requestOrigin(c)) }),
  );
}
