/**
 * Offline full-text search over what this device has seen: messages, contacts and the
 * conversations' names and labels, through the multiEntry `words` indexes. Each query word
 * matches as a prefix; a conversation is a result when every word matches something in it.
 *
 * A common word ("hello") can match far more rows than are worth reading, so each word reads
 * at most PER_WORD rows. Words whose hits were cut short are not intersected (that would drop
 * real matches); instead the candidates from the complete words are checked against them one
 * conversation at a time.
 */
import type { Conversation } from "@inbox/shared";
import Dexie from "dexie";
import type { LocalDb } from "./db.ts";
import { stripConversation } from "./rows.ts";
import { contentText, queryTokens } from "./search-tokens.ts";

/** Per query word, at most this many rows of each kind are read. */
const PER_WORD = 2_000;
/** At most this many candidate conversations are checked one by one. */
const MAX_VERIFY = 300;

export interface SearchResult {
  conversation: Conversation;
  /** The newest matching message's text, when the match is in a message. */
  snippet: string | null;
}

type Snippet = { createdAt: number; text: string } | null;

export interface WordHits {
  /** Conversation id → newest matching message, or null for a name/label/contact match. */
  conversations: Map<string, Snippet>;
  /** Some rows were not read: a conversation missing here may still match. */
  truncated?: boolean;
}

/** Conversations that match every word; the snippet is the newest message hit among them. */
export function intersectHits(perWord: readonly WordHits[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (perWord.length === 0) return out;
  const [first, ...rest] = perWord;
  for (const [id] of first!.conversations) {
    if (!rest.every((w) => w.conversations.has(id))) continue;
    let best: Snippet = null;
    for (const w of perWord) {
      const hit = w.conversations.get(id) ?? null;
      if (hit && (!best || hit.createdAt > best.createdAt)) best = hit;
    }
    out.set(id, best?.text ?? null);
  }
  return out;
}

/**
 * Which conversations to consider and which words still need checking: the complete words are
 * intersected; if every word was cut short, the smallest one leads and the others are checked.
 */
export function planSearch(perWord: readonly WordHits[]): { candidates: Map<string, string | null>; check: number[] } {
  const complete = perWord.map((w, i) => [w, i] as const).filter(([w]) => !w.truncated);
  if (complete.length > 0) {
    return {
      candidates: intersectHits(complete.map(([w]) => w)),
      check: perWord.map((w, i) => (w.truncated ? i : -1)).filter((i) => i >= 0),
    };
  }
  let lead = 0;
  perWord.forEach((w, i) => {
    if (w.conversations.size < perWord[lead]!.conversations.size) lead = i;
  });
  return {
    candidates: intersectHits([perWord[lead]!]),
    check: perWord.map((_, i) => i).filter((i) => i !== lead),
  };
}

async function hitsFor(db: LocalDb, word: string): Promise<WordHits> {
  const conversations = new Map<string, Snippet>();
  const [messages, convIds, contactIds] = await Promise.all([
    db.messages.where("words").startsWith(word).limit(PER_WORD).toArray(),
    db.conversations.where("words").startsWith(word).limit(PER_WORD).primaryKeys(),
    db.contacts.where("words").startsWith(word).limit(PER_WORD).primaryKeys(),
  ]);
  for (const id of convIds) conversations.set(id, null);
  if (contactIds.length > 0) {
    const ofContacts = await db.conversations.where("contactId").anyOf(contactIds).primaryKeys();
    for (const id of ofContacts) conversations.set(id, null);
  }
  for (const m of messages) {
    const prev = conversations.get(m.conversationId);
    if (!prev || m.createdAt > prev.createdAt) {
      conversations.set(m.conversationId, { createdAt: m.createdAt, text: contentText(m.content) });
    }
  }
  const truncated = messages.length === PER_WORD || convIds.length === PER_WORD || contactIds.length === PER_WORD;
  return { conversations, truncated };
}

/** Does this word match something in the conversation (name, labels, contact, a message)? */
async function conversationHas(db: LocalDb, conversationId: string, contactId: string, word: string, rowWords: readonly string[]): Promise<Snippet | false> {
  if (rowWords.some((w) => w.startsWith(word))) return null;
  const contact = await db.contacts.get(contactId);
  if (contact?.words.some((w) => w.startsWith(word))) return null;
  const messages = await db.messages
    .where("[conversationId+position]")
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .reverse()
    .filter((m) => m.words.some((w) => w.startsWith(word)))
    .first();
  return messages ? { createdAt: messages.createdAt, text: contentText(messages.content) } : false;
}

export async function searchLocal(db: LocalDb, query: string, limit = 50): Promise<SearchResult[]> {
  const words = queryTokens(query);
  if (words.length === 0) return [];
  const perWord = await Promise.all(words.map((w) => hitsFor(db, w)));
  const { candidates, check } = planSearch(perWord);
  if (candidates.size === 0) return [];
  const rows = (await db.conversations.bulkGet([...candidates.keys()])).filter((r) => r !== undefined);
  rows.sort((a, b) => b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : 1));
  const out: SearchResult[] = [];
  for (const row of check.length > 0 ? rows.slice(0, MAX_VERIFY) : rows) {
    if (out.length >= limit) break;
    let snippet = candidates.get(row.id) ?? null;
    let ok = true;
    for (const i of check) {
      const known = perWord[i]!.conversations.get(row.id);
      if (known !== undefined) continue;
      const hit = await conversationHas(db, row.id, row.contactId, words[i]!, row.words);
      if (hit === false) {
        ok = false;
        break;
      }
      if (hit && !snippet) snippet = hit.text;
    }
    if (ok) out.push({ conversation: stripConversation(row), snippet });
  }
  return out;
}
