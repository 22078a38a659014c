import type { InsightLanguage } from "./language.ts";
import { PairIndex, PatternIndex, splitPhrases } from "./match.ts";
import { analyseSentiment, type Sentiment } from "./sentiment.ts";
import { NEGATORS } from "./sentiment-lexicon.ts";
import { toTerms, type Term } from "./terms.ts";
import {
  HIGH_THRESHOLD, URGENCY_ASKABLE, URGENCY_CALM, URGENCY_NEUTRAL, URGENCY_PAIRS, URGENCY_PATTERNS, URGENCY_RESOLVED,
  URGENCY_RESOLVED_UNLESS, URGENCY_STRONG, URGENCY_WEAK, URGENCY_WEIGHTS,
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
  /** counts half in a plain question even though it is enough alone in a statement */
  askable?: boolean;
  /** a URGENCY_WEAK wording: two different ones of one reason add up (see `note`) */
  weak?: boolean;
}

type Table = Readonly<Partial<Record<UrgencyReason, readonly string[]>>>;

function cues(table: Table, weight: (reason: UrgencyReason) => number, flags: { askable?: boolean; weak?: boolean } = {}): (readonly [string, Cue])[] {
  return Object.entries(table).flatMap(([reason, sources]) =>
    (sources ?? []).flatMap((s) => splitPhrases(s).map((alt) => [alt, { reason: reason as UrgencyReason, weight: weight(reason as UrgencyReason), ...flags }] as const)),
  );
}

function phrases(sources: readonly string[]): PatternIndex<true> {
  return new PatternIndex<true>(sources.flatMap((s) => splitPhrases(s).map((alt) => [alt, true] as const)));
}

const WEAK_WEIGHT = HIGH_THRESHOLD / 2;
// Strong wordings first: on a tie in length the first entry wins ("switching to" is a threat).
const INDEX = new PatternIndex<Cue>([
  ...cues(URGENCY_STRONG, () => HIGH_THRESHOLD, { askable: true }),
  ...cues(URGENCY_ASKABLE, () => HIGH_THRESHOLD, { askable: true }),
  ...cues(URGENCY_PATTERNS, (r) => URGENCY_WEIGHTS[r]),
  ...cues(URGENCY_WEAK, () => WEAK_WEIGHT, { weak: true }),
]);
const PAIRS = new PairIndex<Cue>(URGENCY_PAIRS.map(([a, b, reason, weight]) => [a, b, { reason, weight }] as const));

const NEUTRAL = phrases(URGENCY_NEUTRAL);
const CALM = phrases(URGENCY_CALM);
const RESOLVED = phrases(URGENCY_RESOLVED);
const RESOLVED_UNLESS = phrases(URGENCY_RESOLVED_UNLESS);
/** What a problem already solved, or said to be no rush, keeps of its cues. */
const RESOLVED_FACTOR = 0.5;

/**
 * An urgency word that names something rather than says it: inside quotes ("Urgente 24h") or in
 * a title-cased name in mid-sentence ("the Urgent Care kit").
 */
function isName(terms: readonly Term[], start: number): boolean {
  let quotes = 0;
  for (let k = 0; k < start; k++) if (terms[k]!.token.kind === "quote") quotes++;
  if (quotes % 2 === 1) return true;
  const t = terms[start]!.token;
  const prev = terms[start - 1];
  const next = terms[start + 1];
  const capital = (raw: string) => /^\p{Lu}\p{Ll}/u.test(raw);
  return !!prev && prev.token.kind === "word" && capital(t.raw) && !!next && next.token.kind === "word" && capital(next.token.raw);
}

/** Whether the message says its problem is solved, and nothing outside that says it came back. */
function solved(terms: readonly Term[]): boolean {
  const done = RESOLVED.findAll(terms);
  if (!done.length) return false;
  for (let i = 0; i < terms.length; i++) {
    if (done.some((d) => i >= d.start && i < d.end)) continue;
    if (RESOLVED_UNLESS.longestAt(terms, i)) return false;
  }
  return true;
}

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
const HAPPY = 0.3;
const RECENT_CONTACTS = 2;

export function assessUrgency(input: UrgencyInput): Urgency {
  const { text } = input;
  const terms = toTerms(text, input.language);
  // Each reason counts once, at its strongest wording; cues may overlap ("meu dinheiro sumiu" is
  // both a refund word and money gone), so every position is tried.
  const found = new Map<UrgencyReason, { weight: number; words: string; weak?: { weight: number; start: number; end: number } }>();
  // A weak cue, a health word or a two-part report in a plain question asks rather than
  // complains ("qual o prazo pra cair o reembolso?", "o seguro cobre emergência médica?",
  // "my balance shows zero, is that normal?"): it counts half. A fraud, legal or outage phrase
  // counts whole however it is phrased ("é golpe?").
  const { clauseOf, asked } = questions(terms);
  // Spans no cue may start in: names and services ("entrega urgente"), topics ("um produto
  // contra fraude"), and the customer's own "não é urgente" / "no big deal".
  // Both found only when a cue needs them: most messages have none.
  let calm: { start: number; end: number }[] | null = null;
  const calmSpans = () => (calm ??= CALM.findAll(terms));
  let masked: { start: number; end: number }[] | null = null;
  const isMasked = (start: number) => (masked ??= [...NEUTRAL.findAll(terms), ...calmSpans()]).some((m) => start >= m.start && start < m.end);
  const note = (cue: Cue, start: number, end: number, pair = false) => {
    if (cue.reason === "cancel" && negatedBefore(terms, start)) return;
    if (isMasked(start) || (cue.reason === "explicit" && isName(terms, start))) return;
    // A court or a consumer body named in a question asks how to reach it ("qual o telefone da
    // ouvidoria?"); said in a statement it is a threat.
    // Anything asked under a condition is a "what if" ("what's the process if someone uses my
    // card?", "se eu cancelar agora pago multa?").
    const askable = pair || cue.askable || cue.reason === "health" || cue.reason === "legal" || cue.weight < HIGH_THRESHOLD || conditional(terms, start);
    let weight = askable && asked.has(clauseOf[start]!) ? cue.weight * QUESTION : cue.weight;
    const prev = found.get(cue.reason);
    // Two different weak wordings of one reason corroborate each other ("não consigo entrar" and
    // "bloqueada", "há 3 dias" and "sem sinal"): together they count as one whole cue.
    let weak = cue.weak ? { weight, start, end } : prev?.weak;
    if (cue.weak && prev?.weak && (start >= prev.weak.end || end <= prev.weak.start)) {
      weight = Math.min(HIGH_THRESHOLD, weight + prev.weak.weight);
      weak = { weight, start: Math.min(start, prev.weak.start), end: Math.max(end, prev.weak.end) };
    }
    if (prev && prev.weight >= weight) {
      if (weak && weak.weight > (prev.weak?.weight ?? 0)) prev.weak = weak;
      return;
    }
    found.set(cue.reason, { weight, words: text.slice(terms[start]!.token.start, terms[end - 1]!.token.end), weak });
  };
  // A shorter cue inside a longer one is part of the same report ("twice" in "charged twice" is
  // no second contact), so it is skipped.
  for (let i = 0, coveredTo = 0; i < terms.length; i++) {
    const hit = INDEX.longestAt(terms, i);
    if (!hit || hit.end <= coveredTo) continue;
    note(hit.pattern.value, i, hit.end);
    coveredTo = hit.end;
  }
  // "I don't want to be charged again" fears a charge; it reports none. (A negation before a
  // stopped business, "I can't run my business", is the report itself.)
  // Two halves said in a clearly happy message are news, not a report ("the train was on time
  // today, great job"): they count half, like a question.
  const sentiment = input.sentiment ?? analyseSentiment(text, input.language);
  const happy = sentiment.score > HAPPY;
  for (const hit of PAIRS.findAll(terms)) {
    const wish = hit.value.reason !== "outage" && negatedBefore(terms, hit.start, hit.second);
    if (!wish) note(happy ? { ...hit.value, weight: hit.value.weight * QUESTION } : hit.value, hit.start, hit.end, true);
  }
  const reasons: Urgency["reasons"] = [...found].map(([reason, { words }]) => ({ reason, words }));
  let score = [...found.values()].reduce((s, f) => s + f.weight, 0);
  if (score > 0 && (calmSpans().length > 0 || solved(terms))) score *= RESOLVED_FACTOR;

  // Tone alone never makes a message urgent; it tips an existing reason over the line.
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
