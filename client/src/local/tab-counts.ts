/**
 * The list tabs' counts (Mine / Unassigned / All), kept up to date as rows are written instead
 * of counted: IndexedDB's count() walks every key of its range in Chromium, so three counts per
 * change cost as much as the cache is large. The totals live in one kv row that every write of
 * conversation rows updates in the same transaction (store.ts), so reading them is one get.
 *
 * Counts by assignee rather than "mine": the row stays right whoever reads it. Pure, so the
 * bookkeeping is unit-tested.
 */
import type { ListFilter } from "@inbox/shared";

export interface TabTotals {
  /** Every conversation row. */
  all: number;
  /** Rows of the Unassigned tab (u = 1). */
  unassigned: number;
  /** Rows by assignee id (nobody: not counted). */
  byAssignee: Record<string, number>;
}

type Indexed = { a: string; u: 0 | 1 };

export const emptyTotals = (): TabTotals => ({ all: 0, unassigned: 0, byAssignee: {} });

export function isTabTotals(value: unknown): value is TabTotals {
  if (!value || typeof value !== "object") return false;
  const v = value as Partial<TabTotals>;
  return typeof v.all === "number" && typeof v.unassigned === "number" && !!v.byAssignee && typeof v.byAssignee === "object";
}

/**
 * The totals after writing `next` over `previous` (the stored rows of the same ids before the
 * write, undefined where there was none). Ids must be distinct. Returns `totals` itself when
 * nothing counted changed, so the caller can skip the write.
 */
export function applyWrites(totals: TabTotals, previous: readonly (Indexed | undefined)[], next: readonly Indexed[]): TabTotals {
  let all = totals.all;
  let unassigned = totals.unassigned;
  const byAssignee = { ...totals.byAssignee };
  let changed = false;
  const bump = (a: string, d: number) => {
    if (!a) return;
    const n = (byAssignee[a] ?? 0) + d;
    if (n > 0) byAssignee[a] = n;
    else delete byAssignee[a];
  };
  next.forEach((row, i) => {
    const old = previous[i];
    if (old && old.a === row.a && old.u === row.u) return;
    changed = true;
    if (old) {
      bump(old.a, -1);
      unassigned -= old.u;
    } else {
      all++;
    }
    bump(row.a, 1);
    unassigned += row.u;
  });
  return changed ? { all, unassigned: Math.max(0, unassigned), byAssignee } : totals;
}

export function tabCounts(totals: TabTotals, userId: string): Record<ListFilter, number> {
  return { mine: totals.byAssignee[userId] ?? 0, unassigned: totals.unassigned, all: totals.all };
}
