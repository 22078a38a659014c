import { DURATION_BAND_COUNT, DURATION_BAND_LIMITS } from "@inbox/shared/domain/reports/index";
import { ascendingOrder } from "./ascending-order.ts";
import type { TimeRow } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";
import { groupedScan, type Grouping } from "./grouped-scan.ts";

export type DurationTable = FactTable<"ms" | "businessMs">;

/**
 * `timeRows` (fact-queries.ts) over the in-memory columns, for several groupings in one scan:
 * per grouping, window, group and metric, the count, sum, nearest-rank median and 90th
 * percentile (the value of rank ceil(p·n/100), as the SQL's ROW_NUMBER picks it) and the counts
 * per band, of the rows `keep` keeps. One list of rows per grouping, in the question's order.
 *
 * The kept rows are sorted by value once, their buckets moved along, and folded into their
 * buckets in that order: each bucket's size is known from the scan, so its percentiles are the
 * values seen when its count reaches their ranks, and nothing is moved into groups or sorted per
 * group.
 */
export function durationTimeRows(t: DurationTable, keep: (i: number) => boolean, groupings: readonly Grouping[], business: boolean): TimeRow[][] {
  const value = business ? t.values.businessMs : t.values.ms;
  const { n, kept, cells, stride, counts, bucket } = groupedScan(t, keep, groupings, true);
  const { values, payload } = ascendingOrder(value, kept, n, cells, stride);
  const buckets = counts.length;
  const k50 = new Int32Array(buckets);
  const k90 = new Int32Array(buckets);
  for (let b = 0; b < buckets; b++) {
    k50[b] = Math.ceil((50 * counts[b]!) / 100);
    k90[b] = Math.ceil((90 * counts[b]!) / 100);
  }
  const seen = new Int32Array(buckets);
  const sums = new Float64Array(buckets);
  const p50 = new Float64Array(buckets);
  const p90 = new Float64Array(buckets);
  const bands = new Int32Array(buckets * DURATION_BAND_COUNT);
  const limits = Float64Array.from(DURATION_BAND_LIMITS);
  const width = DURATION_BAND_COUNT;
  // Ascending: the band only moves up.
  let band = 0;
  for (let j = 0; j < n; j++) {
    const v = values[j]!;
    while (band < limits.length && v >= limits[band]!) band++;
    const base = j * stride;
    for (let h = 0; h < stride; h++) {
      const b = payload[base + h]!;
      if (b < 0) break;
      const c = ++seen[b]!;
      sums[b]! += v;
      bands[b * width + band]!++;
      if (c === k50[b]) p50[b] = v;
      if (c === k90[b]) p90[b] = v;
    }
  }
  const out: TimeRow[][] = groupings.map(() => []);
  for (let b = 0; b < buckets; b++) {
    if (!counts[b]) continue;
    const { grouping, win, g, metric } = bucket(b);
    const own = Array.from(bands.subarray(b * DURATION_BAND_COUNT, (b + 1) * DURATION_BAND_COUNT));
    out[grouping]!.push({ i: win.i, g, metric: t.metrics.values[metric]!, n: counts[b]!, s: sums[b]!, p50: p50[b]!, p90: p90[b]!, bands: own });
  }
  return out;
}
