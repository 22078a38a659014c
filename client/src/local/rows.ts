/**
 * What the local database stores: the contract's objects plus the few derived fields its
 * indexes need. Pure, so it is unit-tested in node.
 *
 * The database belongs to one user (it is named after them), so "mine" can be precomputed:
 * `a` is the assignee id ("" when unassigned) and `u` is 1 for the Unassigned tab's rows.
 * Every tab is then one range of one compound index, already in time order.
 */
import type { Command, Contact, Conversation, Inbox, Message } from "@inbox/shared";
import { contactWords, contentText, tokenize } from "./search-tokens.ts";

export type ConversationRow = Conversation & {
  /** Assignee id, "" for nobody (IndexedDB can't index null). */
  a: string;
  /** 1 when the row belongs in the Unassigned tab (nobody assigned, not resolved). */
  u: 0 | 1;
  words: string[];
};
export type MessageRow = Message & { words: string[] };
export type ContactRow = Contact & { words: string[] };
export type InboxRow = Inbox;

/**
 * One action of the agent waiting for the server. `queued`: not answered yet (also while a
 * request is in flight; a crash mid-request simply sends it again, the server dedupes by
 * clientId). `done`: the server accepted a reply but its copy of the message has not reached
 * this device yet; the timeline keeps showing the reply until it has.
 */
export type OutboxState = "queued" | "done";
export interface OutboxRow {
  /** Auto-increment: the order the agent did things in. */
  seq?: number;
  clientId: string;
  conversationId: string;
  command: Command;
  state: OutboxState;
  createdAt: number;
}

export interface KvRow {
  key: string;
  value: unknown;
}

/** A conversation whose work document (notes, draft, labels) is kept in y-indexeddb. */
export interface WorkDocRow {
  conversationId: string;
  usedAt: number;
}

export function conversationRow(c: Conversation): ConversationRow {
  return {
    ...stripConversation(c),
    a: c.assigneeId ?? "",
    u: c.assigneeId === null && c.status !== "resolved" ? 1 : 0,
    words: tokenize([c.contactName, ...c.labels].join(" ")),
  };
}

export function messageRow(m: Message): MessageRow {
  return { ...stripMessage(m), words: tokenize(contentText(m.content)) };
}

export function contactRow(c: Contact): ContactRow {
  return { ...c, words: contactWords(c) };
}

/** A conversation without the row's index fields (what the UI and commands work with). */
export function stripConversation(c: Conversation): Conversation {
  const { a: _a, u: _u, words: _w, ...rest } = c as Partial<ConversationRow> & Conversation;
  return rest;
}

export function stripMessage(m: Message): Message {
  const { words: _w, ...rest } = m as Partial<MessageRow> & Message;
  return rest;
}

export function stripContact(c: Contact): Contact {
  const { words: _w, ...rest } = c as Partial<ContactRow> & Contact;
  return rest;
}
