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
import { applyCommand } from "../sync/pending.ts";
import { KV_PULL_CURSOR, KV_TAB_TOTALS, KV_USERS, type LocalDb } from "./db.ts";
import { chooseEvictions, evictionOrder, messagesToEvict } from "./eviction.ts";
import { contactRow, conversationRow, messageRow, stripConversation, type ConversationRow, type MessageRow } from "./rows.ts";
import { applyWrites, isTabTotals, tabCounts, type TabTotals } from "./tab-counts.ts";
import { noteWrittenRows } from "./written-rows.ts";

const { minKey, maxKey } = Dexie;

/** Stores conversations (one transaction, however many; the last copy of an id wins). */
export async function putConversations(db: LocalDb, conversations: readonly Conversation[]): Promise<void> {
  if (conversations.length === 0) return;
  await db.transaction("rw", db.conversations, db.kv, () => writeConversationRows(db, conversations.map(conversationRow)));
}

/**
 * The one way conversation rows are written: they and the tabs' totals, in the caller's
 * read-write transaction over `conversations` and `kv`. `previous`: the stored rows of the same
 * ids, when the caller already read them.
 */
async function writeConversationRows(
  db: LocalDb,
  rows: readonly ConversationRow[],
  previous?: readonly (ConversationRow | undefined)[],
): Promise<void> {
  if (rows.length === 0) return;
  let unique = rows;
  if (!previous) {
    const byId = new Map<string, ConversationRow>();
    for (const row of rows) byId.set(row.id, row);
    if (byId.size < rows.length) unique = [...byId.values()];
  }
  const [stored, before] = await Promise.all([
    db.kv.get(KV_TAB_TOTALS),
    previous ?? db.conversations.bulkGet(unique.map((r) => r.id)),
  ]);
  const totals = isTabTotals(stored?.value) ? stored.value : await computeTabTotals(db);
  await db.conversations.bulkPut(unique as ConversationRow[]);
  noteWrittenRows(unique);
  const next = applyWrites(totals, before, unique);
  if (next !== totals || stored === undefined) await db.kv.put({ key: KV_TAB_TOTALS, value: next });
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

/**
 * The tabs' counts: one get of the totals every write keeps in step (tab-counts.ts). Only a
 * database written before they existed is counted, until its first write or reconcile.
 */
export async function countTabs(db: LocalDb, userId: string): Promise<Record<ListFilter, number>> {
  const stored = await db.kv.get(KV_TAB_TOTALS);
  return tabCounts(isTabTotals(stored?.value) ? stored.value : await computeTabTotals(db), userId);
}

/** Counts the tabs from the rows (walks their keys: only to start or check the totals). */
async function computeTabTotals(db: LocalDb): Promise<TabTotals> {
  const byAssignee: Record<string, number> = {};
  const [all, unassigned] = await Promise.all([
    db.conversations.count(),
    db.conversations.where("[u+lastActivityAt]").between([1, minKey], [1, maxKey]).count(),
    db.conversations.orderBy("[a+lastActivityAt]").eachKey((key) => {
      const a = (key as [string, number])[0];
      if (a) byAssignee[a] = (byAssignee[a] ?? 0) + 1;
    }),
  ]);
  return { all, unassigned, byAssignee };
}

/**
 * Recounts the totals from the rows and stores them if they differ: a check against drift
 * (e.g. rows written by an older version of the app in another tab), run once in a while.
 */
export async function reconcileTabTotals(db: LocalDb): Promise<void> {
  await db.transaction("rw", db.conversations, db.kv, async () => {
    const [stored, counted] = await Promise.all([db.kv.get(KV_TAB_TOTALS), computeTabTotals(db)]);
    if (isTabTotals(stored?.value) && sameTotals(stored.value, counted)) return;
    await db.kv.put({ key: KV_TAB_TOTALS, value: counted });
  });
}

function sameTotals(a: TabTotals, b: TabTotals): boolean {
  const keys = Object.keys(a.byAssignee);
  return (
    a.all === b.all &&
    a.unassigned === b.unassigned &&
    keys.length === Object.keys(b.byAssignee).length &&
    keys.every((k) => a.byAssignee[k] === b.byAssignee[k])
  );
}

export function conversationMessages(db: LocalDb, conversationId: string): Promise<MessageRow[]> {
  return db.messages.where("[conversationId+position]").between([conversationId, minKey], [conversationId, maxKey]).toArray();
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
  await db.transaction("rw", db.outbox, db.conversations, db.kv, async () => {
    await db.outbox.add({ clientId: command.clientId, conversationId: command.conversationId, command, state: "queued", createdAt: now });
    const row = await db.conversations.get(command.conversationId);
    if (row) await writeConversationRows(db, [conversationRow(applyCommand(stripConversation(row), command))], [row]);
  });
}

/** Several actions (and `alongside`, e.g. a bulk action's record) stored in one transaction: all or none. */
export async function enqueueCommands(db: LocalDb, commands: readonly Command[], alongside?: (db: LocalDb) => Promise<void>, now = Date.now()): Promise<void> {
  await db.transaction("rw", db.outbox, db.conversations, db.kv, async () => {
    await alongside?.(db);
    for (const command of commands) await enqueueCommand(db, command, now);
  });
}

export function outboxStore(db: LocalDb): ReplayerStore {
  return {
    async next(limit, afterSeq) {
      const rows = await (afterSeq === undefined ? db.outbox.orderBy("seq") : db.outbox.where("seq").above(afterSeq))
        .filter((r) => r.state === "queued")
        .limit(limit)
        .toArray();
      return rows.map((r): QueuedCommand => ({ seq: r.seq!, command: r.command }));
    },
    async settle(outcomes) {
      const plan = settlePlan(outcomes);
      // One transaction per answered batch, each store written in bulk.
      await db.transaction("rw", [db.outbox, db.messages, db.conversations, db.kv], async () => {
        if (plan.remove.length) await db.outbox.bulkDelete(plan.remove);
        if (plan.messages.length) await db.messages.bulkPut(plan.messages.map(messageRow));
        await writeConversationRows(db, plan.conversations.map(conversationRow));
        if (plan.done.length === 0) return;
        const rows = (await db.outbox.bulkGet(plan.done)).filter((r) => r !== undefined);
        if (rows.length === 0) return;
        // Their server copies may already be here (the live room is often faster than the answer).
        const arrived = new Set(
          (await db.messages.where("clientId").anyOf(rows.map((r) => r.clientId)).keys()).map(String),
        );
        const gone = rows.filter((r) => arrived.has(r.clientId));
        const waiting = rows.filter((r) => !arrived.has(r.clientId));
        if (gone.length) await db.outbox.bulkDelete(gone.map((r) => r.seq!));
        if (waiting.length) await db.outbox.bulkPut(waiting.map((r) => ({ ...r, state: "done" as const })));
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
      const newlyErased: string[] = [];
      // Rows first, cursor last, in one transaction: the cursor never runs ahead of the rows.
      await db.transaction("rw", [db.conversations, db.messages, db.contacts, db.outbox, db.kv, db.workDocs], async () => {
        await writeConversationRows(db, page.conversations.map(conversationRow));
        if (page.messages.length) {
          await db.messages.bulkPut(page.messages.map(messageRow));
          await dropConfirmedReplies(db, page.messages);
        }
        if (page.contacts.length) {
          const before = await db.contacts.bulkGet(page.contacts.map((c) => c.id));
          page.contacts.forEach((c, i) => {
            if (c.erasedAt !== null && !before[i]?.erasedAt) newlyErased.push(c.id);
          });
          await db.contacts.bulkPut(page.contacts.map(contactRow));
        }
        await dropDeleted(db, page.deleted);
        await db.kv.put({ key: KV_PULL_CURSOR, value: page.cursor });
      });
      return { newlyErased };
    },
  };
}

/**
 * Records the server deleted (retention, erasure) leave this device: a conversation with its
 * messages, the changes still waiting for it (the server would refuse them) and its work
 * document's registry row. The tabs' totals are counted again after conversations go.
 */
async function dropDeleted(db: LocalDb, deleted: SyncPullResponse["deleted"]): Promise<void> {
  const ids = deleted.conversations;
  if (ids.length) {
    for (const id of ids) await db.messages.where("[conversationId+position]").between([id, minKey], [id, maxKey]).delete();
    await db.outbox.where("conversationId").anyOf(ids).delete();
    await db.workDocs.bulkDelete(ids);
    await db.conversations.bulkDelete(ids);
    noteWrittenRows([], ids);
    await db.kv.put({ key: KV_TAB_TOTALS, value: await computeTabTotals(db) });
  }
  if (deleted.messages.length) await db.messages.bulkDelete(deleted.messages);
  if (deleted.contacts.length) await db.contacts.bulkDelete(deleted.contacts);
}

/**
 * A narrow role's list room holds every chat the person may see: a cached one it lacks was
 * reassigned away (or its role narrowed), so it leaves the device with its messages and work
 * document. Changes still waiting for it stay in the outbox: the server answers them in words.
 */
export async function dropConversationsNotIn(db: LocalDb, keep: ReadonlySet<string>): Promise<number> {
  const gone = (await db.conversations.toCollection().primaryKeys()).filter((id) => !keep.has(id));
  if (gone.length === 0) return 0;
  for (const id of gone) await db.messages.where("[conversationId+position]").between([id, minKey], [id, maxKey]).delete();
  await db.workDocs.bulkDelete(gone);
  await db.conversations.bulkDelete(gone);
  noteWrittenRows([], gone);
  await db.kv.put({ key: KV_TAB_TOTALS, value: await computeTabTotals(db) });
  return gone.length;
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
  await db.messages.orderBy("[conversationId+position]").eachKey((key, cursor) => {
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
