import type { InsightLanguage } from "./language.ts";
import { PairIndex, PatternIndex, splitPhrases } from "./match.ts";
import { analyseSentiment, type Sentiment } from "./sentiment.ts";
import { NEGATORS } from "./sentiment-lexicon.ts";
import { toTerms, type Term } from "./terms.ts";
import {
  HIGH_THRESHOLD, URGENCY_PAIRS, URGENCY_PATTERNS, URGENCY_STRONG, URGENCY_WEAK, URGENCY_WEIGHTS,
} from "./urgency-lexicon.ts";

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

interface Cue {
  reason: UrgencyReason;
  weight: number;
}

type Table = Readonly<Partial<Record<UrgencyReason, readonly string[]>>>;

function cues(table: Table, weight: (reason: UrgencyReason) => number): (readonly [string, Cue])[] {
  return Object.entries(table).flatMap(([reason, sources]) =>
    (sources ?? []).flatMap((s) => splitPhrases(s).map((alt) => [alt, { reason: reason as UrgencyReason, weight: weight(reason as UrgencyReason) }] as const)),
  );
}

const WEAK_WEIGHT = HIGH_THRESHOLD / 2;
// Strong wordings first: on a tie in length the first entry wins ("switching to" is a threat).
const INDEX = new PatternIndex<Cue>([
  ...cues(URGENCY_STRONG, () => HIGH_THRESHOLD),
  ...cues(URGENCY_PATTERNS, (r) => URGENCY_WEIGHTS[r]),
  ...cues(URGENCY_WEAK, () => WEAK_WEIGHT),
]);
const PAIRS = new PairIndex<Cue>(URGENCY_PAIRS.map(([a, b, reason, weight]) => [a, b, { reason, weight }] as const));

/** Conditions that keep a negated cancellation a threat: "se não resolverem eu cancelo". */
const CONDITIONALS = new Set(["se", "if", "si", "unless", "caso", "otherwise"]);
const NEGATION_REACH = 4;

/**
 * "Não quero cancelar", "I'm not cancelling": a negated cancellation is no threat, and "I don't
 * want to be charged again" reports no charge. Other reasons carry their own negation ("não
 * reconheço") or mean the same negated ("no me devuelven"), so only these two are checked.
 */
function negatedBefore(terms: readonly Term[], start: number, skip?: { start: number; end: number }): boolean {
  for (let k = start - 1, words = 0; k >= 0 && words < NEGATION_REACH; k--) {
    // The other half of a pair carries its own negation ("not loading" is the report itself).
    if (skip && k >= skip.start && k < skip.end) return false;
    const t = terms[k]!;
    if (t.token.kind === "punct") return false;
    if (t.token.kind !== "word") continue;
    words++;
    if (t.forms.includes("nao") || NEGATORS.has(t.token.norm.replace(/'/g, "")) || t.token.norm.endsWith("n't")) return !conditional(terms, k);
  }
  return false;
}

/** Whether the clause before terms[k] opens with a condition ("se até sexta não ..."). */
function conditional(terms: readonly Term[], k: number): boolean {
  for (let j = k - 1; j >= 0 && terms[j]!.token.kind !== "punct"; j--) if (CONDITIONALS.has(terms[j]!.token.norm)) return true;
  return false;
}

/**
 * Clause index of every term, and which clauses end in a plain question mark. Clauses, not
 * sentences: in "o voo é daqui a 3 horas e a reserva sumiu, podem ajudar?" only the polite
 * request is asked; the report before the comma stands.
 */
function questions(terms: readonly Term[]): { clauseOf: number[]; asked: Set<number> } {
  const clauseOf: number[] = [];
  const asked = new Set<number>();
  let s = 0;
  for (const t of terms) {
    clauseOf.push(s);
    if (t.token.kind === "punct") {
      if (t.token.norm === "?") asked.add(s);
      s++;
    }
  }
  return { clauseOf, asked };
}

const SLA_AT_RISK = 0.75;
const QUESTION = 0.5;
const RECENT_CONTACTS = 2;

export function assessUrgency(input: UrgencyInput): Urgency {
  const { text } = input;
  const terms = toTerms(text, input.language);
  // Each reason counts once, at its strongest wording; cues may overlap ("meu dinheiro sumiu" is
  // both a refund word and money gone), so every position is tried.
  const found = new Map<UrgencyReason, { weight: number; words: string }>();
  // A weak cue, a health word or a two-part report in a plain question asks rather than
  // complains ("qual o prazo pra cair o reembolso?", "o seguro cobre emergência médica?",
  // "my balance shows zero, is that normal?"): it counts half. A fraud, legal or outage phrase
  // counts whole however it is phrased ("é golpe?").
  const { clauseOf, asked } = questions(terms);
  const note = (cue: Cue, start: number, end: number, pair = false) => {
    if (cue.reason === "cancel" && negatedBefore(terms, start)) return;
    const askable = pair || cue.reason === "health" || cue.weight < HIGH_THRESHOLD;
    const weight = askable && asked.has(clauseOf[start]!) ? cue.weight * QUESTION : cue.weight;
    const prev = found.get(cue.reason);
    if (prev && prev.weight >= weight) return;
    found.set(cue.reason, { weight, words: text.slice(terms[start]!.token.start, terms[end - 1]!.token.end) });
  };
  for (let i = 0; i < terms.length; i++) {
    const hit = INDEX.longestAt(terms, i);
    if (hit) note(hit.pattern.value, i, hit.end);
  }
  // "I don't want to be charged again" fears a charge; it reports none. (A negation before a
  // stopped business, "I can't run my business", is the report itself.)
  for (const hit of PAIRS.findAll(terms)) {
    const wish = hit.value.reason !== "outage" && negatedBefore(terms, hit.start, hit.second);
    if (!wish) note(hit.value, hit.start, hit.end, true);
  }
  const reasons: Urgency["reasons"] = [...found].map(([reason, { words }]) => ({ reason, words }));
  let score = [...found.values()].reduce((s, f) => s + f.weight, 0);

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
