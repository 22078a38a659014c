import { lookupForms } from "./normalise.ts";
import { tokenize, type Token } from "./tokenize.ts";
import type { InsightLanguage } from "./language.ts";

/**
 * A token with every spelling the lexicons may know it under: as typed, with stretched letters
 * cut, and the standard word for a chat abbreviation ("vc" → "voce"). Lexicons are then written
 * once, in standard spelling, instead of listing each abbreviation beside each rule.
 */
export interface Term {
  token: Token;
  forms: readonly string[];
  /** The first three letters of each form, once each, in order: the pattern indexes' keys. */
  keys: readonly string[];
}

function keysOf(forms: readonly string[]): string[] {
  const keys: string[] = [];
  for (const f of forms) {
    const k = f.slice(0, 3);
    if (!keys.includes(k)) keys.push(k);
  }
  return keys;
}

// Only abbreviations that mean one thing in support chats. "n" (não) and "q" (que) are read
// as such outside English, where "n" is "and" ("rock n roll").
const CHAT: Readonly<Record<string, string>> = {
  vc: "voce", vcs: "voces", voce: "voce", pq: "porque", pk: "porque", xq: "porque", tb: "tambem", tbm: "tambem",
  tmb: "tambien", mto: "muito", mt: "muito", mtt: "muito", blz: "beleza", vlw: "valeu", obg: "obrigado",
  obgd: "obrigado", obgda: "obrigada", brigado: "obrigado", brigada: "obrigada", pfv: "favor", pfvr: "favor",
  pf: "favor", porfa: "favor", pls: "please", plz: "please", plis: "please", thx: "thanks", thnx: "thanks",
  tks: "thanks", ty: "thanks", nd: "nada", td: "tudo", hj: "hoje", dnv: "denovo", cmg: "comigo", msm: "mesmo",
  qdo: "quando", qnd: "quando", ngm: "ninguem", u: "you", ur: "your", r: "are", tbh: "honestly", idk: "dunno",
  ta: "esta", to: "to", tô: "estou", cade: "cade", nao: "nao", ñ: "nao",
  // More of the same, by language: pt, en, es
  nn: "nao", naum: "nao", nunk: "nunca", kd: "cade", agr: "agora", amh: "amanha", vdd: "verdade", dps: "depois",
  tysm: "thanks", tyvm: "thanks", thanx: "thanks", rn: "now", srsly: "seriously", bc: "because", cuz: "because",
  xfa: "favor", xfavor: "favor", grax: "gracias", grasias: "gracias", bn: "bien", toy: "estoy",
  aki: "aqui", trampo: "trabalho", hrs: "hours",
  // English contractions typed without the apostrophe: the lexicons are written with it
  cant: "can't", dont: "don't", didnt: "didn't", doesnt: "doesn't", isnt: "isn't", hasnt: "hasn't", havent: "haven't",
  wasnt: "wasn't", wont: "won't", theres: "there's", im: "i'm", some1: "someone", any1: "anyone", no1: "noone", ive: "i've", youre: "you're",
};
// "d" (de) and "net" (internet) as well; in English "net" is a sum and "d" a letter.
const CHAT_NOT_EN: Readonly<Record<string, string>> = { n: "nao", q: "que", d: "de", net: "internet" };

// The last message's terms: analyseMessage reads one text twice (sentiment, then urgency).
// Callers only read terms, so the same array can be handed out again.
let last: { text: string; language: InsightLanguage | null | undefined; terms: Term[] } | null = null;

export function toTerms(text: string, language: InsightLanguage | null | undefined): Term[] {
  if (last && last.text === text && last.language === language) return last.terms;
  const terms = makeTerms(text, language);
  last = { text, language, terms };
  return terms;
}

function makeTerms(text: string, language: InsightLanguage | null | undefined): Term[] {
  return tokenize(text).map((token) => {
    if (token.kind !== "word") return { token, forms: [token.norm], keys: [token.norm.slice(0, 3)] };
    const forms = lookupForms(token.norm);
    const chat = CHAT[token.norm] ?? (language !== "en" ? CHAT_NOT_EN[token.norm] : undefined);
    if (chat !== undefined && !forms.includes(chat)) forms.push(chat);
    return { token, forms, keys: keysOf(forms) };
  });
}

export function isWord(term: Term | undefined): boolean {
  return term?.token.kind === "word";
}

/** Sentence punctuation ends negation scope and clauses. */
export function isBoundary(term: Term | undefined): boolean {
  return term?.token.kind === "punct";
}
