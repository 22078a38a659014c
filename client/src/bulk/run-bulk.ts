/**
 * Starting a bulk action: its group (so every answer finds it, even one that lands after a
 * reload) and one outbox command per conversation, stored together, then sent by the one replayer.
 * Labels go into each conversation's work document instead (see sync/bulk-ledger.ts for why);
 * each counts as done once its document has reached the server.
 */
import { createEffect, createRoot, type Accessor } from "solid-js";
import type { LocalSlice } from "../app/index.ts";
import type { LocalDb } from "../local/db.ts";
import { bulkCommands, newBulkId, newGroup, recordBulkResult, storeGroup, type BulkAction, type BulkGroup, type BulkTarget } from "../sync/bulk-ledger.ts";
import type { WorkDocs } from "../sync/work-docs.ts";

export async function runBulk(local: LocalSlice, action: BulkAction, targets: readonly BulkTarget[]): Promise<void> {
  const db = local.db();
  if (!db || targets.length === 0) return;
  const group = newGroup(newBulkId(), action, targets, Date.now());
  if (action.kind === "label") {
    await storeGroup(db, group);
    const docs = local.workDocs();
    if (docs) void labelEach(db, docs, group);
    return;
  }
  // The record and every command in one transaction: a reload halfway cannot leave some unsent.
  await local.enqueueAll(bulkCommands(group, targets), (d) => storeGroup(d, group));
}

/** Label groups being written by this tab, so resuming does not start them twice. */
const labelling = new Set<string>();

/**
 * Puts the label into each waiting conversation's work document and records it once the
 * document has synced. Also resumes a group a reload interrupted (offline): the label was kept
 * in the document's local copy, which syncs when it is opened again.
 */
export async function labelEach(db: LocalDb, docs: WorkDocs, group: BulkGroup): Promise<void> {
  if (group.action.kind !== "label" || labelling.has(group.id)) return;
  const label = group.action.label;
  labelling.add(group.id);
  try {
    await Promise.all(
      group.targets
        .filter((t) => !group.results[t.clientId])
        .map(async (target) => {
          const { doc, release } = docs.acquire(target.conversationId);
          try {
            await doc.whenLoaded;
            if (doc.labels.get(label) !== true) doc.labels.set(label, true);
            // Synced: the label has reached the server. Forbidden: the chat is no longer this person's to see.
            const forbidden = await whenTrue(() => doc.synced() || doc.status() === "forbidden").then(() => doc.status() === "forbidden" && !doc.synced());
            await recordBulkResult(
              db,
              target.clientId,
              forbidden
                ? { clientId: target.clientId, ok: false, code: "forbidden", message: "You can no longer see this conversation.", keepAsDraft: false }
                : { clientId: target.clientId, ok: true },
            );
          } finally {
            release();
          }
        }),
    );
  } finally {
    labelling.delete(group.id);
  }
}

function whenTrue(value: Accessor<boolean>): Promise<void> {
  return new Promise((resolve) =>
    createRoot((dispose) =>
      createEffect(() => {
        if (!value()) return;
        queueMicrotask(dispose);
        resolve();
      }),
    ),
  );
}
