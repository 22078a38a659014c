/**
 * File sizes as people read them, in the UI's language: "7.2 MB" in English, "7,2 MB" in
 * Portuguese. One decimal below 10 of a unit (the difference matters next to a 5 MB limit),
 * none above. Binary units, like the channels' own limits.
 */
import { formatLocale } from "../i18n/time-words.ts";

const UNITS = ["KB", "MB", "GB"] as const;

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return f;
}

export function formatFileSize(bytes: number, locale?: string): string {
  const f = numberFormat(formatLocale(locale));
  if (bytes < 1024) return `${f.format(Math.max(0, Math.round(bytes)))} B`;
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${f.format(v < 10 ? Math.round(v * 10) / 10 : Math.round(v))} ${UNITS[i]}`;
}
