import { eq } from "drizzle-orm";
import {
  AdminInboxListResponseSchema,
  AdminInboxResponseSchema,
  ChannelWebhookResponseSchema,
  HumanAgentTagRequestSchema,
  ConnectInboxRequestSchema,
  InboxEnabledRequestSchema,
  ReconnectInboxRequestSchema,
} from "@inbox/shared";
import { adminView, connectInbox, reconnectInbox, setInboxEnabled, type AdminInboxDeps } from "./admin-inboxes.ts";
import { inboxes } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { refused } from "../http/http-error.ts";
import { auditActor, requestOrigin } from "../http/audit-actor.ts";
import { ownInbox } from "./admin-inboxes.ts";
import { registerInboxWebhook, webhookView } from "./inbox-webhook.ts";
import type { MetaAppViews } from "./meta-app.ts";
import { setHumanAgentTag } from "./human-agent-setting.ts";

/** Channel administration: admins only. */
export function registerAdminRoutes(api: ApiRegistry, core: AdminInboxDeps): void {
  api.userRoute(
    { method: "get", path: "/api/admin/inboxes", summary: "Every channel with its state and webhook URL", tag: "admin", access: { permission: "manageChannels" }, response: AdminInboxListResponseSchema },
    async ({ user }) => {
      const rows = await core.db.select().from(inboxes).where(eq(inboxes.workspaceId, user.workspaceId));
      const apps: MetaAppViews = new Map();
      return { inboxes: await Promise.all(rows.map((r) => adminView(core, r, apps))) };
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
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/human-agent",
      summary: "Turn Meta's Human Agent tag on or off for a Messenger or Instagram channel (replies up to 7 days after the customer's last message)",
      tag: "admin",
      access: { permission: "manageChannels" },
      body: HumanAgentTagRequestSchema,
      response: AdminInboxResponseSchema,
    },
    async ({ c, user, params, body }) => ({ inbox: await setHumanAgentTag(core, user, params.id!, body.enabled, requestOrigin(c)) }),
  );
  api.userRoute(
    {
      method: "get",
      path: "/api/admin/inboxes/:id/webhook",
      summary: "The platform's view of a channel's webhook (where it delivers, its last error), for platforms whose webhook the server registers",
      tag: "admin",
      access: { permission: "manageChannels" },
      response: ChannelWebhookResponseSchema,
    },
    async ({ user, params }) => ({ webhook: await webhookView(core, await ownInbox(core, user, params.id!)) }),
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/webhook",
      summary: "Register the channel's webhook with the platform again (audited); answers with the platform's view of it",
      tag: "admin",
      access: { permission: "manageChannels" },
      response: ChannelWebhookResponseSchema,
    },
    async ({ c, user, params }) => {
      const row = await ownInbox(core, user, params.id!);
      if (row.status === "disabled") throw refused(409, "channel_unavailable", "webhook_channel_disabled");
      await registerInboxWebhook(core, row, auditActor(user, requestOrigin(c)));
      return { webhook: await webhookView(core, row) };
    },
  );
}
