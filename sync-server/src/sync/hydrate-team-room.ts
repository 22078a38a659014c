import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { jsonRows } from "../db/json-rows.ts";
import { toConversation, toInbox } from "../db/read-model.ts";
import { conversations, deletions, inboxes, syncCounter } from "../db/schema.ts";
import { removeTeamConversations, replaceTeamConversations, writeTeamConversations, writeTeamInbox } from "../rooms/doc-writes.ts";
import type { HydrateMark } from "../rooms/room-registry.ts";
import type { Room } from "../rooms/room.ts";

/**
 * How far a team room was brought: the record's change sequence (every insert or update of a
 * conversation takes the next value, stamped by the database's own triggers, as device pulls
 * rely on) and the last conversation deletion (retention) it has seen.
 */
type TeamMark = {
  seq: number;
  deletion: number;
};

/**
 * Past this many changes since the last hydrate, the room reads its team whole: the changed
 * rows would cost about as much, and the read stays bounded however long the room slept.
 */
export const MOST_CHANGES_READ = 2_000;

/**
 * A team's list room, caught up with the record. The first load in a process reads every
 * conversation of the team (thousands of rows, with the socket's reconnect waiting on it); a
 * later load, whose stored document still holds all the room had (see `RoomRegistry`), reads
 * only the conversations changed since, and removes those moved to another team or deleted.
 * Either way the room ends as the record is: the changed set is everything the record stamped
 * after the last hydrate, whether or not the room was told of it when it happened.
 */
export async function hydrateTeamRoom(db: Database, room: Room, teamId: string, since: HydrateMark | undefined): Promise<TeamMark> {
  // Read before the rows: whatever commits in between is read again next time, never skipped.
  const mark = await currentMark(db);
  const last = teamMark(since);
  if (!last || !(await readChanges(db, room, teamId, last))) await readWhole(db, room, teamId);
  const channels = await db.select().from(inboxes).where(eq(inboxes.teamId, teamId));
  for (const inbox of channels) writeTeamInbox(room.doc, toInbox(inbox));
  return mark;
}

/** Whole conversations as JSON rows (db/json-rows.ts): a team of thousands maps in a fraction of the time. */
const asJson = jsonRows(conversations);

async function currentMark(db: Database): Promise<TeamMark> {
  const [row] = await db.all<{ seq: number | null; deletion: number | null }>(
    sql`select (select ${syncCounter.value} from ${syncCounter} where ${syncCounter.id} = 1) as seq, (select max(${deletions.seq}) from ${deletions}) as deletion`,
  );
  return { seq: row?.seq ?? 0, deletion: row?.deletion ?? 0 };
}

function teamMark(mark: HydrateMark | undefined): TeamMark | undefined {
  return typeof mark?.seq === "number" && typeof mark.deletion === "number" ? { seq: mark.seq, deletion: mark.deletion } : undefined;
}

async function readWhole(db: Database, room: Room, teamId: string): Promise<void> {
  const rows = asJson.parseAll(await db.select({ row: asJson.row }).from(conversations).where(eq(conversations.teamId, teamId)).orderBy(desc(conversations.lastActivityAt)));
  // A conversation deleted (retention) or moved while the room was not loaded would otherwise
  // come back to every list from the stored document.
  replaceTeamConversations(room.doc, rows.map(toConversation));
}

/** Applies what changed since `last`; false when there is too much of it (read the team whole instead). */
async function readChanges(db: Database, room: Room, teamId: string, last: TeamMark): Promise<boolean> {
  // Whole rows, each with its team as it is now; one changed after this read is read next time.
  const changed = asJson.parseAll(
    await db.select({ row: asJson.row }).from(conversations).where(gt(conversations.seq, last.seq)).orderBy(asc(conversations.seq)).limit(MOST_CHANGES_READ + 1),
  );
  if (changed.length > MOST_CHANGES_READ) return false;
  const deleted = await db
    .select({ id: deletions.recordId })
    .from(deletions)
    // Any team's: one moved out of this team and then deleted was recorded under its new team.
    .where(and(gt(deletions.seq, last.deletion), eq(deletions.kind, "conversation")))
    .limit(MOST_CHANGES_READ + 1);
  if (deleted.length > MOST_CHANGES_READ) return false;
  const ours = changed.filter((r) => r.teamId === teamId);
  writeTeamConversations(room.doc, ours.map(toConversation));
  const kept = new Set(ours.map((r) => r.id));
  removeTeamConversations(room.doc, [...changed.map((c) => c.id), ...deleted.map((d) => d.id)].filter((id) => !kept.has(id)));
  return true;
}
