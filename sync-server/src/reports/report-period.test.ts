import { describe, expect, it } from "vitest";
import { bucketWindow, reportPeriod, seriesBuckets } from "./report-period.ts";

const utc = (iso: string) => Date.parse(iso);

describe("report periods", () => {
  it("reads presets in the report's zone, across a DST change, ending now at the latest", () => {
    const zone = "America/New_York";
    const now = utc("2026-03-09T12:00:00Z"); // Monday morning; Sunday 8 March was 23 hours long
    expect(reportPeriod({ preset: "yesterday" }, zone, now)).toEqual({ from: utc("2026-03-08T05:00:00Z"), to: utc("2026-03-09T04:00:00Z") });
    expect(reportPeriod({ preset: "today" }, zone, now)).toEqual({ from: utc("2026-03-09T04:00:00Z"), to: now + 1 });
    expect(reportPeriod({ preset: "last7" }, zone, now)).toEqual({ from: utc("2026-03-03T05:00:00Z"), to: now + 1 });
    expect(reportPeriod({ preset: "thisMonth" }, zone, now)).toEqual({ from: utc("2026-03-01T05:00:00Z"), to: now + 1 });
    expect(reportPeriod({ preset: "last30" }, "UTC", now).from).toBe(utc("2026-02-08T00:00:00Z"));
  });

  it("refuses in words what cannot be answered", () => {
    const now = utc("2026-03-09T12:00:00Z");
    expect(() => reportPeriod({ from: now + 1000, to: now + 5000 }, "UTC", now)).toThrow(/has not started yet/);
    expect(() => reportPeriod({ from: 0, to: now }, "UTC", now)).toThrow(/at most 366 days/);
    const year = { from: utc("2025-04-01T00:00:00Z"), to: utc("2026-03-01T00:00:00Z") };
    expect(() => seriesBuckets(year, "UTC", "hour")).toThrow(/choose a longer granularity/);
    expect(seriesBuckets(year, "UTC", "week").length).toBeGreaterThan(40);
  });

  it("cuts a bucket to the period, as the series does", () => {
    const period = { from: utc("2026-03-09T10:30:00Z"), to: utc("2026-03-09T12:15:00Z") };
    const buckets = seriesBuckets(period, "UTC", "hour");
    expect(bucketWindow(period, buckets, utc("2026-03-09T10:00:00Z"))).toEqual({ from: period.from, to: utc("2026-03-09T11:00:00Z") });
    expect(() => bucketWindow(period, buckets, period.from)).toThrow(/not one of this report's/);
  });
});
