import { and, asc, eq, exists, gt, inArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { seesAllTeams, type SyncPullResponse } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { contacts, conversations, messages } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import { loadContacts, toConversation, toMessage } from "../db/read-model.ts";

const CURSOR_PREFIX = "v1:";

export function parseCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = cursor.startsWith(CURSOR_PREFIX) ? Number(cursor.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new HttpError(400, "bad_request", "The sync position is not valid; start a fresh sync.");
  return n;
}

/**
 * One page of every change the user may see after `cursor`, oldest first. Rows carry a change
 * sequence stamped at commit (see the sync_counter triggers), so "everything up to the
 * returned cursor" is exact: each table is read up to the smallest sequence at which some
 * table's page filled up, and the next page starts there.
 */
export async function pullChanges(core: Reads, user: SessionUser, cursor: number, limit: number): Promise<SyncPullResponse> {
  // `teamColumn` lets a query refuse the team index (SQLite's unary + on a column), when it must
  // walk another index instead: the planner otherwise starts from the team and sorts everything.
  const visibleWith = (teamColumn: SQLWrapper): SQL =>
    seesAllTeams(user.role)
      ? eq(conversations.workspaceId, user.workspaceId)
      : and(eq(conversations.workspaceId, user.workspaceId), inArray(teamColumn, user.teamIds.length ? user.teamIds : [""]))!;
  const visible = visibleWith(conversations.teamId);
  const visibleByRow = visibleWith(sql`+${conversations.teamId}`);

  const [convRows, msgRows, contactRows] = await Promise.all([
    core.db.select().from(conversations).where(and(gt(conversations.seq, cursor), visible)).orderBy(asc(conversations.seq)).limit(limit),
    // Walk messages in seq order and look each conversation up by id (a CROSS JOIN fixes that
    // order in SQLite): the page costs its own size, not the size of the team's history.
    core.db
      .select({ m: messages })
      .from(messages)
      .crossJoin(conversations)
      .where(and(gt(messages.seq, cursor), eq(conversations.id, messages.conversationId), visibleByRow))
      .orderBy(asc(messages.seq))
      .limit(limit),
    core.db
      .select({ id: contacts.id, seq: contacts.seq })
      .from(contacts)
      .where(
        and(
          gt(contacts.seq, cursor),
          eq(contacts.workspaceId, user.workspaceId),
          or(
            exists(core.db.select({ one: conversations.id }).from(conversations).where(and(eq(conversations.contactId, contacts.id), visibleByRow))),
            // A merged contact's tombstone goes to whoever sees the contact it became, so devices
            // holding the old id can follow it.
            exists(core.db.select({ one: conversations.id }).from(conversations).where(and(eq(conversations.contactId, contacts.mergedIntoId), visibleByRow))),
          ),
        ),
      )
      .orderBy(asc(contacts.seq))
      .limit(limit),
  ]);

  const pages = [convRows.map((r) => r.seq), msgRows.map((r) => r.m.seq), contactRows.map((r) => r.seq)];
  const full = pages.filter((p) => p.length === limit).map((p) => p[p.length - 1]!);
  const hasMore = full.length > 0;
  const bound = hasMore ? Math.min(...full) : Math.max(cursor, ...pages.flat());
  const upTo = (seq: number) => seq <= bound;

  const contactIds = contactRows.filter((r) => upTo(r.seq)).map((r) => r.id);
  return {
    conversations: convRows.filter((r) => upTo(r.seq)).map(toConversation),
    messages: msgRows.filter((r) => upTo(r.m.seq)).map((r) => toMessage(r.m)),
    contacts: await loadContacts(core.db, contactIds),
    cursor: CURSOR_PREFIX + bound,
    hasMore,
  };
}

