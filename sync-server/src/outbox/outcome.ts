import { and, eq, inArray, sql } from "drizzle-orm";
import { newId, type EventType } from "@inbox/shared";
import type { SendResult } from "@inbox/connectors";
import type { ClaimDeps } from "../scheduling/claims.ts";
import { queueReplyEmail } from "./reply-email-queue.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { messages } from "../db/schema.ts";
import type { MessageRow } from "../db/read-model.ts";
import { backoffMs } from "../scheduling/backoff.ts";
import { MAX_ATTEMPTS } from "./send-attempts.ts";

/** A send this process claimed (see OutboxDispatcher.claim), with the attempt it counts as. */
export interface Claimed {
  messageId: string;
  attempts: number;
}

/** Statuses a send's outcome may replace: a receipt that came first (it was sent, delivered, read) wins. */
const UNSETTLED = ["queued", "unconfirmed"];

/**
 * Commits what the platform answered, in one transaction with its event, and returns the
 * message as changed (to publish), or null when nothing changed for agents to see. Every
 * statement is guarded: the outbox row only while this process still holds the send, the
 * message only while no receipt has settled it (a WhatsApp receipt can arrive before the
 * send's own answer), and the event only if the message changed. So a late answer, or one that
 * lost its claim, never moves anything backwards or records a change twice.
 */
export async function recordOutcome(core: ClaimDeps & { emailsReplies?: boolean }, claimed: Claimed, message: MessageRow, result: SendResult): Promise<MessageRow | null> {
  const { db } = core;
  const at = core.now();
  const ours = sql`message_id = ${claimed.messageId} and state = 'sending' and claimed_by = ${core.holder.id}`;
  const event = (type: EventType, data: Record<string, unknown>) =>
    guardedEvent(core, { workspaceId: message.workspaceId, conversationId: message.conversationId, type, data: { messageId: message.id, ...data }, at });

  if (!result.ok && (result.kind === "retry" || result.kind === "rate_limited") && claimed.attempts < MAX_ATTEMPTS) {
    // A rate limit pauses the whole channel (see applyChannelState); the message waits it out.
    const next = at + Math.max(result.retryAfterMs ?? (result.kind === "rate_limited" ? 60_000 : 0), backoffMs(claimed.attempts));
    await core.writer.write([
      db.run(sql`update outbox set state = 'pending', next_attempt_at = ${next}, last_error = ${result.reason}, claimed_until = null where ${ours}`),
    ]);
    return null;
  }
  if (result.ok) {
    const status = result.delivered ? "delivered" : "sent";
    const settle = (externalId: string | null) => [
      db.run(sql`update outbox set state = 'done', claimed_until = null where ${ours}`),
      db
        .update(messages)
        .set({ status, failureReason: null, ...(externalId ? { externalId } : {}) })
        .where(and(eq(messages.id, message.id), inArray(messages.status, UNSETTLED)))
        .returning(),
      event(status === "delivered" ? "message.delivered" : "message.sent", {}),
      // A web chat reply no widget took: emailed a minute later if the visitor left an address.
      ...(status === "sent" && core.emailsReplies ? [queueReplyEmail(core, message.id, at)] : []),
    ] as const;
    try {
      return changed(await core.writer.write([...settle(result.externalId)]));
    } catch (err) {
      // The platform reused an id we already hold: keep the outcome, drop the id, never resend.
      if (!isUniqueViolation(err)) throw err;
      return changed(await core.writer.write([...settle(null)]));
    }
  }
  return changed(
    await core.writer.write([
      db.run(sql`update outbox set state = 'dead', last_error = ${result.reason}, claimed_until = null where ${ours}`),
      db
        .update(messages)
        .set({ status: "failed", failureReason: result.reason })
        .where(and(eq(messages.id, message.id), inArray(messages.status, UNSETTLED)))
        .returning(),
      event("message.failed", { kind: result.kind, reason: result.reason }),
    ]),
  );
}

function changed(results: unknown[]): MessageRow | null {
  return (results[1] as MessageRow[])[0] ?? null;
}

/**
 * An event row inserted only if the statement just before it in the same transaction changed
 * a row (SQLite's changes(): the latest INSERT/UPDATE/DELETE, not counting its triggers), so a
 * guarded update and its event commit together or not at all.
 */
export function guardedEvent(core: ClaimDeps, e: { workspaceId: string; conversationId: string; type: EventType; data: Record<string, unknown>; at: number }) {
  return core.db.run(sql`
    insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
    select ${newId()}, ${e.workspaceId}, ${e.type}, ${e.conversationId}, 'system', null, ${JSON.stringify(e.data)}, ${e.at}
    where changes() > 0`);
}
