import { and, eq, inArray, sql } from "drizzle-orm";
import { newId, templateKey } from "@inbox/shared";
import type { InboundEvent, PlatformTemplate } from "@inbox/connectors";
import { connectorFor, contextFor, credentialsOf, type ChannelsDeps } from "../channels/index.ts";
import { eventInsert } from "../db/event-rows.ts";
import type { InboxRow } from "../db/read-model.ts";
import { templateSyncs, whatsappTemplates } from "../db/schema.ts";
import { accountOf, templateNamed } from "./template-store.ts";

/** Templates are listed again this often (status webhooks keep them current in between). */
export const SYNC_EVERY_MS = 6 * 3600_000;
/** A failed sync is tried again after this. */
const RETRY_MS = 15 * 60_000;

export type SyncOutcome = { ok: true; count: number } | { ok: false; reason: string };

export const NO_ACCOUNT =
  "Enter the WhatsApp Business Account ID (Meta Business Manager → WhatsApp accounts) in Settings → Channels to load this number's templates.";

/** Records how a sync went and when the next is due, in the same transaction as what it changed. */
function syncRow(inbox: Pick<InboxRow, "id" | "workspaceId">, values: { syncedAt?: number; error: string | null; dueAt: number }) {
  return { inboxId: inbox.id, workspaceId: inbox.workspaceId, error: values.error, dueAt: values.dueAt, ...(values.syncedAt !== undefined ? { syncedAt: values.syncedAt } : {}) };
}

async function recordFailure(core: ChannelsDeps, inbox: InboxRow, reason: string, dueAt: number): Promise<SyncOutcome> {
  const row = syncRow(inbox, { error: reason, dueAt });
  await core.writer.write([core.db.insert(templateSyncs).values(row).onConflictDoUpdate({ target: templateSyncs.inboxId, set: { error: reason, dueAt } })]);
  return { ok: false, reason };
}

/**
 * Lists the inbox's templates on the platform and makes the stored copy the same: new ones
 * added, changed ones updated (a status change is an event), ones Meta no longer lists removed;
 * all with the sync's own event in one transaction. Failures are recorded for Settings to show.
 */
export async function syncTemplates(core: ChannelsDeps, inbox: InboxRow, actor: { kind: "agent" | "system"; id: string | null } = { kind: "system", id: null }): Promise<SyncOutcome> {
  const now = core.now();
  const connector = connectorFor(core, inbox.channel);
  if (!connector?.templates) return { ok: false, reason: "Only WhatsApp channels have message templates." };
  const account = accountOf(inbox);
  if (!account) return recordFailure(core, inbox, NO_ACCOUNT, now + SYNC_EVERY_MS);
  let credentials;
  try {
    credentials = await credentialsOf(core, inbox);
  } catch {
    return recordFailure(core, inbox, "This channel has no credentials. An admin must connect it.", now + SYNC_EVERY_MS);
  }
  const listed = await connector.templates.list(account, credentials, contextFor(core, inbox, connector));
  if (!listed.ok) return recordFailure(core, inbox, listed.reason, now + RETRY_MS);

  const before = new Map((await core.db.select().from(whatsappTemplates).where(eq(whatsappTemplates.inboxId, inbox.id))).map((r) => [templateKey(r), r]));
  const seen = new Set<string>();
  const statements = [];
  const base = { workspaceId: inbox.workspaceId, actorKind: actor.kind, actorId: actor.id, at: now } as const;
  for (const t of listed.templates) {
    const key = templateKey(t);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = before.get(key);
    statements.push(upsert(core, inbox, t, now));
    if (old && old.status !== t.status) {
      statements.push(eventInsert(core, { ...base, type: "template.status_changed", data: { inboxId: inbox.id, name: t.name, language: t.language, from: old.status, to: t.status, reason: t.reason } }));
    }
  }
  const gone = [...before.values()].filter((r) => !seen.has(templateKey(r)));
  // Deleted on Meta's side: nobody can send them any more.
  if (gone.length) statements.push(core.db.delete(whatsappTemplates).where(and(eq(whatsappTemplates.inboxId, inbox.id), inArray(whatsappTemplates.id, gone.map((r) => r.id)))));
  statements.push(
    eventInsert(core, { ...base, type: "template.synced", data: { inboxId: inbox.id, count: seen.size, added: [...seen].filter((k) => !before.has(k)).length, removed: gone.length } }),
    core.db
      .insert(templateSyncs)
      .values(syncRow(inbox, { syncedAt: now, error: null, dueAt: now + SYNC_EVERY_MS }))
      .onConflictDoUpdate({ target: templateSyncs.inboxId, set: { syncedAt: now, error: null, dueAt: now + SYNC_EVERY_MS } }),
  );
  await core.writer.write(statements);
  return { ok: true, count: seen.size };
}

function upsert(core: ChannelsDeps, inbox: InboxRow, t: PlatformTemplate, now: number) {
  const values = {
    externalId: t.externalId,
    status: t.status,
    category: t.category,
    parameterFormat: t.parameterFormat,
    components: t.components,
    reason: t.reason,
    updatedAt: now,
  };
  return core.db
    .insert(whatsappTemplates)
    .values({ id: newId(), workspaceId: inbox.workspaceId, inboxId: inbox.id, name: t.name, language: t.language, ...values })
    .onConflictDoUpdate({ target: [whatsappTemplates.inboxId, whatsappTemplates.name, whatsappTemplates.language], set: values });
}

/**
 * Meta's review of one template changed (webhook): the stored copy follows, with an event. A
 * template not stored yet (created on Meta's side since the last sync) makes a sync due now.
 * Webhooks for another business account than the inbox's are not this inbox's.
 */
export async function applyTemplateStatus(core: ChannelsDeps, inbox: InboxRow, event: Extract<InboundEvent, { type: "template_status" }>): Promise<void> {
  const account = accountOf(inbox);
  if (account && account !== event.accountId) return;
  const row = await templateNamed(core, inbox.id, event.name, event.language);
  if (!row) {
    await core.writer.write([
      core.db
        .insert(templateSyncs)
        .values(syncRow(inbox, { error: null, dueAt: core.now() }))
        .onConflictDoUpdate({ target: templateSyncs.inboxId, set: { dueAt: sql`min(${templateSyncs.dueAt}, ${core.now()})` } }),
    ]);
    return;
  }
  const reason = event.reason ?? null;
  if (row.status === event.status && row.reason === reason) return;
  await core.writer.write([
    core.db.update(whatsappTemplates).set({ status: event.status, reason, updatedAt: event.at }).where(eq(whatsappTemplates.id, row.id)),
    eventInsert(core, {
      workspaceId: inbox.workspaceId,
      type: "template.status_changed",
      actorKind: "system",
      data: { inboxId: inbox.id, name: row.name, language: row.language, from: row.status, to: event.status, reason },
      at: event.at,
    }),
  ]);
}
