/** Which list rooms a person joins (team-rooms.ts opens them); no Yjs here, so the first load can ask. */
import { roomName, seesWholeTeams, type PermissionHolder } from "@inbox/shared";

/** The list rooms of a person: their teams' rooms, or their own narrow list. */
export function listRoomNames(user: (PermissionHolder & { id: string }) | undefined, teamIds: readonly string[]): string[] {
  if (!user) return [];
  return seesWholeTeams(user) ? teamIds.map((id) => roomName({ kind: "team", id })) : [roomName({ kind: "mine", id: user.id })];
}
