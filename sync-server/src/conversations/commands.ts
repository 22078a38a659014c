import { and, eq } from "drizzle-orm";
import type { Command, CommandResult } from "@inbox/shared";
import { updateContact, type ContactsDeps } from "../contacts/index.ts";
import type { Caches } from "../db/caches.ts";
import { processedCommands } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import type { RequestOrigin } from "../http/audit-actor.ts";
import { sendAgentReply, type ReplyDeps } from "../messages/index.ts";
import { joinConversation, setHand, transferConversation } from "./intervene.ts";
import { assignConversation, markConversationRead, setConversationPriority, setConversationStatus, type ConversationCommandDeps } from "./conversation-commands.ts";

/** What replaying a device's commands needs: every command it may carry. */
export interface CommandsDeps extends ConversationCommandDeps, ReplyDeps, ContactsDeps {
  caches: Pick<Caches, "inboxes" | "visitors" | "latestConversation">;
}

/**
 * Applies an agent's commands in the order they were done. Each clientId is applied once: the
 * first outcome is stored and a replay (after a dropped connection, a crash, a reopened tab)
 * gets it back. Refusals are outcomes too; server faults are not stored, so they are retried.
 */
export async function applyCommands(core: CommandsDeps, user: SessionUser, commands: Command[], from: RequestOrigin | null = null): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  const outcomes: (typeof processedCommands.$inferInsert)[] = [];
  try {
    for (const command of commands) results.push(await applyOnce(core, user, command, outcomes, from));
  } finally {
    // Outcomes are recorded together, one commit per batch. If the process dies first, a replay
    // applies them again, and every command is idempotent in itself (message clientIds, "set
    // status to X"), so nothing happens twice; the record only makes repeats cheap and exact.
    if (outcomes.length) {
      await core.writer.write([core.db.insert(processedCommands).values(outcomes).onConflictDoNothing()]);
    }
  }
  return results;
}

async function applyOnce(
  core: CommandsDeps,
  user: SessionUser,
  command: Command,
  outcomes: (typeof processedCommands.$inferInsert)[],
  from: RequestOrigin | null,
): Promise<CommandResult> {
  // Client ids are unique per workspace: another workspace's ids neither collide nor show.
  const prior = await core.db.query.processedCommands.findFirst({
    where: and(eq(processedCommands.workspaceId, user.workspaceId), eq(processedCommands.clientId, command.clientId)),
  });
  if (prior) {
    if (prior.userId !== user.id) {
      return { clientId: command.clientId, ok: false, code: "conflict", message: "This change id was already used by someone else.", keepAsDraft: command.type === "reply" };
    }
    return prior.result as unknown as CommandResult;
  }
  let result: CommandResult;
  try {
    result = await apply(core, user, command, from);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500) throw err;
    result = {
      clientId: command.clientId,
      ok: false,
      code: err.code,
      message: err.message,
      keepAsDraft: command.type === "reply",
      ...(err.fields ? { fields: err.fields } : {}),
    };
  }
  outcomes.push({ workspaceId: user.workspaceId, clientId: command.clientId, userId: user.id, result: result as unknown as Record<string, unknown>, at: core.now() });
  return result;
}

async function apply(core: CommandsDeps, user: SessionUser, c: Command, from: RequestOrigin | null): Promise<CommandResult> {
  const ok = (extra: Omit<Extract<CommandResult, { ok: true }>, "clientId" | "ok">): CommandResult => ({ clientId: c.clientId, ok: true, ...extra });
  switch (c.type) {
    case "reply": {
      const r = await sendAgentReply(core, user, c.conversationId, {
        clientId: c.clientId,
        content: c.content ?? { kind: "text", text: c.text || " " },
        expectedAssigneeId: c.expectedAssigneeId,
        ...(c.template ? { template: c.template } : {}),
      });
      return ok({ conversation: r.conversation, message: r.message });
    }
    case "status":
      return ok({ conversation: await setConversationStatus(core, user, c.conversationId, c.status, c.snoozedUntil) });
    case "priority":
      return ok({ conversation: await setConversationPriority(core, user, c.conversationId, c.priority) });
    case "assign":
      return ok({
        conversation: await assignConversation(core, user, c.conversationId, c.assigneeId, { reason: c.reason, override: c.override, expectedAssigneeId: c.expectedAssigneeId }),
      });
    case "read":
      return ok({ conversation: await markConversationRead(core, user, c.conversationId) });
    case "contact.update": {
      const r = await updateContact(core, user, c.contactId, c.patch, { conversationId: c.conversationId, from });
      return ok({ conversation: r.conversations.find((conv) => conv.id === c.conversationId) });
    }
    case "transfer":
      return ok({ conversation: await transferConversation(core, user, c.conversationId, c.teamId, { reason: c.reason, expectedTeamId: c.expectedTeamId }) });
    case "hand":
      return ok({ conversation: await setHand(core, user, c.conversationId, c.raised) });
    case "join":
      return ok({ conversation: await joinConversation(core, user, c.conversationId) });
  }
}
