import type { GroupBy, Win } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";
import { GroupSlots, type WindowGrouping } from "./group-slots.ts";
import { scratch } from "./scratch.ts";

/** What a grouping in memory groups by: a column of the rows (the SQL's "combo" is unread's own). */
export type DurationGroup = Exclude<GroupBy, "combo">;

/** One grouping a report asks for: its windows, and the column it groups by. */
export type Grouping = WindowGrouping<DurationGroup>;

/** Where a scan's bucket belongs: a grouping's window, group and (with `byMetric`) metric. */
export interface Bucket {
  /** Index of the grouping in the question. */
  grouping: number;
  win: Win;
  /** The group's value ("" without a grouping column). */
  g: string;
  /** The rows' metric code (0 when the scan does not split by metric). */
  metric: number;
}

/**
 * The rows a report keeps and the buckets each counts in. Kept row r (table row `kept[r]`) is
 * in the buckets `cells[r·stride …]`, up to `stride` of them, ended by -1 when fewer. A pass
 * over the kept rows, in whatever order it needs, then folds each row into its buckets without
 * moving rows into groups. The arrays are scratch (valid until the next scan).
 */
export interface Scan {
  n: number;
  kept: Int32Array;
  cells: Int32Array;
  stride: number;
  /** Rows per bucket. */
  counts: Int32Array;
  bucket(b: number): Bucket;
}

/**
 * The buckets of every grouping each kept row counts in, by one pass over the table instead of a
 * pass per grouping and per window: per grouping, window, group value and (with `byMetric`)
 * metric. A row is in every window that holds its time, so a series and its period share the
 * pass. Each kept row's buckets are worked out once, here, so the passes that fold rows into
 * them read them back rather than look up windows and groups again.
 */
export function groupedScan<V extends string>(t: FactTable<V>, keep: (i: number) => boolean, groupings: readonly Grouping[], byMetric: boolean): Scan {
  const metrics = byMetric ? Math.max(t.metrics.values.length, 1) : 1;
  // A bucket is a slot and a metric.
  const slots = new GroupSlots(t, groupings);
  const pieces = slots.pieces;
  const stride = Math.max(1, ...pieces.holders.map((h) => h.length));
  const counts = new Int32Array(slots.length * metrics);
  const kept = scratch.int32("scan.kept", t.length);
  const cells = scratch.int32("scan.cells", t.length * stride);
  const conversation = t.conversation;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const p = pieces.piece(t.at[i]!);
    if (p < 0 || !keep(i)) continue;
    const metric = byMetric ? t.metric[i]! : 0;
    const chat = conversation[i]!;
    const holders = pieces.holders[p]!;
    const base = n * stride;
    for (let h = 0; h < holders.length; h++) {
      const b = slots.slot(holders[h]!, i, chat) * metrics + metric;
      cells[base + h] = b;
      counts[b]!++;
    }
    if (holders.length < stride) cells[base + holders.length] = -1;
    kept[n++] = i;
  }
  const bucket = (b: number): Bucket => {
    const slot = Math.floor(b / metrics);
    return { grouping: slots.grouping(slot), win: slots.win(slot), g: slots.name(slot), metric: b % metrics };
  };
  return { n, kept, cells, stride, counts, bucket };
}
