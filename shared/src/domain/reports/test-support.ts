import type { ConversationStatus } from "../conversation.ts";
import { computeReport } from "./compute-report.ts";
import type { Report, ReportEvent, ReportOptions } from "./types.ts";

/**
 * Small readable event histories for the reports' tests. `Chat` writes what the server writes
 * for each action, in the server's order (a customer's message before the reopening it causes,
 * a reply before the assignment it takes), so tests read like what happened to a chat.
 */

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** Times of one UTC day: `day("2026-03-02")("09:30")`. */
export function day(date: string): (time: string) => number {
  return (time) => Date.parse(`${date}T${time}:00Z`);
}

let nextId = 0;
const id = (prefix: string) => `${prefix}${++nextId}`;

export class Chat {
  readonly events: ReportEvent[] = [];
  private status: ConversationStatus = "open";
  private assignee: string | null = null;
  private lastAssignment: string | null = null;
  /** The id of the latest outbound message (a reply or an automatic one). */
  lastMessageId = "";

  constructor(
    readonly id: string,
    readonly contactId = `contact-of-${id}`,
    readonly inbox: { inboxId: string; channel: string } = { inboxId: "inbox-web", channel: "webchat" },
  ) {}

  private push(type: ReportEvent["type"], at: number, actorKind: ReportEvent["actorKind"], actorId: string | null, data: Record<string, unknown> = {}): string {
    const eventId = id("e");
    this.events.push({ id: eventId, type, conversationId: this.id, actorKind, actorId, data, at });
    return eventId;
  }

  /** The customer's first message starts the conversation. */
  opens(at: number): this {
    this.push("conversation.created", at, "customer", this.contactId, { ...this.inbox });
    this.push("message.received", at, "customer", this.contactId, { messageId: id("m") });
    return this;
  }

  customer(at: number, contactId = this.contactId): this {
    this.push("message.received", at, "customer", contactId, { messageId: id("m") });
    if (this.status === "resolved" || this.status === "snoozed") {
      this.push("conversation.status_changed", at, "customer", contactId, { from: this.status, to: "open", reason: "customer_wrote" });
      this.status = "open";
    }
    return this;
  }

  /** An agent's reply as the server records it (server time: also for replies written offline). */
  reply(agent: string, at: number): this {
    this.lastMessageId = id("m");
    this.push("message.queued", at, "agent", agent, { messageId: this.lastMessageId });
    if (this.assignee === null) this.assigned(agent, at, "agent", agent, "replied");
    return this;
  }

  /** A routing rule's canned reply: a bot message named by `routing.rule_fired`, no `message.queued`. */
  autoReply(at: number): this {
    this.lastMessageId = id("m");
    this.push("routing.rule_fired", at, "system", null, { ruleId: "rule-1", name: "Greeting", actions: [{ type: "send_canned", cannedId: "c" }], names: {}, replyMessageId: this.lastMessageId });
    return this;
  }

  /** Routing offers the chat (held only once picked up). */
  offer(agent: string, at: number, reason: "routing" | "reroute" = "routing"): this {
    return this.assigned(agent, at, "system", null, reason);
  }

  assign(agent: string | null, at: number, by = "supervisor"): this {
    return this.assigned(agent, at, "agent", by, "manual");
  }

  private assigned(agent: string | null, at: number, kind: ReportEvent["actorKind"], by: string | null, reason: string): this {
    this.lastAssignment = this.push("conversation.assigned", at, kind, by, { from: this.assignee, to: agent, reason });
    this.assignee = agent;
    return this;
  }

  pickUp(agent: string, at: number): this {
    const assignment = this.events.find((e) => e.id === this.lastAssignment);
    this.push("conversation.picked_up", at, "agent", agent, { assignmentEventId: this.lastAssignment, waitedMs: at - (assignment?.at ?? at), via: "button" });
    return this;
  }

  setStatus(to: ConversationStatus, at: number, by: string, extra: Record<string, unknown> = {}): this {
    this.push("conversation.status_changed", at, "agent", by, { from: this.status, to, ...extra });
    this.status = to;
    return this;
  }

  resolve(at: number, by: string): this {
    return this.setStatus("resolved", at, by);
  }

  snooze(at: number, until: number, by: string): this {
    return this.setStatus("snoozed", at, by, { until });
  }

  wake(at: number): this {
    this.push("conversation.woke", at, "system", null, { from: "snoozed", to: "open" });
    this.status = "open";
    return this;
  }

  read(agent: string, at: number): this {
    this.push("conversation.read", at, "agent", agent, { unread: 1 });
    return this;
  }

  /** An outbound message's outcome or receipt (the outbox and webhooks write these as "system"). */
  delivery(messageId: string, status: "sent" | "delivered" | "read" | "failed" | "unconfirmed", at: number): this {
    this.push(`message.${status}`, at, "system", null, { messageId });
    return this;
  }

  /** The satisfaction question on resolving, naming who had the chat. */
  csatAsked(agent: string | null, at: number): this {
    this.push("csat.requested", at, "system", null, { messageId: id("m"), inboxId: this.inbox.inboxId, agentId: agent, language: "en" });
    return this;
  }

  /** The customer's rating (it does not reopen the chat). */
  rated(rating: number, agent: string | null, at: number): this {
    this.push("csat.rated", at, "customer", this.contactId, { rating, comment: null, messageId: id("m"), requestMessageId: "q", inboxId: this.inbox.inboxId, agentId: agent });
    return this;
  }

  priority(to: string, at: number, by: string): this {
    this.push("conversation.priority_changed", at, "agent", by, { to });
    return this;
  }
}

export function merge(keptId: string, mergedId: string, at: number): ReportEvent {
  return { id: id("e"), type: "contact.merged", conversationId: null, actorKind: "agent", actorId: "supervisor", data: { keptId, mergedId, conversationIds: [] }, at };
}

/** The report over some chats (and loose events), in UTC unless told otherwise. */
export function reportOf(parts: ReadonlyArray<Chat | ReportEvent>, options: Partial<ReportOptions> & Pick<ReportOptions, "from" | "to">): Report {
  const events = parts.flatMap((p) => (p instanceof Chat ? p.events : [p]));
  return computeReport(events, { timeZone: "UTC", ...options });
}
