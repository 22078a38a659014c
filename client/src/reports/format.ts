/** Numbers of the Reports screen in words. */
import { durationBandRange } from "@inbox/shared/domain/reports/index";
import { locale } from "../i18n/locale.ts";
import { t } from "./messages.ts";

/** Durations in words ("3 min 20 s", "2 h 05 min"): the units read the same in en and pt-BR. */
export function durationWords(ms: number | null): string | null {
  if (ms === null) return null;
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** A share (0–1) as a whole percentage in the UI's language ("83%", "83 %"). */
export function percentWords(share: number | null, lang: string = locale()): string | null {
  return share === null ? null : new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A rating average with one decimal in the UI's language ("4.3", "4,3"). */
export function scoreWords(average: number | null, lang: string = locale()): string | null {
  return average === null ? null : new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

/** A duration band in words ("under 1 min", "1 min to 5 min", "3 d or more"). */
export function bandWords(band: number): string {
  const { from, to } = durationBandRange(band);
  if (from === 0 && to !== null) return t("bandUnder", { to: durationWords(to)! });
  return to === null ? t("bandOver", { from: durationWords(from)! }) : t("bandBetween", { from: durationWords(from)!, to: durationWords(to)! });
}
