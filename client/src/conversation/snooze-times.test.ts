import { describe, expect, it } from "vitest";
import { parseLocalDateTime, snoozeOptions, toLocalDateTimeValue } from "./snooze-times.ts";

const at = (iso: string) => Date.parse(iso);
const untilOf = (options: ReturnType<typeof snoozeOptions>) => Object.fromEntries(options.map((o) => [o.choice, new Date(o.until).toISOString()]));

describe("snooze choices", () => {
  it("are wall-clock times where the agent is (São Paulo, a Tuesday morning)", () => {
    const now = at("2024-03-05T10:00:00-03:00");
    expect(untilOf(snoozeOptions(now, "America/Sao_Paulo"))).toEqual({
      hour: "2024-03-05T14:00:00.000Z",
      tonight: "2024-03-05T21:00:00.000Z",
      tomorrow: "2024-03-06T12:00:00.000Z",
      nextWeek: "2024-03-11T12:00:00.000Z",
    });
  });

  it("depend on the agent's zone, not on the instant alone", () => {
    const now = at("2024-03-05T10:00:00Z");
    expect(untilOf(snoozeOptions(now, "Asia/Tokyo")).tomorrow).toBe("2024-03-06T00:00:00.000Z");
    expect(untilOf(snoozeOptions(now, "UTC")).tomorrow).toBe("2024-03-06T09:00:00.000Z");
  });

  it("offer no 'tonight' once the evening is less than an hour away", () => {
    const choices = snoozeOptions(at("2024-03-05T17:30:00-03:00"), "America/Sao_Paulo").map((o) => o.choice);
    expect(choices).toEqual(["hour", "tomorrow", "nextWeek"]);
  });

  it("'next week' is the coming Monday; on a Monday, the one after", () => {
    expect(untilOf(snoozeOptions(at("2024-03-10T10:00:00Z"), "UTC")).nextWeek).toBe("2024-03-11T09:00:00.000Z"); // Sunday
    expect(untilOf(snoozeOptions(at("2024-03-11T10:00:00Z"), "UTC")).nextWeek).toBe("2024-03-18T09:00:00.000Z"); // Monday
  });

  it("keep 09:00 across a daylight-saving change (New York springs forward on 10 March 2024)", () => {
    const saturdayEvening = at("2024-03-09T20:00:00-05:00");
    const u = untilOf(snoozeOptions(saturdayEvening, "America/New_York"));
    expect(u.tomorrow).toBe("2024-03-10T13:00:00.000Z"); // 09:00 EDT (UTC-4)
    expect(u.nextWeek).toBe("2024-03-11T13:00:00.000Z");
  });

  it("every choice is in the future", () => {
    const now = at("2024-12-31T23:59:00Z");
    for (const zone of ["UTC", "America/Sao_Paulo", "Asia/Tokyo", "Pacific/Kiritimati"]) {
      for (const o of snoozeOptions(now, zone)) expect(o.until).toBeGreaterThan(now);
    }
  });
});

describe("custom snooze time", () => {
  it("reads the date-time field in the agent's zone and writes it back the same", () => {
    const t = parseLocalDateTime("2024-03-05T14:30", "America/Sao_Paulo");
    expect(t).toBe(at("2024-03-05T17:30:00Z"));
    expect(toLocalDateTimeValue(t!, "America/Sao_Paulo")).toBe("2024-03-05T14:30");
  });

  it("refuses what is not a date and time", () => {
    expect(parseLocalDateTime("", "UTC")).toBeNull();
    expect(parseLocalDateTime("2024-13-05T14:30", "UTC")).toBeNull();
    expect(parseLocalDateTime("tomorrow", "UTC")).toBeNull();
  });
});
