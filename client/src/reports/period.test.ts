import { describe, expect, it } from "vitest";
import { datesToPeriod, isTimeZone, periodToDates, timeZoneChoices } from "./period.ts";

const iso = (ms: number) => new Date(ms).toISOString();
const hours = (p: { from: number; to: number }) => (p.to - p.from) / 3_600_000;

describe("datesToPeriod", () => {
  it("runs from the first day's local midnight to the midnight after the last day", () => {
    const p = datesToPeriod("2026-12-01", "2026-12-05", "America/Sao_Paulo")!;
    expect(iso(p.from)).toBe("2026-12-01T03:00:00.000Z");
    expect(iso(p.to)).toBe("2026-12-06T03:00:00.000Z");
  });

  it("follows Lisbon's clock changes: a 23-hour day in March, a 25-hour day in October", () => {
    const spring = datesToPeriod("2026-03-29", "2026-03-29", "Europe/Lisbon")!;
    expect(iso(spring.from)).toBe("2026-03-29T00:00:00.000Z");
    expect(hours(spring)).toBe(23);
    const autumn = datesToPeriod("2026-10-25", "2026-10-25", "Europe/Lisbon")!;
    expect(iso(autumn.from)).toBe("2026-10-24T23:00:00.000Z");
    expect(hours(autumn)).toBe(25);
    // A week across the change is a week of local days, one hour short.
    expect(hours(datesToPeriod("2026-03-23", "2026-03-29", "Europe/Lisbon")!)).toBe(7 * 24 - 1);
  });

  it("starts São Paulo's old summer-time day at its first instant, 01:00, since its midnight never happened", () => {
    const start = datesToPeriod("2018-11-04", "2018-11-04", "America/Sao_Paulo")!;
    expect(iso(start.from)).toBe("2018-11-04T03:00:00.000Z");
    expect(hours(start)).toBe(23);
    const end = datesToPeriod("2019-02-16", "2019-02-16", "America/Sao_Paulo")!;
    expect(iso(end.from)).toBe("2019-02-16T02:00:00.000Z");
    expect(hours(end)).toBe(25);
  });

  it("refuses what makes no period", () => {
    expect(datesToPeriod("2026-12-05", "2026-12-01", "UTC")).toBeNull();
    expect(datesToPeriod("2026-02-30", "2026-03-01", "UTC")).toBeNull();
    expect(datesToPeriod("yesterday", "2026-03-01", "UTC")).toBeNull();
    expect(datesToPeriod("2026-03-01", "2026-03-01", "Mars/Olympus")).toBeNull();
  });
});

describe("periodToDates", () => {
  it("gives back the days of a period, the last one inclusive", () => {
    for (const zone of ["America/Sao_Paulo", "Europe/Lisbon"]) {
      for (const [a, b] of [["2018-11-04", "2018-11-04"], ["2026-03-23", "2026-03-29"], ["2026-10-25", "2026-11-02"]] as const) {
        const p = datesToPeriod(a, b, zone)!;
        expect(periodToDates(p.from, p.to, zone)).toEqual({ fromDate: a, toDate: b });
      }
    }
  });
});

describe("time zones", () => {
  it("knows IANA zones through Intl and offers the workspace's first", () => {
    expect(isTimeZone("Europe/Lisbon")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    const choices = timeZoneChoices("America/Sao_Paulo", "Asia/Kolkata", "Europe/Lisbon");
    expect(choices.slice(0, 3)).toEqual(["America/Sao_Paulo", "Europe/Lisbon", "Asia/Kolkata"]);
    expect(new Set(choices).size).toBe(choices.length);
  });
});
