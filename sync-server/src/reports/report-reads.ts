import { and, asc, eq, gt, gte, inArray, isNotNull, lt, min, ne, or, sql, type SQL } from "drizzle-orm";
import { PrioritySchema, type EventType } from "@inbox/shared";
import type { ConversationFacts, ReportEvent, ReportFilters } from "@inbox/shared/domain/reports/index";
import type { Reads } from "../db/record.ts";
import { conversations, events } from "../db/schema.ts";
import { visibleConversationsSql } from "../security/conversation-access.ts";
import type { Period } from "./report-period.ts";
import type { ReportViewer } from "./report-scope.ts";

/** Conversation ids per query (SQLite's bound-parameter limit is far above; small chunks keep each query short). */
const IDS_PER_QUERY = 200;
/** Event rows per page: a report never holds a query open over the whole history at once. */
const EVENTS_PER_PAGE = 5000;

/** The events the definitions read (docs/REPORTS.md §4, merges apart): one of them in the period makes a conversation count. */
const PERIOD_TYPES: EventType[] = [
  "conversation.created",
  "conversation.assigned",
  "conversation.status_changed",
  "conversation.priority_changed",
  "conversation.read",
  "conversation.picked_up",
  "conversation.woke",
  "message.received",
  "message.queued",
  "message.sent",
  "message.delivered",
  "message.read",
  "message.failed",
  "message.unconfirmed",
  "routing.rule_fired",
  "csat.requested",
  "csat.rated",
];
/** After the period: a resolution (the chat ran through the period), a read or a reply (unread messages waited through it). */
const LATER_TYPES: EventType[] = ["conversation.status_changed", "conversation.read", "message.queued"];

/** A conversation as it is now: the reference's facts, and what a drill-down row shows. */
export interface ConversationRowFacts extends ConversationFacts {
  contactId: string;
  contactName: string;
  assigneeId: string | null;
}

export interface ReportInput {
  /** Every event of the conversations read, before the period's end, the workspace's merges, and each writer's first message (see `firstMessages`). */
  events: ReportEvent[];
  conversations: Map<string, ConversationRowFacts>;
}

const chunks = <T>(list: readonly T[], size = IDS_PER_QUERY): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * What the reference computation needs for one report, read in bounded steps. Which
 * conversations: those with a reported event in the period, and those a period without events
 * still counts, namely chats running through it (an SLA target can breach while nothing
 * happens) and chats whose customer messages waited unread through it (the awaiting-read
 * snapshot). Each conversation's whole history before the period's end is read, because a
 * cycle, a wait or a holding may have begun long before. Only conversations the caller's role
 * sees, and only those the conversation filters keep (they are facts of the row, so filtering
 * here is what the reference would keep).
 */
export async function readReportInput(core: Reads, viewer: ReportViewer, period: Period, filters: ReportFilters): Promise<ReportInput> {
  const facts = await conversationsInPeriod(core, viewer, period, filters);
  const ids = [...facts.keys()];
  const [history, merges] = await Promise.all([historyOf(core, viewer.workspaceId, ids, period.to), mergesOf(core, viewer.workspaceId)]);
  const firsts = await firstMessages(core, viewer.workspaceId, period.to, history, merges, new Set(ids));
  return { events: [...merges, ...history, ...firsts], conversations: facts };
}

async function conversationsInPeriod(core: Reads, viewer: ReportViewer, period: Period, f: ReportFilters): Promise<Map<string, ConversationRowFacts>> {
  const ws = eq(events.workspaceId, viewer.workspaceId);
  // Both use the (type, at) index: one range per type.
  const [during, later] = await Promise.all([
    core.db.selectDistinct({ id: events.conversationId }).from(events).where(and(inArray(events.type, PERIOD_TYPES), gte(events.at, period.from), lt(events.at, period.to), ws, isNotNull(events.conversationId))),
    core.db.selectDistinct({ id: events.conversationId }).from(events).where(and(inArray(events.type, LATER_TYPES), gte(events.at, period.to), ws, isNotNull(events.conversationId))),
  ]);
  const kept = and(visibleConversationsSql(viewer), lt(conversations.createdAt, period.to), ...factFilters(f));
  const out = new Map<string, ConversationRowFacts>();
  const add = (rows: Array<typeof conversations.$inferSelect>) => {
    for (const r of rows) if (!f.labels || r.labels.some((l) => f.labels!.includes(l))) out.set(r.id, toFacts(r));
  };
  // Unresolved now, or with unread messages now: the chats a period can count without an event in it.
  add(await core.db.select().from(conversations).where(and(kept, or(ne(conversations.status, "resolved"), gt(conversations.unreadCount, 0)))));
  const rest = [...new Set([...during, ...later].map((r) => r.id!))].filter((id) => !out.has(id));
  for (const chunk of chunks(rest)) add(await core.db.select().from(conversations).where(and(inArray(conversations.id, chunk), kept)));
  return out;
}

function factFilters(f: ReportFilters): SQL[] {
  const out: SQL[] = [];
  if (f.teamIds) out.push(inArray(conversations.teamId, [...f.teamIds]));
  if (f.inboxIds) out.push(inArray(conversations.inboxId, [...f.inboxIds]));
  if (f.channels) out.push(inArray(conversations.channel, [...f.channels]));
  if (f.priorities) out.push(inArray(conversations.priority, [...f.priorities]));
  return out;
}

function toFacts(r: typeof conversations.$inferSelect): ConversationRowFacts {
  const priority = PrioritySchema.safeParse(r.priority);
  return {
    inboxId: r.inboxId,
    channel: r.channel,
    teamId: r.teamId,
    ...(priority.success ? { priority: priority.data } : {}),
    labels: r.labels,
    createdAt: r.createdAt,
    contactId: r.contactId,
    contactName: r.contactName,
    assigneeId: r.assigneeId,
  };
}

const eventColumns = {
  rowid: sql<number>`rowid`.as("rowid"),
  id: events.id,
  type: events.type,
  conversationId: events.conversationId,
  actorKind: events.actorKind,
  actorId: events.actorId,
  data: events.data,
  at: events.at,
};

type EventRow = { rowid: number; id: string; type: string; conversationId: string | null; actorKind: string; actorId: string | null; data: Record<string, unknown>; at: number };

// The record's rows are the shared event shape (db/event-rows.ts writes them from it).
const toEvent = ({ rowid: _, ...e }: EventRow): ReportEvent => e as ReportEvent;

/** The conversations' events before `to`, in record order per conversation (rowid), a page at a time. */
async function historyOf(core: Reads, workspaceId: string, ids: readonly string[], to: number): Promise<ReportEvent[]> {
  const out: ReportEvent[] = [];
  for (const chunk of chunks(ids)) {
    let after = 0;
    for (;;) {
      const page: EventRow[] = await core.db
        .select(eventColumns)
        .from(events)
        .where(and(inArray(events.conversationId, chunk), eq(events.workspaceId, workspaceId), lt(events.at, to), gt(sql`rowid`, after)))
        .orderBy(asc(sql`rowid`))
        .limit(EVENTS_PER_PAGE);
      out.push(...page.map(toEvent));
      if (page.length < EVENTS_PER_PAGE) break;
      after = page[page.length - 1]!.rowid;
    }
  }
  return out;
}

/** Every merge the workspace recorded, whenever (docs/REPORTS.md §1.7). */
async function mergesOf(core: Reads, workspaceId: string): Promise<ReportEvent[]> {
  const rows: EventRow[] = await core.db.select(eventColumns).from(events).where(and(eq(events.type, "contact.merged"), eq(events.workspaceId, workspaceId))).orderBy(asc(sql`rowid`));
  return rows.map(toEvent);
}

/**
 * New or returning depends on a person's first message ever, across the workspace (§2.2), which
 * may be in a conversation this report does not read (an earlier chat, another team's). For
 * everyone who wrote in the conversations read, their contacts (merges followed both ways) are
 * looked up, and each contact's earliest customer message in their other conversations is added
 * as a `message.received` with no conversation: the reference reads such an event only for
 * "first message ever" (conversation figures skip events without a conversation), so the
 * figures equal those over the whole record. Conversations deleted by retention are not read.
 */
async function firstMessages(core: Reads, workspaceId: string, to: number, history: readonly ReportEvent[], merges: readonly ReportEvent[], read: ReadonlySet<string>): Promise<ReportEvent[]> {
  const linked = new Map<string, string[]>();
  const link = (a: string, b: string) => linked.set(a, [...(linked.get(a) ?? []), b]);
  for (const m of merges) {
    const kept = m.data.keptId;
    const merged = m.data.mergedId;
    if (typeof kept === "string" && typeof merged === "string") (link(kept, merged), link(merged, kept));
  }
  const contacts = new Set<string>();
  const stack = history.flatMap((e) => (e.type === "message.received" && e.actorKind === "customer" && e.actorId ? [e.actorId] : []));
  while (stack.length) {
    const id = stack.pop()!;
    if (contacts.has(id)) continue;
    contacts.add(id);
    stack.push(...(linked.get(id) ?? []));
  }

  const others: string[] = [];
  for (const chunk of chunks([...contacts])) {
    const rows = await core.db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.contactId, chunk)));
    others.push(...rows.map((r) => r.id).filter((id) => !read.has(id)));
  }
  const earliest = new Map<string, number>();
  for (const chunk of chunks(others)) {
    const rows = await core.db
      .select({ actorId: events.actorId, at: min(events.at) })
      .from(events)
      .where(and(inArray(events.conversationId, chunk), eq(events.type, "message.received"), eq(events.actorKind, "customer"), lt(events.at, to)))
      .groupBy(events.actorId);
    for (const r of rows) if (r.actorId && r.at !== null && r.at < (earliest.get(r.actorId) ?? Infinity)) earliest.set(r.actorId, r.at);
  }
  return [...earliest].map(([actorId, at]) => ({ id: `first-message:${actorId}`, type: "message.received", conversationId: null, actorKind: "customer", actorId, data: {}, at }));
}
