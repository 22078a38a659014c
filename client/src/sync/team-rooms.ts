/**
 * The live conversation list and channel states: one `team.<id>` room per team the user can
 * see, opened and closed as the team list changes (e.g. on sign-in and sign-out). Someone whose
 * role sees only some of their teams' chats (assigned to them, perhaps the queue) has one
 * `mine.<userId>` room instead, holding exactly those (list-room-names.ts). Part of the live
 * layer's chunk (live.ts).
 */
import { ConversationSchema, InboxSchema, TEAM_CONVERSATIONS, TEAM_INBOXES, parseRoomName, type Conversation, type Inbox } from "@inbox/shared";
import { createMemo, mapArray, onCleanup, type Accessor } from "solid-js";
import type * as Y from "yjs";
import type { RoomStatus } from "./connection.ts";
import { registerTeamAwareness } from "./presence.ts";
import { openRoom, type RoomOptions } from "./room.ts";
import { createYMapValues, type YMapValues } from "./y-map-accessor.ts";

export interface TeamRoom {
  /** The room's name: `team.<id>`, or `mine.<userId>` for a narrow role's own list. */
  name: string;
  /** True for a narrow list: it holds every chat the person may see, so a cached chat missing from it is no longer theirs. */
  whole: boolean;
  status: Accessor<RoomStatus>;
  synced: Accessor<boolean>;
  conversations: YMapValues<Conversation>;
  /** The team's channels with their state (active, disabled, token expired, rate limited), live. */
  inboxes: Accessor<Inbox[]>;
}

export function createTeamRooms(names: Accessor<readonly string[]>, opts: Pick<RoomOptions, "reconnectAfter"> = {}): Accessor<TeamRoom[]> {
  // mapArray gives each room its own reactive owner: a team leaving the list closes its room.
  return createMemo(mapArray(names, (name) => {
    const room = openRoom(name, opts);
    const map = room.doc.getMap(TEAM_CONVERSATIONS) as Y.Map<unknown>;
    const inboxes = room.doc.getMap(TEAM_INBOXES) as Y.Map<unknown>;
    // Presence ("Ana is viewing") travels in the team room: everyone who may see its chats is here.
    const ref = parseRoomName(name);
    if (ref?.kind === "team") onCleanup(registerTeamAwareness(ref.id, room.awareness));
    return {
      name,
      whole: ref?.kind === "mine",
      status: room.status,
      synced: room.synced,
      conversations: createYMapValues(map, ConversationSchema, "conversation"),
      inboxes: createYMapValues(inboxes, InboxSchema, "inbox"),
    };
  }));
}
