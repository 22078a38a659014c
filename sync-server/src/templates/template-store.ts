import { and, asc, eq } from "drizzle-orm";
import { TemplateComponentSchema, type MessageTemplate } from "@inbox/shared";
import { WHATSAPP_ACCOUNT_SETTING } from "@inbox/shared/api/templates";
import { z } from "zod";
import type { Reads } from "../db/record.ts";
import type { InboxRow } from "../db/read-model.ts";
import { templateSyncs, whatsappTemplates } from "../db/schema.ts";

export type TemplateRow = typeof whatsappTemplates.$inferSelect;

const Components = z.array(TemplateComponentSchema);

/** A stored template as clients see it (components checked again: they came from a platform). */
export function toTemplate(row: TemplateRow): MessageTemplate {
  const components = Components.safeParse(row.components);
  return {
    id: row.id,
    inboxId: row.inboxId,
    name: row.name,
    language: row.language,
    status: row.status,
    category: row.category,
    parameterFormat: row.parameterFormat === "NAMED" ? "NAMED" : "POSITIONAL",
    components: components.success ? components.data : [],
    reason: row.reason,
    updatedAt: row.updatedAt,
  };
}

/** An inbox's templates by name and language; `approvedOnly` for the composer. */
export async function templatesOf(core: Reads, inboxId: string, approvedOnly: boolean): Promise<MessageTemplate[]> {
  const rows = await core.db
    .select()
    .from(whatsappTemplates)
    .where(approvedOnly ? and(eq(whatsappTemplates.inboxId, inboxId), eq(whatsappTemplates.status, "APPROVED")) : eq(whatsappTemplates.inboxId, inboxId))
    .orderBy(asc(whatsappTemplates.name), asc(whatsappTemplates.language));
  return rows.map(toTemplate);
}

export async function templateNamed(core: Reads, inboxId: string, name: string, language: string): Promise<TemplateRow | undefined> {
  const [row] = await core.db
    .select()
    .from(whatsappTemplates)
    .where(and(eq(whatsappTemplates.inboxId, inboxId), eq(whatsappTemplates.name, name), eq(whatsappTemplates.language, language)));
  return row;
}

export async function syncStateOf(core: Reads, inboxId: string): Promise<{ syncedAt: number | null; error: string | null }> {
  const [row] = await core.db.select().from(templateSyncs).where(eq(templateSyncs.inboxId, inboxId));
  return { syncedAt: row?.syncedAt ?? null, error: row?.error ?? null };
}

/** The WhatsApp Business Account an inbox's templates come from (a public inbox setting). */
export function accountOf(inbox: Pick<InboxRow, "settings">): string | null {
  const v = inbox.settings[WHATSAPP_ACCOUNT_SETTING];
  return typeof v === "string" && v !== "" ? v : null;
}
