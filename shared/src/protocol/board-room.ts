/**
 * The layout of a `board.<teamId>` room's Y.Map "board" (BOARD_MAP): the team's board split into
 * entries, so a change rewrites only what moved instead of the whole board, which for a team of
 * 100 agents and 2,000 waiting chats is tens of kilobytes sent to every watcher many times a
 * second. Most changes move a count: the queues' counts and their first rows are apart, and the
 * rows (fifty per queue) are rewritten only when the head of that queue changes.
 *
 * - "head": { teamId, teamName, at, longWaitMs }
 * - "team.counts", "team.waiting": the team's queue
 * - "inboxes": [{ inboxId, name, channel }] in board order; "inbox.<id>.counts", "inbox.<id>.waiting"
 * - "raisedHands": as in TeamBoard
 * - "agents": the agents' ids in board order; "agent.<id>": that agent's BoardAgent
 */
import { z } from "zod";
import { BoardAgentSchema, QueueCountsSchema, RaisedHandSchema, TeamBoardSchema, WaitingRowSchema, type TeamBoard } from "../domain/board.ts";
import { IdSchema } from "../domain/ids.ts";
import { ChannelTypeSchema } from "../domain/inbox.ts";

const AGENT_PREFIX = "agent.";
const INBOX_PREFIX = "inbox.";

/** The entries one board is written as (the server sets those that changed and deletes the rest). */
export function boardEntries(board: TeamBoard): Map<string, object> {
  const entries = new Map<string, object>();
  entries.set("head", { teamId: board.teamId, teamName: board.teamName, at: board.at, longWaitMs: board.longWaitMs });
  entries.set("team.counts", board.team.counts);
  entries.set("team.waiting", board.team.waiting);
  entries.set(
    "inboxes",
    board.inboxes.map(({ inboxId, name, channel }) => ({ inboxId, name, channel })),
  );
  for (const inbox of board.inboxes) {
    entries.set(`${INBOX_PREFIX}${inbox.inboxId}.counts`, inbox.counts);
    entries.set(`${INBOX_PREFIX}${inbox.inboxId}.waiting`, inbox.waiting);
  }
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
  const inboxes = get("inboxes");
  return {
    ...head,
    team: { counts: get("team.counts"), waiting: get("team.waiting") },
    inboxes: Array.isArray(inboxes)
      ? inboxes.map((i: unknown) => {
          const id = typeof i === "object" && i !== null ? String((i as { inboxId?: unknown }).inboxId) : "";
          return { ...(i as object), counts: get(`${INBOX_PREFIX}${id}.counts`), waiting: get(`${INBOX_PREFIX}${id}.waiting`) };
        })
      : [],
    raisedHands: get("raisedHands"),
    agents: Array.isArray(ids) ? ids.map((id) => get(AGENT_PREFIX + String(id))) : [],
  };
}

const PART_SCHEMAS = {
  head: TeamBoardSchema.pick({ teamId: true, teamName: true, at: true, longWaitMs: true }),
  counts: QueueCountsSchema,
  waiting: z.array(WaitingRowSchema),
  inboxes: z.array(z.object({ inboxId: IdSchema, name: z.string(), channel: ChannelTypeSchema })),
  raisedHands: z.array(RaisedHandSchema),
  agentIds: z.array(IdSchema),
  agent: BoardAgentSchema,
} as const;
type PartKind = keyof typeof PART_SCHEMAS;

/**
 * The validated board read from the room's entries, or null before the first write or when an
 * entry is not what the board expects. Each entry is validated once per value written: a room
 * value keeps its identity until the server rewrites it, so `memo` (kept by the reader across
 * reads) skips the entries an update did not touch. A wall display fed 40 updates a second would
 * otherwise validate 100 agents' cards on every one.
 */
export function readBoard(get: (key: string) => unknown, memo: WeakMap<object, unknown>): TeamBoard | null {
  const part = <K extends PartKind>(kind: K, key: string): z.infer<(typeof PART_SCHEMAS)[K]> => {
    const raw = get(key);
    if (typeof raw === "object" && raw !== null && memo.has(raw)) return memo.get(raw) as z.infer<(typeof PART_SCHEMAS)[K]>;
    const parsed = PART_SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) throw new InvalidBoard();
    if (typeof raw === "object" && raw !== null) memo.set(raw, parsed.data);
    return parsed.data as z.infer<(typeof PART_SCHEMAS)[K]>;
  };
  if (get("head") === undefined) return null;
  try {
    const head = part("head", "head");
    return {
      ...head,
      team: { counts: part("counts", "team.counts"), waiting: part("waiting", "team.waiting") },
      inboxes: part("inboxes", "inboxes").map((i) => ({
        ...i,
        counts: part("counts", `${INBOX_PREFIX}${i.inboxId}.counts`),
        waiting: part("waiting", `${INBOX_PREFIX}${i.inboxId}.waiting`),
      })),
      raisedHands: get("raisedHands") === undefined ? [] : part("raisedHands", "raisedHands"),
      agents: part("agentIds", "agents").map((id) => part("agent", AGENT_PREFIX + id)),
    };
  } catch (e) {
    if (e instanceof InvalidBoard) return null;
    throw e;
  }
}

class InvalidBoard extends Error {}
