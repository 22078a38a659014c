import { and, asc, desc, eq, lte, min, sql } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import type { SendResult } from "@inbox/connectors";
import { connectorFor, contextFor, credentialsOf, publicBaseOf, type ChannelsDeps } from "../channels/index.ts";
import { setChannelStatus } from "../channels/index.ts";
import { markUnreachable } from "../channels/index.ts";
import { humanAgentTagOf } from "../channels/index.ts";
import { contactIdentities, messages, outbox } from "../db/schema.ts";
import type { BlobStore } from "../media/blob-store.ts";
import { keepRenewing, type Holder } from "../scheduling/claims.ts";
import { getConversationRow, getInboxRow, toMessage, type ConversationRow, type InboxRow, type MessageRow } from "../db/read-model.ts";
import { publishMessages, type Publishes } from "../rooms/publish.ts";
import { settleAbandonedSends } from "./abandoned-sends.ts";
import { recordOutcome, type Claimed } from "./outcome.ts";
import { KickedPasses } from "../scheduling/kicked-passes.ts";

type OutboxRow = typeof outbox.$inferSelect;

/** What sending replies needs: the channels, the rooms, files, and this process as claim holder. */
export interface OutboxDeps extends ChannelsDeps, Publishes {
  blobs: BlobStore;
  holder: Holder;
  /** A mail server is configured: a web chat reply no widget took is queued for email (outbox/reply-email-queue.ts). */
  emailsReplies?: boolean;
}

/**
 * Sends what the outbox holds, oldest first, one pass at a time. Each send is claimed first:
 * one conditional update marks it `sending` by this process with a lease and counts the
 * attempt, committed before the platform is called; the outcome (sent, retry later, failed
 * with a reason) is committed with its event right after the platform answers, then published.
 * So a crash can only leave an attempt whose outcome nobody knows, and that is settled by what
 * the platform offers (see settleAbandonedSends): repeated where the platform drops repeats,
 * confirmed by the platform's receipts where it echoes our id, otherwise shown to agents as
 * "may not have been sent" and never silently sent twice.
 */
export class OutboxDispatcher {
  private readonly passes = new KickedPasses(async () => {
    await settleAbandonedSends(this.core);
    await this.pass();
  }, "outbox pass failed");

  constructor(private readonly core: OutboxDeps) {}

  /** Asks for a pass soon; passes never overlap. Resolves when the passes it joined are over (never rejects). */
  kick(): Promise<void> {
    return this.passes.kick();
  }

  /**
   * Sends what is due now and returns when the next retry is due, or when a send another
   * process holds runs out of lease (null: nothing waits; a new reply kicks the dispatcher
   * itself). For runtimes without long-lived timers (a Worker's alarm).
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    await this.kick();
    const { db } = this.core;
    const [[retry], [lease]] = await Promise.all([
      db.select({ next: min(outbox.nextAttemptAt) }).from(outbox).where(eq(outbox.state, "pending")),
      db.select({ next: min(outbox.claimedUntil) }).from(outbox).where(eq(outbox.state, "sending")),
    ]);
    const times = [retry?.next, lease?.next].filter((t): t is number => t !== null && t !== undefined);
    return times.length ? Math.max(Math.min(...times), now) : null;
  }

  /** Polls for retries that became due, and for sends whose holder died. */
  start(intervalMs = 1000): void {
    this.passes.start(intervalMs);
  }

  stop(): void {
    this.passes.stop();
  }

  /** Resolves when the current pass (if any) is over. */
  idle(): Promise<void> {
    return this.passes.idle();
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
    const conversation = await getConversationRow(db, message.conversationId);
    if (!conversation) return;
    const inbox = await getInboxRow(db, conversation.inboxId);
    // A paused channel (platform limits) keeps its messages queued until the pause is over.
    if (inbox?.status === "rate_limited" && (inbox.pausedUntil ?? 0) > this.core.now()) {
      await db.update(outbox).set({ nextAttemptAt: inbox.pausedUntil! }).where(and(eq(outbox.messageId, item.messageId), eq(outbox.state, "pending")));
      return;
    }
    if (inbox?.status === "rate_limited") await setChannelStatus(this.core, inbox, "active", { reason: "The platform's pause is over.", actorId: null });
    const claimed = await this.claim(item);
    if (!claimed) return; // another process is sending it, or it changed meanwhile
    const lease = keepRenewing(this.core.holder, () => this.renew(item.messageId));
    let result: SendResult;
    try {
      result = inbox ? await this.send(message, conversation, inbox) : { ok: false, kind: "rejected", reason: "The channel no longer exists." };
    } finally {
      lease.stop();
    }
    const updated = await recordOutcome(this.core, claimed, message, result);
    if (updated) this.publish(conversation, updated);
    if (!result.ok && inbox) await this.applyChannelState(inbox, result);
    // The customer blocked the business: agents are told, and the next reply is refused at once.
    if (!result.ok && result.kind === "blocked") await markUnreachable(this.core, { inboxId: conversation.inboxId, contactId: conversation.contactId }, this.core.now());
  }

  /**
   * The attempt, recorded before the platform is called: `sending`, by this process, under a
   * lease, one more attempt. Committed before the call, so a crash during it is known.
   */
  private async claim(item: OutboxRow): Promise<Claimed | null> {
    const { core } = this;
    const now = core.now();
    const [res] = await core.writer.write([
      core.db.run(sql`
        update outbox set state = 'sending', attempts = attempts + 1, attempt_started_at = ${now},
          claimed_by = ${core.holder.id}, claimed_until = ${now + core.holder.leaseMs}
        where message_id = ${item.messageId} and state = 'pending' and next_attempt_at <= ${now}`),
    ]);
    return Number((res as { rowsAffected: number }).rowsAffected) === 1 ? { messageId: item.messageId, attempts: item.attempts + 1 } : null;
  }

  private async renew(messageId: string): Promise<void> {
    const { core } = this;
    await core.writer.write([
      core.db.run(
        sql`update outbox set claimed_until = ${core.now() + core.holder.leaseMs} where message_id = ${messageId} and state = 'sending' and claimed_by = ${core.holder.id}`,
      ),
    ]);
  }

  private publish(conversation: ConversationRow, row: MessageRow): void {
    publishMessages(this.core, { id: conversation.id, channel: conversation.channel as ChannelType, contactId: conversation.contactId }, [toMessage(row)]);
  }

  private async send(message: MessageRow, conversation: ConversationRow, inbox: InboxRow): Promise<SendResult> {
    const { db } = this.core;
    const connector = connectorFor(this.core, conversation.channel);
    if (!connector) return { ok: false, kind: "rejected", reason: `The ${conversation.channel} channel is not available on this server.` };
    // A web chat goes to its own visitor: after a merge the contact may have several in this inbox.
    const identity = await db.query.contactIdentities.findFirst({
      where: conversation.visitorId
        ? and(eq(contactIdentities.inboxId, conversation.inboxId), eq(contactIdentities.externalId, conversation.visitorId))
        : and(eq(contactIdentities.contactId, conversation.contactId), eq(contactIdentities.inboxId, conversation.inboxId)),
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
          humanAgentWindow: humanAgentTagOf(inbox.settings),
          ...(blob && mediaPath
            ? { media: { ...blob, filename: content.kind === "file" ? content.filename : mediaPath.split("/").pop()! }, mediaUrl: publicBaseOf(this.core.endpoints) + mediaPath }
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
}
