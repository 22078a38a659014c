import type { InsightLanguage } from "./language.ts";
import { PatternIndex } from "./match.ts";
import { analyseSentiment, type Sentiment } from "./sentiment.ts";
import { toTerms } from "./terms.ts";
import { HIGH_THRESHOLD, URGENCY_PATTERNS, URGENCY_WEIGHTS } from "./urgency-lexicon.ts";

export type UrgencyReason =
  | "fraud" | "legal" | "billing_error" | "outage" | "health" | "explicit" | "cancel" | "refund" | "deadline"
  | "repeat_contact" | "negative" | "sla_at_risk" | "sla_breached" | "vip" | "recent_contacts";

export interface UrgencyInput {
  text: string;
  language?: InsightLanguage | null;
  sentiment?: Sentiment;
  /** ms the customer has waited */
  waitedMs?: number;
  /** first-response target in ms, when an SLA applies */
  slaTargetMs?: number | null;
  /**
   * The SLA's live state, when the caller knows it rather than the wait and the target (the
   * device and the board do: `slaStateAt`); it wins over `waitedMs`/`slaTargetMs`.
   */
  sla?: "running" | "paused" | "at_risk" | "breached" | null;
  vip?: boolean;
  /** the contact's conversations in the last 7 days, this one excluded */
  recentConversations?: number;
}

export interface Urgency {
  level: "high" | "normal";
  score: number;
  reasons: { reason: UrgencyReason; /** the words that raised it, as written, if any */ words?: string }[];
}

const INDEX = new PatternIndex<UrgencyReason>(
  Object.entries(URGENCY_PATTERNS).flatMap(([reason, sources]) =>
    (sources ?? []).flatMap((s) => splitAlternatives(s).map((alt) => [alt, reason as UrgencyReason] as const)),
  ),
);

/** Multi-word alternatives become patterns of their own; one-word ones stay together. */
function splitAlternatives(source: string): string[] {
  const words: string[] = [];
  const phrases: string[] = [];
  for (const alt of source.split("|")) (alt.includes(" ") ? phrases : words).push(alt);
  return words.length ? [...phrases, words.join("|")] : phrases;
}

const SLA_AT_RISK = 0.75;
const RECENT_CONTACTS = 2;

export function assessUrgency(input: UrgencyInput): Urgency {
  const { text } = input;
  const terms = toTerms(text, input.language);
  const found = new Map<UrgencyReason, string>();
  for (const hit of INDEX.findAll(terms)) {
    if (found.has(hit.pattern.value)) continue;
    const words = text.slice(terms[hit.start]!.token.start, terms[hit.end - 1]!.token.end);
    found.set(hit.pattern.value, words);
  }
  const reasons: Urgency["reasons"] = [...found].map(([reason, words]) => ({ reason, words }));
  let score = reasons.reduce((s, r) => s + URGENCY_WEIGHTS[r.reason], 0);

  // Tone alone never makes a message urgent; it tips an existing reason over the line.
  const sentiment = input.sentiment ?? analyseSentiment(text, input.language);
  if (sentiment.score < -0.15) {
    score += URGENCY_WEIGHTS.negative * Math.min(1, -sentiment.score * 2);
    reasons.push({ reason: "negative" });
  }
  const sla = input.sla ?? slaFromWait(input);
  if (sla === "breached") {
    score += URGENCY_WEIGHTS.sla_breached;
    reasons.push({ reason: "sla_breached" });
  } else if (sla === "at_risk") {
    score += URGENCY_WEIGHTS.sla_at_risk;
    reasons.push({ reason: "sla_at_risk" });
  }
  if (input.vip) {
    score += URGENCY_WEIGHTS.vip;
    reasons.push({ reason: "vip" });
  }
  if ((input.recentConversations ?? 0) >= RECENT_CONTACTS) {
    score += URGENCY_WEIGHTS.recent_contacts;
    reasons.push({ reason: "recent_contacts" });
  }
  reasons.sort((a, b) => URGENCY_WEIGHTS[b.reason] - URGENCY_WEIGHTS[a.reason]);
  return { level: score >= HIGH_THRESHOLD ? "high" : "normal", score: Math.round(score * 100) / 100, reasons };
}

function slaFromWait(input: UrgencyInput): "at_risk" | "breached" | null {
  if (!input.slaTargetMs || input.slaTargetMs <= 0 || input.waitedMs === undefined) return null;
  if (input.waitedMs >= input.slaTargetMs) return "breached";
  return input.waitedMs >= SLA_AT_RISK * input.slaTargetMs ? "at_risk" : null;
}
