import { and, asc, eq, lte } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import type { SendResult } from "@inbox/connectors";
import type { Core } from "../core.ts";
import { contactIdentities, conversations, messages, outbox } from "../db/schema.ts";
import { eventInsert } from "../services/event-rows.ts";
import { toMessage, type ConversationRow, type MessageRow } from "../services/read-model.ts";
import { publishMessages } from "../sync/publish.ts";
import { MAX_ATTEMPTS, backoffMs } from "./backoff.ts";

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Sends what the outbox holds, oldest first, one pass at a time. Every outcome (sent, retry
 * later, failed with a reason) is written with its event, then published to the rooms.
 * The outbox row is the durable promise: a crash between send and record re-sends, which is
 * why connectors pass our message id to platforms that deduplicate on it.
 */
export class OutboxDispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly core: Core) {}

  /** Asks for a pass soon; passes never overlap. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Polls for retries that became due. */
  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => this.kick(), intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
    this.kick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves when the current pass (if any) is over. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass();
      } catch (err) {
        console.error("outbox pass failed", err);
      }
    } while (this.again);
  }

  private async pass(): Promise<void> {
    const { db } = this.core;
    const due = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, this.core.now())))
      .orderBy(asc(outbox.createdAt))
      .limit(100);
    for (const item of due) {
      try {
        await this.deliver(item);
      } catch (err) {
        console.error(`outbox: sending message ${item.messageId} failed`, err);
      }
    }
  }

  private async deliver(item: OutboxRow): Promise<void> {
    const { db } = this.core;
    const message = await db.query.messages.findFirst({ where: eq(messages.id, item.messageId) });
    if (!message) return;
    const conversation = await db.query.conversations.findFirst({ where: eq(conversations.id, message.conversationId) });
    if (!conversation) return;
    const connector = this.core.connectors.get(conversation.channel as ChannelType);
    const identity = await db.query.contactIdentities.findFirst({
      where: and(eq(contactIdentities.contactId, conversation.contactId), eq(contactIdentities.inboxId, conversation.inboxId)),
    });
    let result: SendResult;
    if (!connector) result = { ok: false, kind: "rejected", reason: `The ${conversation.channel} channel is not available on this server.` };
    else if (!identity) result = { ok: false, kind: "rejected", reason: "The customer has no address on this channel." };
    else {
      result = await connector.send(
        {
          messageId: message.id,
          conversationId: conversation.id,
          recipient: identity.externalId,
          content: toMessage(message).content,
          senderName: message.senderName,
          createdAt: message.createdAt,
          lastInboundAt: null,
        },
        {},
        { fetch, apiBaseUrl: connector.defaultApiBaseUrl, now: this.core.now },
      );
    }
    await this.record(item, message, conversation, result);
  }

  private async record(item: OutboxRow, message: MessageRow, conversation: ConversationRow, result: SendResult): Promise<void> {
    const { db } = this.core;
    const at = this.core.now();
    const base = { workspaceId: message.workspaceId, conversationId: message.conversationId, actorKind: "system" as const, at };
    const attempts = item.attempts + 1;
    let statements;
    if (result.ok) {
      const status = result.delivered ? "delivered" : "sent";
      statements = [
        db.update(outbox).set({ state: "done", attempts }).where(eq(outbox.messageId, item.messageId)),
        db.update(messages).set({ status, externalId: result.externalId ?? message.externalId }).where(eq(messages.id, message.id)).returning(),
        eventInsert(this.core, { ...base, type: status === "delivered" ? "message.delivered" : "message.sent", data: { messageId: message.id } }),
      ] as const;
    } else if ((result.kind === "retry" || result.kind === "rate_limited") && attempts < MAX_ATTEMPTS) {
      const next = at + Math.max(result.retryAfterMs ?? 0, backoffMs(attempts));
      await db.update(outbox).set({ attempts, nextAttemptAt: next, lastError: result.reason }).where(eq(outbox.messageId, item.messageId));
      return;
    } else {
      statements = [
        db.update(outbox).set({ state: "dead", attempts, lastError: result.reason }).where(eq(outbox.messageId, item.messageId)),
        db.update(messages).set({ status: "failed", failureReason: result.reason }).where(eq(messages.id, message.id)).returning(),
        eventInsert(this.core, { ...base, type: "message.failed", data: { messageId: message.id, kind: result.kind, reason: result.reason } }),
      ] as const;
    }
    const results = await this.core.writer.write([...statements]);
    const updated = (results[1] as MessageRow[])[0];
    if (updated) publishMessages(this.core, { id: conversation.id, channel: conversation.channel as ChannelType, contactId: conversation.contactId }, [toMessage(updated)]);
  }
}
