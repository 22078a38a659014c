import { and, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
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
  // The pass's range, then its marks, are worked out by SQLite: reading thousands of event rows
  // into JavaScript to collect their conversations held the event loop for tens of ms per pass.
  const [range] = await db.all<{ last: number | null; n: number }>(
    sql`SELECT max(rowid) AS last, count(*) AS n FROM (SELECT rowid FROM events WHERE rowid > ${after} ORDER BY rowid LIMIT ${EVENTS_PER_PASS})`,
  );
  if (!range || range.last === null) return true;
  const last = range.last;
  const inPass = and(gt(sql`rowid`, after), lte(sql`rowid`, last));

  const statements: BatchItem<"sqlite">[] = [
    db.run(markSql(sql`SELECT conversation_id, workspace_id, 1, ${now} FROM events WHERE ${inPass} AND conversation_id IS NOT NULL GROUP BY conversation_id`)),
  ];
  const wide = await db
    .select({
      workspaceId: events.workspaceId,
      type: events.type,
      // Only a merge's data is read: the contacts it made one.
      kept: sql<string | null>`CASE WHEN type = ${MERGE} THEN json_extract(data, '$.keptId') END`,
      merged: sql<string | null>`CASE WHEN type = ${MERGE} THEN json_extract(data, '$.mergedId') END`,
    })
    .from(events)
    .where(and(inPass, inArray(events.type, [MERGE, ...CALENDAR])));
  for (const e of wide) {
    if (e.type === MERGE) {
      const ids = [e.kept, e.merged].filter((v): v is string => typeof v === "string");
      if (ids.length) statements.push(db.run(markSql(sql`SELECT id, workspace_id, 1, ${now} FROM conversations WHERE workspace_id = ${e.workspaceId} AND contact_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)));
    } else {
      statements.push(db.run(markSql(sql`SELECT id, workspace_id, 1, ${now} FROM conversations WHERE workspace_id = ${e.workspaceId}`)));
    }
  }
  statements.push(
    cursor
      ? db.update(reportCursor).set({ lastEventRowid: last }).where(and(eq(reportCursor.id, 1), eq(reportCursor.lastEventRowid, after)))
      : db.insert(reportCursor).values({ id: 1, lastEventRowid: last }).onConflictDoNothing(),
  );
  await core.writer.write(statements);
  return range.n < EVENTS_PER_PASS;
}
