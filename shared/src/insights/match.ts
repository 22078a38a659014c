import type { Term } from "./terms.ts";

/**
 * Tiny pattern language for lexicon entries, matched over terms rather than over raw text so no
 * regular expression ever runs on customer input here (nothing can backtrack):
 *   "horri*"       a word starting with "horri" (inflections: horrivel, horrible, horrendo)
 *   "cobrad*|cobrou" either (in a lexicon table, "|" separates whole entries)
 *   "ate,until sexta,friday" per-word alternatives inside one multi-word entry
 *   "~"            up to two words or numbers in between ("charged ~ twice" matches "charged me twice")
 *   "#"            a number of two or more, in digits ("3", "4th", "3ª") or words ("duas",
 *                  "third" is left to entries), so "uma vez"/"one time" never counts as "twice"
 * A prefix entry is used instead of a stemmer library: prefixes over folded text cover pt/en/es
 * inflection at lexicon scale, while stemmers over-merge short chat words ("vc", "pq", "ta").
 */
type Part =
  | { kind: "gap" }
  | { kind: "number" }
  | { kind: "word"; options: readonly { text: string; prefix: boolean }[] };

export interface Pattern<T> {
  source: string;
  parts: readonly Part[];
  value: T;
}

const NUMBER_WORDS = new Set([
  "dois", "duas", "tres", "quatro", "cinco", "seis", "sete", "oito", "dez", "quinze", "vinte", "varias", "muitas",
  "two", "three", "four", "five", "six", "seven", "ten", "several", "many", "dos", "cuatro", "diez", "muchas",
]);

export function compile<T>(source: string, value: T): Pattern<T> {
  const parts: Part[] = source.split(" ").filter(Boolean).map((p): Part => {
    if (p === "~") return { kind: "gap" };
    if (p === "#") return { kind: "number" };
    return {
      kind: "word",
      options: p.split(/[|,]/).map((o) => (o.endsWith("*") ? { text: o.slice(0, -1), prefix: true } : { text: o, prefix: false })),
    };
  });
  return { source, parts, value };
}

function wordMatches(part: Extract<Part, { kind: "word" }>, term: Term): boolean {
  if (term.token.kind !== "word" && term.token.kind !== "emoji" && term.token.kind !== "emoticon") return false;
  for (const form of term.forms) {
    for (const o of part.options) if (o.prefix ? form.startsWith(o.text) : form === o.text) return true;
  }
  return false;
}

function numberMatches(term: Term): boolean {
  if (term.token.kind === "word") return NUMBER_WORDS.has(term.token.norm);
  return term.token.kind === "number" && Number.parseInt(term.token.norm, 10) >= 2;
}

/** End (exclusive) of a match of `parts` starting at terms[i], or -1. Gaps are lazy and bounded. */
export function matchAt(terms: readonly Term[], i: number, parts: readonly Part[], p = 0): number {
  if (p === parts.length) return i;
  const part = parts[p]!;
  if (part.kind === "gap") {
    for (let skip = 0; skip <= 2; skip++) {
      const skipped = terms[i + skip - 1]?.token.kind;
      if (skip > 0 && skipped !== "word" && skipped !== "number") break;
      const end = matchAt(terms, i + skip, parts, p + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  const term = terms[i];
  if (!term) return -1;
  const ok = part.kind === "number" ? numberMatches(term) : wordMatches(part, term);
  return ok ? matchAt(terms, i + 1, parts, p + 1) : -1;
}

/**
 * Patterns indexed by the first three letters of their first word, so each position tries only
 * the few entries that could start there; longest entries first, so phrases win over words.
 */
export class PatternIndex<T> {
  private readonly byKey = new Map<string, Pattern<T>[]>();
  private readonly unkeyed: Pattern<T>[] = [];
  /** Whether every unkeyed entry opens with "#", so a position without a number skips them all. */
  private numbersOnly = true;

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [source, value] of entries) {
      const pattern = compile(source, value);
      const first = pattern.parts[0];
      if (first?.kind !== "word") {
        if (first?.kind !== "number") this.numbersOnly = false;
        this.unkeyed.push(pattern);
        continue;
      }
      for (const o of first.options) {
        const key = o.text.slice(0, 3);
        const list = this.byKey.get(key) ?? [];
        list.push(pattern);
        this.byKey.set(key, list);
      }
    }
    const longestFirst = (a: Pattern<T>, b: Pattern<T>) => b.parts.length - a.parts.length;
    for (const list of this.byKey.values()) list.sort(longestFirst);
    this.unkeyed.sort(longestFirst);
  }

  /** The longest entry matching at terms[i], with its end. */
  longestAt(terms: readonly Term[], i: number): { pattern: Pattern<T>; end: number } | null {
    const term = terms[i];
    if (!term) return null;
    // Hot path (every position of every message, several indexes): no allocation but the result.
    let best = this.unkeyed.length && (!this.numbersOnly || numberMatches(term)) ? scan(this.unkeyed, terms, i, null) : null;
    // Distinct keys are distinct lists: tried in the order of the term's forms, each once.
    for (const key of term.keys) {
      const list = this.byKey.get(key);
      if (list) best = scan(list, terms, i, best);
    }
    return best;
  }

  /** The keys entries are filed under, and whether some entry has none (starts with "#" or "~"). */
  keys(): { keys: Iterable<string>; unkeyed: boolean } {
    return { keys: this.byKey.keys(), unkeyed: this.unkeyed.length > 0 };
  }

  /** Every non-overlapping match, scanning left to right. */
  findAll(terms: readonly Term[]): { pattern: Pattern<T>; start: number; end: number }[] {
    const found: { pattern: Pattern<T>; start: number; end: number }[] = [];
    for (let i = 0; i < terms.length; ) {
      const hit = this.longestAt(terms, i);
      if (hit) {
        found.push({ pattern: hit.pattern, start: i, end: hit.end });
        i = hit.end;
      } else i++;
    }
    return found;
  }
}

/** The longest pattern of a list (sorted longest first) matching at terms[i] that beats `best`. */
function scan<T>(
  list: readonly Pattern<T>[], terms: readonly Term[], i: number, best: { pattern: Pattern<T>; end: number } | null,
): { pattern: Pattern<T>; end: number } | null {
  for (const pattern of list) {
    if (best && pattern.parts.length <= best.pattern.parts.length) break;
    const end = matchAt(terms, i, pattern.parts);
    if (end > i) best = { pattern, end };
  }
  return best;
}

/**
 * Rules that need two things said anywhere in one message, in either order: a charge word and a
 * cancellation ("cobraram a mensalidade que eu já tinha cancelado", "billed for a subscription I
 * cancelled"), money and a vanishing verb ("meu salário sumiu do saldo"). A phrase with a gap
 * only reaches two words; people put a whole clause between the two halves.
 */
export class PairIndex<T> {
  private readonly rules: { first: PatternIndex<true>; second: PatternIndex<true>; value: T }[];
  /** For each key, the rules whose first (0) or second (1) half has an entry filed under it. */
  private readonly byKey: [Map<string, number[]>, Map<string, number[]>] = [new Map(), new Map()];
  /** Rules with an unkeyed entry in that half: always candidates. */
  private readonly always: [number[], number[]] = [[], []];

  constructor(entries: Iterable<readonly [string, string, T]>) {
    const side = (sources: string) => new PatternIndex<true>(splitPhrases(sources).map((s) => [s, true] as const));
    this.rules = [...entries].map(([first, second, value]) => ({ first: side(first), second: side(second), value }));
    this.rules.forEach((rule, r) => {
      [rule.first, rule.second].forEach((half, h) => {
        const { keys, unkeyed } = half.keys();
        if (unkeyed) this.always[h]!.push(r);
        for (const k of keys) {
          const list = this.byKey[h]!.get(k) ?? [];
          list.push(r);
          this.byKey[h]!.set(k, list);
        }
      });
    });
  }

  /** Every rule whose two halves both occur, with where its first half is (for quoting) and its second. */
  findAll(terms: readonly Term[]): { value: T; start: number; end: number; second: { start: number; end: number } }[] {
    const out: { value: T; start: number; end: number; second: { start: number; end: number } }[] = [];
    // Most rules cannot match a given message at all: a rule is tried only when both of its
    // halves have an entry filed under a key of one of the message's terms.
    const candidate = new Uint8Array(this.rules.length);
    for (let h = 0; h < 2; h++) {
      const bit = 1 << h;
      for (const r of this.always[h]!) candidate[r]! |= bit;
      for (const t of terms) for (const k of t.keys) for (const r of this.byKey[h]!.get(k) ?? NONE) candidate[r]! |= bit;
    }
    for (let r = 0; r < this.rules.length; r++) {
      if (candidate[r] !== 3) continue;
      const rule = this.rules[r]!;
      const a = firstHit(rule.first, terms);
      if (!a) continue;
      const b = firstHit(rule.second, terms, a);
      if (b) out.push({ value: rule.value, start: a.start, end: a.end, second: b });
    }
    return out;
  }
}

const NONE: readonly number[] = [];

/** The first match, outside the span `not` (so one word cannot serve as both halves). */
function firstHit(index: PatternIndex<true>, terms: readonly Term[], not?: { start: number; end: number }): { start: number; end: number } | null {
  for (let i = 0; i < terms.length; i++) {
    if (not && i >= not.start && i < not.end) continue;
    const hit = index.longestAt(terms, i);
    if (hit && !(not && hit.end > not.start && i < not.end)) return { start: i, end: hit.end };
  }
  return null;
}

/** Multi-word alternatives become patterns of their own; one-word ones stay together. */
export function splitPhrases(source: string): string[] {
  const words: string[] = [];
  const phrases: string[] = [];
  for (const alt of source.split("|")) (alt.includes(" ") ? phrases : words).push(alt);
  return words.length ? [...phrases, words.join("|")] : phrases;
}
