/**
 * When each snooze choice ends, as wall-clock times in the agent's time zone: "tonight" is 18:00
 * where the agent is, whatever the server's zone, and stays 18:00 across a daylight-saving
 * change. Pure over (now, time zone), so the rules are tested in any zone.
 */
export type SnoozeChoice = "hour" | "tonight" | "tomorrow" | "nextWeek";

export interface SnoozeOption {
  choice: SnoozeChoice;
  until: number;
}

const HOUR = 3_600_000;
const TONIGHT_HOUR = 18;
const MORNING_HOUR = 9;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The preset choices available at `now` (tonight only while it is still before 18:00). */
export function snoozeOptions(now: number, timeZone?: string): SnoozeOption[] {
  const today = wallClock(now, timeZone);
  const options: SnoozeOption[] = [{ choice: "hour", until: now + HOUR }];
  const tonight = atWallClock({ ...today, hour: TONIGHT_HOUR, minute: 0 }, timeZone);
  if (tonight > now + HOUR) options.push({ choice: "tonight", until: tonight });
  options.push({ choice: "tomorrow", until: atWallClock({ ...addDays(today, 1), hour: MORNING_HOUR, minute: 0 }, timeZone) });
  // Next week: the coming Monday morning (a week ahead when today is Monday).
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay(); // 0 = Sunday
  const toMonday = (8 - weekday) % 7 || 7;
  options.push({ choice: "nextWeek", until: atWallClock({ ...addDays(today, toMonday), hour: MORNING_HOUR, minute: 0 }, timeZone) });
  return options;
}

/** A `<input type="datetime-local">` value ("2024-03-05T14:30") in the zone, or null if malformed. */
export function parseLocalDateTime(value: string, timeZone?: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return atWallClock({ year, month, day, hour, minute }, timeZone);
}

/** The value a datetime-local input shows for `t` in the zone. */
export function toLocalDateTimeValue(t: number, timeZone?: string): string {
  const w = wallClock(t, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

function wallClock(t: number, timeZone?: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(t);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

function addDays(w: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** How far the zone's clock is ahead of UTC at `t`, in ms. */
function offsetAt(t: number, timeZone?: string): number {
  const w = wallClock(t, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(t / 60_000) * 60_000;
}

/**
 * The instant a wall clock in the zone shows `w`. Two passes settle daylight-saving changes; a
 * time skipped by a spring-forward lands just after the gap.
 */
function atWallClock(w: WallClock, timeZone?: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  let t = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(t, timeZone);
  if (second !== t) t = Math.max(t, second);
  return t;
}
