/**
 * The live conversation list: one `team.<id>` room per team the user can see, opened and closed
 * as the team list changes (e.g. on sign-in and sign-out).
 */
import { ConversationSchema, TEAM_CONVERSATIONS, roomName, type Conversation } from "@inbox/shared";
import { createMemo, mapArray, type Accessor } from "solid-js";
import type * as Y from "yjs";
import type { RoomStatus } from "./connection.ts";
import { openRoom } from "./room.ts";
import { createYMapValues } from "./y-map-accessor.ts";

export interface TeamRoom {
  teamId: string;
  status: Accessor<RoomStatus>;
  synced: Accessor<boolean>;
  conversations: Accessor<Conversation[]>;
}

export function createTeamRooms(teamIds: Accessor<readonly string[]>): Accessor<TeamRoom[]> {
  // mapArray gives each team its own reactive owner: a team leaving the list closes its room.
  return createMemo(mapArray(teamIds, (teamId) => {
    const room = openRoom(roomName({ kind: "team", id: teamId }));
    const map = room.doc.getMap(TEAM_CONVERSATIONS) as Y.Map<unknown>;
    return {
      teamId,
      status: room.status,
      synced: room.synced,
      conversations: createYMapValues(map, ConversationSchema, "conversation"),
    };
  }));
}
