/**
 * The layout of a `board.<teamId>` room's Y.Map "board" (BOARD_MAP): the team's board split into
 * entries, so a change rewrites only what moved (the queue, one agent's card, the head with its
 * time) instead of the whole board, which for a team of 100 agents and 2,000 waiting chats is
 * tens of kilobytes sent to every watcher many times a second.
 *
 * - "head": { teamId, teamName, at, longWaitMs }
 * - "team", "inboxes", "raisedHands": as in TeamBoard
 * - "agents": the agents' ids in board order; "agent.<id>": that agent's BoardAgent
 */
import type { TeamBoard } from "../domain/board.ts";

const AGENT_PREFIX = "agent.";

/** The entries one board is written as (the server sets those that changed and deletes the rest). */
export function boardEntries(board: TeamBoard): Map<string, object> {
  const entries = new Map<string, object>();
  entries.set("head", { teamId: board.teamId, teamName: board.teamName, at: board.at, longWaitMs: board.longWaitMs });
  entries.set("team", board.team);
  entries.set("inboxes", board.inboxes);
  entries.set("raisedHands", board.raisedHands);
  entries.set(
    "agents",
    board.agents.map((a) => a.id),
  );
  for (const agent of board.agents) entries.set(AGENT_PREFIX + agent.id, agent);
  return entries;
}

/** The board as read from the room's entries, still to be validated (TeamBoardSchema); null before the first write. */
export function boardFromEntries(get: (key: string) => unknown): Record<string, unknown> | null {
  const head = get("head");
  if (typeof head !== "object" || head === null) return null;
  const ids = get("agents");
  return {
    ...head,
    team: get("team"),
    inboxes: get("inboxes"),
    raisedHands: get("raisedHands"),
    agents: Array.isArray(ids) ? ids.map((id) => get(AGENT_PREFIX + String(id))) : [],
  };
}
