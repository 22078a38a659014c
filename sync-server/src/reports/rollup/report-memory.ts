import type { Reads } from "../../db/record.ts";
import type { ContactFact } from "./contact-stats.ts";
import type { CountGrouping } from "./count-sums.ts";
import type { CountFact } from "./count-table.ts";
import type { ContactRow, CountRow, FactScope, TimeRow, UnreadRow, Win } from "./fact-queries.ts";
import type { FactDims } from "./fact-table.ts";
import type { DurationGroup, Grouping } from "./grouped-scan.ts";

/** One `duration` row of `report_facts`, as the roller writes it. */
export type DurationFact = FactDims & { ms: number | null; businessMs: number | null };
/** One `unread` piece of `report_facts`: `delta` messages awaiting read from `at` until `until`. */
export type UnreadFact = FactDims & { until: number | null; delta: number | null };
export type { ContactFact, CountFact, CountGrouping, DurationGroup, Grouping };

/** What a report asks of memory, all answered from one moment of the copy. */
export interface MemoryQuestion {
  business: boolean;
  /** Durations per grouping (`timeRows` of each). */
  durations: readonly Grouping[];
  /** New and returning contacts per grouping (`contactRows` of each). */
  contacts: readonly Grouping[];
  /** Messages awaiting read alive at `before` and changing in `wins` (`unreadRows` grouped by "combo"). */
  unread: { before: number; wins: readonly Win[] } | null;
  /** Counts and SLA outcomes per grouping over whole UTC hours (`countRows` of the hour sums). */
  counts: { groupings: readonly CountGrouping[]; sla: boolean } | null;
  /** Customer messages per UTC hour over a window of whole hours (`receivedPerSlot` of the hour sums). */
  received: Win | null;
}

/** Memory's answer, each part null when memory cannot give it (the caller asks SQL for that part). */
export interface MemoryAnswer {
  /** One list per grouping asked, in order. */
  durations: TimeRow[][] | null;
  contacts: ContactRow[][] | null;
  unread: UnreadRow[] | null;
  counts: CountRow[][] | null;
  received: Array<{ slot: number; n: number }> | null;
}

/** A conversation's rows of the kinds memory keeps, as a roll wrote them. */
export interface MemoryRows {
  durations: readonly DurationFact[];
  unread: readonly UnreadFact[];
  contacts: readonly ContactFact[];
  counts: readonly CountFact[];
}

/**
 * Where a report's figures may come from besides SQL (docs/REPORTS.md §9): exact percentiles
 * per window and grouping cost SQLite 100–245 ms each at a million messages, the unread pieces
 * 150–200 ms, new vs returning contacts 30–140 ms per grouping, the counts 40–60 ms per grouping
 * even from the hour sums, and a copy of those rows kept in memory answers them all in a few.
 * Only a runtime whose processes both roll and report can keep such a copy right (Node; a copy
 * that sees another process's roll in `report_cursor.rolls` reloads); Workers pass none and keep
 * the SQL. The roller tells it every conversation whose rows it replaced, after the commit.
 */
export interface ReportMemory {
  /** The parts of a report memory can give, or null when it can give none (a scope it cannot read, not loaded yet). */
  answer(core: Reads, scope: FactScope, question: MemoryQuestion): Promise<MemoryAnswer | null>;
  /** The conversations' rows of these kinds are now these (committed). */
  replaced(workspaceId: string, conversationIds: readonly string[], rows: MemoryRows): void;
  /** Forgets a workspace's copy (a roll whose outcome is unknown): the next report reloads it. */
  drop(workspaceId: string): void;
}
