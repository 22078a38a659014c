import { DateTime } from "luxon";
import { z } from "zod";
import { SCHEMA_MESSAGES, schemaMessage } from "../api/schema-messages.ts";

/**
 * A workspace's calendar: its time zone (IANA), opening hours per weekday and holidays. SLAs
 * count business time with it now; reports will use `startOfToday` and friends next.
 * Zone and DST maths are luxon's: local wall times ("09:00 in America/Sao_Paulo") become
 * instants through it, so a day that is 23 or 25 hours long is handled by the library.
 */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM", 00:00 to 24:00 (24:00 only as the end of a day's last interval). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, SCHEMA_MESSAGES.time_format);

export const OpeningIntervalSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((i) => minutesOf(i.start) < minutesOf(i.end), { message: SCHEMA_MESSAGES.end_after_start });
export type OpeningInterval = z.infer<typeof OpeningIntervalSchema>;

const DayHoursSchema = z
  .array(OpeningIntervalSchema)
  .max(6)
  .refine(
    (list) => [...list].sort((a, b) => minutesOf(a.start) - minutesOf(b.start)).every((iv, i, s) => i === 0 || minutesOf(s[i - 1]!.end) <= minutesOf(iv.start)),
    { message: SCHEMA_MESSAGES.hours_overlap },
  );

export const HolidayDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, SCHEMA_MESSAGES.date_format);

/** A closed day with the name people know it by ("Christmas"); a bare date (the first form) still reads. */
export const HolidaySchema = z.preprocess(
  (v) => (typeof v === "string" ? { date: v, name: "" } : v),
  z.object({ date: HolidayDateSchema, name: z.string().trim().max(80, schemaMessage("chars_at_most", { n: 80 })) }),
);
export type Holiday = z.infer<typeof HolidaySchema>;

export function isTimeZone(zone: string): boolean {
  return zone.length > 0 && DateTime.local().setZone(zone).isValid;
}

export const TimeZoneSchema = z.string().max(64).refine(isTimeZone, { message: SCHEMA_MESSAGES.time_zone_unknown });

export const BusinessCalendarSchema = z.object({
  timezone: TimeZoneSchema,
  hours: z.object({
    mon: DayHoursSchema,
    tue: DayHoursSchema,
    wed: DayHoursSchema,
    thu: DayHoursSchema,
    fri: DayHoursSchema,
    sat: DayHoursSchema,
    sun: DayHoursSchema,
  }),
  holidays: z
    .array(HolidaySchema)
    .max(400)
    .refine((list) => new Set(list.map((h) => h.date)).size === list.length, { message: SCHEMA_MESSAGES.date_twice }),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

/** Until an admin sets one: UTC, Monday to Friday 09:00–18:00, no holidays. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  timezone: "UTC",
  hours: {
    mon: [{ start: "09:00", end: "18:00" }],
    tue: [{ start: "09:00", end: "18:00" }],
    wed: [{ start: "09:00", end: "18:00" }],
    thu: [{ start: "09:00", end: "18:00" }],
    fri: [{ start: "09:00", end: "18:00" }],
    sat: [],
    sun: [],
  },
  holidays: [],
};

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** The instant a wall time of a local date has in the zone (a time skipped by DST moves forward). */
function wallTime(day: DateTime, time: string): number {
  const minutes = minutesOf(time);
  if (minutes === 24 * 60) return day.plus({ days: 1 }).startOf("day").toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
}

/** Local midnight of the day `now` falls on, in the calendar's zone. */
export function startOfToday(calendar: Pick<BusinessCalendar, "timezone">, now: number): number {
  return DateTime.fromMillis(now, { zone: calendar.timezone }).startOf("day").toMillis();
}

/** The local date ("2026-12-25") `at` falls on, in the calendar's zone. */
export function localDate(calendar: Pick<BusinessCalendar, "timezone">, at: number): string {
  return DateTime.fromMillis(at, { zone: calendar.timezone }).toISODate()!;
}

/** One local day's opening intervals as instants (none on holidays). */
function openingsOfDay(calendar: BusinessCalendar, day: DateTime): Array<[number, number]> {
  const date = day.toISODate()!;
  if (calendar.holidays.some((h) => h.date === date)) return [];
  const weekday = WEEKDAYS[day.weekday - 1]!;
  return calendar.hours[weekday]
    .map((iv): [number, number] => [wallTime(day, iv.start), wallTime(day, iv.end)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
}

function hasOpenings(calendar: BusinessCalendar): boolean {
  return WEEKDAYS.some((d) => calendar.hours[d].length > 0);
}

/** Open intervals clipped to [from, to), in order. */
export function businessIntervals(calendar: BusinessCalendar, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (to <= from) return out;
  let day = DateTime.fromMillis(from, { zone: calendar.timezone }).startOf("day");
  while (day.toMillis() < to) {
    for (const [s, e] of openingsOfDay(calendar, day)) {
      const a = Math.max(s, from);
      const b = Math.min(e, to);
      if (b > a) out.push([a, b]);
    }
    day = day.plus({ days: 1 }).startOf("day");
  }
  return out;
}

/** Milliseconds of opening time between two instants. */
export function businessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  return businessIntervals(calendar, from, to).reduce((sum, [a, b]) => sum + (b - a), 0);
}

export function isBusinessTime(calendar: BusinessCalendar, at: number): boolean {
  return businessIntervals(calendar, at, at + 1).length > 0;
}

/** Searching further than this for opening time means the calendar has (almost) none. */
const MAX_SEARCH_DAYS = 3 * 366;

/**
 * The instant at which `ms` of opening time has passed since `from` (`from` itself when ms ≤ 0
 * and it is open; else the next opening). Null when the calendar never opens.
 */
export function addBusinessMs(calendar: BusinessCalendar, from: number, ms: number): number | null {
  if (!hasOpenings(calendar)) return null;
  let left = Math.max(0, ms);
  let day = DateTime.fromMillis(from, { zone: calendar.timezone }).startOf("day");
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    for (const [s, e] of openingsOfDay(calendar, day)) {
      const a = Math.max(s, from);
      if (e <= a) continue;
      if (left === 0 || a + left <= e) return a + left;
      left -= e - a;
    }
    day = day.plus({ days: 1 }).startOf("day");
  }
  return null;
}
