import { describe, expect, it } from "vitest";
import { dayKey, formatBytes, formatClock, formatDay, formatDuration, formatListTime } from "./time.ts";

const utc = { locale: "en-GB", timeZone: "UTC" };
const now = Date.UTC(2024, 2, 14, 15, 30); // Thursday 14 March 2024, 15:30 UTC

describe("formatListTime", () => {
  it("shows the clock for today", () => {
    expect(formatListTime(Date.UTC(2024, 2, 14, 9, 5), { ...utc, now })).toBe("09:05");
  });

  it("says Yesterday, then the weekday within the week", () => {
    expect(formatListTime(Date.UTC(2024, 2, 13, 23, 0), { ...utc, now })).toBe("Yesterday");
    expect(formatListTime(Date.UTC(2024, 2, 11, 12, 0), { ...utc, now })).toBe("Mon");
  });

  it("shows a date for older times, with the year only when it differs", () => {
    expect(formatListTime(Date.UTC(2024, 0, 2, 12, 0), { ...utc, now })).toBe("2 Jan");
    expect(formatListTime(Date.UTC(2023, 11, 25, 12, 0), { ...utc, now })).toBe("25 Dec 2023");
  });

  it("uses the given time zone to decide what today is", () => {
    const lateUtc = Date.UTC(2024, 2, 14, 1, 0); // still 13 March in São Paulo
    expect(formatListTime(lateUtc, { locale: "en-GB", timeZone: "America/Sao_Paulo", now })).toBe("Yesterday");
  });
});

describe("formatDay and dayKey", () => {
  it("names today and yesterday", () => {
    expect(formatDay(Date.UTC(2024, 2, 14, 1), { ...utc, now })).toBe("Today");
    expect(formatDay(Date.UTC(2024, 2, 13, 1), { ...utc, now })).toBe("Yesterday");
    expect(formatDay(Date.UTC(2024, 2, 1, 1), { ...utc, now })).toMatch(/^Friday,? 1 March 2024$/);
  });

  it("gives one sortable key per calendar day", () => {
    expect(dayKey(Date.UTC(2024, 2, 5, 23, 59), { timeZone: "UTC" })).toBe("2024-03-05");
  });
});

describe("durations and sizes", () => {
  it("formats voice-note lengths", () => {
    expect(formatDuration(42)).toBe("0:42");
    expect(formatDuration(125.4)).toBe("2:05");
  });

  it("formats file sizes", () => {
    expect(formatBytes(900)).toBe("900 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatBytes(300 * 1024 * 1024)).toBe("300 MB");
  });
});

describe("formatClock", () => {
  it("follows the locale's own clock style", () => {
    const t = Date.UTC(2024, 2, 14, 9, 5);
    expect(formatClock(t, { locale: "en-GB", timeZone: "UTC" })).toBe("09:05");
    expect(formatClock(t, { locale: "en-US", timeZone: "UTC" })).toMatch(/^9:05\sAM$/);
  });
});
