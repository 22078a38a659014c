/**
 * The agent's local database (IndexedDB through Dexie): what the inbox shows offline, the
 * outbox of actions waiting for the server, and the pull cursor. One database per user, named
 * after them, so someone else signing in on the same browser never opens it.
 */
import Dexie, { type EntityTable } from "dexie";
import type { ContactRow, ConversationRow, InboxRow, KvRow, MessageRow, OutboxRow, WorkDocRow } from "./rows.ts";

export const DB_PREFIX = "inbox-";

export function localDbName(userId: string): string {
  return `${DB_PREFIX}${userId}`;
}

/** y-indexeddb database of one conversation's work document, also per user. */
export function workDocDbName(userId: string, conversationId: string): string {
  return `${DB_PREFIX}${userId}-work.${conversationId}`;
}

export type LocalDb = Dexie & {
  conversations: EntityTable<ConversationRow, "id">;
  messages: EntityTable<MessageRow, "id">;
  contacts: EntityTable<ContactRow, "id">;
  inboxes: EntityTable<InboxRow, "id">;
  outbox: EntityTable<OutboxRow, "seq">;
  kv: EntityTable<KvRow, "key">;
  workDocs: EntityTable<WorkDocRow, "conversationId">;
};

/**
 * Indexes, each for one query:
 * - conversations: the three tabs newest first ([a+…], [u+…], lastActivityAt), eviction
 *   ([status+lastActivityAt]), a contact's history (contactId), search (*words).
 * - messages: one timeline in arrival order ([conversationId+position]), the server copy of an
 *   own reply (clientId), search (*words).
 */
export const SCHEMA = {
  conversations: "id, lastActivityAt, [a+lastActivityAt], [u+lastActivityAt], [status+lastActivityAt], contactId, *words",
  messages: "id, [conversationId+position], clientId, *words",
  contacts: "id, *words",
  inboxes: "id",
  outbox: "++seq, clientId, conversationId",
  kv: "key",
  workDocs: "conversationId, usedAt",
};

export function openLocalDb(userId: string): LocalDb {
  const db = new Dexie(localDbName(userId)) as LocalDb;
  db.version(1).stores({ ...SCHEMA, messages: "id, [conversationId+createdAt], clientId, *words" });
  // Version 2: timelines in arrival order. Messages stored before have no position until the
  // next pull brings them again (the server's migration re-stamps them all); meanwhile they
  // sort by time, as they did.
  db.version(2)
    .stores(SCHEMA)
    .upgrade((tx) =>
      tx
        .table("messages")
        .toCollection()
        .modify((m: { position?: number }) => {
          if (typeof m.position !== "number") m.position = 0;
        }),
    );
  return db;
}

export const KV_PULL_CURSOR = "pullCursor";
export const KV_USERS = "users";
/** The list tabs' totals (tab-counts.ts), updated with every write of conversation rows. */
export const KV_TAB_TOTALS = "tabTotals";
