import { and, asc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { PrioritySchema } from "@inbox/shared";
import { conversationFactRows, inRecordOrder, personResolver, type ReportEvent } from "@inbox/shared/domain/reports/index";
import type { Writes } from "../../db/record.ts";
import { conversations, events, reportCursor, reportDirty, reportFacts } from "../../db/schema.ts";
import { workspaceCalendar, workspacePolicies } from "../../sla/index.ts";
import type { FactDims } from "./fact-table.ts";
import type { ReportMemory } from "./report-memory.ts";

/** Conversations rolled per pass: one transaction of their facts, small enough not to hold the writer long. */
export const ROLL_BATCH = 100;
/** Fact rows per insert statement (SQLite's bound-parameter limit is 32,766; 15 columns a row). */
const ROWS_PER_INSERT = 500;

type FactInsert = typeof reportFacts.$inferInsert;

/**
 * One pass of the report rollup: takes up to `limit` conversations marked dirty (mark-new-events.ts
 * marks them from the events written), replays each one's whole history
 * into fact rows (shared/domain/reports/facts.ts) and replaces its rows. A mark is cleared only
 * if no event arrived while the pass worked (`marks` unchanged), so a chat written to mid-roll
 * is rolled again, never left stale. `markedBefore`: only chats first marked by then (the
 * background pass lets busy chats settle; a report's catch-up takes all). Returns how many
 * conversations were rolled.
 */
export async function rollDirtyConversations(core: Writes, limit = ROLL_BATCH, markedBefore = Number.POSITIVE_INFINITY, memory: ReportMemory | null = null): Promise<number> {
  const dirty = await core.db
    .select()
    .from(reportDirty)
    .where(Number.isFinite(markedBefore) ? lte(reportDirty.since, markedBefore) : undefined)
    .limit(limit);
  if (!dirty.length) return 0;
  const byWorkspace = new Map<string, typeof dirty>();
  for (const d of dirty) byWorkspace.set(d.workspaceId, [...(byWorkspace.get(d.workspaceId) ?? []), d]);
  for (const [workspaceId, marks] of byWorkspace) await rollWorkspace(core, workspaceId, marks, memory);
  return dirty.length;
}

async function rollWorkspace(core: Writes, workspaceId: string, marks: ReadonlyArray<typeof reportDirty.$inferSelect>, memory: ReportMemory | null): Promise<void> {
  const ids = marks.map((m) => m.conversationId);
  const [calendar, policies, merges, rows, history] = await Promise.all([
    workspaceCalendar(core, workspaceId),
    workspacePolicies(core, workspaceId),
    core.db.select().from(events).where(and(eq(events.type, "contact.merged"), eq(events.workspaceId, workspaceId))).orderBy(asc(sql`rowid`)),
    core.db.select().from(conversations).where(inArray(conversations.id, ids)),
    core.db.select().from(events).where(inArray(events.conversationId, ids)).orderBy(asc(sql`rowid`)),
  ]);
  const personOf = personResolver(merges as ReportEvent[]);
  const eventsOf = new Map<string, ReportEvent[]>();
  for (const e of history) {
    if (e.workspaceId !== workspaceId) continue;
    const list = eventsOf.get(e.conversationId!) ?? [];
    list.push(e as ReportEvent);
    eventsOf.set(e.conversationId!, list);
  }
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const now = core.now();
  const inserts: FactInsert[] = [];
  for (const id of ids) {
    const list = eventsOf.get(id);
    if (!list?.length) continue;
    const row = rowOf.get(id);
    const priority = PrioritySchema.safeParse(row?.priority);
    let made: ReturnType<typeof conversationFactRows>;
    try {
      made = conversationFactRows({
      conversationId: id,
      events: inRecordOrder(list),
      facts: row ? { inboxId: row.inboxId, channel: row.channel, teamId: row.teamId, labels: row.labels, createdAt: row.createdAt, ...(priority.success ? { priority: priority.data } : {}) } : {},
      calendar,
      policies,
      personOf,
      now,
      });
    } catch (error) {
      // One chat's history the replay cannot read must not stall everyone's figures: it is left out and said.
      console.error(`report rollup skipped conversation ${id}`, error);
      continue;
    }
    const { rows: facts, view } = made;
    facts.forEach((f, n) => {
      inserts.push({
        workspaceId,
        conversationId: id,
        n,
        kind: f.kind,
        metric: f.metric,
        outcome: f.outcome,
        at: f.at,
        agentId: f.agentId ?? "",
        teamId: view.teamId ?? "",
        inboxId: view.inboxId ?? "",
        channel: view.channel ?? "",
        priority: view.priority,
        ms: f.ms,
        businessMs: f.businessMs,
        personId: f.personId,
        delta: f.delta,
        until: f.until,
      });
    });
  }
  const { db } = core;
  try {
    await core.writer.write([
      db.run(hourlySums(ids, -1)),
      db.delete(reportFacts).where(inArray(reportFacts.conversationId, ids)),
      ...Array.from({ length: Math.ceil(inserts.length / ROWS_PER_INSERT) }, (_, i) => db.insert(reportFacts).values(inserts.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT))),
      db.run(hourlySums(ids, 1)),
      ...marks.map((m) => db.delete(reportDirty).where(and(eq(reportDirty.conversationId, m.conversationId), eq(reportDirty.marks, m.marks)))),
      // One more roll, whoever made it: memory elsewhere learns its copy is behind (report-columns.ts).
      db.insert(reportCursor).values({ id: 1, lastEventRowid: 0, rolls: 1 }).onConflictDoUpdate({ target: reportCursor.id, set: { rolls: sql`${reportCursor.rolls} + 1` } }),
    ]);
  } catch (error) {
    // Whether the transaction committed is not known for every failure: memory's copy is not trusted.
    memory?.drop(workspaceId);
    throw error;
  }
  // Committed: memory's copy takes the same change, before anything else runs.
  memory?.replaced(workspaceId, ids, {
    durations: inserts.flatMap((f) => (f.kind === "duration" ? [{ ...dimsOf(f), ms: f.ms ?? null, businessMs: f.businessMs ?? null }] : [])),
    unread: inserts.flatMap((f) => (f.kind === "unread" ? [{ ...dimsOf(f), until: f.until ?? null, delta: f.delta ?? null }] : [])),
    contacts: inserts.flatMap((f) => (f.kind === "contact" ? [{ ...dimsOf(f), personId: f.personId ?? null }] : [])),
    counts: inserts.flatMap((f) => (f.kind === "count" || f.kind === "sla" ? [{ ...dimsOf(f), kind: f.kind, outcome: f.outcome ?? "" }] : [])),
  });
}

/** A row's dimensions as the table stores them (its column defaults filled in). */
function dimsOf(f: FactInsert): FactDims {
  const { conversationId, metric, at, agentId = "", teamId = "", inboxId = "", channel = "", priority = "normal" } = f;
  return { conversationId, metric, at, agentId, teamId, inboxId, channel, priority };
}

/** Adds (sign 1) or takes away (sign -1) the conversations' count and SLA rows in `report_hours`. */
function hourlySums(ids: readonly string[], sign: 1 | -1): SQL {
  return sql`
    INSERT INTO report_hours (workspace_id, kind, hour, metric, outcome, agent_id, team_id, inbox_id, channel, priority, n)
    SELECT workspace_id, kind, at / 3600000, metric, outcome, agent_id, team_id, inbox_id, channel, priority, ${sign} * COUNT(*)
    FROM report_facts WHERE conversation_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND kind IN ('count', 'sla')
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (workspace_id, kind, hour, metric, outcome, agent_id, team_id, inbox_id, channel, priority) DO UPDATE SET n = n + excluded.n`;
}
