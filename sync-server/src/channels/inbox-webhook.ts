import { and, desc, eq, like } from "drizzle-orm";
import type { ChannelWebhook } from "@inbox/shared";
import { connectorFor, contextFor, credentialsOf, publicBaseOf, type ChannelsDeps } from "./channel-access.ts";
import { auditLog } from "../db/schema.ts";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import type { InboxRow } from "../db/read-model.ts";

/**
 * Platforms whose webhook is registered by an API call (Telegram's setWebhook), not typed into
 * the platform's console: the server points the platform at this inbox's webhook route when
 * the channel is connected, reconnected or enabled. Disabling leaves it registered: the server
 * stores and holds what customers write while the channel is off (Telegram would keep updates
 * only about 24 hours), so nothing is lost however long it stays off.
 * Registration never fails the admin's action: what went wrong is audited and shown in Settings
 * (`webhookView`), where "Register again" retries.
 */

type Row = Pick<InboxRow, "id" | "workspaceId" | "channel" | "settings" | "secretsEnc">;

/** The connector registers its own webhook (the optional hooks of the Connector interface). */
export function managesWebhook(core: Pick<ChannelsDeps, "connectors">, channel: string): boolean {
  return !!connectorFor(core, channel)?.registerWebhook;
}

/**
 * This inbox's webhook route on the server's public address, or why there is none: platforms
 * deliver to public https only, and a server started on a local address (`npm start`) has none.
 */
export function publicWebhookUrl(core: Pick<ChannelsDeps, "endpoints">, row: Pick<Row, "id" | "channel">): { url: string } | { reason: string } {
  const self = publicBaseOf(core.endpoints);
  let base: URL | null = null;
  try {
    base = self ? new URL(self) : null;
  } catch {
    base = null;
  }
  const host = base?.hostname.replace(/^\[|\]$/g, "") ?? "";
  const local = host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0";
  if (!base || base.protocol !== "https:" || local) {
    return { reason: `This server's address (${self || "unknown"}) is not a public https address, so the platform cannot deliver to it. Serve the inbox over https on a public name (PUBLIC_URL) and register again.` };
  }
  return { url: `${self.replace(/\/+$/, "")}/webhooks/${row.channel}/${row.id}` };
}

/** Points the platform at this inbox (audited either way); null when the platform has no such call. */
export async function registerInboxWebhook(core: ChannelsDeps, row: Row, actor: AuditActor): Promise<{ ok: true } | { ok: false; reason: string } | null> {
  const connector = connectorFor(core, row.channel);
  if (!connector?.registerWebhook) return null;
  const target = publicWebhookUrl(core, row);
  const result =
    "reason" in target
      ? { ok: false as const, reason: target.reason }
      : await attempt(async () => connector.registerWebhook!(target.url, await credentialsOf(core, row), contextFor(core, row, connector)));
  await audit(core, row, actor, result.ok ? "inbox.webhook_registered" : "inbox.webhook_not_registered", {
    ...("url" in target ? { url: target.url } : {}),
    ...(result.ok ? {} : { reason: result.reason }),
  });
  return result;
}

/** The platform's view of the webhook, with what this server wants and why they differ, in words. */
export async function webhookView(core: ChannelsDeps, row: InboxRow): Promise<ChannelWebhook> {
  const target = publicWebhookUrl(core, row);
  const expectedUrl = "url" in target ? target.url : null;
  const view: ChannelWebhook = { expectedUrl, url: null, registered: false, pendingUpdates: null, lastError: null, lastErrorAt: null, problem: null };
  const connector = connectorFor(core, row.channel);
  if (!connector?.webhookStatus) return { ...view, problem: "This channel's webhook is set in the platform's own console: copy the webhook URL there." };
  if (!row.secretsEnc) return { ...view, problem: "This channel has no credentials. An admin must connect it." };
  const check = await attempt(async () => connector.webhookStatus!(await credentialsOf(core, row), contextFor(core, row, connector)));
  if (!check.ok) return { ...view, problem: check.reason };
  const status = check.status;
  const registered = expectedUrl !== null && status.url === expectedUrl;
  let problem: string | null = null;
  if ("reason" in target) problem = target.reason;
  else if (!registered) problem = (await lastRefusal(core, row.id)) ?? (status.url ? "The platform delivers to another address. Register again to point it at this inbox." : null);
  return {
    ...view,
    url: status.url,
    registered,
    pendingUpdates: status.pendingUpdates ?? null,
    lastError: status.lastError ?? null,
    lastErrorAt: status.lastErrorAt ?? null,
    problem,
  };
}

/** Why the last registration failed, if the last attempt failed. */
async function lastRefusal(core: ChannelsDeps, inboxId: string): Promise<string | null> {
  const [last] = await core.db
    .select({ action: auditLog.action, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.target, inboxId), like(auditLog.action, "inbox.webhook_%")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (last?.action !== "inbox.webhook_not_registered") return null;
  return (last.data as { reason?: string } | null)?.reason ?? null;
}

/**
 * One connector call with the decrypted credentials: a throw (unreadable credentials, a
 * connector bug) becomes a refusal in words rather than a failed admin action.
 */
async function attempt<T extends { ok: boolean }>(call: () => Promise<T>): Promise<T | { ok: false; reason: string }> {
  try {
    return await call();
  } catch (err) {
    return { ok: false, reason: `The platform could not be asked: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function audit(core: ChannelsDeps, row: Row, actor: AuditActor, action: string, data: Record<string, unknown>): Promise<void> {
  await core.writer.write([auditInsert(core, { workspaceId: row.workspaceId, ...actor, action, target: row.id, data, at: core.now() })]);
}
