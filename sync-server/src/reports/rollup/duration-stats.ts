import { DURATION_BAND_COUNT, DURATION_BAND_LIMITS } from "@inbox/shared/domain/reports/index";
import type { TimeRow, Win } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";
import type { DurationGroup } from "./report-memory.ts";

export type DurationTable = FactTable<"ms" | "businessMs">;

/**
 * `timeRows` (fact-queries.ts) over the in-memory columns: per window, group and metric, the
 * count, sum, nearest-rank median and 90th percentile (the value of rank ceil(p·n/100), as the
 * SQL's ROW_NUMBER picks it) and the counts per band, of the rows `keep` keeps.
 */
export function durationTimeRows(t: DurationTable, keep: (i: number) => boolean, wins: readonly Win[], g: DurationGroup, business: boolean): TimeRow[] {
  const value = business ? t.values.businessMs : t.values.ms;
  const rows = rowsIn(t, keep, wins);
  const [column, names] = groupColumn(t, g);
  const out: TimeRow[] = [];
  for (const w of wins) {
    // Key: group code · 256 + metric code (metric codes are bytes).
    const buckets = new Map<number, number[]>();
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const at = t.at[i]!;
      if (at < w.from || at >= w.to) continue;
      const key = (column ? column[i]! : 0) * 256 + t.metric[i]!;
      let list = buckets.get(key);
      if (!list) buckets.set(key, (list = []));
      list.push(value[i]!);
    }
    for (const [key, list] of buckets) {
      const code = Math.floor(key / 256);
      out.push({ i: w.i, g: names ? names[code]! : "", metric: t.metrics.values[key % 256]!, ...stat(Float64Array.from(list)) });
    }
  }
  return out;
}

/** Indices of the kept rows in the windows' span. */
function rowsIn(t: DurationTable, keep: (i: number) => boolean, wins: readonly Win[]): Int32Array {
  const from = Math.min(...wins.map((w) => w.from));
  const to = Math.max(...wins.map((w) => w.to));
  const out = new Int32Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const at = t.at[i]!;
    if (at >= from && at < to && keep(i)) out[n++] = i;
  }
  return out.subarray(0, n);
}

function groupColumn(t: DurationTable, g: DurationGroup): [ArrayLike<number> | null, readonly string[] | null] {
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

/** Count, sum, percentiles and bands of a non-empty group (reordered in place). */
function stat(a: Float64Array): Omit<TimeRow, "i" | "g" | "metric"> {
  const n = a.length;
  const bands = Array.from({ length: DURATION_BAND_COUNT }, () => 0);
  let s = 0;
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    s += v;
    let b = 0;
    while (b < DURATION_BAND_LIMITS.length && v >= DURATION_BAND_LIMITS[b]!) b++;
    bands[b]!++;
  }
  const k50 = Math.ceil((50 * n) / 100) - 1;
  const k90 = Math.ceil((90 * n) / 100) - 1;
  const p50 = select(a, k50, 0, n);
  // After the first selection nothing at or past k50 is smaller than the median: the 90th is there.
  const p90 = select(a, k90, k50, n);
  return { n, s, p50, p90, bands };
}

/**
 * The k-th smallest value (0-based) of a[lo, hi), moving values so that none before k is larger
 * and none after it smaller (quickselect, expected linear). The three-way partition keeps many
 * equal durations from making it quadratic.
 */
export function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi - lo > 1) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi - 1]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i < gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i++] = a[lt]!;
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[--gt]!;
        a[gt] = v;
      } else i++;
    }
    if (k < lt) hi = lt;
    else if (k >= gt) lo = gt;
    else return pivot;
  }
  return a[k]!;
}
