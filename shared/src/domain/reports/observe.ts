import { PrioritySchema, type Priority } from "../conversation.ts";
import { firstMessages, personResolver } from "./contacts.ts";
import { replayConversation } from "./conversation-replay.ts";
import { inRecordOrder } from "./event-data.ts";
import type { ConversationTrace, Observation } from "./observations.ts";
import { slaObservations } from "./sla-outcomes.ts";
import type { ConversationFacts, ReportEvent, ReportOptions } from "./types.ts";

/** What a conversation is, for filters and breakdowns: events first, the caller's facts for the rest. */
export interface ConversationView {
  inboxId: string | null;
  channel: string | null;
  teamId: string | null;
  priority: Priority;
  labels: readonly string[];
}

export interface Observed {
  observations: Observation[];
  traces: Map<string, ConversationTrace>;
  views: Map<string, ConversationView>;
}

/**
 * Every event before the period's end (and every merge, whenever recorded) turned into
 * observations: the whole history is read, not only the period's, because a first response,
 * a reopening or a returning customer depends on what came before.
 */
export function observe(events: readonly ReportEvent[], options: ReportOptions): Observed {
  const ordered = inRecordOrder(events);
  const personOf = personResolver(ordered);
  const before = ordered.filter((e) => e.at < options.to);
  const first = firstMessages(before, personOf);
  const byConversation = new Map<string, ReportEvent[]>();
  for (const e of before) {
    if (e.conversationId === null) continue;
    const list = byConversation.get(e.conversationId) ?? [];
    list.push(e);
    byConversation.set(e.conversationId, list);
  }

  const observations: Observation[] = [];
  const traces = new Map<string, ConversationTrace>();
  const views = new Map<string, ConversationView>();
  for (const [conversationId, list] of byConversation) {
    const facts: ConversationFacts = options.conversations?.get(conversationId) ?? {};
    const { observations: found, trace } = replayConversation({
      conversationId,
      events: list,
      createdAt: facts.createdAt,
      businessHours: options.businessHours,
      personOf,
      firstMessageAt: (person) => first.get(person) ?? Number.NEGATIVE_INFINITY,
    });
    const view: ConversationView = {
      inboxId: trace.inboxId ?? facts.inboxId ?? null,
      channel: trace.channel ?? facts.channel ?? null,
      teamId: facts.teamId ?? null,
      priority: facts.priority ?? lastPriority(list) ?? "normal",
      labels: facts.labels ?? [],
    };
    observations.push(...found);
    if (options.sla) {
      observations.push(...slaObservations({ conversationId, events: list, trace, inboxId: view.inboxId, priority: view.priority, ...options.sla, to: options.to }));
    }
    traces.set(conversationId, trace);
    views.set(conversationId, view);
  }
  return { observations, traces, views };
}

/** The priority the last `conversation.priority_changed` set (a rule's priority on a new chat is not an event of its own). */
export function lastPriority(events: readonly ReportEvent[]): Priority | null {
  let priority: Priority | null = null;
  for (const e of events) {
    if (e.type !== "conversation.priority_changed") continue;
    const to = PrioritySchema.safeParse(e.data.to);
    if (to.success) priority = to.data;
  }
  return priority;
}
