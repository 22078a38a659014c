import { sql, type SQL } from "drizzle-orm";
import type { Reads } from "../db/record.ts";
import type { WriteQueue } from "../db/write-queue.ts";
import { defer } from "../db/defer.ts";
import { passStamped, stampedSeq } from "../db/change-sequence.ts";
import { insertJsonRows, jsonParam, jsonRows } from "../db/json-rows.ts";
import { conversations, events, messages } from "../db/schema.ts";
import type { ConversationRow, MessageRow } from "../db/read-model.ts";
import { newId } from "@inbox/shared";
import type { BatchItem } from "drizzle-orm/batch";

/** One customer message waiting to be committed. */
/** Writing batches: the record and its group-committing writer. */
export interface BatchDeps extends Reads {
  writer: WriteQueue;
}

export interface InboundJob {
  message: MessageRow;
  preview: string;
  contactName: string;
  /** Set when this message starts the contact's first conversation in the inbox. */
  newConversation: ConversationRow | null;
  /**
   * Written in the same transaction, after the message and its conversation's update: what the
   * routing rules that fired on it change (messages/ingest-rules.ts). Both commit or neither.
   */
  also?: readonly BatchItem<"sqlite">[];
}

/** A committed message: its conversation as updated, and the message's place in it. */
export interface InboundCommit {
  conversation: ConversationRow;
  /** The arrival sequence the database gave the message (see messages.position). */
  position: number;
}

interface Pending {
  job: InboundJob;
  resolve(commit: InboundCommit): void;
  reject(err: unknown): void;
}

/**
 * Group commit for inbound messages. Every message needs a message row, an event row and a
 * conversation update; done one message at a time that is three statements each. Here all
 * messages waiting at a flush share one multi-row insert per table and one UPDATE … FROM
 * their rows for their conversations, in one transaction. Callers serialise per contact, so a
 * conversation appears at most once per flush. If a flush fails (e.g. a repeated message id
 * hits a unique index), its jobs are retried one by one so only the culprit fails.
 */
export class InboundBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly core: BatchDeps,
    private readonly maxBatch = 200,
  ) {}

  /** Resolves with the conversation as updated by this message, once committed. */
  submit(job: InboundJob): Promise<InboundCommit> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        defer(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      await this.commit(batch);
    }
    this.scheduled = false;
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      const { updated, positions } = await this.write(batch.map((p) => p.job));
      for (const p of batch) {
        const row = p.job.newConversation ?? updated.get(p.job.message.conversationId);
        if (row) p.resolve({ conversation: row, position: positions.get(p.job.message.id) ?? 0 });
        else p.reject(new Error(`conversation ${p.job.message.conversationId} vanished while a message was stored`));
      }
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      for (const p of batch) await this.commit([p]);
    }
  }

  private async write(jobs: InboundJob[]): Promise<{ updated: Map<string, ConversationRow>; positions: Map<string, number> }> {
    const { db } = this.core;
    const fresh = jobs.flatMap((j) => (j.newConversation ? [j.newConversation] : []));
    const existing = jobs.filter((j) => !j.newConversation);
    const eventRows = jobs.flatMap((j) => {
      const m = j.message;
      const base = { workspaceId: m.workspaceId, conversationId: m.conversationId, actorKind: "customer", actorId: m.senderId, at: m.createdAt };
      return [
        ...(j.newConversation
          ? [{ ...base, id: newId(), type: "conversation.created", data: { inboxId: m.inboxId, channel: j.newConversation.channel } }]
          : []),
        { ...base, id: newId(), type: "message.received", data: { messageId: m.id } },
      ];
    });
    // Rows travel as JSON (db/json-rows.ts): one statement text per table whatever the batch.
    const statements = [
      ...(fresh.length ? [db.run(insertJsonRows(conversations, fresh))] : []),
      db.run(insertJsonRows(messages, jobs.map((j) => j.message))),
      db.run(insertJsonRows(events, eventRows)),
      ...(existing.length ? [reopenEvents(this.core, existing), updateConversations(this.core, existing), passStamped(db, existing.length)] : []),
      // The insert trigger stamps each message's position; RETURNING would not see it, so it
      // is read back inside the same transaction.
      db.all<{ id: string; position: number }>(
        sql`select id, position from messages where id in (select value from json_each(${jsonParam(jobs.map((j) => j.message.id))}))`,
      ),
    ] as const;
    const results = await this.core.writer.write([...statements, ...jobs.flatMap((j) => j.also ?? [])]);
    const updated = new Map<string, ConversationRow>();
    if (existing.length) {
      for (const conversation of conversationJson.parseAll(results[statements.length - 3] as { row: string }[])) updated.set(conversation.id, conversation);
    }
    const positions = new Map((results[statements.length - 1] as { id: string; position: number }[]).map((r) => [r.id, r.position]));
    return { updated, positions };
  }
}

/**
 * `(id, at, preview, contact_name)` per message, as a table for the statements below. One
 * JSON parameter rather than a VALUES list: the statement's text stays the same whatever the
 * batch, and SQLite need not compile four placeholders per message.
 */
function messagesTable(jobs: InboundJob[]): SQL {
  const rows = jsonParam(jobs.map((j) => [j.message.conversationId, j.message.createdAt, j.preview, j.contactName]));
  return sql`(select key as n, value ->> 0 as id, value ->> 1 as at, value ->> 2 as preview, value ->> 3 as contact_name from json_each(${rows}))`;
}

/** A customer writing again reopens a resolved or snoozed conversation; record that first. */
function reopenEvents(core: BatchDeps, jobs: InboundJob[]) {
  return core.db.run(sql`
    insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
    select lower(hex(randomblob(16))), c.workspace_id, 'conversation.status_changed', c.id, 'customer', c.contact_id,
           json_object('from', c.status, 'to', 'open', 'reason', 'customer_wrote'), v.at
    from conversations c join ${messagesTable(jobs)} v on c.id = v.id
    where c.status in ('resolved', 'snoozed')`);
}

const conversationJson = jsonRows(conversations);

/**
 * Each conversation as this message left it, returned whole as one JSON text (db/json-rows.ts),
 * with its change sequence stamped here (db/change-sequence.ts; passStamped follows it).
 */
function updateConversations(core: BatchDeps, jobs: InboundJob[]) {
  return core.db.all(sql`
    update conversations set
      seq = ${stampedSeq(sql`v.n`)},
      unread_count = unread_count + 1,
      last_message_preview = v.preview,
      last_activity_at = max(last_activity_at, v.at),
      contact_name = v.contact_name,
      -- the wait starts with the first message nobody answered; a reopened chat starts afresh
      waiting_since = case when status in ('resolved', 'snoozed') or waiting_since is null then v.at else waiting_since end,
      status = case when status in ('resolved', 'snoozed') then 'open' else status end,
      snoozed_until = case when status in ('resolved', 'snoozed') then null else snoozed_until end
    from ${messagesTable(jobs)} as v
    where conversations.id = v.id
    returning ${conversationJson.row} as row`);
}
