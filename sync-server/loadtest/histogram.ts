import * as hdr from "hdr-histogram-js";

/**
 * Latencies as HdrHistograms in microseconds (3 significant digits): every process records its
 * own and sends it encoded, and the run merges them, so a million samples cost a few kilobytes
 * and percentiles stay exact to 0.1 %.
 */
export type Histogram = hdr.Histogram;

export function newHistogram(): Histogram {
  return hdr.build({ bitBucketSize: 32, numberOfSignificantValueDigits: 3, lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, autoResize: true });
}

export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export function encode(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

/** Adds encoded histograms into one. */
export function merged(encoded: readonly string[]): Histogram {
  const out = newHistogram();
  for (const e of encoded) if (e) out.add(hdr.decodeFromCompressedBase64(e, 32));
  return out;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Count and percentiles in milliseconds (NaN when empty). */
export function summarise(h: Histogram): LatencySummary {
  const count = h.totalCount;
  if (count === 0) return { count, p50: NaN, p99: NaN, max: NaN };
  return { count, p50: h.getValueAtPercentile(50) / 1000, p99: h.getValueAtPercentile(99) / 1000, max: h.maxValue / 1000 };
}
