import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  computeSla,
  DEFAULT_CALENDAR,
  nextSlaChange,
  policyFor,
  summarizeSla,
  type BusinessCalendar,
  type Conversation,
  type ConversationStatus,
  type SlaHistoryEvent,
  type SlaPolicy,
  type SlaTargetStatus,
} from "@inbox/shared";
import type { Reads, Writes } from "../db/record.ts";
import { events, slaPolicies, workspaces } from "../db/schema.ts";
import { conversations } from "../db/schema.ts";
import { getConversationRow, toConversation, type ConversationRow } from "../db/read-model.ts";

/** The events the SLA clock reads, mapped to its history (see shared/domain/sla.ts). */
const CLOCK_EVENTS = ["message.received", "message.queued", "conversation.status_changed", "conversation.woke"] as const;

export async function workspaceCalendar(core: Reads, workspaceId: string): Promise<BusinessCalendar> {
  const row = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId) });
  return row?.businessCalendar ?? DEFAULT_CALENDAR;
}

export async function workspacePolicies(core: Reads, workspaceId: string): Promise<SlaPolicy[]> {
  const rows = await core.db.select().from(slaPolicies).where(eq(slaPolicies.workspaceId, workspaceId));
  return rows.map((r) => ({ ...r, priority: r.priority ?? null }));
}

export async function conversationHistory(core: Reads, row: ConversationRow): Promise<SlaHistoryEvent[]> {
  const rows = await core.db
    .select({ type: events.type, at: events.at, data: events.data })
    .from(events)
    .where(and(eq(events.conversationId, row.id), inArray(events.type, [...CLOCK_EVENTS])))
    .orderBy(asc(events.at), asc(sql`rowid`));
  return rows.flatMap((e): SlaHistoryEvent[] => {
    if (e.type === "message.received") return [{ at: e.at, kind: "customer_message" }];
    if (e.type === "message.queued") return [{ at: e.at, kind: "agent_reply" }];
    if (e.type === "conversation.woke") return [{ at: e.at, kind: "status", status: "open" }];
    const to = (e.data as { to?: unknown }).to;
    return typeof to === "string" ? [{ at: e.at, kind: "status", status: to as ConversationStatus }] : [];
  });
}

export interface SlaReading {
  policy: SlaPolicy | null;
  statuses: SlaTargetStatus[];
}

/** The clock of one conversation at `now`, from the record. */
export async function readSla(core: Reads, row: ConversationRow, now: number): Promise<SlaReading> {
  const policy = policyFor(await workspacePolicies(core, row.workspaceId), { inboxId: row.inboxId, priority: row.priority as Conversation["priority"] });
  if (!policy) return { policy: null, statuses: [] };
  const [calendar, history] = await Promise.all([workspaceCalendar(core, row.workspaceId), conversationHistory(core, row)]);
  return { policy, statuses: computeSla({ policy, calendar, createdAt: row.createdAt, history, now }) };
}

/**
 * Stores the conversation's SLA summary and when it next changes on its own; returns the
 * conversation as committed when that changed anything (to publish), else null.
 */
export async function refreshSla(core: Writes, id: string): Promise<Conversation | null> {
  return core.locks.run(`conversation:${id}`, async () => {
    const row = await getConversationRow(core.db, id);
    if (!row) return null;
    const now = core.now();
    const { policy, statuses } = await readSla(core, row, now);
    const sla = policy ? summarizeSla(policy.id, statuses) : null;
    const checkAt = nextSlaChange(statuses, now);
    if (JSON.stringify(row.sla ?? null) === JSON.stringify(sla) && row.slaCheckAt === checkAt) return null;
    const [updated] = await core.writer.write([core.db.update(conversations).set({ sla, slaCheckAt: checkAt }).where(eq(conversations.id, id)).returning()]);
    const fresh = (updated as ConversationRow[])[0];
    return fresh ? toConversation(fresh) : null;
  });
}
