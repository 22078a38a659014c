import { DateTime } from "luxon";
import type { Granularity } from "./types.ts";

/**
 * Local-time buckets for series and the heatmap. All zone and DST arithmetic is luxon's (as in
 * business-hours.ts): a local day may be 23 or 25 hours long, and the repeated hour of an
 * autumn night is two hour buckets with the same wall-clock hour.
 */

export interface Bucket {
  start: number;
  end: number;
  label: string;
}

const UNIT = { hour: "hours", day: "days", week: "weeks", month: "months" } as const;

function labelOf(d: DateTime, granularity: Granularity): string {
  switch (granularity) {
    case "hour":
      // With the offset, so the two 01:00 buckets of a fall-back night read differently.
      return d.toISO({ suppressSeconds: true, suppressMilliseconds: true, includeOffset: true })!;
    case "day":
      return d.toISODate()!;
    case "week":
      return d.toISOWeekDate()!.slice(0, 8);
    case "month":
      return d.toFormat("yyyy-MM");
  }
}

/** The buckets (ISO weeks, Monday first) that cover [from, to) in the zone, in order. */
export function bucketsBetween(from: number, to: number, timeZone: string, granularity: Granularity): Bucket[] {
  const out: Bucket[] = [];
  if (to <= from) return out;
  // luxon's "week" is the ISO week (Monday) unless locale weeks are asked for.
  let start = DateTime.fromMillis(from, { zone: timeZone }).startOf(granularity);
  if (!start.isValid) throw new RangeError(`unknown time zone ${timeZone}`);
  while (start.toMillis() < to) {
    // Hours are added as elapsed time (both 01:00s of a fall-back night); days, weeks and
    // months as calendar units, landing on the next local midnight whatever the DST change.
    const next = start.plus({ [UNIT[granularity]]: 1 }).startOf(granularity);
    out.push({ start: start.toMillis(), end: next.toMillis(), label: labelOf(start, granularity) });
    start = next;
  }
  return out;
}

/** [weekday 0 = Monday … 6 = Sunday, local hour 0 … 23] of an instant in the zone. */
export function weekdayHour(at: number, timeZone: string): [number, number] {
  const d = DateTime.fromMillis(at, { zone: timeZone });
  return [d.weekday - 1, d.hour];
}
