import { desc, inArray } from "drizzle-orm";
import { parseRoomName, seesWholeTeams } from "@inbox/shared";
import { watchWorkRoom, type WorkRoomDeps } from "../conversations/index.ts";
import { conversations, inboxes } from "../db/schema.ts";
import { jsonRows } from "../db/json-rows.ts";
import { getConversationRow, loadUser, recentMessages, toConversation, toInbox } from "../db/read-model.ts";
import { visibleConversationsSql } from "../security/conversation-access.ts";
import { addWorkLabels, replaceTeamConversations, writeConversationDoc, writeTeamInbox } from "../rooms/doc-writes.ts";
import type { Room } from "../rooms/room.ts";
import type { HydrateMark } from "../rooms/room-registry.ts";
import { hydrateTeamRoom } from "./hydrate-team-room.ts";
import { hydrateUserRoom } from "../notifications/index.ts";
import type { BoardPublisher } from "../supervision/index.ts";

/** How many messages a conversation room carries; older ones are fetched over REST. */
export const ROOM_MESSAGE_WINDOW = 500;

/**
 * Catches a loaded room up with libSQL, so a room that missed writes while unloaded is whole;
 * work rooms (agent-authored) get their watchers instead. A team room answers a mark, so that
 * its next load (`since`) reads only what changed; the other rooms read their few rows whole.
 */
export async function hydrateRoom(
  core: WorkRoomDeps & { boards?: Pick<BoardPublisher, "hydrate"> },
  room: Room,
  since?: HydrateMark,
): Promise<HydrateMark | undefined> {
  const ref = parseRoomName(room.name);
  if (!ref) return undefined;
  if (ref.kind === "board") {
    // Built from the record when someone starts watching; events rebuild it while it is loaded.
    await core.boards?.hydrate(ref.id, room.doc);
    return undefined;
  }
  if (ref.kind === "work") {
    // Labels a routing rule added while the room was not loaded are only in the record yet.
    const row = await getConversationRow(core.db, ref.id);
    if (row?.labels.length) addWorkLabels(room.doc, row.labels);
    // Agents author this room; the server checks and records what they change.
    watchWorkRoom(core, room, ref.id);
    return undefined;
  }
  if (ref.kind === "user") {
    await hydrateUserRoom(core, room, ref.id);
    return undefined;
  }
  if (ref.kind === "mine") {
    await hydrateNarrowList(core, room, ref.id);
    return undefined;
  }
  if (ref.kind === "team") return hydrateTeamRoom(core.db, room, ref.id, since);
  const row = await getConversationRow(core.db, ref.id);
  if (!row) return undefined;
  writeConversationDoc(room.doc, toConversation(row), await recentMessages(core.db, ref.id, ROOM_MESSAGE_WINDOW));
  return undefined;
}

/**
 * A narrow-scope person's list: the chats their role lets them see, and their teams' channels.
 * Someone whose role sees whole teams (the room is refused to them later by the socket guard) gets an empty one.
 */
const asJson = jsonRows(conversations);

async function hydrateNarrowList(core: WorkRoomDeps, room: Room, userId: string): Promise<void> {
  const user = await loadUser(core.db, userId);
  const rows =
    user && !seesWholeTeams(user)
      ? asJson.parseAll(await core.db.select({ row: asJson.row }).from(conversations).where(visibleConversationsSql(user)).orderBy(desc(conversations.lastActivityAt)))
      : [];
  replaceTeamConversations(room.doc, rows.map(toConversation));
  const channels = user?.teamIds.length ? await core.db.select().from(inboxes).where(inArray(inboxes.teamId, user.teamIds)) : [];
  for (const inbox of channels) writeTeamInbox(room.doc, toInbox(inbox));
}
