import { and, asc, desc, eq, gt, gte, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AuditEntry, AuditFilter } from "@inbox/shared/api/audit";
import type { Reads } from "../db/record.ts";
import { auditLog } from "../db/schema.ts";
import type { AuditRow } from "./entry-hash.ts";

/** `%`, `_` and the escape itself match literally in what a person typed. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function contains(column: SQLWrapper, text: string): SQL {
  return sql`${column} like ${`%${likeText(text)}%`} escape '\\'`;
}

/** One action exactly, or every action under a `prefix*`. */
function actionMatch(pattern: string): SQL {
  return pattern.endsWith("*") ? sql`${auditLog.action} like ${`${likeText(pattern.slice(0, -1))}%`} escape '\\'` : eq(auditLog.action, pattern);
}

/** The workspace's entries the filter keeps (every filter combines with AND). */
export function auditWhere(workspaceId: string, f: AuditFilter): SQL {
  const conditions: (SQL | undefined)[] = [eq(auditLog.workspaceId, workspaceId)];
  if (f.actor) conditions.push(eq(auditLog.actorId, f.actor));
  if (f.action) conditions.push(or(...f.action.split(",").map(actionMatch)));
  if (f.target) conditions.push(eq(auditLog.target, f.target));
  if (f.from !== undefined) conditions.push(gte(auditLog.at, f.from));
  if (f.to !== undefined) conditions.push(lt(auditLog.at, f.to));
  if (f.q) {
    // The change is searched as its stored JSON text: names and values, as the viewer shows them.
    conditions.push(
      or(
        contains(auditLog.action, f.q),
        contains(sql`coalesce(${auditLog.target}, '')`, f.q),
        contains(sql`coalesce(${auditLog.actorName}, '')`, f.q),
        contains(sql`coalesce(${auditLog.ip}, '')`, f.q),
        contains(sql`${auditLog.data}`, f.q),
      ),
    );
  }
  return and(...conditions)!;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    target: row.target,
    data: row.data,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}

/**
 * A page of the log, newest first. The cursor is the last id shown (ids only grow), so a page
 * is an index range of `(workspace_id, id)` however far back it is, and entries written while
 * someone pages never shift what the next page holds.
 */
export async function auditPage(core: Reads, workspaceId: string, f: AuditFilter, cursor: number | null, limit: number): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const rows = await core.db
    .select()
    .from(auditLog)
    .where(and(auditWhere(workspaceId, f), cursor === null ? undefined : lt(auditLog.id, cursor)))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map(toAuditEntry);
  return { entries, nextCursor: rows.length > limit ? String(entries.at(-1)!.id) : null };
}

/** Every matching entry, oldest first (the order an auditor reads in), read in pages; refused above `max`. */
export async function allAuditEntries(core: Reads, workspaceId: string, f: AuditFilter, max: number): Promise<AuditEntry[] | null> {
  const out: AuditEntry[] = [];
  let after = 0;
  for (;;) {
    const rows = await core.db
      .select()
      .from(auditLog)
      .where(and(auditWhere(workspaceId, f), gt(auditLog.id, after)))
      .orderBy(asc(auditLog.id))
      .limit(1000);
    for (const row of rows) out.push(toAuditEntry(row));
    if (out.length > max) return null;
    if (rows.length < 1000) return out;
    after = rows.at(-1)!.id;
  }
}
