/**
 * The agent's actions that wait in the outbox, shown as if done: a resolved conversation shows
 * resolved, a reply shows in the timeline as pending, until the server has answered. Pure, so
 * the pending/confirmed rules are unit-tested.
 */
import { previewOf, type Command, type Conversation, type Message } from "@inbox/shared";
import type { OutboxRow } from "../local/rows.ts";

/** A conversation as it will be once this command is applied. */
export function applyCommand(c: Conversation, command: Command): Conversation {
  switch (command.type) {
    case "status":
      return {
        ...c,
        status: command.status,
        snoozedUntil: command.status === "snoozed" ? (command.snoozedUntil ?? c.snoozedUntil) : null,
      };
    case "priority":
      return { ...c, priority: command.priority };
    case "assign":
      return { ...c, assigneeId: command.assigneeId };
    // Supervision: a transfer shows in the new team's queue, a raised hand at once, a join lowers it.
    case "transfer":
      return { ...c, teamId: command.teamId, assigneeId: null };
    case "hand":
      return command.raised ? { ...c, helpRequestedAt: c.helpRequestedAt ?? Date.now(), helpRequestedBy: c.helpRequestedBy ?? null } : { ...c, helpRequestedAt: null, helpRequestedBy: null };
    case "join":
      return { ...c, helpRequestedAt: null, helpRequestedBy: null };
    case "read":
      return { ...c, unreadCount: 0 };
    case "reply": {
      const at = Math.max(c.lastActivityAt, command.writtenAt ?? c.lastActivityAt);
      const preview = command.content ? previewOf(command.content) : command.text;
      return { ...c, lastMessagePreview: preview.slice(0, 140), lastActivityAt: at, unreadCount: 0 };
    }
    case "contact.update":
      // The list and header show the new name at once; the other fields live on the contact.
      return command.patch.name && c.contactId === command.contactId ? { ...c, contactName: command.patch.name } : c;
  }
}

/** Outbox rows not yet answered, by conversation, in the order they were made. */
export function queuedByConversation(rows: readonly OutboxRow[]): Map<string, Command[]> {
  const out = new Map<string, Command[]>();
  for (const row of rows) {
    if (row.state !== "queued") continue;
    const list = out.get(row.conversationId);
    if (list) list.push(row.command);
    else out.set(row.conversationId, [row.command]);
  }
  return out;
}

export function overlayPending(c: Conversation, queued: readonly Command[] | undefined): Conversation {
  if (!queued || queued.length === 0) return c;
  return queued.reduce(applyCommand, c);
}

/** The message an agent sees while their send is in flight: outbound, queued ("Sending…"). */
export function pendingMessage(args: {
  conversationId: string;
  clientId: string;
  text: string;
  senderId: string;
  senderName: string;
  now: number;
}): Message {
  return {
    id: `pending-${args.clientId}`,
    conversationId: args.conversationId,
    direction: "outbound",
    senderKind: "agent",
    senderId: args.senderId,
    senderName: args.senderName,
    content: { kind: "text", text: args.text },
    status: "queued",
    failureReason: null,
    clientId: args.clientId,
    createdAt: args.now,
    // The server gives it its place when it stores it; until then it comes after everything.
    position: Number.MAX_SAFE_INTEGER,
  };
}

/**
 * The agent's replies to this conversation that the server has not shown back yet: "queued"
 * ones are waiting to be sent; "done" ones were accepted and wait for the server's copy.
 */
export function pendingReplies(rows: readonly OutboxRow[], conversationId: string, me: { id: string; name: string }): Message[] {
  const out: Message[] = [];
  for (const row of rows) {
    const c = row.command;
    if (c.type !== "reply" || c.conversationId !== conversationId) continue;
    const m = pendingMessage({
      conversationId,
      clientId: c.clientId,
      text: c.text,
      senderId: me.id,
      senderName: me.name,
      now: c.writtenAt ?? row.createdAt,
    });
    // An attachment or choices show as what they are while they wait.
    // A template shows as the text the agent previewed, marked as one (with a media header, its file captioned so).
    const shown = c.content
      ? { ...m, content: c.template && "url" in c.content ? { ...c.content, caption: c.text, template: c.template } : c.content }
      : c.template && c.text
        ? { ...m, content: { kind: "text" as const, text: c.text, template: c.template } }
        : m;
    out.push(row.state === "done" ? { ...shown, status: "sent" } : shown);
  }
  return out;
}

/** Changes the agent made that the server has not answered ("3 changes waiting"); reads don't count. */
export function waitingCount(rows: readonly OutboxRow[]): number {
  let n = 0;
  for (const row of rows) if (row.state === "queued" && row.command.type !== "read") n++;
  return n;
}

/** A read for this conversation is already waiting: another would change nothing. */
export function hasQueuedRead(rows: readonly OutboxRow[], conversationId: string): boolean {
  return rows.some((r) => r.state === "queued" && r.command.type === "read" && r.conversationId === conversationId);
}
