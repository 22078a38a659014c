import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../i18n/locale.ts";
import { dayKey, formatClock, formatDay, formatDuration, formatListTime } from "./time.ts";

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

describe("durations", () => {
  it("formats voice-note lengths", () => {
    expect(formatDuration(42)).toBe("0:42");
    expect(formatDuration(125.4)).toBe("2:05");
  });
});

describe("formatClock", () => {
  it("follows the locale's own clock style", () => {
    const t = Date.UTC(2024, 2, 14, 9, 5);
    expect(formatClock(t, { locale: "en-GB", timeZone: "UTC" })).toBe("09:05");
    expect(formatClock(t, { locale: "en-US", timeZone: "UTC" })).toMatch(/^9:05\sAM$/);
  });
});

describe("formatter cache", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setLocale("en");
  });

  it("builds each format once per locale and zone, and follows a change of UI language", () => {
    const Real = Intl.DateTimeFormat;
    const built = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function (...args: ConstructorParameters<typeof Real>) {
      return new Real(...args);
    } as typeof Real);
    const o = { timeZone: "Asia/Tokyo", now };
    const rows = Array.from({ length: 50 }, (_, i) => Date.UTC(2024, 2, 14, 1) - i * 3_600_000);
    const first = rows.map((t) => formatListTime(t, o));
    const afterFirstPass = built.mock.calls.length;
    expect(afterFirstPass).toBeGreaterThan(0);
    expect(rows.map((t) => formatListTime(t, o))).toEqual(first);
    expect(built.mock.calls.length).toBe(afterFirstPass);

    setLocale("pt-BR");
    expect(formatListTime(Date.UTC(2024, 2, 11, 12), o)).toBe("seg.");
    expect(formatClock(Date.UTC(2024, 2, 14, 0, 5), { timeZone: "Asia/Tokyo" })).toBe("09:05");
    setLocale("en");
    expect(formatListTime(Date.UTC(2024, 2, 11, 12), o)).toBe("Mon");
  });
});
