import { businessMsBetween, type BusinessCalendar } from "../business-hours.ts";

/** [start, end) in ms; an end of null means "still going". */
export type Interval = readonly [number, number | null];

/**
 * How long something took as reports count it: the time between two instants, less every
 * interval the conversation stood paused (pending or snoozed), counted either in calendar ms or
 * in the workspace's opening time (business-hours.ts `businessMsBetween`, so SLAs and reports
 * share one notion of business time).
 */
export function measure(from: number, to: number, paused: readonly Interval[], businessHours: BusinessCalendar | undefined): number {
  if (to <= from) return 0;
  const span = (a: number, b: number): number => (b <= a ? 0 : businessHours ? businessMsBetween(businessHours, a, b) : b - a);
  const sorted = [...paused].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let cursor = from;
  for (const [start, end] of sorted) {
    const stop = end ?? to;
    if (stop <= cursor) continue;
    if (start >= to) break;
    total += span(cursor, Math.max(cursor, start));
    cursor = Math.max(cursor, stop);
    if (cursor >= to) return total;
  }
  return total + span(cursor, to);
}
