import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import type { AuditBreak, AuditVerifyResponse } from "@inbox/shared/api/audit";
import type { Reads } from "../db/record.ts";
import { auditChain, auditLog } from "../db/schema.ts";
import { GENESIS_HASH, entryHash } from "./entry-hash.ts";

/** Entries read per query while walking the chain. */
const PAGE = 1000;

type Broken = NonNullable<AuditVerifyResponse["broken"]>;

const when = (at: number) => new Date(at).toISOString().replace(".000Z", "Z");

function broken(id: number, at: number | null, reason: AuditBreak, message: string): Broken {
  return { id, at, reason, message };
}

/** The first seal of the workspace, after `afterId` and before `beforeId`, whose entry is gone from it. */
async function orphanSeal(core: Reads, workspaceId: string, afterId: number, beforeId: number | null): Promise<number | null> {
  const [orphan] = await core.db
    .select({ id: auditChain.auditId })
    .from(auditChain)
    .leftJoin(auditLog, and(eq(auditLog.id, auditChain.auditId), eq(auditLog.workspaceId, workspaceId)))
    .where(and(eq(auditChain.workspaceId, workspaceId), gt(auditChain.auditId, afterId), beforeId === null ? undefined : lt(auditChain.auditId, beforeId), isNull(auditLog.id)))
    .orderBy(asc(auditChain.auditId))
    .limit(1);
  return orphan?.id ?? null;
}

/**
 * Walks a workspace's log in id order against its seals and says whether it is whole, or where
 * it first breaks: an entry whose content no longer matches its seal (edited), a seal that
 * does not follow the entry before it or has no entry (deleted), an entry without a seal
 * while later ones have theirs (its seal removed). Entries not sealed yet at the end are not
 * counted; seal first (`sealWorkspace`) to check everything written so far.
 */
export async function verifyWorkspace(core: Reads, workspaceId: string): Promise<AuditVerifyResponse> {
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let checked = 0;
  let headHash: string | null = null;
  let unsealed: { id: number; at: number } | null = null;
  let cursor = 0;
  const result = (b: Broken | null): AuditVerifyResponse => ({ ok: b === null, checked, headHash, broken: b });

  for (;;) {
    const page = await core.db
      .select({ row: auditLog, link: auditChain })
      .from(auditLog)
      .leftJoin(auditChain, eq(auditChain.auditId, auditLog.id))
      .where(and(eq(auditLog.workspaceId, workspaceId), gt(auditLog.id, cursor)))
      .orderBy(asc(auditLog.id))
      .limit(PAGE);
    for (const { row, link } of page) {
      cursor = row.id;
      if (!link) {
        unsealed ??= { id: row.id, at: row.at };
        continue;
      }
      if (unsealed) {
        return result(broken(unsealed.id, unsealed.at, "unsealed", `The seal of entry #${unsealed.id} (${when(unsealed.at)}) was removed, though later entries are sealed.`));
      }
      if (link.workspaceId !== workspaceId) {
        return result(broken(row.id, row.at, "edited", `Entry #${row.id} (${when(row.at)}) was moved here from another workspace after it was written.`));
      }
      if (link.prevHash !== prevHash) {
        const gone = await orphanSeal(core, workspaceId, prevId, row.id);
        if (gone !== null) return result(broken(gone, null, "deleted", `Entry #${gone} was deleted: its seal is still in the chain.`));
        return result(
          broken(row.id, row.at, "deleted", `An entry before #${row.id} (${when(row.at)}) was deleted: its seal does not follow ${prevId ? `entry #${prevId}` : "the start of the log"}.`),
        );
      }
      if (entryHash(link.prevHash, row) !== link.hash) {
        return result(broken(row.id, row.at, "edited", `Entry #${row.id} (${when(row.at)}) was changed after it was written: it no longer matches its seal.`));
      }
      prevHash = link.hash;
      prevId = row.id;
      headHash = link.hash;
      checked++;
    }
    if (page.length < PAGE) break;
  }
  // The newest entries deleted: their seals are left with nothing after them to notice.
  const gone = await orphanSeal(core, workspaceId, prevId, null);
  if (gone !== null) return result(broken(gone, null, "deleted", `Entry #${gone} was deleted: its seal is still in the chain.`));
  return result(null);
}
