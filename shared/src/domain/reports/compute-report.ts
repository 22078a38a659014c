import { agentFiguresFor, figuresFor, observationsIn, type Scope } from "./aggregate.ts";
import { observe, type Observed } from "./observe.ts";
import { bucketsBetween, weekdayHour } from "./time-buckets.ts";
import type { Report, ReportEvent, ReportOptions } from "./types.ts";

/**
 * The reference report: every figure of docs/REPORTS.md computed from raw events, slowly and
 * plainly. It is the ground truth the rollups are tested against, not the server's fast path.
 */
export function computeReport(events: readonly ReportEvent[], options: ReportOptions): Report {
  if (!(options.to > options.from)) throw new RangeError("the period must end after it starts");
  return reportFromObserved(observe(events, options), options);
}

/** The report from observations already made with the same options (a caller that also drills down or breaks down observes once). */
export function reportFromObserved(observed: Observed, options: ReportOptions): Report {
  if (!(options.to > options.from)) throw new RangeError("the period must end after it starts");
  const granularity = options.granularity ?? "day";
  const filters = options.filters ?? {};
  const period: Scope = { start: options.from, end: options.to, filters, sla: options.sla !== undefined };

  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const o of observationsIn(observed, period)) {
    if (o.kind !== "count" || o.metric !== "received") continue;
    const [weekday, hour] = weekdayHour(o.at, options.timeZone);
    heatmap[weekday]![hour]! += 1;
  }

  const points = bucketsBetween(options.from, options.to, options.timeZone, granularity).map((b) => ({
    ...b,
    // The first and last buckets are cut to the period, so the series never counts outside it.
    figures: figuresFor(observed, { ...period, start: Math.max(b.start, options.from), end: Math.min(b.end, options.to) }),
  }));

  return {
    period: { from: options.from, to: options.to, timeZone: options.timeZone, clock: options.businessHours ? "business" : "calendar" },
    totals: figuresFor(observed, period),
    byAgent: agentFiguresFor(observed, period),
    heatmap,
    series: { granularity, points },
  };
}
