/**
 * A custom period as people say it, "from the 1st to the 5th" in the report's time zone, and the
 * `[from, to)` instants the API takes: from is the first instant of the first day, to the first
 * instant of the day after the last. Days are the zone's calendar days, so a day on which the
 * clocks change is 23 or 25 hours long, and a day whose midnight does not exist (Brazil's old
 * summer time started at 00:00) begins at the first instant it has.
 */
import { DateTime } from "luxon";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An IANA zone this browser knows ("America/Sao_Paulo"), checked with Intl. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's own zone, or UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Zones offered besides the workspace's and the browser's: where the product's customers are. */
export const COMMON_TIME_ZONES = ["UTC", "America/Sao_Paulo", "America/New_York", "America/Los_Angeles", "Europe/Lisbon", "Europe/London", "Europe/Berlin", "Asia/Tokyo"];

/** The zone picker's choices: the workspace's first, the browser's, the current one, then the common ones. */
export function timeZoneChoices(workspace: string | null, current: string, browser = browserTimeZone()): string[] {
  return [...new Set([workspace, browser, current, ...COMMON_TIME_ZONES])].filter((z): z is string => !!z && isTimeZone(z));
}

/** "2026-03-29" → that day in the zone, or null when it is no date. */
function day(date: string, zone: string): DateTime | null {
  if (!DATE.test(date)) return null;
  const d = DateTime.fromISO(date, { zone });
  return d.isValid ? d.startOf("day") : null;
}

/** The first and last local days (inclusive, "yyyy-MM-dd") → `[from, to)` in ms; null when they make no period. */
export function datesToPeriod(fromDate: string, toDate: string, zone: string): { from: number; to: number } | null {
  if (!isTimeZone(zone)) return null;
  const first = day(fromDate, zone);
  const last = day(toDate, zone);
  if (!first || !last || last < first) return null;
  return { from: first.toMillis(), to: last.plus({ days: 1 }).startOf("day").toMillis() };
}

/** `[from, to)` → its first and last local days, for the date inputs. */
export function periodToDates(from: number, to: number, zone: string): { fromDate: string; toDate: string } {
  const z = isTimeZone(zone) ? zone : "UTC";
  const first = DateTime.fromMillis(from, { zone: z });
  const last = DateTime.fromMillis(Math.max(from, to - 1), { zone: z });
  return { fromDate: first.toISODate()!, toDate: last.toISODate()! };
}

export const isDate = (s: string): boolean => DATE.test(s) && DateTime.fromISO(s).isValid;
