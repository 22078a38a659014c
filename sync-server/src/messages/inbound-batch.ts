import { inArray, sql } from "drizzle-orm";
import type { Reads } from "../db/record.ts";
import type { WriteQueue } from "../db/write-queue.ts";
import { defer } from "../db/defer.ts";
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
 * VALUES for their conversations, in one transaction. Callers serialise per contact, so a
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
    const statements = [
      ...(fresh.length ? [db.insert(conversations).values(fresh)] : []),
      db.insert(messages).values(jobs.map((j) => j.message)),
      db.insert(events).values(eventRows),
      ...(existing.length ? [reopenEvents(this.core, existing), updateConversations(this.core, existing)] : []),
      // The insert trigger stamps each message's position; RETURNING would not see it, so it
      // is read back inside the same transaction.
      db.select({ id: messages.id, position: messages.position }).from(messages).where(inArray(messages.id, jobs.map((j) => j.message.id))),
    ] as const;
    const results = await this.core.writer.write([...statements, ...jobs.flatMap((j) => j.also ?? [])]);
    const updated = new Map<string, ConversationRow>();
    if (existing.length) {
      for (const raw of results[statements.length - 2] as Record<string, unknown>[]) {
        const row = fromSqlRow(raw);
        updated.set(row.id, row);
      }
    }
    const positions = new Map((results[statements.length - 1] as { id: string; position: number }[]).map((r) => [r.id, r.position]));
    return { updated, positions };
  }
}

/** `(id, at, preview, contact name)` per message, as a VALUES table for the statements below. */
function valuesTable(jobs: InboundJob[]) {
  return sql.join(
    jobs.map((j) => sql`(${j.message.conversationId}, ${j.message.createdAt}, ${j.preview}, ${j.contactName})`),
    sql`, `,
  );
}

/** A customer writing again reopens a resolved or snoozed conversation; record that first. */
function reopenEvents(core: BatchDeps, jobs: InboundJob[]) {
  return core.db.run(sql`
    insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
    select lower(hex(randomblob(16))), c.workspace_id, 'conversation.status_changed', c.id, 'customer', c.contact_id,
           json_object('from', c.status, 'to', 'open', 'reason', 'customer_wrote'), v.column2
    from conversations c join (values ${valuesTable(jobs)}) v on c.id = v.column1
    where c.status in ('resolved', 'snoozed')`);
}

function updateConversations(core: BatchDeps, jobs: InboundJob[]) {
  return core.db.all(sql`
    update conversations set
      unread_count = unread_count + 1,
      last_message_preview = v.column3,
      last_activity_at = max(last_activity_at, v.column2),
      contact_name = v.column4,
      -- the wait starts with the first message nobody answered; a reopened chat starts afresh
      waiting_since = case when status in ('resolved', 'snoozed') or waiting_since is null then v.column2 else waiting_since end,
      status = case when status in ('resolved', 'snoozed') then 'open' else status end,
      snoozed_until = case when status in ('resolved', 'snoozed') then null else snoozed_until end
    from (values ${valuesTable(jobs)}) as v
    where conversations.id = v.column1
    returning *`);
}

function fromSqlRow(r: Record<string, unknown>): ConversationRow {
  return {
    id: r.id as string,
    workspaceId: r.workspace_id as string,
    inboxId: r.inbox_id as string,
    channel: r.channel as string,
    contactId: r.contact_id as string,
    contactName: r.contact_name as string,
    teamId: r.team_id as string,
    status: r.status as string,
    priority: r.priority as string,
    assigneeId: (r.assignee_id as string | null) ?? null,
    snoozedUntil: (r.snoozed_until as number | null) ?? null,
    labels: JSON.parse(r.labels as string) as string[],
    unreadCount: Number(r.unread_count),
    lastMessagePreview: r.last_message_preview as string,
    firstResponseAt: r.first_response_at === null ? null : Number(r.first_response_at),
    lastActivityAt: Number(r.last_activity_at),
    createdAt: Number(r.created_at),
    seq: Number(r.seq),
    offeredTo: (r.offered_to as string | null) ?? null,
    offeredAt: r.offered_at == null ? null : Number(r.offered_at),
    offerExpiresAt: r.offer_expires_at == null ? null : Number(r.offer_expires_at),
    reroutedFrom: (r.rerouted_from as string | null) ?? null,
    waitingSince: r.waiting_since == null ? null : Number(r.waiting_since),
    visitorId: (r.visitor_id as string | null) ?? null,
    helpRequestedAt: r.help_requested_at == null ? null : Number(r.help_requested_at),
    helpRequestedBy: (r.help_requested_by as string | null) ?? null,
    // Raw SQL returns the JSON column as text (migration 0020).
    sla: typeof r.sla === "string" ? (JSON.parse(r.sla) as ConversationRow["sla"]) : null,
    slaCheckAt: (r.sla_check_at as number | null) ?? null,
  };
}

