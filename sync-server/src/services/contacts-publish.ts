import { roomName, TEAM_CONVERSATIONS, type Conversation } from "@inbox/shared";
import type { Core } from "../core.ts";

/**
 * Tells agents' devices that a person's details changed when no conversation did (a VIP flag,
 * an email): each conversation of the person is written again into its loaded team room.
 * Clients pull whenever their list map changes, and the pull brings the changed contact, so
 * no new room or message kind is needed. (Equal values are written on purpose: doc-writes'
 * setIfChanged would skip them.)
 */
export function touchTeamConversations(core: Core, list: readonly Conversation[]): void {
  for (const c of list) {
    const team = core.rooms.get(roomName({ kind: "team", id: c.teamId }));
    if (!team) continue;
    team.doc.transact(() => team.doc.getMap(TEAM_CONVERSATIONS).set(c.id, c), "server");
  }
}
