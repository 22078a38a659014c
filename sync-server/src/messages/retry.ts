import { and, eq, inArray } from "drizzle-orm";
import { can, type ChannelType, type Message } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { publishMessages, type Publishes } from "../rooms/publish.ts";
import { messages, outbox } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, forbiddenBecause, refused } from "../http/http-error.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { eventInsert } from "../db/event-rows.ts";
import { getInboxRow, toMessage, type MessageRow } from "../db/read-model.ts";
import { refuseIfUnreachable } from "../channels/index.ts";
import { CHANNEL_BLOCKS } from "./reply.ts";

/** What an agent may send again. */
const AGAIN = ["failed", "unconfirmed"];

/** What sending a failed message again needs. */
export interface RetryDeps extends Writes, Publishes {
  outbox: { kick(): unknown };
}

export interface RetryResult {
  message: Message;
  /** False when there was nothing to retry (not failed or unconfirmed: retried already, or delivered meanwhile). */
  requeued: boolean;
}

/**
 * An agent asks to send a failed reply again, or one that may not have been sent (the server
 * stopped mid-send; sending it again is the agent's decision): the message goes back to
 * "queued" and its outbox entry to pending with fresh attempts, with a `message.retried` event,
 * in one transaction; the dispatcher then sends it. Only a failed or unconfirmed message moves,
 * so a double click or a replayed request re-queues it once.
 */
export async function retryFailedMessage(core: RetryDeps, user: SessionUser, messageId: string): Promise<RetryResult> {
  if (!can(user, "reply")) throw forbiddenBecause("no_permission_reply");
  const found = await core.db.query.messages.findFirst({ where: eq(messages.id, messageId) });
  if (!found || found.workspaceId !== user.workspaceId) throw notFound("message");
  const conv = await conversationForUser(core, user, found.conversationId);
  if (found.direction !== "outbound") throw refused(400, "validation_failed", "retry_outbound_only");

  return core.locks.run(`conversation:${conv.id}`, async () => {
    const current = (await core.db.query.messages.findFirst({ where: eq(messages.id, messageId) })) ?? found;
    if (!AGAIN.includes(current.status)) return { message: toMessage(current), requeued: false };
    const inbox = await getInboxRow(core.db, conv.inboxId);
    const blocked = inbox && CHANNEL_BLOCKS[inbox.status];
    if (blocked) throw refused(409, "channel_unavailable", blocked);
    await refuseIfUnreachable(core, conv);

    const at = core.now();
    const results = await core.writer.write([
      core.db
        .update(messages)
        .set({ status: "queued", failureReason: null })
        .where(and(eq(messages.id, messageId), inArray(messages.status, AGAIN)))
        .returning(),
      // A platform receipt can fail a message whose outbox entry is done: upsert either way.
      core.db
        .insert(outbox)
        .values({ messageId, inboxId: conv.inboxId, state: "pending", attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at })
        .onConflictDoUpdate({ target: outbox.messageId, set: { state: "pending", attempts: 0, nextAttemptAt: at, lastError: null, claimedBy: null, claimedUntil: null } }),
      eventInsert(core, {
        workspaceId: conv.workspaceId,
        conversationId: conv.id,
        type: "message.retried",
        actorKind: "agent",
        actorId: user.id,
        data: { messageId, previousReason: current.failureReason },
        at,
      }),
    ]);
    const updated = (results[0] as MessageRow[])[0] ?? { ...current, status: "queued", failureReason: null };
    const message = toMessage(updated);
    publishMessages(core, { id: conv.id, channel: conv.channel as ChannelType, contactId: conv.contactId }, [message]);
    core.outbox.kick();
    return { message, requeued: true };
  });
}
