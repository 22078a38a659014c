import type { Reads } from "../../db/record.ts";
import type { FactScope, GroupBy, TimeRow, UnreadRow, Win } from "./fact-queries.ts";
import type { FactDims } from "./fact-table.ts";

/** One `duration` row of `report_facts`, as the roller writes it. */
export type DurationFact = FactDims & { ms: number | null; businessMs: number | null };
/** One `unread` piece of `report_facts`: `delta` messages awaiting read from `at` until `until`. */
export type UnreadFact = FactDims & { until: number | null; delta: number | null };

export type DurationGroup = Exclude<GroupBy, "combo">;

/**
 * Where a report's durations and unread pieces may come from besides SQL (docs/REPORTS.md §9):
 * exact percentiles per window and grouping cost SQLite 100–245 ms each at a million messages,
 * the unread pieces 150–200 ms, and a copy of those rows kept in memory answers them in a few.
 * Only a runtime whose processes both roll and report can keep such a copy right (Node; a copy
 * that sees another process's roll in `report_cursor.rolls` reloads);
 * Workers pass none and keep the SQL. The roller tells it every conversation whose rows it
 * replaced, after the commit.
 */
export interface ReportMemory {
  /** What `timeRows` (fact-queries.ts) gives, or null when memory cannot answer (a scope it cannot read, not loaded yet): the caller asks SQL. */
  timeRows(core: Reads, scope: FactScope, wins: readonly Win[], g: DurationGroup, business: boolean): Promise<TimeRow[] | null>;
  /** What `unreadRows` gives grouped by "combo", or null as above. */
  unreadRows(core: Reads, scope: FactScope, before: number, wins: readonly Win[]): Promise<UnreadRow[] | null>;
  /** The conversations' duration and unread rows are now these (committed). */
  replaced(workspaceId: string, conversationIds: readonly string[], rows: { durations: readonly DurationFact[]; unread: readonly UnreadFact[] }): void;
  /** Forgets a workspace's copy (a roll whose outcome is unknown): the next report reloads it. */
  drop(workspaceId: string): void;
}
