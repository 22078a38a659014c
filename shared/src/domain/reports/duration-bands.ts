/**
 * The bands a time metric's distribution counts in (docs/REPORTS.md §3.5): a duration belongs to
 * the first band whose upper bound is above it; the last band is open. Fixed bands, not
 * quantiles of the data, so two periods, teams or agents compare bar by bar, and each band is a
 * plain range a drill-down can list.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Exclusive upper bounds of every band but the last: under 1 min, 1–5 min, 5–15 min, 15–60 min, 1–4 h, 4–24 h, 1–3 days, then 3 days and more. */
export const DURATION_BAND_LIMITS = [MIN, 5 * MIN, 15 * MIN, HOUR, 4 * HOUR, DAY, 3 * DAY] as const;
export const DURATION_BAND_COUNT = DURATION_BAND_LIMITS.length + 1;

/** The band a duration in ms falls in (0 … DURATION_BAND_COUNT − 1). */
export function durationBand(ms: number): number {
  const i = DURATION_BAND_LIMITS.findIndex((limit) => ms < limit);
  return i < 0 ? DURATION_BAND_LIMITS.length : i;
}

/** A band's range [from, to) in ms; `to` is null for the last, open band. */
export function durationBandRange(band: number): { from: number; to: number | null } {
  if (!Number.isInteger(band) || band < 0 || band >= DURATION_BAND_COUNT) throw new RangeError(`no duration band ${band}`);
  return { from: band === 0 ? 0 : DURATION_BAND_LIMITS[band - 1]!, to: DURATION_BAND_LIMITS[band] ?? null };
}

/** Counts per band of a list of durations. */
export function durationBands(values: readonly number[]): number[] {
  const bands = Array.from({ length: DURATION_BAND_COUNT }, () => 0);
  for (const v of values) bands[durationBand(v)]! += 1;
  return bands;
}
