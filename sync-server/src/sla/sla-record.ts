import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  BusinessCalendarSchema,
  computeSla,
  DEFAULT_CALENDAR,
  nextSlaChange,
  policyFor,
  summarizeSla,
  newId,
  type BusinessCalendar,
  type Conversation,
  type ConversationStatus,
  type SlaHistoryEvent,
  type SlaPolicy,
  type SlaTarget,
  type SlaTargetStatus,
} from "@inbox/shared";
import type { Reads, Writes } from "../db/record.ts";
import { events, slaAlerts, slaPolicies, workspaces } from "../db/schema.ts";
import { conversations } from "../db/schema.ts";
import { getConversationRow, toConversation, type ConversationRow } from "../db/read-model.ts";

/** The events the SLA clock reads, mapped to its history (see shared/domain/sla.ts). */
const CLOCK_EVENTS = ["message.received", "message.queued", "conversation.status_changed", "conversation.woke"] as const;

export async function workspaceCalendar(core: Reads, workspaceId: string): Promise<BusinessCalendar> {
  const row = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId) });
  // Parsed, so a calendar stored before holidays had names (bare dates) reads in today's form.
  const stored = BusinessCalendarSchema.safeParse(row?.businessCalendar);
  return stored.success ? stored.data : DEFAULT_CALENDAR;
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

/** An `sla.at_risk` / `sla.breached` this refresh recorded (each once per target, cycle and kind). */
export interface SlaAlert {
  kind: "at_risk" | "breached";
  target: SlaTarget;
  cycleStart: number;
}

export interface SlaRefresh {
  /** The conversation as committed when its SLA changed (to publish); null: nothing to publish. */
  conversation: Conversation | null;
  /** The alerts this refresh recorded, to tell people about (none: nothing new). */
  alerts: SlaAlert[];
  policy: SlaPolicy | null;
  row: ConversationRow | null;
}

/**
 * Stores the conversation's SLA summary and when it next changes on its own, with the at-risk
 * and breach events it has earned, in one transaction.
 */
export async function refreshSla(core: Writes, id: string): Promise<SlaRefresh> {
  return core.locks.run(`conversation:${id}`, async () => {
    const row = await getConversationRow(core.db, id);
    if (!row) return { conversation: null, alerts: [], policy: null, row: null };
    const now = core.now();
    const { policy, statuses } = await readSla(core, row, now);
    const sla = policy ? summarizeSla(policy.id, statuses) : null;
    const checkAt = nextSlaChange(statuses, now);
    const alerts = policy ? await newAlerts(core, row, policy.id, statuses, now) : [];
    if (JSON.stringify(row.sla ?? null) === JSON.stringify(sla) && row.slaCheckAt === checkAt && !alerts.length) return { conversation: null, alerts: [], policy, row };
    const results = await core.writer.write([...alerts, core.db.update(conversations).set({ sla, slaCheckAt: checkAt }).where(eq(conversations.id, id)).returning()]);
    // The alert keys' inserts return only the keys this transaction added: another instance
    // that recorded the same alert first leaves nothing here, so nobody is told twice.
    // (Alert writes come in pairs, event then key.)
    const recorded = results.slice(0, alerts.length).flatMap((r, i) => (i % 2 === 1 ? (r as Array<typeof slaAlerts.$inferSelect>) : []));
    const fresh = (results[results.length - 1] as ConversationRow[])[0];
    return {
      conversation: fresh ? toConversation(fresh) : null,
      alerts: recorded.map((a) => ({ kind: a.kind as SlaAlert["kind"], target: a.target as SlaTarget, cycleStart: a.cycleStart })),
      policy,
      row: fresh ?? row,
    };
  });
}

/**
 * `sla.at_risk` and `sla.breached` events a target's cycle has earned and not yet had: each once
 * per conversation, target, cycle and kind. The event is inserted only while its key is absent,
 * in the same transaction as the key, so several instances looking at once record it once.
 */
async function newAlerts(core: Writes, row: ConversationRow, policyId: string, statuses: SlaTargetStatus[], now: number) {
  const had = await core.db.select().from(slaAlerts).where(eq(slaAlerts.conversationId, row.id));
  const writes = [];
  for (const s of statuses) {
    const kinds: Array<"at_risk" | "breached"> = [];
    if (s.completedAt === null && (s.state === "at_risk" || s.state === "breached")) kinds.push("at_risk");
    if (s.state === "breached") kinds.push("breached");
    for (const kind of kinds) {
      if (had.some((a) => a.target === s.target && a.cycleStart === s.cycleStart && a.kind === kind)) continue;
      const data = JSON.stringify({ target: s.target, cycleStart: s.cycleStart, dueAt: s.dueAt, policyId });
      writes.push(
        core.db.run(sql`
          insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
          select ${newId()}, ${row.workspaceId}, ${`sla.${kind}`}, ${row.id}, 'system', null, ${data}, ${now}
          where not exists (select 1 from sla_alerts where conversation_id = ${row.id} and target = ${s.target} and cycle_start = ${s.cycleStart} and kind = ${kind})`),
        core.db.insert(slaAlerts).values({ conversationId: row.id, target: s.target, cycleStart: s.cycleStart, kind, at: now }).onConflictDoNothing().returning(),
      );
    }
  }
  return writes;
}
