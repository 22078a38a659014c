import { detectAll } from "tinyld/light";
import { LANGUAGE_CUES } from "./language-cues.ts";
import { tokenize } from "./tokenize.ts";

export type InsightLanguage = "pt" | "en" | "es";
export interface LanguageGuess {
  language: InsightLanguage | null;
  /** false for short or mixed text */
  confident: boolean;
}

const LANGUAGES: readonly InsightLanguage[] = ["pt", "en", "es"];

const CUE_INDEX: ReadonlyMap<string, readonly InsightLanguage[]> = (() => {
  const index = new Map<string, InsightLanguage[]>();
  for (const lang of LANGUAGES) for (const w of LANGUAGE_CUES[lang]) index.set(w, [...(index.get(w) ?? []), lang]);
  return index;
})();

// Below five words n-grams are unreliable (the dev set's misses were all short slang), so the
// word vote decides there; above it tinyld decides unless it hesitates between our three.
const SHORT_WORDS = 5;
const TINYLD_SURE = 0.5;
/** tinyld's weight as a tie-breaker: its scores, renormalised, are at most 1 apart. */
const NGRAM_TIE_BREAK = 0.9;

function cueVotes(words: readonly string[]): Record<InsightLanguage, number> {
  const votes: Record<InsightLanguage, number> = { pt: 0, en: 0, es: 0 };
  for (const w of words) {
    const langs = CUE_INDEX.get(w) ?? CUE_INDEX.get(w.replace(/(\p{L})\1+/gu, "$1$1"));
    // A word two languages share says less than one only a single language uses.
    if (langs) for (const l of langs) votes[l] += 1 / langs.length;
    if (/^k{3,}$/.test(w) || /^(?:rs){2,}$/.test(w)) votes.pt += 1;
    else if (/^(?:ja){2,}j?$/.test(w) || /^(?:je){2,}$/.test(w)) votes.es += 1;
    else if (/^(?:ha){2,}h?$/.test(w)) votes.en += 0.5;
  }
  return votes;
}

/** tinyld's scores restricted to our three languages, renormalised. */
function ngramScores(text: string): Record<InsightLanguage, number> {
  const scores: Record<InsightLanguage, number> = { pt: 0, en: 0, es: 0 };
  let total = 0;
  for (const { lang, accuracy } of detectAll(text)) {
    if (lang === "pt" || lang === "en" || lang === "es") {
      scores[lang] = accuracy;
      total += accuracy;
    }
  }
  if (total > 0) for (const l of LANGUAGES) scores[l] /= total;
  return scores;
}

function best(scores: Record<InsightLanguage, number>): { language: InsightLanguage | null; margin: number; top: number } {
  const sorted = [...LANGUAGES].sort((a, b) => scores[b] - scores[a]);
  const [first, second] = [scores[sorted[0]!], scores[sorted[1]!]];
  if (first <= 0) return { language: null, margin: 0, top: 0 };
  return { language: sorted[0]!, margin: first - second, top: first };
}

export function detectLanguage(text: string): LanguageGuess {
  const words = tokenize(text).filter((t) => t.kind === "word").map((t) => t.norm);
  if (words.length === 0) return { language: null, confident: false };
  const votes = cueVotes(words);
  const vote = best(votes);
  // A short message whose cue words already lead by more than tinyld could add (0.9, below)
  // needs no n-grams: the answer is the same, without tinyld's cost.
  if (words.length < SHORT_WORDS && vote.margin > NGRAM_TIE_BREAK) return { language: vote.language, confident: false };
  const ngram = ngramScores(text);
  const gram = best(ngram);
  if (words.length >= SHORT_WORDS && gram.language && gram.top >= TINYLD_SURE) {
    const agrees = vote.language === null || vote.language === gram.language;
    return { language: gram.language, confident: agrees || gram.margin > 0.6 };
  }
  // Short or hesitant: the vote, with tinyld as a tie-breaker worth less than one cue word.
  const combined: Record<InsightLanguage, number> = { pt: 0, en: 0, es: 0 };
  for (const l of LANGUAGES) combined[l] = votes[l] + NGRAM_TIE_BREAK * ngram[l];
  const pick = best(combined);
  return { language: pick.language, confident: words.length >= SHORT_WORDS && pick.margin >= 1 };
}
