/**
 * The live conversation list and channel states: one `team.<id>` room per team the user can
 * see, opened and closed as the team list changes (e.g. on sign-in and sign-out).
 */
import { ConversationSchema, InboxSchema, TEAM_CONVERSATIONS, TEAM_INBOXES, roomName, type Conversation, type Inbox } from "@inbox/shared";
import { createMemo, mapArray, onCleanup, type Accessor } from "solid-js";
import type * as Y from "yjs";
import type { RoomStatus } from "./connection.ts";
import { registerTeamAwareness } from "./presence.ts";
import { openRoom } from "./room.ts";
import { createYMapValues } from "./y-map-accessor.ts";

export interface TeamRoom {
  teamId: string;
  status: Accessor<RoomStatus>;
  synced: Accessor<boolean>;
  conversations: Accessor<Conversation[]>;
  /** The team's channels with their state (active, disabled, token expired, rate limited), live. */
  inboxes: Accessor<Inbox[]>;
}

export function createTeamRooms(teamIds: Accessor<readonly string[]>): Accessor<TeamRoom[]> {
  // mapArray gives each team its own reactive owner: a team leaving the list closes its room.
  return createMemo(mapArray(teamIds, (teamId) => {
    const room = openRoom(roomName({ kind: "team", id: teamId }));
    const map = room.doc.getMap(TEAM_CONVERSATIONS) as Y.Map<unknown>;
    const inboxes = room.doc.getMap(TEAM_INBOXES) as Y.Map<unknown>;
    // Presence ("Ana is viewing") travels in the team room: everyone who may see its chats is here.
    onCleanup(registerTeamAwareness(teamId, room.awareness));
    return {
      teamId,
      status: room.status,
      synced: room.synced,
      conversations: createYMapValues(map, ConversationSchema, "conversation"),
      inboxes: createYMapValues(inboxes, InboxSchema, "inbox"),
    };
  }));
}
