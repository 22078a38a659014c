/**
 * Words for the offline search index. Messages, contacts and conversations store the words of
 * their text in a multiEntry Dexie index; a query matches rows holding a word that starts with
 * each of its words. Pure, so it is unit-tested in node.
 */
import { searchableText } from "@inbox/shared";

/** A row keeps at most this many distinct words, so one huge message can't bloat the index. */
export const MAX_WORDS_PER_ROW = 64;
/** Longer words are cut: nobody types 40 letters to find a message. */
export const MAX_WORD_LENGTH = 32;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lowercase without accents, so "Ação" and "acao" find each other. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(MARKS, "").toLowerCase();
}

/**
 * Distinct words of a text, in order of first appearance. Single letters are dropped (they
 * would match everything); single digits are kept (order numbers, "room 5").
 */
export function tokenize(text: string, max = MAX_WORDS_PER_ROW): string[] {
  const out = new Set<string>();
  for (const m of foldText(text).matchAll(WORD)) {
    const word = m[0];
    if (word.length < 2 && !/\d/.test(word)) continue;
    out.add(word.slice(0, MAX_WORD_LENGTH));
    if (out.size >= max) break;
  }
  return [...out];
}

/** The words of a query, each matched as a prefix; empty when there is nothing to look for. */
export function queryTokens(query: string): string[] {
  return tokenize(query, 8);
}

/** The searchable text of a message, whatever its kind (one definition, shared with the server). */
export const contentText = searchableText;

/** Words of a contact: name, email and phone (also as one run of digits, as people type it). */
export function contactWords(c: { name: string | null; email: string | null; phone: string | null }): string[] {
  const digits = c.phone?.replace(/\D/g, "") ?? "";
  return tokenize([c.name, c.email, c.phone, digits].filter(Boolean).join(" "));
}

/** True when every query word is a prefix of some word of the text (for highlighting and tests). */
export function matchesQuery(text: string, tokens: readonly string[]): boolean {
  const words = tokenize(text, 10_000);
  return tokens.every((t) => words.some((w) => w.startsWith(t)));
}
