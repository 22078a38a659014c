import { and, asc, eq, exists, gt, inArray, isNull, max, or, sql } from "drizzle-orm";
import { seesAllTeams, type SyncPullResponse } from "@inbox/shared";
import { visibleConversationsSql } from "../security/conversation-access.ts";
import type { Reads } from "../db/record.ts";
import { contacts, conversations, deletions, messages } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { refused } from "../http/http-error.ts";
import { jsonRows } from "../db/json-rows.ts";
import { loadContacts, toConversation, toMessage } from "../db/read-model.ts";

const CURSOR_PREFIX = "v1:";
/** v2 adds the position in `deletions` (its own sequence) after the change sequence. */
const CURSOR_V2 = "v2:";

/** Where a device is: the change sequence it has, and the last deletion it was told of (null: none yet). */
export interface PullCursor {
  seq: number;
  deletion: number | null;
}

export function parseCursor(cursor: string | undefined): PullCursor {
  if (!cursor) return { seq: 0, deletion: null };
  const bad = () => refused(400, "bad_request", "sync_position_invalid");
  const valid = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (cursor.startsWith(CURSOR_V2)) {
    const [seq, deletion] = cursor.slice(CURSOR_V2.length).split(":").map(Number);
    if (!valid(seq!) || !valid(deletion!)) throw bad();
    return { seq: seq!, deletion: deletion! };
  }
  const n = cursor.startsWith(CURSOR_PREFIX) ? Number(cursor.slice(CURSOR_PREFIX.length)) : NaN;
  if (!valid(n)) throw bad();
  // A device from before deletions were kept: every deletion is news to it.
  return { seq: n, deletion: 0 };
}

/**
 * One page of every change the user may see after `cursor`, oldest first. Rows carry a change
 * sequence stamped at commit (see the sync_counter triggers), so "everything up to the
 * returned cursor" is exact: each table is read up to the smallest sequence at which some
 * table's page filled up, and the next page starts there.
 */
/** A pull's pages as JSON rows (db/json-rows.ts): a page of whole rows maps in a fraction of the time. */
const conversationJson = jsonRows(conversations);
const messageJson = jsonRows(messages);

export async function pullChanges(core: Reads, user: SessionUser, from: PullCursor, limit: number): Promise<SyncPullResponse> {
  const cursor = from.seq;
  // Read before the rows: a record deleted after this point is told in a later pull, one deleted
  // before it is already missing from the rows. A first pull needs no earlier deletions.
  const deletionsFrom = from.deletion ?? (await lastDeletion(core, user.workspaceId));
  // `teamColumn` lets a query refuse the team index (SQLite's unary + on a column), when it must
  // walk another index instead: the planner otherwise starts from the team and sorts everything.
  // A narrow role's pull holds only the chats it sees now; one reassigned away leaves the device
  // when its list room (`mine.<id>`), which holds exactly those, no longer has it (client/src/sync).
  const reach = visibleConversationsSql(user);
  const visibleByRow = visibleConversationsSql(user, sql`+${conversations.teamId}`);

  const [convRows, msgRows, contactRows, deletedRows] = await Promise.all([
    core.db
      .select({ row: conversationJson.row })
      .from(conversations)
      .where(and(gt(conversations.seq, cursor), reach))
      .orderBy(asc(conversations.seq))
      .limit(limit)
      .then(conversationJson.parseAll),
    // Walk messages in seq order and look each conversation up by id (a CROSS JOIN fixes that
    // order in SQLite): the page costs its own size, not the size of the team's history.
    core.db
      .select({ row: messageJson.row })
      .from(messages)
      .crossJoin(conversations)
      .where(and(gt(messages.seq, cursor), eq(conversations.id, messages.conversationId), visibleByRow))
      .orderBy(asc(messages.seq))
      .limit(limit)
      .then(messageJson.parseAll),
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
    deletionsAfter(core, user, deletionsFrom, limit),
  ]);

  const pages = [convRows.map((r) => r.seq), msgRows.map((r) => r.seq), contactRows.map((r) => r.seq)];
  const full = pages.filter((p) => p.length === limit).map((p) => p[p.length - 1]!);
  const hasMore = full.length > 0 || deletedRows.length === limit;
  // Only the deletions' page may be full: then every record page is whole and bounds nothing.
  const bound = full.length > 0 ? Math.min(...full) : Math.max(cursor, ...pages.flat());
  const upTo = (seq: number) => seq <= bound;

  const contactIds = contactRows.filter((r) => upTo(r.seq)).map((r) => r.id);
  return {
    conversations: convRows.filter((r) => upTo(r.seq)).map(toConversation),
    messages: msgRows.filter((r) => upTo(r.seq)).map(toMessage),
    contacts: await loadContacts(core.db, contactIds),
    deleted: {
      conversations: deletedRows.filter((d) => d.kind === "conversation").map((d) => d.recordId),
      contacts: deletedRows.filter((d) => d.kind === "contact").map((d) => d.recordId),
      messages: deletedRows.filter((d) => d.kind === "message").map((d) => d.recordId),
    },
    cursor: `${CURSOR_V2}${bound}:${deletedRows.at(-1)?.seq ?? deletionsFrom}`,
    hasMore,
  };
}

async function lastDeletion(core: Reads, workspaceId: string): Promise<number> {
  const [row] = await core.db.select({ seq: max(deletions.seq) }).from(deletions).where(eq(deletions.workspaceId, workspaceId));
  return row?.seq ?? 0;
}

/** Deletions after `from` of records the user could see (their teams'; admins: all). */
function deletionsAfter(core: Reads, user: SessionUser, from: number, limit: number) {
  const teams = seesAllTeams(user) ? undefined : or(isNull(deletions.teamId), inArray(deletions.teamId, user.teamIds.length ? user.teamIds : [""]));
  return core.db
    .select({ seq: deletions.seq, kind: deletions.kind, recordId: deletions.recordId })
    .from(deletions)
    .where(and(eq(deletions.workspaceId, user.workspaceId), gt(deletions.seq, from), teams))
    .orderBy(asc(deletions.seq))
    .limit(limit);
}

