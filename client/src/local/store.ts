/**
 * Reads and writes of the local database, each one indexed query or one transaction. Every
 * path that learns server data (pull, live rooms, REST detail, command answers) writes through
 * these, so rows always carry their index fields and an own reply's "done" outbox entry goes
 * away as soon as its server copy is stored.
 */
import type { Command, Contact, Conversation, Inbox, ListFilter, Message, SyncPullResponse, User } from "@inbox/shared";
import Dexie from "dexie";
import type { QueuedCommand, ReplayerStore } from "../sync/outbox-replayer.ts";
import { settlePlan } from "../sync/outcomes.ts";
import type { PullStore } from "../sync/pull.ts";
import { applyCommand } from "../state/pending.ts";
import { KV_PULL_CURSOR, KV_USERS, type LocalDb } from "./db.ts";
import { chooseEvictions, evictionOrder, messagesToEvict } from "./eviction.ts";
import { contactRow, conversationRow, messageRow, stripConversation, type ConversationRow, type MessageRow } from "./rows.ts";

const { minKey, maxKey } = Dexie;

export async function putConversations(db: LocalDb, conversations: readonly Conversation[]): Promise<void> {
  if (conversations.length === 0) return;
  await db.conversations.bulkPut(conversations.map(conversationRow));
}

export async function putMessages(db: LocalDb, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return;
  await db.transaction("rw", db.messages, db.outbox, async () => {
    await db.messages.bulkPut(messages.map(messageRow));
    await dropConfirmedReplies(db, messages);
  });
}

export async function putContacts(db: LocalDb, contacts: readonly Contact[]): Promise<void> {
  if (contacts.length === 0) return;
  await db.contacts.bulkPut(contacts.map(contactRow));
}

export async function putInbox(db: LocalDb, inbox: Inbox): Promise<void> {
  await db.inboxes.put(inbox);
}

/** Accepted replies ("done") whose server copy is now stored: nothing left to show them for. */
async function dropConfirmedReplies(db: LocalDb, messages: readonly Message[]): Promise<void> {
  const clientIds = messages.flatMap((m) => (m.clientId ? [m.clientId] : []));
  if (clientIds.length === 0) return;
  await db.outbox
    .where("clientId")
    .anyOf(clientIds)
    .filter((r) => r.state === "done")
    .delete();
}

// ---------- the list ----------

function tabCollection(db: LocalDb, filter: ListFilter, userId: string) {
  if (filter === "mine") {
    return db.conversations.where("[a+lastActivityAt]").between([userId, minKey], [userId, maxKey]);
  }
  if (filter === "unassigned") {
    return db.conversations.where("[u+lastActivityAt]").between([1, minKey], [1, maxKey]);
  }
  return db.conversations.orderBy("lastActivityAt");
}

/** One tab's first `limit` rows, newest activity first: one range of one index. */
export function listPage(db: LocalDb, filter: ListFilter, userId: string, limit: number): Promise<ConversationRow[]> {
  return tabCollection(db, filter, userId).reverse().limit(limit).toArray();
}

export async function countTabs(db: LocalDb, userId: string): Promise<Record<ListFilter, number>> {
  const [mine, unassigned, all] = await Promise.all([
    tabCollection(db, "mine", userId).count(),
    tabCollection(db, "unassigned", userId).count(),
    db.conversations.count(),
  ]);
  return { mine, unassigned, all };
}

export function conversationMessages(db: LocalDb, conversationId: string): Promise<MessageRow[]> {
  return db.messages.where("[conversationId+createdAt]").between([conversationId, minKey], [conversationId, maxKey]).toArray();
}

export function contactConversations(db: LocalDb, contactId: string): Promise<ConversationRow[]> {
  return db.conversations.where("contactId").equals(contactId).toArray();
}

// ---------- outbox ----------

/**
 * Stores one action of the agent for the server and shows its effect at once: the outbox row
 * and the conversation as it will be are written in one transaction.
 */
export async function enqueueCommand(db: LocalDb, command: Command, now = Date.now()): Promise<void> {
  await db.transaction("rw", db.outbox, db.conversations, async () => {
    await db.outbox.add({ clientId: command.clientId, conversationId: command.conversationId, command, state: "queued", createdAt: now });
    const row = await db.conversations.get(command.conversationId);
    if (row) await db.conversations.put(conversationRow(applyCommand(stripConversation(row), command)));
  });
}

export function outboxStore(db: LocalDb): ReplayerStore {
  return {
    async next(limit) {
      const rows = await db.outbox
        .orderBy("seq")
        .filter((r) => r.state === "queued")
        .limit(limit)
        .toArray();
      return rows.map((r): QueuedCommand => ({ seq: r.seq!, command: r.command }));
    },
    async settle(outcomes) {
      const plan = settlePlan(outcomes);
      await db.transaction("rw", db.outbox, db.messages, db.conversations, async () => {
        if (plan.remove.length) await db.outbox.bulkDelete(plan.remove);
        if (plan.messages.length) await db.messages.bulkPut(plan.messages.map(messageRow));
        if (plan.conversations.length) await db.conversations.bulkPut(plan.conversations.map(conversationRow));
        for (const seq of plan.done) {
          const row = await db.outbox.get(seq);
          if (!row) continue;
          // Its server copy may already be here (the live room is often faster than the answer).
          const arrived = await db.messages.where("clientId").equals(row.clientId).count();
          if (arrived > 0) await db.outbox.delete(seq);
          else await db.outbox.update(seq, { state: "done" });
        }
      });
    },
  };
}

// ---------- pull ----------

export function pullStore(db: LocalDb): PullStore {
  return {
    async cursor() {
      const row = await db.kv.get(KV_PULL_CURSOR);
      return typeof row?.value === "string" ? row.value : undefined;
    },
    async savePage(page: SyncPullResponse) {
      // Rows first, cursor last, in one transaction: the cursor never runs ahead of the rows.
      await db.transaction("rw", [db.conversations, db.messages, db.contacts, db.outbox, db.kv], async () => {
        if (page.conversations.length) await db.conversations.bulkPut(page.conversations.map(conversationRow));
        if (page.messages.length) {
          await db.messages.bulkPut(page.messages.map(messageRow));
          await dropConfirmedReplies(db, page.messages);
        }
        if (page.contacts.length) await db.contacts.bulkPut(page.contacts.map(contactRow));
        await db.kv.put({ key: KV_PULL_CURSOR, value: page.cursor });
      });
    },
  };
}

export async function hasPulled(db: LocalDb): Promise<boolean> {
  return (await db.kv.get(KV_PULL_CURSOR)) !== undefined;
}

// ---------- small caches ----------

export async function saveUsers(db: LocalDb, users: readonly User[]): Promise<void> {
  await db.kv.put({ key: KV_USERS, value: users });
}

export async function loadUsers(db: LocalDb): Promise<User[]> {
  const row = await db.kv.get(KV_USERS);
  return Array.isArray(row?.value) ? (row.value as User[]) : [];
}

// ---------- bounds ----------

/**
 * Keeps at most `max` messages: drops whole conversations' messages (and their work documents'
 * registry rows), oldest resolved first. Returns the conversations evicted, so the caller can
 * delete their y-indexeddb databases too. Conversation rows stay: they are small, and the list
 * and search keep knowing the conversation (its messages come back from the server when opened).
 */
export async function evictIfNeeded(db: LocalDb, keep: ReadonlySet<string>, max?: number): Promise<string[]> {
  const excess = messagesToEvict(await db.messages.count(), max);
  if (excess === 0) return [];
  // One key-only pass over the timeline index: each conversation's message ids.
  const byConversation = new Map<string, string[]>();
  await db.messages.orderBy("[conversationId+createdAt]").eachKey((key, cursor) => {
    const conversationId = (key as [string, number])[0];
    let ids = byConversation.get(conversationId);
    if (!ids) byConversation.set(conversationId, (ids = []));
    ids.push(cursor.primaryKey as string);
  });
  const conversations = await db.conversations.toArray();
  const chosen = await chooseEvictions(evictionOrder(conversations, keep), excess, (id) => byConversation.get(id)?.length ?? 0);
  const ids = chosen.flatMap((id) => byConversation.get(id) ?? []);
  await db.transaction("rw", db.messages, db.workDocs, async () => {
    await db.messages.bulkDelete(ids);
    await db.workDocs.bulkDelete(chosen);
  });
  return chosen;
}
