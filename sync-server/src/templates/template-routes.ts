import { eq, sql } from "drizzle-orm";
import { AdminTemplatesResponseSchema, ConversationTemplatesResponseSchema, SyncTemplatesRequestSchema, WHATSAPP_ACCOUNT_SETTING } from "@inbox/shared/api/templates";
import { connectorFor, type ChannelsDeps } from "../channels/index.ts";
import { auditInsert } from "../db/event-rows.ts";
import { getInboxRow, type InboxRow } from "../db/read-model.ts";
import { inboxes } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import type { SessionUser } from "../http/app-env.ts";
import { auditActor, requestOrigin } from "../http/audit-actor.ts";
import { notFound, refused } from "../http/http-error.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { accountOf, syncStateOf, templatesOf } from "./template-store.ts";
import type { TemplateSyncer } from "./template-syncer.ts";

async function adminInbox(core: ChannelsDeps, user: SessionUser, id: string): Promise<InboxRow> {
  const row = await getInboxRow(core.db, id);
  if (!row || row.workspaceId !== user.workspaceId) throw notFound("channel");
  return row;
}

async function adminAnswer(core: ChannelsDeps, inbox: InboxRow) {
  const state = await syncStateOf(core, inbox.id);
  return { businessAccountId: accountOf(inbox), templates: await templatesOf(core, inbox.id, false), syncedAt: state.syncedAt, syncError: state.error };
}

/** WhatsApp message templates: the composer's approved list, and Settings → Channels' list and sync. */
export function registerTemplateRoutes(api: ApiRegistry, core: ChannelsDeps & { templates: TemplateSyncer }): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/conversations/:id/templates",
      summary: "The approved WhatsApp templates of the conversation's inbox, for replying after the 24 h window (empty for other channels)",
      tag: "conversations",
      access: "user",
      response: ConversationTemplatesResponseSchema,
    },
    async ({ user, params }) => {
      const conv = await conversationForUser(core, user, params.id!);
      const state = await syncStateOf(core, conv.inboxId);
      return { inboxId: conv.inboxId, templates: await templatesOf(core, conv.inboxId, true), syncedAt: state.syncedAt };
    },
  );
  api.userRoute(
    {
      method: "get",
      path: "/api/admin/inboxes/:id/templates",
      summary: "Every WhatsApp template of the channel with its review status (and Meta's reason), the business account and the last sync",
      tag: "admin",
      access: { permission: "manageChannels" },
      response: AdminTemplatesResponseSchema,
    },
    async ({ user, params }) => adminAnswer(core, await adminInbox(core, user, params.id!)),
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/templates/sync",
      summary: "Sync the channel's WhatsApp templates now, after setting its business account id if given (audited)",
      tag: "admin",
      access: { permission: "manageChannels" },
      body: SyncTemplatesRequestSchema,
      response: AdminTemplatesResponseSchema,
    },
    async ({ c, user, params, body }) => {
      let inbox = await adminInbox(core, user, params.id!);
      if (!connectorFor(core, inbox.channel)?.templates) throw refused(400, "validation_failed", "templates_whatsapp_only");
      if (body.businessAccountId && body.businessAccountId !== accountOf(inbox)) {
        await core.writer.write([
          core.db
            .update(inboxes)
            // json_set: other settings changed meanwhile survive.
            .set({ settings: sql`json_set(${inboxes.settings}, ${`$.${WHATSAPP_ACCOUNT_SETTING}`}, ${body.businessAccountId})` })
            .where(eq(inboxes.id, inbox.id)),
          auditInsert(core, {
            workspaceId: inbox.workspaceId,
            ...auditActor(user, requestOrigin(c)),
            action: "inbox.whatsapp_account_changed",
            target: inbox.id,
            data: { from: accountOf(inbox), to: body.businessAccountId },
            at: core.now(),
          }),
        ]);
        core.caches.inboxes.delete(inbox.id);
        inbox = (await getInboxRow(core.db, inbox.id))!;
      }
      await core.templates.syncNow(inbox, { kind: "agent", id: user.id });
      return adminAnswer(core, inbox);
    },
  );
}
