import { fold } from "./normalise.ts";

/**
 * A message cut into the pieces the analysers read. Words keep their folded form and whether
 * they were shouted; emoji and emoticons are tokens of their own; sentence punctuation is kept
 * because it bounds negation scope and carries emphasis ("!!!", "???").
 */
export type TokenKind = "word" | "emoji" | "emoticon" | "punct" | "number" | "quote";

export interface Token {
  kind: TokenKind;
  /** Folded text (lowercase, no diacritics); emoji without variation selectors. */
  norm: string;
  /** As written, for explanations. */
  raw: string;
  /** All capitals, three letters or more ("NUNCA"): emphasis. */
  shouted: boolean;
  /** Offset of `raw` in the text, so explanations can quote the customer's own words. */
  start: number;
  end: number;
}

// Emoticons before words so ":(" is not read as punctuation; emoji as one pictographic cluster
// (ZWJ sequences and skin tones included); apostrophes inside words ("don't", "neighbor's").
// An emoticon must not run into a letter, digit or slash, or "https://x" would read as ":/" and
// "obs:Pedido" as ":P"; "8)" is left out because "item 8)" is a list, not a smiley. Ordinals
// keep "3º"/"3rd" together; a number glued to letters ("2x") leaves them to the word rule
// instead of vanishing. No alternative nests a quantifier inside another over the same
// characters, so matching stays linear on long messages.
const TOKEN = new RegExp(
  [
    String.raw`(?<emoticon>(?:[:;=][\-'^]?[()\[\]DPpOo3|\\/*]+|<3|\)\)+|\(\(+|(?<![\p{L}\d])xD+)(?![\p{L}\d/]))`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{EMod})*)`,
    String.raw`(?<number>\d+(?:[.,:]\d+)*(?:(?:st|nd|rd|th|a|o)(?![\p{L}])|[ªº])?)`,
    String.raw`(?<word>[\p{L}][\p{L}\p{M}'’]*[\p{L}]|\p{L})`,
    String.raw`(?<quote>["“”'‘’«»])`,
    String.raw`(?<punct>[!?.,;:¿¡…]+)`,
  ].join("|"),
  "gu",
);

// The last text's tokens: one message is read by language, then by sentiment and urgency.
// Callers only read tokens, so the same array can be handed out again.
let lastText: string | null = null;
let lastTokens: Token[] = [];

export function tokenize(text: string): Token[] {
  if (text === lastText) return lastTokens;
  lastTokens = cut(text);
  lastText = text;
  return lastTokens;
}

function cut(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const groups = m.groups ?? {};
    const raw = m[0];
    const kind = (Object.keys(groups) as TokenKind[]).find((k) => groups[k] !== undefined) ?? "punct";
    const norm = kind === "emoji" ? raw.replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, "") : fold(raw).replace(/’/g, "'");
    const shouted = kind === "word" && raw.length >= 3 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
    const start = m.index ?? 0;
    tokens.push({ kind, norm, raw, shouted, start, end: start + raw.length });
  }
  return tokens;
}
