import { describe, expect, it } from "vitest";
import { bucketsBetween } from "./time-buckets.ts";
import { Chat, HOUR, reportOf } from "./test-support.ts";

const utc = (iso: string) => Date.parse(iso);
const NY = "America/New_York";

describe("time zone buckets", () => {
  // 2026-03-08: New York springs forward at 02:00 (07:00Z), a 23-hour day.
  const springDay = { from: utc("2026-03-08T05:00:00Z"), to: utc("2026-03-09T04:00:00Z") };

  it("gives a spring-forward day 23 hour buckets and no 02:00", () => {
    const hours = bucketsBetween(springDay.from, springDay.to, NY, "hour");
    expect(hours).toHaveLength(23);
    expect(hours.map((b) => b.label)).toContain("2026-03-08T01:00-05:00");
    expect(hours.map((b) => b.label)).toContain("2026-03-08T03:00-04:00");
    expect(hours.some((b) => b.label.includes("T02:00"))).toBe(false);
  });

  it("puts a message at 03:30 EDT in the 03:00 bucket, and the day on the local calendar", () => {
    const chat = new Chat("c1").opens(utc("2026-03-08T07:30:00Z")).customer(utc("2026-03-08T04:30:00Z"));
    const hours = reportOf([chat], { ...springDay, timeZone: NY, granularity: "hour" }).series.points;
    expect(hours.find((p) => p.label === "2026-03-08T03:00-04:00")!.figures.messages.received).toBe(1);

    // 04:30Z is still Saturday evening (23:30 EST) in New York, already Sunday in UTC.
    const around = { from: utc("2026-03-07T05:00:00Z"), to: utc("2026-03-10T04:00:00Z"), granularity: "day" as const };
    const ny = reportOf([chat], { ...around, timeZone: NY }).series.points;
    expect(ny.map((p) => [p.label, p.figures.messages.received])).toEqual([
      ["2026-03-07", 1],
      ["2026-03-08", 1],
      ["2026-03-09", 0],
    ]);
    expect(ny[1]!.end - ny[1]!.start).toBe(23 * HOUR);
    const inUtc = reportOf([chat], { ...around, timeZone: "UTC" }).series.points;
    expect(inUtc.find((p) => p.label === "2026-03-08")!.figures.messages.received).toBe(2);
  });

  it("gives a fall-back day 25 hour buckets, the repeated 01:00 as two", () => {
    const fallDay = { from: utc("2026-11-01T04:00:00Z"), to: utc("2026-11-02T05:00:00Z") };
    const chat = new Chat("c1").opens(utc("2026-11-01T05:30:00Z")).customer(utc("2026-11-01T06:30:00Z"));
    const r = reportOf([chat], { ...fallDay, timeZone: NY, granularity: "hour" });
    expect(r.series.points).toHaveLength(25);
    const ones = r.series.points.filter((p) => p.label.startsWith("2026-11-01T01:00"));
    expect(ones.map((p) => [p.label, p.figures.messages.received])).toEqual([
      ["2026-11-01T01:00-04:00", 1],
      ["2026-11-01T01:00-05:00", 1],
    ]);
    // On the heatmap both are Sunday, 1 a.m.
    expect(r.heatmap[6]![1]).toBe(2);
  });

  it("starts weeks on Monday and cuts the first and last bucket's figures to the period", () => {
    const chat = new Chat("c1").opens(utc("2026-03-03T12:00:00Z")).customer(utc("2026-03-05T12:00:00Z"));
    const r = reportOf([chat], { from: utc("2026-03-04T00:00:00Z"), to: utc("2026-03-17T00:00:00Z"), granularity: "week" });
    expect(r.series.points.map((p) => p.label)).toEqual(["2026-W10", "2026-W11", "2026-W12"]);
    expect(r.series.points[0]!.start).toBe(utc("2026-03-02T00:00:00Z"));
    // Tuesday's message is before the period even though its week is not.
    expect(r.series.points[0]!.figures.messages.received).toBe(1);
  });

  it("makes month buckets of local months", () => {
    const months = bucketsBetween(utc("2026-01-15T00:00:00Z"), utc("2026-03-02T00:00:00Z"), "America/Sao_Paulo", "month");
    expect(months.map((b) => b.label)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(months[1]!.start).toBe(utc("2026-02-01T03:00:00Z"));
  });

  it("refuses a zone it does not know", () => {
    expect(() => bucketsBetween(0, HOUR, "Mars/Olympus", "hour")).toThrow(RangeError);
  });
});
