import type { InsightLanguage } from "./language.ts";
import { PairIndex, PatternIndex, splitPhrases } from "./match.ts";
import {
  CONTRASTS, DIMINISHERS, INTENSIFIERS, NEGATORS, NEGATORS_NOT_PT, POST_INTENSIFIERS, SENTIMENT_ENTRIES,
  WISHES, isLaughter, isSarcasticOpener, laughterWeight, type LexiconEntry,
} from "./sentiment-lexicon.ts";
import { toTerms, type Term } from "./terms.ts";
import { URGENCY_ASKABLE, URGENCY_PAIRS, URGENCY_PATTERNS, URGENCY_STRONG } from "./urgency-lexicon.ts";

export type SentimentLabel = "negative" | "neutral" | "positive";
export interface SentimentCue {
  /** the words as the customer wrote them, e.g. "não gostei nada" or "🙄" */
  text: string;
  /** signed contribution */
  weight: number;
}
export interface Sentiment {
  label: SentimentLabel;
  /** -1 … 1 */
  score: number;
  /** what decided it, strongest first, at most 5 */
  cues: SentimentCue[];
}

const LEXICON = new PatternIndex<LexiconEntry>(SENTIMENT_ENTRIES);
const MODIFIERS = new PatternIndex<{ kind: "pre" | "post" | "dim"; factor: number }>([
  ...Object.entries(INTENSIFIERS).map(([w, f]) => [w, { kind: "pre", factor: f }] as const),
  ...Object.entries(DIMINISHERS).map(([w, f]) => [w, { kind: "dim", factor: f }] as const),
]);
const POST = new PatternIndex<number>(Object.entries(POST_INTENSIFIERS));
// Reporting fraud, a legal threat, a wrong charge, an outage or harm is a complaint whatever the
// wording ("my bank shows a charge I don't recognize"), so those urgency patterns count here too,
// as do threats to leave and demands for money back ("cancel everything. now."), and the
// two-part reports of money gone, a business stopped or harm done. Saying it is the Nth contact complains
// more mildly ("twice" and "protocolo" also turn up in calm messages).
const COMPLAINT_REASONS = ["fraud", "legal", "billing_error", "outage", "health"] as const;
const COMPLAINT: LexiconEntry = { weight: -1.2, negated: -1.2 };
const REPEATED: LexiconEntry = { weight: -0.8, negated: -0.8 };
/** A threat to leave, unless negated: "não vou cancelar" reassures. */
const THREAT: LexiconEntry = { weight: -1.2, negated: 0 };
const COMPLAINTS = new PatternIndex<LexiconEntry>([
  ...COMPLAINT_REASONS.flatMap((r) => [...(URGENCY_PATTERNS[r] ?? []), ...(URGENCY_ASKABLE[r] ?? [])].flatMap((source) => splitPhrases(source).map((alt) => [alt, COMPLAINT] as const))),
  ...Object.values(URGENCY_STRONG).flatMap((sources) => (sources ?? []).flatMap((source) => splitPhrases(source).map((alt) => [alt, THREAT] as const))),
  ...(URGENCY_PATTERNS.repeat_contact ?? []).flatMap((source) => splitPhrases(source).map((alt) => [alt, REPEATED] as const)),
]);
const COMPLAINT_PAIRS = new PairIndex<true>(
  URGENCY_PAIRS.filter(([, , reason]) => reason === "billing_error" || reason === "outage" || reason === "fraud" || reason === "health").map(([a, b]) => [a, b, true] as const),
);

const NEGATION_WINDOW = 4;
/** A negated complaint is faint praise at most: "não é ruim" is about "ok", not "bom". */
const NEGATED_NEGATIVE = 0.3;
const NEUTRAL_BAND = 0.15;
const QUESTION = 0.7;
/** Squashes the summed weights into -1…1; one plain word ("obrigado") lands near 0.45. */
const SQUASH = 1.5;

interface Item {
  start: number;
  end: number;
  /** where the cue text starts: the negator when negated */
  quoteFrom: number;
  weight: number;
  entry: LexiconEntry;
  laughter: boolean;
  sarcasticOpener: boolean;
  sentence: number;
}

function negates(term: Term, language: InsightLanguage | null | undefined): boolean {
  if (term.token.kind !== "word") return false;
  const n = term.token.norm.replace(/'/g, "");
  if (NEGATORS_NOT_PT.has(n)) return language !== "pt";
  if (term.forms.includes("nao")) return true;
  // Any English contraction ("shouldn't", "mustn't"); the list covers them typed without the apostrophe.
  return NEGATORS.has(n) || term.token.norm.endsWith("n't");
}

function isContrast(term: Term): boolean {
  if (term.token.kind !== "word" || !CONTRASTS.has(term.token.norm)) return false;
  // Spanish "más" (more) folds to the Portuguese "mas" (but).
  return term.token.raw.toLowerCase() !== "más";
}

export function analyseSentiment(text: string, language?: InsightLanguage | null): Sentiment {
  const terms = toTerms(text, language);
  const items: Item[] = [];
  let negator = -1;
  let negationLeft = 0;
  let pending = 1;
  let pendingLeft = 0;
  let sentence = 0;
  let sentenceStartItem = 0;
  let contrastBoost = 1;
  let wordsSeen = 0;
  let wishLeft = 0;
  const sentenceEmphasis: number[] = [1];

  for (let i = 0; i < terms.length; ) {
    const term = terms[i]!;
    const { kind, norm } = term.token;
    if (kind === "punct") {
      if (/[.!?;…]/.test(norm)) {
        if (/!{2,}/.test(norm) || (norm.includes("!") && norm.includes("?"))) sentenceEmphasis[sentence] = 1.3;
        // A plain question mostly asks ("is there a problem with my order?"); it complains less.
        else if (norm === "?") sentenceEmphasis[sentence] = QUESTION;
        if (/\?{3,}/.test(norm)) items.push(markItem(i, i + 1, -0.5, sentence));
        sentence++;
        sentenceEmphasis[sentence] = 1;
        sentenceStartItem = items.length;
        contrastBoost = 1;
      }
      negationLeft = 0;
      pendingLeft = 0;
      wishLeft = 0;
      i++;
      continue;
    }
    if (kind === "word" && isContrast(term)) {
      for (let k = sentenceStartItem; k < items.length; k++) items[k]!.weight *= 0.6;
      contrastBoost = 1.4;
      negationLeft = 0;
      i++;
      continue;
    }
    const hit = LEXICON.longestAt(terms, i) ?? COMPLAINTS.longestAt(terms, i);
    if (hit) {
      const entry = hit.pattern.value;
      // "se não resolverem eu cancelo": a threat under a condition stays a threat.
      const negated = negationLeft > 0 && !(entry === THREAT && conditionalBefore(terms, negator));
      let weight = negated ? (entry.negated ?? (entry.weight > 0 ? -0.9 * entry.weight : -NEGATED_NEGATIVE * entry.weight)) : entry.weight;
      if (pendingLeft > 0) weight *= pending;
      if (wishLeft > 0 && weight > 0) weight = 0;
      for (let k = i; k < hit.end; k++) if (terms[k]!.token.shouted) weight *= 1.5;
      let end = hit.end;
      const post = POST.longestAt(terms, end);
      if (post && weight !== 0) {
        weight *= post.pattern.value;
        end = post.end;
      }
      weight *= contrastBoost;
      const laughter = false;
      items.push({
        start: i, end, quoteFrom: negated ? negator : i, weight, entry, laughter,
        sarcasticOpener: !negated && entry.weight > 0 && wordsSeen < 3 && isSarcasticOpener(term.forms.at(-1) ?? norm),
        sentence,
      });
      if (weight !== 0) negationLeft = 0;
      pendingLeft = 0;
      wordsSeen += end - i;
      i = end;
      continue;
    }
    if (kind === "word" && isLaughter(norm)) {
      items.push({ ...markItem(i, i + 1, laughterWeight(norm), sentence), laughter: true });
      wordsSeen++;
      i++;
      continue;
    }
    if (kind === "word" && term.forms.some((f) => WISHES.has(f))) wishLeft = NEGATION_WINDOW + 1;
    if (negates(term, language)) {
      negator = i;
      negationLeft = NEGATION_WINDOW + 1;
    }
    const mod = MODIFIERS.longestAt(terms, i);
    if (mod) {
      pending = mod.pattern.value.factor;
      pendingLeft = 3;
    }
    if (kind === "word") {
      wordsSeen++;
      negationLeft = Math.max(0, negationLeft - 1);
      pendingLeft = Math.max(0, pendingLeft - 1);
      wishLeft = Math.max(0, wishLeft - 1);
    }
    i = mod ? mod.end : i + 1;
  }

  // A two-part report ("meu salário ... sumiu") complains once, unless a cue already covers it.
  const pair = COMPLAINT_PAIRS.findAll(terms)[0];
  const from = pair ? Math.max(0, pair.start - NEGATION_WINDOW, pair.second.end <= pair.start ? pair.second.end : 0) : 0;
  const wished = pair && terms.slice(from, pair.start).some((t) => negates(t, language));
  if (pair && !wished && !items.some((it) => it.weight < 0 && it.start <= pair.start && pair.start < it.end)) {
    const at = terms.slice(0, pair.start).filter((t) => t.token.kind === "punct" && /[.!?;…]/.test(t.token.norm)).length;
    items.push(markItem(pair.start, pair.end, COMPLAINT.weight, at));
  }
  const asking = askingSentences(terms, sentenceEmphasis);
  for (const item of items) {
    item.weight *= sentenceEmphasis[item.sentence] ?? 1;
    // A question about a topic names it without suffering it: "o seguro cobre roubo?"
    if (asking.has(item.sentence) && item.weight < 0 && item.entry.weight >= -TOPIC_WEIGHT) item.weight *= ASKED_TOPIC;
  }
  applySarcasm(items, terms);
  const rest = items.filter((it) => !it.laughter).reduce((s, it) => s + it.weight, 0);
  if (rest < 0) for (const it of items) if (it.laughter) it.weight = 0;

  const total = items.reduce((s, it) => s + it.weight, 0);
  const score = total / (Math.abs(total) + SQUASH);
  const label: SentimentLabel = score > NEUTRAL_BAND ? "positive" : score < -NEUTRAL_BAND ? "negative" : "neutral";
  const cues = items
    .filter((it) => Math.abs(it.weight) >= 0.05)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 5)
    .map((it) => ({ text: quote(text, terms, it), weight: round(it.weight) }));
  return { label, score: round(score), cues };
}

/** Openers of a question that asks for information, not about a wrong ("why", "where's my" complain). */
const INFO_OPENERS = new Set([
  "como", "qual", "quais", "quanto", "quanta", "quantos", "quantas", "quando", "posso", "podemos", "existe", "existem",
  "how", "what", "what's", "whats", "which", "when", "is", "are", "does", "do", "can", "could", "cual", "cuanto", "cuanta",
  "cuantos", "cuando", "puedo", "hay", "tienen", "aceitam", "aceptan", "tem", "vcs", "voces",
]);
const INFO_VERBS = new Set(["cobre", "covers", "cover", "cubre", "inclui", "includes", "include", "incluye"]);
const ASKED_TOPIC = 0.25;
const TOPIC_WEIGHT = 1.5;

/** Sentences that are plain questions asking for information: opening with a question word, or about coverage. */
function askingSentences(terms: readonly Term[], emphasis: readonly number[]): Set<number> {
  const out = new Set<number>();
  let sentence = 0;
  let words = 0;
  for (const t of terms) {
    if (t.token.kind === "punct" && /[.!?;…]/.test(t.token.norm)) {
      sentence++;
      words = 0;
      continue;
    }
    if (t.token.kind !== "word" || emphasis[sentence] !== QUESTION) continue;
    words++;
    if ((words <= 2 && INFO_OPENERS.has(t.token.norm)) || INFO_VERBS.has(t.token.norm)) out.add(sentence);
  }
  return out;
}

const CONDITIONALS = new Set(["se", "if", "si", "unless", "caso"]);

/** Whether the clause holding terms[k] opens with a condition before it. */
function conditionalBefore(terms: readonly Term[], k: number): boolean {
  for (let j = k - 1; j >= 0 && terms[j]!.token.kind !== "punct"; j--) if (CONDITIONALS.has(terms[j]!.token.norm)) return true;
  return false;
}

function markItem(start: number, end: number, weight: number, sentence: number): Item {
  return { start, end, quoteFrom: start, weight, entry: { weight }, laughter: false, sarcasticOpener: false, sentence };
}

/**
 * Irony is read only where it is clear: an eye-roll turns every compliment around; a
 * compliment opening the message ("ótimo, ...", "great, another ...", "parabéns pelo ...") or
 * standing alone as a sentence ("Impressive.") turns around when the rest complains.
 */
function applySarcasm(items: Item[], terms: readonly Term[]): void {
  const eyeRoll = terms.some((t) => t.token.norm === "🙄" || t.token.norm === "🙃");
  const complaint = items.some((it) => it.weight < 0 && !it.laughter);
  if (!eyeRoll && !complaint) return;
  const sentenceWords = new Map<number, number>();
  let s = 0;
  for (const t of terms) {
    if (t.token.kind === "punct" && /[.!?;…]/.test(t.token.norm)) s++;
    else if (t.token.kind === "word") sentenceWords.set(s, (sentenceWords.get(s) ?? 0) + 1);
  }
  for (const it of items) {
    if (it.weight <= 0 || it.laughter) continue;
    const alone = (sentenceWords.get(it.sentence) ?? 0) <= 2 && it.sentence > 0 && isSarcasticOpener(terms[it.start]!.token.norm);
    if (eyeRoll || it.sarcasticOpener || alone) it.weight = -Math.abs(it.weight);
  }
}

function quote(text: string, terms: readonly Term[], it: Item): string {
  const from = terms[it.quoteFrom] ?? terms[it.start]!;
  const to = terms[it.end - 1] ?? terms[it.start]!;
  return text.slice(from.token.start, to.token.end);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
