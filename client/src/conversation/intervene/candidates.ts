/**
 * Who a supervisor may give a chat to, as the server's assignment policy sees it
 * (sync-server conversations/assignment.ts): people of the chat's team, and admins, who see
 * every team. Most room first, then by name; the current holder is marked, not left out.
 */
import type { AssigneeLoad } from "@inbox/shared";

export interface Candidate extends AssigneeLoad {
  full: boolean;
  current: boolean;
}

const AVAILABILITY_RANK = { available: 0, busy: 1, away: 2, offline: 3 } as const;

export function candidatesFor(loads: readonly AssigneeLoad[], teamId: string, currentAssigneeId: string | null): Candidate[] {
  return loads
    .filter((l) => l.role === "admin" || l.teamIds.includes(teamId))
    .map((l) => ({ ...l, full: l.load >= l.capacity, current: l.userId === currentAssigneeId }))
    .sort(
      (a, b) =>
        Number(a.current) - Number(b.current) ||
        Number(a.role !== "agent") - Number(b.role !== "agent") ||
        AVAILABILITY_RANK[a.availability] - AVAILABILITY_RANK[b.availability] ||
        Number(a.full) - Number(b.full) ||
        a.name.localeCompare(b.name),
    );
}
