/** The insights in the agent's words: languages, moods, trends and why something is urgent. */
import type { InsightLanguage, SentimentLabel, SentimentTrend, UrgencyReason } from "@inbox/shared/insights/index";
import { t } from "./messages.ts";

export const languageName = (l: InsightLanguage): string => t(`lang_${l}`);
export const sentimentName = (s: SentimentLabel): string => t(`sentiment_${s}`);
export const trendName = (s: SentimentTrend): string => t(`trend_${s}`);
export const reasonName = (r: UrgencyReason): string => t(`reason_${r}`);

/** A cue's weight as the hover shows it: "+1.5" / "−2.0" (a real minus sign). */
export function signedWeight(w: number): string {
  const n = Math.abs(w).toFixed(1);
  return w < 0 ? `−${n}` : `+${n}`;
}
