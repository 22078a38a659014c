/**
 * The conversation list as pure functions: where rows come from, which are shown, in what order.
 * No Solid here, so it is unit-tested in node.
 */
import { byLastActivity, matchesFilter, type Conversation, type ListFilter } from "@inbox/shared";

export interface TeamSource {
  teamId: string;
  synced: boolean;
  conversations: readonly Conversation[];
}

/**
 * All conversations the user can see. A team room that has synced is the truth for its team;
 * until then, the REST list (fetched once at sign-in) fills that team's rows so the first paint
 * does not wait for every socket.
 */
export function mergeConversationSources(
  rest: readonly Conversation[] | null,
  teams: readonly TeamSource[],
): Conversation[] {
  const byId = new Map<string, Conversation>();
  const put = (c: Conversation) => {
    const prev = byId.get(c.id);
    // A conversation moving between teams can sit in both rooms for a moment: keep the newer.
    if (!prev || c.lastActivityAt > prev.lastActivityAt) byId.set(c.id, c);
  };
  const pendingTeams = new Set<string>();
  for (const t of teams) {
    if (t.synced) t.conversations.forEach(put);
    else pendingTeams.add(t.teamId);
  }
  for (const c of rest ?? []) if (pendingTeams.has(c.teamId) && !byId.has(c.id)) put(c);
  return [...byId.values()];
}

/** What one tab shows: filtered with the shared rule, newest activity first. */
export function visibleConversations(
  all: readonly Conversation[],
  filter: ListFilter,
  userId: string,
): Conversation[] {
  return all.filter((c) => matchesFilter(c, filter, userId)).sort(byLastActivity);
}

export function countByFilter(all: readonly Conversation[], userId: string): Record<ListFilter, number> {
  return {
    mine: all.filter((c) => matchesFilter(c, "mine", userId)).length,
    unassigned: all.filter((c) => matchesFilter(c, "unassigned", userId)).length,
    all: all.length,
  };
}
