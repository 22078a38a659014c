import { and, eq, lt, sql } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import type { RepeatSend } from "@inbox/connectors";
import { connectorFor } from "../channels/index.ts";
import type { OutboxDeps } from "./outbox-dispatcher.ts";
import { conversations, messages, outbox } from "../db/schema.ts";
import { getInboxRow, toMessage, type MessageRow } from "../db/read-model.ts";
import { publishMessages } from "../rooms/publish.ts";
import { MAX_ATTEMPTS } from "./send-attempts.ts";
import { guardedEvent } from "./outcome.ts";

const NAMES: Record<string, string> = {
  whatsapp: "WhatsApp",
  messenger: "Messenger",
  instagram: "Instagram",
  telegram: "Telegram",
  wechat: "WeChat",
  line: "LINE",
  webchat: "Web chat",
};

/**
 * Sends whose holder died mid-call (`sending`, lease run out; a restart expires its own
 * predecessor's at once): the platform may or may not have the message. Each is settled by
 * one process (a conditional take-over) according to what the channel offers (RepeatSend):
 * sent again where the platform drops repeats; otherwise marked `unconfirmed` with a reason
 * for the agent, and left for the platform's receipt to confirm where it echoes our id.
 */
export async function settleAbandonedSends(core: OutboxDeps): Promise<void> {
  const now = core.now();
  const abandoned = await core.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.state, "sending"), lt(outbox.claimedUntil, now)))
    .limit(100);
  for (const row of abandoned) {
    try {
      await settle(core, row, now);
    } catch (err) {
      console.error(`outbox: could not settle the interrupted send of ${row.messageId}`, err);
    }
  }
}

async function settle(core: OutboxDeps, row: typeof outbox.$inferSelect, now: number): Promise<void> {
  const { db } = core;
  const [taken] = await core.writer.write([
    db.run(sql`
      update outbox set claimed_by = ${core.holder.id}, claimed_until = ${now + core.holder.leaseMs}
      where message_id = ${row.messageId} and state = 'sending' and claimed_until < ${now}`),
  ]);
  if (Number((taken as { rowsAffected: number }).rowsAffected) !== 1) return; // someone else settles it
  const ours = sql`message_id = ${row.messageId} and state = 'sending' and claimed_by = ${core.holder.id}`;
  const inbox = await getInboxRow(db, row.inboxId);
  const channel = inbox?.channel ?? "";
  const repeat: RepeatSend = connectorFor(core, channel)?.repeatSend ?? { kind: "none" };
  const startedAt = row.attemptStartedAt ?? 0;
  if (repeat.kind === "deduplicated" && now - startedAt < repeat.withinMs && row.attempts < MAX_ATTEMPTS) {
    // The platform drops a repeat of this message: send it again as if the attempt had failed.
    await core.writer.write([db.run(sql`update outbox set state = 'pending', next_attempt_at = ${now}, claimed_until = null where ${ours}`)]);
    return;
  }
  const reason = unconfirmedReason(NAMES[channel] ?? "The platform", repeat.kind === "echoed");
  const message = await db.query.messages.findFirst({ where: eq(messages.id, row.messageId) });
  if (!message) return;
  const results = await core.writer.write([
    db.run(sql`update outbox set state = 'dead', last_error = ${reason}, claimed_until = null where ${ours}`),
    db
      .update(messages)
      .set({ status: "unconfirmed", failureReason: reason })
      .where(and(eq(messages.id, row.messageId), eq(messages.status, "queued")))
      .returning(),
    guardedEvent(core, {
      workspaceId: message.workspaceId,
      conversationId: message.conversationId,
      type: "message.unconfirmed",
      data: { messageId: message.id, attemptStartedAt: startedAt, reason },
      at: now,
    }),
  ]);
  const updated = (results[1] as MessageRow[])[0];
  if (!updated) return;
  const conv = await db.query.conversations.findFirst({ where: eq(conversations.id, updated.conversationId) });
  if (conv) publishMessages(core, { id: conv.id, channel: conv.channel as ChannelType, contactId: conv.contactId }, [toMessage(updated)]);
}

function unconfirmedReason(platform: string, echoed: boolean): string {
  return (
    `The server stopped while this reply was being sent, before ${platform} answered, so it may not have reached the customer. ` +
    (echoed ? `It was not sent again; if ${platform} confirms it arrived, it will show as sent. ` : "It was not sent again. ") +
    "Send it again only if the customer did not get it."
  );
}
