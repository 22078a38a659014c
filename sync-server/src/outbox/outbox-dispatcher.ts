import { and, asc, desc, eq, lte, min } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import type { SendResult } from "@inbox/connectors";
import { connectorFor, contextFor, credentialsOf } from "../channels/channel-access.ts";
import { setChannelStatus } from "../channels/channel-state.ts";
import type { Core } from "../core.ts";
import { contactIdentities, conversations, messages, outbox } from "../db/schema.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { eventInsert } from "../services/event-rows.ts";
import { getInboxRow, toMessage, type ConversationRow, type InboxRow, type MessageRow } from "../services/read-model.ts";
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

  /** Asks for a pass soon; passes never overlap. Resolves when the passes it joined are over (never rejects). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = this.loop().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /**
   * Sends what is due now and returns when the next retry is due (null: nothing waits; a new
   * reply kicks the dispatcher itself). For runtimes without long-lived timers (a Worker's alarm).
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    await this.kick();
    const [row] = await this.core.db.select({ next: min(outbox.nextAttemptAt) }).from(outbox).where(eq(outbox.state, "pending"));
    const next = row?.next ?? null;
    return next === null ? null : Math.max(next, now);
  }

  /** Polls for retries that became due. */
  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => void this.kick(), intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
    void this.kick();
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
    const inbox = await getInboxRow(db, conversation.inboxId);
    // A paused channel (platform limits) keeps its messages queued until the pause is over.
    if (inbox?.status === "rate_limited" && (inbox.pausedUntil ?? 0) > this.core.now()) {
      await db.update(outbox).set({ nextAttemptAt: inbox.pausedUntil! }).where(eq(outbox.messageId, item.messageId));
      return;
    }
    if (inbox?.status === "rate_limited") await setChannelStatus(this.core, inbox, "active", { reason: "The platform's pause is over.", actorId: null });
    const result = inbox ? await this.send(message, conversation, inbox) : ({ ok: false, kind: "rejected", reason: "The channel no longer exists." } as const);
    await this.record(item, message, conversation, result);
    if (!result.ok && inbox) await this.applyChannelState(inbox, result);
  }

  private async send(message: MessageRow, conversation: ConversationRow, inbox: InboxRow): Promise<SendResult> {
    const { db } = this.core;
    const connector = connectorFor(this.core, conversation.channel);
    if (!connector) return { ok: false, kind: "rejected", reason: `The ${conversation.channel} channel is not available on this server.` };
    const identity = await db.query.contactIdentities.findFirst({
      where: and(eq(contactIdentities.contactId, conversation.contactId), eq(contactIdentities.inboxId, conversation.inboxId)),
    });
    if (!identity) return { ok: false, kind: "rejected", reason: "The customer has no address on this channel." };
    if (identity.blockedAt) return { ok: false, kind: "blocked", reason: "The customer has blocked this business, so the message was not delivered." };
    const [lastInbound] = await db
      .select({ at: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "inbound")))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    const content = toMessage(message).content;
    const mediaPath = "url" in content && content.url.startsWith("/media/") ? content.url : null;
    const blob = mediaPath ? await this.core.blobs.get(mediaPath.slice("/media/".length)) : null;
    try {
      return await connector.send(
        {
          messageId: message.id,
          conversationId: conversation.id,
          recipient: identity.externalId,
          content,
          senderName: message.senderName,
          createdAt: message.createdAt,
          position: message.position,
          lastInboundAt: lastInbound?.at ?? null,
          ...(blob && mediaPath
            ? { media: { ...blob, filename: content.kind === "file" ? content.filename : mediaPath.split("/").pop()! }, mediaUrl: this.core.selfUrl + mediaPath }
            : {}),
        },
        inbox.channel === "webchat" ? {} : await credentialsOf(this.core, inbox),
        contextFor(this.core, inbox, connector),
      );
    } catch (err) {
      return { ok: false, kind: "retry", reason: `Could not reach the platform (${err instanceof Error ? err.message : String(err)}).` };
    }
  }

  /** The seed's failure table: an expired token or reached limits change the channel's state. */
  private async applyChannelState(inbox: InboxRow, result: Extract<SendResult, { ok: false }>): Promise<void> {
    if (result.kind === "token_expired") {
      await setChannelStatus(this.core, inbox, "token_expired", { reason: result.reason, actorId: null });
    } else if (result.kind === "rate_limited") {
      const pausedUntil = this.core.now() + Math.max(result.retryAfterMs ?? 0, 60_000);
      await setChannelStatus(this.core, inbox, "rate_limited", { reason: result.reason, actorId: null, pausedUntil });
    }
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
      // A rate limit pauses the whole channel (see applyChannelState); the message waits it out.
      const next = at + Math.max(result.retryAfterMs ?? (result.kind === "rate_limited" ? 60_000 : 0), backoffMs(attempts));
      await db.update(outbox).set({ attempts, nextAttemptAt: next, lastError: result.reason }).where(eq(outbox.messageId, item.messageId));
      return;
    } else {
      statements = [
        db.update(outbox).set({ state: "dead", attempts, lastError: result.reason }).where(eq(outbox.messageId, item.messageId)),
        db.update(messages).set({ status: "failed", failureReason: result.reason }).where(eq(messages.id, message.id)).returning(),
        eventInsert(this.core, { ...base, type: "message.failed", data: { messageId: message.id, kind: result.kind, reason: result.reason } }),
      ] as const;
    }
    let results: unknown[];
    try {
      results = await this.core.writer.write([...statements]);
    } catch (err) {
      // The platform reused an id we already hold: keep the outcome, drop the id, never resend.
      if (!result.ok || !isUniqueViolation(err)) throw err;
      results = await this.core.writer.write([
        db.update(outbox).set({ state: "done", attempts }).where(eq(outbox.messageId, item.messageId)),
        db.update(messages).set({ status: result.delivered ? "delivered" : "sent" }).where(eq(messages.id, message.id)).returning(),
      ]);
    }
    const updated = (results[1] as MessageRow[])[0];
    if (updated) publishMessages(this.core, { id: conversation.id, channel: conversation.channel as ChannelType, contactId: conversation.contactId }, [toMessage(updated)]);
  }
}
