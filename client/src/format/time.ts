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

// The formats this file uses, as constants: the formatter cache is keyed by their identity.
const YMD: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
const CLOCK: Intl.DateTimeFormatOptions = { timeStyle: "short" };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: "short" };
const YEAR: Intl.DateTimeFormatOptions = { year: "numeric" };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: "numeric", month: "short" };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one, and a list row
 * formats up to eight times: formatters are kept per format, locale and zone. The locale is
 * read on every call, so switching the UI language picks (or builds) the other formatter.
 */
const formatters = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

function formatter(o: TimeOptions, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = formatLocale(o.locale);
  const key = `${locale}|${o.timeZone ?? ""}`;
  let byLocale = formatters.get(opts);
  if (!byLocale) formatters.set(opts, (byLocale = new Map()));
  let f = byLocale.get(key);
  if (!f) byLocale.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: o.timeZone, ...opts })));
  return f;
}

function fmt(t: number, o: TimeOptions, opts: Intl.DateTimeFormatOptions): string {
  return formatter(o, opts).format(t);
}

/** A calendar day in the given zone, e.g. "2024-03-05": for comparing days, not for display. */
export function dayKey(t: number, o: TimeOptions = {}): string {
  return fmt(t, { ...o, locale: "en-CA" }, YMD);
}

/** For list rows: "14:05" today, "Yesterday", a weekday this week, else a date. */
export function formatListTime(t: number, o: TimeOptions = {}): string {
  const now = o.now ?? Date.now();
  const day = dayKey(t, o);
  if (day === dayKey(now, o)) return fmt(t, o, CLOCK);
  if (day === dayKey(now - DAY, o)) return dayWord("yesterday", o.locale);
  if (now - t < 6 * DAY && t < now) return fmt(t, o, WEEKDAY);
  if (fmt(t, o, YEAR) === fmt(now, o, YEAR)) return fmt(t, o, DAY_MONTH);
  return fmt(t, o, DAY_MONTH_YEAR);
}

/** For a message bubble: the clock time only (days are shown by dividers). */
export function formatClock(t: number, o: TimeOptions = {}): string {
  return fmt(t, o, CLOCK);
}

/** Day dividers in the timeline: "Today", "Yesterday", or a full date. */
export function formatDay(t: number, o: TimeOptions = {}): string {
  const now = o.now ?? Date.now();
  if (dayKey(t, o) === dayKey(now, o)) return dayWord("today", o.locale);
  if (dayKey(t, o) === dayKey(now - DAY, o)) return dayWord("yesterday", o.locale);
  return fmt(t, o, LONG_DAY);
}

/** Full date and time, for tooltips and the metadata panel. */
export function formatDateTime(t: number, o: TimeOptions = {}): string {
  return fmt(t, o, DATE_TIME);
}

/** "0:42" for voice notes. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
