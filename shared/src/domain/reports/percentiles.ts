import { DURATION_BAND_COUNT, durationBands } from "./duration-bands.ts";
import type { TimeStat } from "./types.ts";

/**
 * Nearest-rank percentile: the smallest value with at least p% of the values at or below it,
 * i.e. sorted[ceil(p·n/100) − 1]. Chosen over interpolation because the answer is always a
 * real sample (a manager can drill down to the conversation that has it) and because a
 * rollup keeping exact counts per value can reproduce it; the median is therefore the lower
 * of the two middle values when n is even. `p` is an integer percent so the rank is exact
 * (0.9 · 30 is 27.000000000000004 in floating point; 90 · 30 / 100 is 27).
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (!Number.isInteger(p) || p <= 0 || p > 100) throw new RangeError(`percentile must be an integer in 1..100, got ${p}`);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[rank - 1]!;
}

/** Count, nearest-rank median and 90th percentile, the arithmetic mean (unrounded ms), and the counts per duration band. */
export function timeStat(values: readonly number[]): TimeStat {
  if (values.length === 0) return { count: 0, median: null, p90: null, average: null, bands: emptyBands() };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return { count: sorted.length, median: nearestRank(sorted, 50), p90: nearestRank(sorted, 90), average: sum / sorted.length, bands: durationBands(sorted) };
}

/** Zero in every duration band. */
export const emptyBands = (): number[] => Array.from({ length: DURATION_BAND_COUNT }, () => 0);
