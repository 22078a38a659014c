/**
 * Times as agents read them. Locale and time zone are parameters (defaulting to the UI's
 * language and the browser's zone) so tests are deterministic.
 */
import { dayWord, formatLocale } from "../i18n/time-words.ts";

export interface TimeOptions {
  now?: number;
  locale?: string;
  timeZone?: string;
}

const DAY = 24 * 60 * 60 * 1000;

function fmt(t: number, o: TimeOptions, opts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(formatLocale(o.locale), { timeZone: o.timeZone, ...opts }).format(t);
}

/** A calendar day in the given zone, e.g. "2024-03-05": for comparing days, not for display. */
export function dayKey(t: number, o: TimeOptions = {}): string {
  return fmt(t, { ...o, locale: "en-CA" }, { year: "numeric", month: "2-digit", day: "2-digit" });
}

/** For list rows: "14:05" today, "Yesterday", a weekday this week, else a date. */
export function formatListTime(t: number, o: TimeOptions = {}): string {
  const now = o.now ?? Date.now();
  const today = dayKey(now, o);
  if (dayKey(t, o) === today) return fmt(t, o, { timeStyle: "short" });
  if (dayKey(t, o) === dayKey(now - DAY, o)) return dayWord("yesterday", o.locale);
  if (now - t < 6 * DAY && t < now) return fmt(t, o, { weekday: "short" });
  if (fmt(t, o, { year: "numeric" }) === fmt(now, o, { year: "numeric" })) {
    return fmt(t, o, { day: "numeric", month: "short" });
  }
  return fmt(t, o, { day: "numeric", month: "short", year: "numeric" });
}

/** For a message bubble: the clock time only (days are shown by dividers). */
export function formatClock(t: number, o: TimeOptions = {}): string {
  return fmt(t, o, { timeStyle: "short" });
}

/** Day dividers in the timeline: "Today", "Yesterday", or a full date. */
export function formatDay(t: number, o: TimeOptions = {}): string {
  const now = o.now ?? Date.now();
  if (dayKey(t, o) === dayKey(now, o)) return dayWord("today", o.locale);
  if (dayKey(t, o) === dayKey(now - DAY, o)) return dayWord("yesterday", o.locale);
  return fmt(t, o, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/** Full date and time, for tooltips and the metadata panel. */
export function formatDateTime(t: number, o: TimeOptions = {}): string {
  return fmt(t, o, { dateStyle: "medium", timeStyle: "short" });
}

/** "0:42" for voice notes. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "1.4 MB" for file attachments. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
