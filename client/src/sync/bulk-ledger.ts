/**
 * Bulk actions, as the device remembers them until their answers are in. A bulk action is one
 * outbox command per conversation, not one server call for all: each has its own client id, so
 * offline work queues like any other change, each conversation is changed exactly once however
 * often the outbox resends, the server authorises each one as if it were done alone (a
 * supervisor's teams, what an agent may do), and each reports its own conflict ("already
 * assigned to Bruno", "over capacity") instead of one failure sinking the batch. The ledger
 * groups those answers back together, so the agent reads one summary when the last lands,
 * minutes or a reload later.
 *
 * A group is stored in the local database's `kv` table under `bulk:<id>`; its commands' client
 * ids carry the group's id (`bk<id>_<n>`), so an answer finds its group without a lookup table.
 * Labels live in each conversation's shared work document (a CRDT: nothing to conflict), so a
 * bulk label has no commands: each target's result is recorded once its document has synced.
 */
import type { Command, CommandResult, Priority } from "@inbox/shared";
import type { LocalDb } from "../local/db.ts";

export type BulkAction =
  | { kind: "assign"; assigneeId: string; assigneeName: string; override: boolean }
  | { kind: "transfer"; teamId: string; teamName: string }
  | { kind: "resolve" }
  | { kind: "label"; label: string }
  | { kind: "priority"; priority: Priority }
  | { kind: "snooze"; until: number };

/** A conversation as the agent saw it when picking it. */
export interface BulkTarget {
  conversationId: string;
  contactName: string;
  assigneeId: string | null;
  teamId: string;
}

export interface BulkResult {
  ok: boolean;
  code?: string;
  /** The server's words for a refusal. */
  message?: string;
}

export interface BulkGroup {
  id: string;
  action: BulkAction;
  createdAt: number;
  targets: (Pick<BulkTarget, "conversationId" | "contactName"> & { clientId: string })[];
  /** By client id; a target without one is still waiting. */
  results: Record<string, BulkResult>;
}

export const BULK_KEY_PREFIX = "bulk:";
const CLIENT_ID = /^bk([0-9a-f]{32})_\d+$/;

export function newBulkId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

export function bulkClientId(bulkId: string, index: number): string {
  return `bk${bulkId}_${index}`;
}

/** The group a command belongs to, or null for a change made on its own. */
export function bulkIdOf(clientId: string): string | null {
  return CLIENT_ID.exec(clientId)?.[1] ?? null;
}

/** The group as first stored: every target waiting. */
export function newGroup(id: string, action: BulkAction, targets: readonly BulkTarget[], now: number): BulkGroup {
  return {
    id,
    action,
    createdAt: now,
    targets: targets.map((t, i) => ({ conversationId: t.conversationId, contactName: t.contactName, clientId: bulkClientId(id, i) })),
    results: {},
  };
}

/**
 * The commands of a bulk action, one per conversation, each conditional on what the agent saw:
 * an assignment only if the chat is still with whom it was, a transfer only if it is still in
 * its team (a colleague's change in the meantime is reported, not overwritten).
 */
export function bulkCommands(group: BulkGroup, targets: readonly BulkTarget[]): Command[] {
  const a = group.action;
  if (a.kind === "label") return [];
  return targets.map((t, i): Command => {
    const base = { clientId: group.targets[i]!.clientId, conversationId: t.conversationId };
    switch (a.kind) {
      case "assign":
        return { ...base, type: "assign", assigneeId: a.assigneeId, expectedAssigneeId: t.assigneeId, ...(a.override ? { override: true } : {}) };
      case "transfer":
        return { ...base, type: "transfer", teamId: a.teamId, expectedTeamId: t.teamId };
      case "resolve":
        return { ...base, type: "status", status: "resolved" };
      case "priority":
        return { ...base, type: "priority", priority: a.priority };
      case "snooze":
        return { ...base, type: "status", status: "snoozed", snoozedUntil: a.until };
    }
  });
}

/** The group with one more answer; the first answer for a client id stands (a replay answers the same). */
export function withResult(group: BulkGroup, clientId: string, result: Pick<CommandResult, "ok"> & { code?: string; message?: string }): BulkGroup {
  if (group.results[clientId] || !group.targets.some((t) => t.clientId === clientId)) return group;
  const r: BulkResult = result.ok ? { ok: true } : { ok: false, code: result.code, message: result.message };
  return { ...group, results: { ...group.results, [clientId]: r } };
}

export function isSettled(group: BulkGroup): boolean {
  return group.targets.every((t) => group.results[t.clientId] !== undefined);
}

// ---------- stored in the local database ----------

export async function storeGroup(db: LocalDb, group: BulkGroup): Promise<void> {
  await db.kv.put({ key: BULK_KEY_PREFIX + group.id, value: group });
}

/** Records the server's answer to a bulk command (in the tab that sent it: one tab sends). */
export async function recordBulkResult(db: LocalDb, clientId: string, result: CommandResult): Promise<void> {
  const id = bulkIdOf(clientId);
  if (id === null) return;
  const key = BULK_KEY_PREFIX + id;
  await db.transaction("rw", db.kv, async () => {
    const row = await db.kv.get(key);
    if (!row) return;
    const next = withResult(row.value as BulkGroup, clientId, result.ok ? { ok: true } : { ok: false, code: result.code, message: result.message });
    if (next !== row.value) await db.kv.put({ key, value: next });
  });
}

export async function loadGroups(db: LocalDb): Promise<BulkGroup[]> {
  const rows = await db.kv.where("key").startsWith(BULK_KEY_PREFIX).toArray();
  return rows.map((r) => r.value as BulkGroup).sort((a, b) => a.createdAt - b.createdAt);
}

export async function forgetGroup(db: LocalDb, id: string): Promise<void> {
  await db.kv.delete(BULK_KEY_PREFIX + id);
}
