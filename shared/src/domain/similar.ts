/**
 * Full-text ranking for AI assistance that works offline (issue 15): resolved conversations
 * like the open one, and canned responses / articles for the latest customer message. The
 * ranking itself is MiniSearch's BM25+ (it runs in the browser, on Node and in Workers alike);
 * this file only decides what is indexed and asked, so the server and the device agree.
 */
import MiniSearch, { type Options, type SearchOptions } from "minisearch";

/** How many of the latest customer messages make the question (older ones drift off topic). */
export const QUERY_MESSAGES = 3;
/** Longest question asked: a pasted log must not turn into thousands of OR terms. */
export const QUERY_MAX_CHARS = 1_000;

// Words too common to say what a chat is about (English and Brazilian Portuguese, folded).
// BM25 already weighs them down; dropping them keeps a chat that shares only "the" and "my" out.
const STOP_WORDS = new Set(
  (
    "the a an and or but of to in on at for from with by is are was were be been am it its this that these those " +
    "i me my we our you your he she they them their there here what which who how when where why can could would " +
    "will do does did not no yes hi hello hey please thanks thank just still yet have has had get got so if as " +
    "o a os as um uma uns umas e ou mas de do da dos das em no na nos nas por para com sem que se eu me meu minha " +
    "voce voces ele ela eles elas nao sim oi ola obrigado obrigada por favor ja ainda tem ter foi ser esta estou isso " +
    "isto aqui como quando onde qual quem pra pro mais muito"
  ).split(" "),
);

/** Lowercase without diacritics ("Não" → "nao"), stop words and single letters dropped. */
export function searchTerm(term: string): string | null {
  const folded = term.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  return folded.length < 2 || STOP_WORDS.has(folded) ? null : folded;
}

const SEARCH: SearchOptions = { combineWith: "OR", fuzzy: 0.2, prefix: (term) => term.length >= 4 };

/** MiniSearch options both sides use: the same terms on the way in and in the question. */
export function rankingOptions<T>(fields: string[], storeFields: string[] = []): Options<T> {
  return { fields, storeFields, idField: "id", processTerm: searchTerm, searchOptions: SEARCH };
}

interface Said {
  senderKind: string;
  text: string;
}

/**
 * The question for "what is this chat about": the latest customer messages, newest last,
 * bounded. Agents' words are left out: greetings and canned phrases would match everything.
 */
export function queryFromMessages(messages: readonly Said[], count = QUERY_MESSAGES): string {
  const said = messages.filter((m) => m.senderKind === "customer" && m.text.trim() !== "").slice(-count);
  return said
    .map((m) => m.text.trim())
    .join("\n")
    .slice(-QUERY_MAX_CHARS);
}

/** One resolved conversation as indexed: what its customer wrote. */
export interface SimilarDoc {
  id: string;
  text: string;
}

export type SimilarIndex = MiniSearch<SimilarDoc>;

export function buildSimilarIndex(docs: Iterable<SimilarDoc>): SimilarIndex {
  const index = new MiniSearch<SimilarDoc>(rankingOptions(["text"]));
  for (const doc of docs) if (doc.text.trim() !== "") index.add(doc);
  return index;
}

/**
 * Hits scoring under this share of the best one matched on a stray word ("link", "order") rather
 * than the same problem; showing them would bury the useful ones.
 */
export const MIN_SHARE_OF_BEST = 0.25;

/** The hits worth showing, best first (MiniSearch returns them sorted by score). */
export function strongHits<H extends { score: number }>(hits: readonly H[]): H[] {
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * MIN_SHARE_OF_BEST);
}

export interface Ranked {
  id: string;
  score: number;
}

/**
 * The best matches for `query`, never the open conversation itself, and only those `accept`
 * lets through (the caller's visibility rule), so a hidden chat never takes a result's place.
 */
export function rankSimilar(
  index: SimilarIndex,
  query: string,
  opts: { exclude: string; limit: number; accept?: (id: string) => boolean },
): Ranked[] {
  if (query.trim() === "") return [];
  const hits = index.search(query, { filter: (r) => r.id !== opts.exclude && (opts.accept?.(String(r.id)) ?? true) });
  return strongHits(hits)
    .slice(0, opts.limit)
    .map((h) => ({ id: String(h.id), score: h.score }));
}

/** The customer's words of a conversation, one document's text (bounded like the question). */
export function documentText(messages: readonly Said[], maxChars = 4_000): string {
  return messages
    .filter((m) => m.senderKind === "customer")
    .map((m) => m.text.trim())
    .filter(Boolean)
    .join("\n")
    .slice(0, maxChars);
}

/** A plain-text excerpt of how a chat was answered: whitespace folded, cut at a word. */
export function excerpt(text: string, maxChars = 240): string {
  const plain = text.replace(/\s+/g, " ").trim();
  if (plain.length <= maxChars) return plain;
  const cut = plain.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
