import type { GroupBy, Win } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";

/** What a grouping in memory groups by: a column of the rows (the SQL's "combo" is unread's own). */
export type DurationGroup = Exclude<GroupBy, "combo">;

/** One grouping a report asks for: its windows, and the column it groups by. */
export interface Grouping {
  wins: readonly Win[];
  g: DurationGroup;
}

/** A non-empty group of one grouping: its rows are `rows[from, to)` of the scan. */
export interface Bucket {
  /** Index of the grouping in the question. */
  grouping: number;
  win: Win;
  /** The group's value ("" without a grouping column). */
  g: string;
  /** The rows' metric code (0 when the scan does not split by metric). */
  metric: number;
  from: number;
  to: number;
}

export interface Scan {
  /** Row indices, bucket after bucket. */
  rows: Int32Array;
  buckets: Bucket[];
}

/** The column a grouping reads and the values its codes stand for (none: every row in one group). */
export function groupColumn<V extends string>(t: FactTable<V>, g: DurationGroup): [ArrayLike<number> | null, readonly string[] | null] {
  switch (g) {
    case "none":
      return [null, null];
    case "agent":
      return [t.agent, t.agents.values];
    case "team":
      return [t.team, t.teams.values];
    case "inbox":
      return [t.inbox, t.inboxes.values];
    case "channel":
      return [t.channel, t.channels.values];
  }
}

/** The first index whose value is greater than x (values ascending). */
function upper(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every grouping's rows sorted into its groups by one pass over the table (two, counting then
 * placing), instead of a pass per grouping and per window: what `keep` keeps, per grouping,
 * window, group value and (with `byMetric`) metric. A row is in every window that holds its
 * time, so a series and its period share the pass.
 */
export function groupedScan<V extends string>(t: FactTable<V>, keep: (i: number) => boolean, groupings: readonly Grouping[], byMetric: boolean): Scan {
  const metrics = byMetric ? Math.max(t.metrics.values.length, 1) : 1;
  // Slots: per grouping and window, one per group code; a bucket is a slot and a metric.
  const columns: Array<ArrayLike<number> | null> = [];
  const names: Array<readonly string[] | null> = [];
  const slotGrouping: number[] = [];
  const slotWin: Win[] = [];
  const slotBase: number[] = [];
  // The windows' ends cut time into pieces each inside the same windows: per piece, the (slot base, grouping) pairs that hold it.
  const edges = Float64Array.from(new Set(groupings.flatMap((q) => q.wins.flatMap((w) => [w.from, w.to])))).sort();
  const holders: Array<Array<[base: number, grouping: number]>> = Array.from({ length: Math.max(edges.length - 1, 0) }, () => []);
  let slots = 0;
  groupings.forEach((q, k) => {
    const [column, values] = groupColumn(t, q.g);
    columns.push(column);
    names.push(values);
    const width = values ? values.length : 1;
    for (const w of q.wins) {
      for (let s = 0; s < width; s++) {
        slotGrouping.push(k);
        slotWin.push(w);
        slotBase.push(slots);
      }
      for (let p = upper(edges, w.from) - 1; p < holders.length && edges[p]! < w.to; p++) holders[p]!.push([slots, k]);
      slots += width;
    }
  });
  const counts = new Int32Array(slots * metrics + 1);
  // The kept rows and the piece of time each is in, from the first pass.
  const kept = new Int32Array(t.length);
  const pieceOf = new Int32Array(t.length);
  let n = 0;
  const first = edges.length ? edges[0]! : 0;
  const last = edges.length ? edges[edges.length - 1]! : 0;
  for (let i = 0; i < t.length; i++) {
    const at = t.at[i]!;
    if (at < first || at >= last) continue;
    const p = upper(edges, at) - 1;
    const held = holders[p]!;
    if (!held.length || !keep(i)) continue;
    kept[n] = i;
    pieceOf[n++] = p;
    const metric = byMetric ? t.metric[i]! : 0;
    for (const [base, k] of held) {
      const column = columns[k];
      counts[(base + (column ? column[i]! : 0)) * metrics + metric]!++;
    }
  }
  // Counts to starts, then each row placed in its buckets.
  const starts = new Int32Array(counts.length);
  for (let b = 1; b < counts.length; b++) starts[b] = starts[b - 1]! + counts[b - 1]!;
  const rows = new Int32Array(starts[counts.length - 1]!);
  const next = Int32Array.from(starts);
  for (let r = 0; r < n; r++) {
    const i = kept[r]!;
    const metric = byMetric ? t.metric[i]! : 0;
    for (const [base, k] of holders[pieceOf[r]!]!) {
      const column = columns[k];
      rows[next[(base + (column ? column[i]! : 0)) * metrics + metric]!++] = i;
    }
  }
  const buckets: Bucket[] = [];
  for (let b = 0; b < counts.length - 1; b++) {
    if (!counts[b]) continue;
    const slot = Math.floor(b / metrics);
    const k = slotGrouping[slot]!;
    const values = names[k];
    buckets.push({ grouping: k, win: slotWin[slot]!, g: values ? values[slot - slotBase[slot]!]! : "", metric: b % metrics, from: starts[b]!, to: starts[b]! + counts[b]! });
  }
  return { rows, buckets };
}
