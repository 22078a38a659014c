import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Writes } from "../../db/record.ts";
import { events, reportCursor } from "../../db/schema.ts";

/** Events read per pass: one transaction of marks each. */
const EVENTS_PER_PASS = 5000;
/** Types after which more than their own conversation must be rolled again. */
const MERGE = "contact.merged";
const CALENDAR = new Set(["workspace.business_hours_changed", "sla.policy_saved", "sla.policy_deleted"]);

// `since` stays the first mark's: a chat written to again and again still gets rolled.
const markSql = (select: SQL): SQL => sql`INSERT INTO report_dirty (conversation_id, workspace_id, marks, since) ${select} ON CONFLICT (conversation_id) DO UPDATE SET marks = marks + 1`;

/**
 * Reads the events written since the last pass (the events table is append-only, so its rowid
 * is a cursor) and marks what they make out of date: their own conversation; for a merge, every
 * chat of both contacts (they were one person all along); for a change of business hours or SLA
 * policies, every chat of the workspace. Done here, off the write path, so ingest pays nothing
 * for reports: one marking transaction covers thousands of events. True when it caught up.
 */
export async function markNewEvents(core: Writes): Promise<boolean> {
  const { db } = core;
  const now = core.now();
  const [cursor] = await db.select().from(reportCursor).where(eq(reportCursor.id, 1));
  const after = cursor?.lastEventRowid ?? 0;
  const rows = await db
    .select({
      rowid: sql<number>`rowid`,
      workspaceId: events.workspaceId,
      conversationId: events.conversationId,
      type: events.type,
      // Only a merge's data is read: the contacts it made one (no JSON parsed for the others).
      kept: sql<string | null>`CASE WHEN type = ${MERGE} THEN json_extract(data, '$.keptId') END`,
      merged: sql<string | null>`CASE WHEN type = ${MERGE} THEN json_extract(data, '$.mergedId') END`,
    })
    .from(events)
    .where(gt(sql`rowid`, after))
    .orderBy(sql`rowid`)
    .limit(EVENTS_PER_PASS);
  if (!rows.length) return true;

  const conversationIds = new Map<string, string>();
  const statements: BatchItem<"sqlite">[] = [];
  for (const e of rows) {
    if (e.conversationId) conversationIds.set(e.conversationId, e.workspaceId);
    if (e.type === MERGE) {
      const ids = [e.kept, e.merged].filter((v): v is string => typeof v === "string");
      if (ids.length) statements.push(db.run(markSql(sql`SELECT id, workspace_id, 1, ${now} FROM conversations WHERE workspace_id = ${e.workspaceId} AND contact_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)));
    } else if (CALENDAR.has(e.type)) {
      statements.push(db.run(markSql(sql`SELECT id, workspace_id, 1, ${now} FROM conversations WHERE workspace_id = ${e.workspaceId}`)));
    }
  }
  const marks = [...conversationIds];
  for (let i = 0; i < marks.length; i += 400) {
    const values = sql.join(marks.slice(i, i + 400).map(([id, ws]) => sql`(${id}, ${ws}, 1, ${now})`), sql`, `);
    statements.push(db.run(markSql(sql`VALUES ${values}`)));
  }
  const last = rows[rows.length - 1]!.rowid;
  statements.push(
    cursor
      ? db.update(reportCursor).set({ lastEventRowid: last }).where(and(eq(reportCursor.id, 1), eq(reportCursor.lastEventRowid, after)))
      : db.insert(reportCursor).values({ id: 1, lastEventRowid: last }).onConflictDoNothing(),
  );
  await core.writer.write(statements);
  return rows.length < EVENTS_PER_PASS;
}
