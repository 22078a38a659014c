import { roomName, type Conversation } from "@inbox/shared";
import type { Publishes } from "../rooms/publish.ts";

/**
 * Tells agents' devices that a person's details changed when no conversation did (a VIP flag,
 * an email): each conversation of the person is written again into its loaded team room.
 * Clients pull whenever their list map changes, and the pull brings the changed contact, so
 * no new room or message kind is needed. (Equal values are written on purpose, by the
 * `team.touch` op, where doc-writes' setIfChanged would skip them.)
 */
export function touchTeamConversations(core: Pick<Publishes, "live">, list: readonly Conversation[]): void {
  const byTeam = new Map<string, Conversation[]>();
  for (const c of list) byTeam.set(c.teamId, [...(byTeam.get(c.teamId) ?? []), c]);
  for (const [teamId, conversations] of byTeam) core.live.apply(roomName({ kind: "team", id: teamId }), [{ kind: "team.touch", conversations }]);
}
