import { and, desc, eq, like } from "drizzle-orm";
import { newId, type AdminInbox, type ConnectInboxRequest } from "@inbox/shared";
import type { Credentials } from "@inbox/connectors";
import { connectorFor, contextFor, publicBaseOf, type ChannelsDeps } from "./channel-access.ts";
import { auditLog, inboxes, teams } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, refused } from "../http/http-error.ts";
import { validationError } from "../http/read-body.ts";
import { auditInsert } from "../db/event-rows.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { getInboxRow, toInbox, type InboxRow } from "../db/read-model.ts";
import { setChannelStatus } from "./channel-state.ts";
import { managesWebhook, registerInboxWebhook } from "./inbox-webhook.ts";
import { metaAppIdFor, metaAppView, type MetaAppViews } from "./meta-app.ts";
import { refuseClaimHeldElsewhere } from "./meta-claim-check.ts";

/** Admin's view of a channel (no credentials, ever). */
/** What connecting and switching channels needs: sends and held webhooks restart with it. */
export interface AdminInboxDeps extends ChannelsDeps {
  outbox: { kick(): unknown };
  webhooks: { release(inboxId: string): Promise<void> };
  /** WhatsApp: the number's message templates are loaded as it connects (templates/; never fails the connect). */
  templates: { syncNow(inbox: InboxRow): Promise<unknown> };
}

/** `apps`: shared by the rows of one list answer, so each Meta app's inboxes are opened once. */
export async function adminView(core: AdminInboxDeps, row: InboxRow, apps?: MetaAppViews): Promise<AdminInbox> {
  const [last] = await core.db
    .select({ data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.target, row.id), like(auditLog.action, "channel.%")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return {
    ...toInbox(row),
    webhookUrl: row.channel === "webchat" ? null : `${publicBaseOf(core.endpoints)}/webhooks/${row.channel}/${row.id}`,
    hasCredentials: !!row.secretsEnc,
    statusReason: row.status === "active" ? null : ((last?.data as { reason?: string } | undefined)?.reason ?? null),
    webhookManaged: managesWebhook(core, row.channel),
    metaApp: await metaAppView(core, row, apps),
  };
}

/** Checks credentials with the platform's own API before anything is saved. */
async function checkCredentials(core: AdminInboxDeps, inbox: Pick<InboxRow, "id" | "channel" | "settings">, credentials: Credentials): Promise<Credentials> {
  const connector = connectorFor(core, inbox.channel);
  if (!connector) throw refused(400, "validation_failed", "channel_type_unavailable", { channel: inbox.channel });
  const parsed = connector.credentialsSchema.safeParse(credentials);
  if (!parsed.success) throw validationError(parsed.error, credentials);
  const check = await connector.validateCredentials(parsed.data, contextFor(core, inbox, connector));
  if (!check.ok) throw refused(400, "validation_failed", "credentials_refused", { detail: check.reason });
  return parsed.data;
}

export async function connectInbox(core: AdminInboxDeps, admin: SessionUser, body: ConnectInboxRequest, from: RequestOrigin | null = null): Promise<AdminInbox> {
  const team = await core.db.query.teams.findFirst({ where: and(eq(teams.id, body.teamId), eq(teams.workspaceId, admin.workspaceId)) });
  if (!team) throw refused(400, "validation_failed", "team_choose_own");
  const settings = body.settings ?? {};
  const id = newId();
  const credentials = await checkCredentials(core, { id, channel: body.channel, settings }, body.credentials);
  await refuseClaimHeldElsewhere(core, admin.workspaceId, body.channel, credentials);
  const at = core.now();
  await core.writer.write([
    core.db.insert(inboxes).values({
      id,
      workspaceId: admin.workspaceId,
      name: body.name,
      channel: body.channel,
      status: "active",
      teamId: team.id,
      settings,
      secretsEnc: Object.keys(credentials).length ? await core.secrets.seal(credentials) : null,
      metaAppId: metaAppIdFor(body.channel, credentials),
      createdAt: at,
    }),
    auditInsert(core, { workspaceId: admin.workspaceId, ...auditActor(admin, from), action: "channel.connected", target: id, data: { channel: body.channel, name: body.name, teamId: team.id }, at }),
  ]);
  const row = (await getInboxRow(core.db, id))!;
  await registerInboxWebhook(core, row, auditActor(admin, from));
  if (connectorFor(core, row.channel)?.templates) await core.templates.syncNow(row);
  return adminView(core, row);
}

export async function ownInbox(core: AdminInboxDeps, admin: SessionUser, id: string): Promise<InboxRow> {
  const row = await getInboxRow(core.db, id);
  if (!row || row.workspaceId !== admin.workspaceId) throw notFound("channel");
  return row;
}

/** New credentials for an expired or changed connection; history and conversations stay. */
export async function reconnectInbox(core: AdminInboxDeps, admin: SessionUser, id: string, credentials: Credentials, from: RequestOrigin | null = null): Promise<AdminInbox> {
  const row = await ownInbox(core, admin, id);
  const checked = await checkCredentials(core, row, credentials);
  await refuseClaimHeldElsewhere(core, row.workspaceId, row.channel, checked, row);
  await core.writer.write([
    core.db.update(inboxes).set({ secretsEnc: await core.secrets.seal(checked), metaAppId: metaAppIdFor(row.channel, checked) }).where(eq(inboxes.id, id)),
    auditInsert(core, { workspaceId: row.workspaceId, ...auditActor(admin, from), action: "channel.reconnected", target: id, data: { name: row.name }, at: core.now() }),
  ]);
  const updated = await setChannelStatus(core, { ...row, secretsEnc: "x" }, "active", { reason: "Reconnected by an admin.", ...auditActor(admin, from) });
  // A new bot token (or secret token) needs the webhook set again with it.
  const reconnected = (await getInboxRow(core.db, id))!;
  await registerInboxWebhook(core, reconnected, auditActor(admin, from));
  // A new token may read templates the old one could not.
  if (connectorFor(core, row.channel)?.templates) await core.templates.syncNow(reconnected);
  core.outbox.kick();
  return adminView(core, (await getInboxRow(core.db, updated.id))!);
}

export async function setInboxEnabled(core: AdminInboxDeps, admin: SessionUser, id: string, enabled: boolean, from: RequestOrigin | null = null): Promise<AdminInbox> {
  const row = await ownInbox(core, admin, id);
  if (enabled && row.status !== "disabled") return adminView(core, row);
  const updated = await setChannelStatus(core, row, enabled ? "active" : "disabled", {
    reason: enabled ? "Enabled by an admin." : "Disabled by an admin.",
    ...auditActor(admin, from),
  });
  // Enabled: point the platform here again (its address or token may have changed meanwhile).
  // Disabled: the webhook stays, and the server holds what arrives (inbox-webhook.ts says why).
  if (enabled) await registerInboxWebhook(core, updated, auditActor(admin, from));
  if (enabled) await core.webhooks.release(id);
  return adminView(core, updated);
}
