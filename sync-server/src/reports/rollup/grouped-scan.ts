import type { ChatDims } from "./chat-dims.ts";
import type { GroupBy, Win } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";
import { WindowPieces } from "./window-pieces.ts";

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
  /** Whether each bucket's rows are in ascending order of the scan's `orderBy` values. */
  sorted: boolean;
}

/** How a grouping reads a row's group: a column by row (agent) or by chat (team, inbox, channel), with the values its codes stand for. */
export interface GroupColumn {
  column: ArrayLike<number> | null;
  byChat: boolean;
  names: readonly string[] | null;
}

/** The column a grouping reads (none: every row in one group). */
export function groupColumn(t: { chats: ChatDims; agent: Int32Array }, g: DurationGroup): GroupColumn {
  const c = t.chats;
  switch (g) {
    case "none":
      return { column: null, byChat: false, names: null };
    case "agent":
      return { column: t.agent, byChat: false, names: c.agents.values };
    case "team":
      return { column: c.team, byChat: true, names: c.teams.values };
    case "inbox":
      return { column: c.inbox, byChat: true, names: c.inboxes.values };
    case "channel":
      return { column: c.channel, byChat: true, names: c.channels.values };
  }
}

/** Row i's group code in a grouping. */
export const groupOf = (col: GroupColumn, conversation: Int32Array, i: number): number => (col.column ? col.column[col.byChat ? conversation[i]! : i]! : 0);

/**
 * Every grouping's rows sorted into its groups by one pass over the table (two, counting then
 * placing), instead of a pass per grouping and per window: what `keep` keeps, per grouping,
 * window, group value and (with `byMetric`) metric. A row is in every window that holds its
 * time, so a series and its period share the pass. With `orderBy`, the kept rows are sorted by
 * it once before they are placed, and placing keeps their order: every bucket comes out sorted
 * (when the values allow the sort, below), so its percentiles are read at their rank.
 */
export function groupedScan<V extends string>(t: FactTable<V>, keep: (i: number) => boolean, groupings: readonly Grouping[], byMetric: boolean, orderBy: Float64Array | null = null): Scan {
  const metrics = byMetric ? Math.max(t.metrics.values.length, 1) : 1;
  // Slots: per grouping and window, one per group code; a bucket is a slot and a metric.
  const columns = groupings.map((q) => groupColumn(t, q.g));
  const slotGrouping: number[] = [];
  const slotWin: Win[] = [];
  const slotBase: number[] = [];
  // Per window of every grouping (in the pieces' order): its first slot and its grouping.
  const winBase: number[] = [];
  const winGrouping: number[] = [];
  let slots = 0;
  groupings.forEach((q, k) => {
    const names = columns[k]!.names;
    const width = names ? names.length : 1;
    for (const w of q.wins) {
      for (let s = 0; s < width; s++) {
        slotGrouping.push(k);
        slotWin.push(w);
        slotBase.push(slots);
      }
      winBase.push(slots);
      winGrouping.push(k);
      slots += width;
    }
  });
  const pieces = new WindowPieces(groupings.flatMap((q) => q.wins));
  const counts = new Int32Array(slots * metrics + 1);
  // The kept rows and the piece of time each is in, from the first pass.
  const kept = new Int32Array(t.length);
  const pieceOf = new Int32Array(t.length);
  const conversation = t.conversation;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const p = pieces.piece(t.at[i]!);
    if (p < 0 || !keep(i)) continue;
    kept[n] = i;
    pieceOf[n++] = p;
    const metric = byMetric ? t.metric[i]! : 0;
    for (const w of pieces.holders[p]!) counts[(winBase[w]! + groupOf(columns[winGrouping[w]!]!, conversation, i)) * metrics + metric]!++;
  }
  const sorted = orderBy !== null && sortByValue(kept, pieceOf, n, orderBy);
  // Counts to starts, then each row placed in its buckets.
  const starts = new Int32Array(counts.length);
  for (let b = 1; b < counts.length; b++) starts[b] = starts[b - 1]! + counts[b - 1]!;
  const rows = new Int32Array(starts[counts.length - 1]!);
  const next = Int32Array.from(starts);
  for (let r = 0; r < n; r++) {
    const i = kept[r]!;
    const metric = byMetric ? t.metric[i]! : 0;
    for (const w of pieces.holders[pieceOf[r]!]!) rows[next[(winBase[w]! + groupOf(columns[winGrouping[w]!]!, conversation, i)) * metrics + metric]!++] = i;
  }
  const buckets: Bucket[] = [];
  for (let b = 0; b < counts.length - 1; b++) {
    if (!counts[b]) continue;
    const slot = Math.floor(b / metrics);
    const k = slotGrouping[slot]!;
    const names = columns[k]!.names;
    buckets.push({ grouping: k, win: slotWin[slot]!, g: names ? names[slot - slotBase[slot]!]! : "", metric: b % metrics, from: starts[b]!, to: starts[b]! + counts[b]! });
  }
  return { rows, buckets, sorted };
}

/**
 * Reorders the first n kept rows (and their pieces) by ascending value, equal values in their
 * order, by one native sort of numbers: value · n + place, exact while it stays below 2^53, so
 * only for whole non-negative values small enough (durations in ms: up to 285 years for a
 * thousand rows, 100 days for a million). Otherwise nothing moves and it says false.
 */
function sortByValue(kept: Int32Array, pieceOf: Int32Array, n: number, value: Float64Array): boolean {
  let max = 0;
  for (let r = 0; r < n; r++) {
    const v = value[kept[r]!]!;
    if (!Number.isInteger(v) || v < 0) return false;
    if (v > max) max = v;
  }
  if ((max + 1) * n > Number.MAX_SAFE_INTEGER) return false;
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) keys[r] = value[kept[r]!]! * n + r;
  keys.sort();
  const rows = kept.slice(0, n);
  const pieces = pieceOf.slice(0, n);
  for (let j = 0; j < n; j++) {
    const r = keys[j]! % n;
    kept[j] = rows[r]!;
    pieceOf[j] = pieces[r]!;
  }
  return true;
}
