import { DURATION_BAND_COUNT, DURATION_BAND_LIMITS } from "@inbox/shared/domain/reports/index";
import type { TimeRow } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";
import { groupedScan, type Grouping } from "./grouped-scan.ts";

export type DurationTable = FactTable<"ms" | "businessMs">;

/**
 * `timeRows` (fact-queries.ts) over the in-memory columns, for several groupings in one scan:
 * per grouping, window, group and metric, the count, sum, nearest-rank median and 90th
 * percentile (the value of rank ceil(p·n/100), as the SQL's ROW_NUMBER picks it) and the counts
 * per band, of the rows `keep` keeps. One list of rows per grouping, in the question's order.
 */
export function durationTimeRows(t: DurationTable, keep: (i: number) => boolean, groupings: readonly Grouping[], business: boolean): TimeRow[][] {
  const value = business ? t.values.businessMs : t.values.ms;
  const { rows, buckets, sorted } = groupedScan(t, keep, groupings, true, value);
  const out: TimeRow[][] = groupings.map(() => []);
  const scratch = new Float64Array(rows.length);
  for (const b of buckets) {
    const a = scratch.subarray(b.from, b.to);
    for (let k = b.from; k < b.to; k++) scratch[k] = value[rows[k]!]!;
    out[b.grouping]!.push({ i: b.win.i, g: b.g, metric: t.metrics.values[b.metric]!, ...(sorted ? sortedStat(a) : stat(a)) });
  }
  return out;
}

/** Count, sum, percentiles and bands of a non-empty group in ascending order: each percentile is the value at its rank. */
function sortedStat(a: Float64Array): Omit<TimeRow, "i" | "g" | "metric"> {
  const n = a.length;
  const bands = Array.from({ length: DURATION_BAND_COUNT }, () => 0);
  let s = 0;
  // Ascending: the band only moves up.
  let b = 0;
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    s += v;
    while (b < DURATION_BAND_LIMITS.length && v >= DURATION_BAND_LIMITS[b]!) b++;
    bands[b]!++;
  }
  return { n, s, p50: a[Math.ceil((50 * n) / 100) - 1]!, p90: a[Math.ceil((90 * n) / 100) - 1]!, bands };
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
