import { eq } from "drizzle-orm";
import { type Conversation, type ConversationStatus, type Priority } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { conversations } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import { afterCapacityFreed, type CapacityDeps } from "../routing/index.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { eventInsert } from "../db/event-rows.ts";
import { toConversation, type ConversationRow } from "../db/read-model.ts";
export { assignConversation, type AssignOptions } from "./assignment.ts";

type Patch = Partial<Pick<ConversationRow, "status" | "snoozedUntil" | "assigneeId" | "priority" | "unreadCount">>;

/** What changing a conversation needs; a chat that frees an agent's capacity tells the router. */
export interface ConversationCommandDeps extends Writes, Publishes, CapacityDeps {}

/** Applies one authoritative change with its event, then publishes the outcome. */
async function change(
  core: ConversationCommandDeps,
  user: SessionUser,
  id: string,
  decide: (row: ConversationRow) => Promise<{ patch: Patch; event?: Parameters<typeof eventInsert>[1]["type"]; data?: Record<string, unknown> } | null>,
): Promise<Conversation> {
  const current = await conversationForUser(core, user, id);
  return core.locks.run(`conversation:${id}`, async () => {
    const row = (await core.db.query.conversations.findFirst({ where: eq(conversations.id, id) })) ?? current;
    const decision = await decide(row);
    if (!decision) return toConversation(row);
    const at = core.now();
    const update = core.db.update(conversations).set(decision.patch).where(eq(conversations.id, id)).returning();
    const results = decision.event
      ? await core.writer.write([
          eventInsert(core, {
            workspaceId: row.workspaceId,
            conversationId: id,
            type: decision.event,
            actorKind: "agent",
            actorId: user.id,
            data: decision.data ?? {},
            at,
          }),
          update,
        ])
      : await core.writer.write([update]);
    const updated = toConversation((results[results.length - 1] as ConversationRow[])[0]!);
    publish(core, updated);
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
  return change(core, user, id, async (row) => {
    if (status === "snoozed" && (snoozedUntil === undefined || snoozedUntil <= core.now())) {
      throw new HttpError(400, "validation_failed", "Choose a time in the future to snooze until.", { snoozedUntil: "must be in the future" });
    }
    if (row.status === status && (status !== "snoozed" || row.snoozedUntil === snoozedUntil)) return null;
    return {
      patch: { status, snoozedUntil: status === "snoozed" ? snoozedUntil! : null },
      event: "conversation.status_changed",
      data: { from: row.status, to: status, ...(status === "snoozed" ? { until: snoozedUntil } : {}) },
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
