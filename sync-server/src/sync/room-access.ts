import { inArray } from "drizzle-orm";
import { canSeeConversation, canSuperviseTeam, parseRoomName, seesTeamList, type RoomRef, type User } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { conversations, teams } from "../db/schema.ts";
import { HttpError, notFound, forbiddenBecause } from "../http/http-error.ts";

/** What the record says about the team or conversation a room belongs to. */
export interface RoomOwner {
  workspaceId: string;
  teamId: string;
  /** A conversation's assignee (roles that see only assigned chats); null for a team. */
  assigneeId: string | null;
}

type RoomUser = Pick<User, "id" | "workspaceId" | "role" | "teamIds" | "permissions">;

export type RoomVerdict = { ok: true; writable: boolean } | { ok: false; error: HttpError };

/**
 * Who may join which room, and write to it: decided from the user and the room's owner alone,
 * so the upgrade (one room) and the socket guard's re-check (every open socket) decide alike.
 * Team and conversation rooms are server-authored (clients change them through commands); a
 * conversation's work room is edited together by everyone who may see the conversation.
 */
export function judgeRoom(user: RoomUser, ref: RoomRef, owner: RoomOwner | undefined): RoomVerdict {
  if (ref.kind === "user") {
    return ref.id === user.id ? { ok: true, writable: false } : { ok: false, error: forbiddenBecause("notifications_not_yours") };
  }
  if (ref.kind === "mine") {
    return ref.id === user.id ? { ok: true, writable: false } : { ok: false, error: forbiddenBecause("list_not_yours") };
  }
  if (ref.kind === "team") {
    // Supervisors see the teams they lead (are members of); admins every team of their own workspace (presence is relayed here too).
    if (!owner || owner.workspaceId !== user.workspaceId) return { ok: false, error: notFound("team") };
    // A role that sees only some of the team's chats gets them in its own `mine.<id>` room instead.
    if (!seesTeamList(user, ref.id)) {
      return { ok: false, error: forbiddenBecause(user.teamIds.includes(ref.id) ? "team_partly_visible" : "not_in_team") };
    }
    return { ok: true, writable: false };
  }
  if (ref.kind === "board") {
    if (!owner || owner.workspaceId !== user.workspaceId) return { ok: false, error: notFound("team") };
    if (!canSuperviseTeam(user, ref.id)) return { ok: false, error: forbiddenBecause("board_supervisors_only") };
    return { ok: true, writable: false };
  }
  if (!owner || owner.workspaceId !== user.workspaceId) return { ok: false, error: notFound("conversation") };
  if (!canSeeConversation(user, owner)) return { ok: false, error: forbiddenBecause("conversation_hidden") };
  return { ok: true, writable: ref.kind === "work" };
}

/** The owners of many rooms by room name, in at most two queries (missing: no such team or conversation). */
export async function roomOwners(core: Reads, names: readonly string[]): Promise<Map<string, RoomOwner>> {
  const refs = [...new Set(names)].map(parseRoomName).filter((r): r is RoomRef => r !== null);
  const isTeamRoom = (r: RoomRef) => r.kind === "team" || r.kind === "board";
  const teamIds = [...new Set(refs.filter(isTeamRoom).map((r) => r.id))];
  const conversationIds = [...new Set(refs.filter((r) => r.kind === "conv" || r.kind === "work").map((r) => r.id))];
  const [teamRows, conversationRows] = await Promise.all([
    teamIds.length ? core.db.select({ id: teams.id, workspaceId: teams.workspaceId }).from(teams).where(inArray(teams.id, teamIds)) : [],
    conversationIds.length
      ? core.db
          .select({ id: conversations.id, workspaceId: conversations.workspaceId, teamId: conversations.teamId, assigneeId: conversations.assigneeId })
          .from(conversations)
          .where(inArray(conversations.id, conversationIds))
      : [],
  ]);
  const owners = new Map<string, RoomOwner>();
  const teamsById = new Map(teamRows.map((t) => [t.id, { workspaceId: t.workspaceId, teamId: t.id, assigneeId: null }]));
  const conversationsById = new Map(conversationRows.map((c) => [c.id, { workspaceId: c.workspaceId, teamId: c.teamId, assigneeId: c.assigneeId }]));
  for (const ref of refs) {
    const owner = isTeamRoom(ref) ? teamsById.get(ref.id) : conversationsById.get(ref.id);
    if (owner) owners.set(`${ref.kind}.${ref.id}`, owner);
  }
  return owners;
}

/** The upgrade's decision for one room: its writability, or the error to answer with. */
export async function authorizeRoom(core: Reads, user: RoomUser, name: string): Promise<{ ref: RoomRef; writable: boolean }> {
  const ref = parseRoomName(name);
  if (!ref) throw notFound("document");
  const verdict = judgeRoom(user, ref, (await roomOwners(core, [name])).get(name));
  if (!verdict.ok) throw verdict.error;
  return { ref, writable: verdict.writable };
}
