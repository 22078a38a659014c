import safeRegex from "safe-regex2";
import { schemaMessage } from "../api/schema-messages.ts";

/**
 * Patterns admins write in routing rules ("message text matches"). A rule runs on every customer
 * message, so one pattern that backtracks exponentially would stall the server for everyone.
 * JavaScript's engine has no time limit, so a pattern is accepted only when it cannot do that:
 * - short (PATTERN_MAX_CHARS), and compiled case-insensitively in Unicode mode;
 * - no repetition inside a repetition (`(a+)+`) and few repetitions in all (safe-regex2);
 * - no repeated group with alternatives (`(a|ab)*`: the case safe-regex2 does not see);
 * - no back-references (`(a)\1`), which no automaton can match in linear time.
 * Matching also reads only the first MATCH_TEXT_MAX_CHARS of a message, which bounds what is left.
 */

export const PATTERN_MAX_CHARS = 200;
export const MATCH_TEXT_MAX_CHARS = 2000;

export type PatternProblem = "empty" | "too_long" | "invalid" | "backreference" | "nested_repetition" | "repeated_alternatives";


/** Why a pattern is refused, in words for the admin ("The pattern … is empty"); the PWA words it again from its key. */
export function patternWords(pattern: string, problem: PatternProblem): string {
  return schemaMessage(`pattern_${problem}`, { pattern: pattern.slice(0, 60), n: PATTERN_MAX_CHARS });
}

/** What is wrong with a pattern, or null when it is safe to run on every message. */
export function patternProblem(pattern: string): PatternProblem | null {
  if (pattern.trim().length === 0) return "empty";
  if (pattern.length > PATTERN_MAX_CHARS) return "too_long";
  try {
    new RegExp(pattern, "iu");
  } catch {
    return "invalid";
  }
  const shape = scan(pattern);
  if (shape.backreference) return "backreference";
  if (shape.repeatedAlternatives) return "repeated_alternatives";
  if (!safeRegex(pattern)) return "nested_repetition";
  return null;
}

const compiled = new Map<string, RegExp | null>();

/** The pattern compiled for matching (case-insensitive), or null when it is not safe; memoised. */
export function compilePattern(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = patternProblem(pattern) === null ? new RegExp(pattern, "iu") : null;
    // Bounded: rules change rarely, but a long-lived server should not grow without limit.
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/**
 * One pass over the pattern's source: escapes are skipped (so `\\1` is a backslash and a one),
 * character classes are skipped, and each group remembers whether it holds a `|` of its own.
 */
function scan(pattern: string): { backreference: boolean; repeatedAlternatives: boolean } {
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1] ?? "";
      if (!inClass && (/[1-9]/.test(next) || next === "k")) return { backreference: true, repeatedAlternatives: false };
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") groups.push(false);
    else if (ch === "|" && groups.length > 0) groups[groups.length - 1] = true;
    else if (ch === ")") {
      const hadAlternatives = groups.pop() ?? false;
      if (hadAlternatives && repeats(pattern, i + 1)) return { backreference: false, repeatedAlternatives: true };
    }
  }
  return { backreference: false, repeatedAlternatives: false };
}

/** A quantifier that can match more than once starts at `at`: `*`, `+`, `{2}`, `{1,}`, `{0,3}`. */
function repeats(pattern: string, at: number): boolean {
  const q = pattern[at];
  if (q === "*" || q === "+") return true;
  if (q !== "{") return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
  if (!m) return false;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
  return max > 1;
}
