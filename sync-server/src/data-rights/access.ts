import { mayEraseContacts, mayExportData, mayManageRetention } from "@inbox/shared/api/data-rights";
import { seesAllTeams } from "@inbox/shared";
import { contactForUser, loadContactRow } from "../contacts/index.ts";
import type { Reads } from "../db/record.ts";
import type { contacts } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, forbiddenBecause } from "../http/http-error.ts";

export type ContactRow = typeof contacts.$inferSelect;

// The permission checks live in shared/api/data-rights.ts (the PWA hides the same buttons);
// these turn a "no" into the refusal the API gives.

export function refuseUnlessMayExport(user: SessionUser): void {
  if (!mayExportData(user)) throw forbiddenBecause("data_export_denied");
}

export function refuseUnlessMayErase(user: SessionUser): void {
  if (!mayEraseContacts(user)) throw forbiddenBecause("data_erase_denied");
}

export function refuseUnlessMayManageRetention(user: SessionUser): void {
  if (!mayManageRetention(user)) throw forbiddenBecause("retention_admins_only");
}

/**
 * The contact in the caller's workspace (a merged id is followed), or "not found". A role that
 * does not see every team reaches only contacts of conversations it may see.
 */
export async function workspaceContact(core: Reads, user: SessionUser, id: string): Promise<ContactRow> {
  const row = await loadContactRow(core, user.workspaceId, id);
  if (!row) throw notFound("contact");
  if (!seesAllTeams(user)) await contactForUser(core, user, row.id);
  return row;
}
