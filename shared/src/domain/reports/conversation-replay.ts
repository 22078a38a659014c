import type { BusinessCalendar } from "../business-hours.ts";
import type { ConversationStatus } from "../conversation.ts";
import { measure } from "./clock.ts";
import { dataNumber, dataStatus, dataString } from "./event-data.ts";
import type { ConversationTrace, Observation } from "./observations.ts";
import type { CountMetric, DurationMetric, ReportEvent } from "./types.ts";

/**
 * One conversation's events replayed in record order into observations (docs/REPORTS.md says
 * what each means). The replay mirrors what the server wrote, including its orderings: a
 * customer's message is recorded before the reopening it causes, and a reply before the
 * assignment it takes.
 */

export interface ReplayInput {
  conversationId: string;
  /** This conversation's events before the period's end, in record order. */
  events: readonly ReportEvent[];
  createdAt: number | undefined;
  businessHours: BusinessCalendar | undefined;
  personOf(contactId: string): string;
  firstMessageAt(personId: string): number;
}

const PAUSED: ReadonlySet<ConversationStatus> = new Set(["pending", "snoozed"]);
/** Routing offers: the agent holds the chat only once they pick it up (or reply). */
const OFFER_REASONS: ReadonlySet<string> = new Set(["routing", "reroute"]);

interface Holding {
  agentId: string;
  since: number;
  /** Taken back unless picked up: an offer nobody picked up was never held. */
  held: boolean;
  /** Has answered a waiting customer since the holding began (its "first response from assignment" is taken). */
  answered: boolean;
}

interface Cycle {
  start: number;
  attended: boolean;
  firstResponded: boolean;
  repliedBy: Set<string>;
  /** The latest agent who held the chat in this cycle. */
  heldBy: string | null;
  reassigned: boolean;
}

const STATUS_OF_EVENT = { "message.sent": "sent", "message.delivered": "delivered", "message.read": "read", "message.failed": "failed", "message.unconfirmed": "unconfirmed" } as const;
/** Reaching a delivery status implies the ones before it (a platform may skip "sent"). */
const IMPLIED: Record<string, readonly CountMetric[]> = {
  sent: ["sent"],
  delivered: ["sent", "delivered"],
  read: ["sent", "delivered", "read"],
  failed: ["failed"],
  unconfirmed: ["unconfirmed"],
};

export function replayConversation(input: ReplayInput): { observations: Observation[]; trace: ConversationTrace } {
  const { conversationId, businessHours } = input;
  const out: Observation[] = [];
  const trace: ConversationTrace = { conversationId, inboxId: null, channel: null, createdAt: input.createdAt ?? input.events[0]?.at ?? 0, holders: [], unread: [], paused: [] };
  let status: ConversationStatus = "open";
  let cycle: Cycle | null = null;
  let holding: Holding | null = null;
  let waitStart: number | null = null;
  let pausedSince: number | null = null;
  let lastResolver: string | null = null;
  const assignedAt = new Map<string, number>();
  /** Outbound message id → its author (null: an automatic reply or unknown). */
  const authors = new Map<string, string | null>();
  const reached = new Map<string, Set<CountMetric>>();

  const clock = (from: number, to: number) => measure(from, to, pausedSince === null ? trace.paused : [...trace.paused, [pausedSince, null]], businessHours);
  const count = (metric: CountMetric, at: number, agentId: string | null) => out.push({ kind: "count", metric, at, conversationId, agentId });
  const duration = (metric: DurationMetric, at: number, agentId: string | null, ms: number) => out.push({ kind: "duration", metric, at, conversationId, agentId, ms });
  const holder = () => holding?.agentId ?? null;

  const startCycle = (at: number, reopen: boolean) => {
    // Each cycle counts on its own: whoever still holds a reopened chat has it anew from the reopening.
    if (holding) holding = { ...holding, since: at, answered: false };
    cycle = { start: at, attended: false, firstResponded: false, repliedBy: new Set(), heldBy: holding?.held ? holding.agentId : null, reassigned: false };
    count("started", at, holder());
    if (!reopen) count("new", at, holder());
  };

  const markHeld = (agentId: string, at: number) => {
    if (!holding || holding.agentId !== agentId || holding.held) return;
    holding.held = true;
    if (!cycle) return;
    if (cycle.heldBy !== null && cycle.heldBy !== agentId && !cycle.reassigned) {
      cycle.reassigned = true;
      count("reassigned", at, cycle.heldBy);
    }
    cycle.heldBy = agentId;
  };

  const setStatus = (to: ConversationStatus, at: number, resolver: string | null) => {
    if (to === status) return;
    if (pausedSince !== null) {
      trace.paused.push([pausedSince, at]);
      pausedSince = null;
    }
    if (to === "resolved" && cycle) {
      const by = resolver ?? holder();
      count("resolved", at, by);
      duration("resolution", at, by, clock(cycle.start, at));
      lastResolver = by;
      waitStart = null;
      cycle = null;
    } else if (status === "resolved") {
      count("reopened", at, lastResolver);
      startCycle(at, true);
    }
    if (PAUSED.has(to)) pausedSince = at;
    status = to;
  };

  const customerWrote = (e: ReportEvent) => {
    // The server reopens a resolved or snoozed chat in the same transaction, recording it just after the message.
    if (status === "resolved" || status === "snoozed") setStatus("open", e.at, null);
    waitStart ??= e.at;
    count("received", e.at, holder());
    trace.unread.push({ at: e.at, change: "in" });
    if (e.actorId) {
      const personId = input.personOf(e.actorId);
      out.push({ kind: "contact", at: e.at, conversationId, agentId: holder(), personId, firstAt: input.firstMessageAt(personId) });
    }
  };

  const agentReplied = (e: ReportEvent, agentId: string) => {
    const messageId = dataString(e, "messageId");
    if (messageId) authors.set(messageId, agentId);
    trace.unread.push({ at: e.at, change: "clear" });
    // A reply to a resolved chat does not reopen it: it belongs to no cycle and answers nobody waiting.
    if (!cycle) return;
    if (!cycle.attended) count("attended", e.at, agentId);
    cycle.attended = true;
    if (!cycle.repliedBy.has(agentId)) count("agentAttended", e.at, agentId);
    cycle.repliedBy.add(agentId);
    if (waitStart !== null) {
      duration("response", e.at, agentId, clock(waitStart, e.at));
      if (!cycle.firstResponded) duration("firstResponse", e.at, agentId, clock(waitStart, e.at));
      cycle.firstResponded = true;
      if (holding?.agentId === agentId && !holding.answered) duration("firstResponseFromAssignment", e.at, agentId, clock(Math.max(holding.since, waitStart), e.at));
      if (holding?.agentId === agentId) holding.answered = true;
      waitStart = null;
    }
    // Replying to a chat offered to you picks it up (routing/pickup.ts pickupOnReply).
    markHeld(agentId, e.at);
  };

  const assigned = (e: ReportEvent) => {
    const to = dataString(e, "to");
    const reason = dataString(e, "reason") ?? "";
    assignedAt.set(e.id, e.at);
    trace.holders.push({ at: e.at, agentId: to });
    // A chat taken by replying was never waiting on its taker: no "from assignment" sample (answered from the start).
    holding = to === null ? null : { agentId: to, since: e.at, held: false, answered: reason === "replied" };
    if (to !== null && !OFFER_REASONS.has(reason)) markHeld(to, e.at);
  };

  const pickedUp = (e: ReportEvent) => {
    const agentId = e.actorId;
    if (!agentId) return;
    const ref = dataString(e, "assignmentEventId");
    const from = (ref ? assignedAt.get(ref) : undefined) ?? e.at - (dataNumber(e, "waitedMs") ?? 0);
    duration("pickup", e.at, agentId, clock(from, e.at));
    markHeld(agentId, e.at);
  };

  const delivery = (e: ReportEvent, status: keyof typeof IMPLIED) => {
    const messageId = dataString(e, "messageId");
    if (!messageId) return;
    const seen = reached.get(messageId) ?? new Set<CountMetric>();
    reached.set(messageId, seen);
    for (const metric of IMPLIED[status]!) {
      if (seen.has(metric)) continue;
      seen.add(metric);
      count(metric, e.at, authors.get(messageId) ?? null);
    }
  };

  input.events.forEach((e, i) => {
    if (i === 0) {
      if (e.type === "conversation.created") trace.createdAt = e.at;
      startCycle(e.type === "conversation.created" ? e.at : trace.createdAt, false);
    }
    switch (e.type) {
      case "conversation.created":
        trace.inboxId = dataString(e, "inboxId");
        trace.channel = dataString(e, "channel");
        return;
      case "message.received":
        return customerWrote(e);
      case "message.queued":
        // Only people write `message.queued` today; the actor kind is checked so a future bot's never counts.
        if (e.actorKind === "agent" && e.actorId) agentReplied(e, e.actorId);
        return;
      case "conversation.assigned":
        return assigned(e);
      case "conversation.picked_up":
        return pickedUp(e);
      case "conversation.status_changed": {
        const to = dataStatus(e, "to");
        if (to) setStatus(to, e.at, e.actorKind === "agent" ? e.actorId : null);
        return;
      }
      case "conversation.woke":
        return setStatus("open", e.at, null);
      case "conversation.read":
        trace.unread.push({ at: e.at, change: "clear" });
        return;
      case "csat.requested":
        // Attributed to whoever had the chat when it was resolved (the request names them).
        count("csatAsked", e.at, dataString(e, "agentId"));
        return;
      case "csat.rated": {
        const rating = dataNumber(e, "rating");
        if (rating === 1 || rating === 2 || rating === 3 || rating === 4 || rating === 5) count(`csat${rating}`, e.at, dataString(e, "agentId"));
        return;
      }
      case "routing.rule_fired": {
        const messageId = dataString(e, "replyMessageId");
        if (!messageId) return;
        authors.set(messageId, null);
        count("autoReplies", e.at, null);
        return;
      }
      case "message.sent":
      case "message.delivered":
      case "message.read":
      case "message.failed":
      case "message.unconfirmed":
        return delivery(e, STATUS_OF_EVENT[e.type]);
      default:
        return;
    }
  });
  if (pausedSince !== null) trace.paused.push([pausedSince, null]);
  return { observations: out, trace };
}
