import { startOfToday } from "@inbox/shared";
import type { ReportPreset } from "@inbox/shared/api/reports";
import { bucketsBetween, type Bucket, type Granularity } from "@inbox/shared/domain/reports/index";
import { refused } from "../http/http-error.ts";

/** Longer periods are refused: raw events are read for every report until issue 14's rollups. */
export const MAX_PERIOD_DAYS = 366;
/** A series longer than this is unreadable as a chart and slow to compute: a coarser granularity is asked for. */
export const MAX_BUCKETS = 1000;
const DAY = 86_400_000;

export interface Period {
  from: number;
  to: number;
}

/** Local midnight `days` days before the day `at` falls on (DST-safe: each step lands on a local midnight). */
function daysBefore(at: number, days: number, timeZone: string): number {
  let start = startOfToday({ timezone: timeZone }, at);
  for (let i = 0; i < days; i++) start = startOfToday({ timezone: timeZone }, start - 1);
  return start;
}

function presetPeriod(preset: ReportPreset, timeZone: string, now: number): Period {
  const today = bucketsBetween(now, now + 1, timeZone, "day")[0]!;
  switch (preset) {
    case "today":
      return { from: today.start, to: today.end };
    case "yesterday":
      return { from: daysBefore(now, 1, timeZone), to: today.start };
    case "last7":
      return { from: daysBefore(now, 6, timeZone), to: today.end };
    case "last30":
      return { from: daysBefore(now, 29, timeZone), to: today.end };
    case "thisMonth": {
      const month = bucketsBetween(now, now + 1, timeZone, "month")[0]!;
      return { from: month.start, to: month.end };
    }
  }
}

/**
 * The report's period: a preset in the report's zone, or the custom one, ending now at the
 * latest. The future holds no events, and a period reaching into it would count SLA targets as
 * breached at instants that have not come yet (their due times are known in advance).
 */
export function reportPeriod(q: { preset?: ReportPreset | undefined; from?: number | undefined; to?: number | undefined }, timeZone: string, now: number): Period {
  const asked = q.preset ? presetPeriod(q.preset, timeZone, now) : { from: q.from!, to: q.to! };
  // +1: what was recorded at this very instant belongs in (periods are [from, to)).
  const to = Math.min(asked.to, now + 1);
  if (to <= asked.from) throw refused(400, "bad_request", "report_period_future");
  if (to - asked.from > MAX_PERIOD_DAYS * DAY) throw refused(400, "bad_request", "report_period_too_long", { max: String(MAX_PERIOD_DAYS) });
  return { from: asked.from, to };
}

/** The series' buckets, refused in words when there would be too many to draw. */
export function seriesBuckets(period: Period, timeZone: string, granularity: Granularity): Bucket[] {
  const tooMany = (n: number) => refused(400, "bad_request", `report_too_many_${granularity}s`, { n: String(n) });
  // At least this many, whatever the zone's DST: refused before luxon walks thousands of buckets.
  const atLeast = Math.floor((period.to - period.from) / LONGEST[granularity]);
  if (atLeast > MAX_BUCKETS) throw tooMany(atLeast);
  const buckets = bucketsBetween(period.from, period.to, timeZone, granularity);
  if (buckets.length > MAX_BUCKETS) throw tooMany(buckets.length);
  return buckets;
}

/** The longest a bucket can be (a local day has 25 hours on a fall-back night). */
const LONGEST: Record<Granularity, number> = { hour: 3_600_000, day: 25 * 3_600_000, week: 7 * DAY + 3_600_000, month: 31 * DAY + 3_600_000 };

/** The window one bucket of the series covers, cut to the period (as the series' own figures are). */
export function bucketWindow(period: Period, buckets: readonly Bucket[], start: number): Period {
  const bucket = buckets.find((b) => b.start === start);
  if (!bucket) throw refused(400, "bad_request", "report_bucket_unknown");
  return { from: Math.max(bucket.start, period.from), to: Math.min(bucket.end, period.to) };
}
