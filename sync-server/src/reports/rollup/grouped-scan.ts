import type { ChatDims } from "./chat-dims.ts";
import type { GroupBy, Win } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";
import { scratch } from "./scratch.ts";
import { WindowPieces } from "./window-pieces.ts";

/** What a grouping in memory groups by: a column of the rows (the SQL's "combo" is unread's own). */
export type DurationGroup = Exclude<GroupBy, "combo">;

/** One grouping a report asks for: its windows, and the column it groups by. */
export interface Grouping {
  wins: readonly Win[];
  g: DurationGroup;
}

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

/** How a grouping reads a row's group: a column by row (agent) or by chat (team, inbox, channel), with the values its codes stand for. */
export interface GroupColumn {
  /** Always an Int32Array, so that the scan's reads of every grouping's column are of one kind (the chats' are 16-bit). */
  column: Int32Array | null;
  byChat: boolean;
  names: readonly string[] | null;
}

/** The column a grouping reads (none: every row in one group). */
export function groupColumn(t: { chats: ChatDims; agent: Int32Array }, g: DurationGroup): GroupColumn {
  const c = t.chats;
  const byChat = (column: Uint16Array, names: readonly string[]): GroupColumn => ({ column: Int32Array.from(column.subarray(0, c.length)), byChat: true, names });
  switch (g) {
    case "none":
      return { column: null, byChat: false, names: null };
    case "agent":
      return { column: t.agent, byChat: false, names: c.agents.values };
    case "team":
      return byChat(c.team, c.teams.values);
    case "inbox":
      return byChat(c.inbox, c.inboxes.values);
    case "channel":
      return byChat(c.channel, c.channels.values);
  }
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
  const stride = Math.max(1, ...pieces.holders.map((h) => h.length));
  const counts = new Int32Array(slots * metrics);
  const kept = scratch.int32("scan.kept", t.length);
  const cells = scratch.int32("scan.cells", t.length * stride);
  const conversation = t.conversation;
  const winColumn = winGrouping.map((k) => columns[k]!.column);
  const winByChat = winGrouping.map((k) => columns[k]!.byChat);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const p = pieces.piece(t.at[i]!);
    if (p < 0 || !keep(i)) continue;
    const metric = byMetric ? t.metric[i]! : 0;
    const holders = pieces.holders[p]!;
    const base = n * stride;
    for (let h = 0; h < holders.length; h++) {
      const w = holders[h]!;
      const column = winColumn[w];
      const b = (winBase[w]! + (column ? column[winByChat[w] ? conversation[i]! : i]! : 0)) * metrics + metric;
      cells[base + h] = b;
      counts[b]!++;
    }
    if (holders.length < stride) cells[base + holders.length] = -1;
    kept[n++] = i;
  }
  const bucket = (b: number): Bucket => {
    const slot = Math.floor(b / metrics);
    const k = slotGrouping[slot]!;
    const names = columns[k]!.names;
    return { grouping: k, win: slotWin[slot]!, g: names ? names[slot - slotBase[slot]!]! : "", metric: b % metrics };
  };
  return { n, kept, cells, stride, counts, bucket };
}
