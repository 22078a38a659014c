import { eq } from "drizzle-orm";
import { type Conversation, type ConversationStatus, type Priority } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { conversations, messages } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { refusedWithFields } from "../http/http-error.ts";
import { afterCapacityFreed, type CapacityDeps } from "../routing/index.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { eventInsert } from "../db/event-rows.ts";
import { getConversationRow, toConversation, toMessage, type ConversationRow } from "../db/read-model.ts";
import { planCsatRequest, type CsatRequest, type CsatRequestDeps } from "../messages/index.ts";
export { assignConversation, type AssignOptions } from "./assignment.ts";

type Patch = Partial<Pick<ConversationRow, "status" | "snoozedUntil" | "assigneeId" | "priority" | "unreadCount">>;

/**
 * What changing a conversation needs; a chat that frees an agent's capacity tells the router, and
 * a resolved one may ask the customer for a rating (sent through the outbox).
 */
export interface ConversationCommandDeps extends Writes, Publishes, CapacityDeps, CsatRequestDeps {
  outbox: { kick(): unknown };
}

interface Decision {
  patch: Patch;
  event?: Parameters<typeof eventInsert>[1]["type"];
  data?: Record<string, unknown>;
  /** A message to send with the change (the satisfaction question), committed in its transaction. */
  also?: CsatRequest | null;
}

/** Applies one authoritative change with its event, then publishes the outcome. */
async function change(core: ConversationCommandDeps, user: SessionUser, id: string, decide: (row: ConversationRow, at: number) => Promise<Decision | null>): Promise<Conversation> {
  const current = await conversationForUser(core, user, id);
  return core.locks.run(`conversation:${id}`, async () => {
    const row = (await getConversationRow(core.db, id)) ?? current;
    const at = core.now();
    const decision = await decide(row, at);
    if (!decision) return toConversation(row);
    const also = decision.also ?? null;
    const update = core.db.update(conversations).set(decision.patch).where(eq(conversations.id, id)).returning();
    const event = decision.event
      ? [eventInsert(core, { workspaceId: row.workspaceId, conversationId: id, type: decision.event, actorKind: "agent", actorId: user.id, data: decision.data ?? {}, at })]
      : [];
    const sent = also ? [...also.statements, core.db.select({ position: messages.position }).from(messages).where(eq(messages.id, also.message.id))] : [];
    const results = await core.writer.write([...event, update, ...sent]);
    const updated = toConversation((results[event.length] as ConversationRow[])[0]!);
    const question = also ? { ...toMessage(also.message), position: (results.at(-1) as { position: number }[])[0]?.position ?? 0 } : null;
    publish(core, updated, question ? [question] : []);
    if (question) core.outbox.kick();
    if (freesCapacityOrWaits(row, updated)) afterCapacityFreed(core, row.teamId);
    return updated;
  });
}

export function setConversationStatus(
  core: ConversationCommandDeps,
  user: SessionUser,
  id: string,
  status: ConversationStatus,
  snoozedUntil?: number,
): Promise<Conversation> {
  return change(core, user, id, async (row, at) => {
    if (status === "snoozed" && (snoozedUntil === undefined || snoozedUntil <= core.now())) {
      throw refusedWithFields(400, "validation_failed", "snooze_in_past", {}, { snoozedUntil: "must be in the future" });
    }
    if (row.status === status && (status !== "snoozed" || row.snoozedUntil === snoozedUntil)) return null;
    return {
      patch: { status, snoozedUntil: status === "snoozed" ? snoozedUntil! : null },
      event: "conversation.status_changed",
      data: { from: row.status, to: status, ...(status === "snoozed" ? { until: snoozedUntil } : {}) },
      // Resolved by any path (the chat's own button, a bulk action, a replayed command): the
      // customer may be asked how it went. A failure to plan it never stops the resolution.
      also:
        status === "resolved"
          ? await planCsatRequest(core, row, at).catch((err: unknown) => {
              console.error(`the satisfaction question for conversation ${id} could not be prepared`, err);
              return null;
            })
          : null,
    };
  });
}

export function setConversationPriority(core: ConversationCommandDeps, user: SessionUser, id: string, priority: Priority): Promise<Conversation> {
  return change(core, user, id, async (row) =>
    row.priority === priority ? null : { patch: { priority }, event: "conversation.priority_changed", data: { from: row.priority, to: priority } },
  );
}

export function markConversationRead(core: ConversationCommandDeps, user: SessionUser, id: string): Promise<Conversation> {
  return change(core, user, id, async (row) =>
    row.unreadCount === 0 ? null : { patch: { unreadCount: 0 }, event: "conversation.read", data: { unread: row.unreadCount } },
  );
}

const HOLDS_CAPACITY = new Set(["open", "pending"]);

/**
 * Routing must look at the team again when an agent's chat stops counting against their
 * capacity (resolved, snoozed, handed back or moved), or a chat starts waiting (unassigned and open).
 */
function freesCapacityOrWaits(before: ConversationRow, after: Conversation): boolean {
  const freed = before.assigneeId !== null && HOLDS_CAPACITY.has(before.status) && (after.assigneeId !== before.assigneeId || !HOLDS_CAPACITY.has(after.status));
  const waits = after.assigneeId === null && after.status === "open" && (before.assigneeId !== null || before.status !== "open");
  return freed || waits;
}
