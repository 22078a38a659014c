import type { ChatDims, Codes } from "./chat-dims.ts";
import type { FactScope } from "./fact-queries.ts";

/** Flags by code for the values a filter names (null: no filter); values no row has match nothing. */
function flags(codes: Codes, wanted: Iterable<string> | undefined): Uint8Array | null {
  if (!wanted) return null;
  const out = new Uint8Array(codes.values.length);
  for (const v of wanted) {
    const c = codes.find(v);
    if (c >= 0) out[c] = 1;
  }
  return out;
}

/** Rows of any in-memory table: each names its chat and its agent by the workspace's codes. */
export interface ChatRows {
  readonly chats: ChatDims;
  readonly conversation: Int32Array;
  readonly agent: Int32Array;
}

/** What a report keeps, decided once per chat and per agent (null: all of them). */
export interface ChatFilter {
  chat: Uint8Array | null;
  agent: Uint8Array | null;
}

/**
 * The report's filters and the caller's teams (factFilter's conditions in fact-queries.ts) over
 * a workspace's chats and agents: what a filter asks of the chat (team, inbox, channel,
 * priority, labels) is decided once per chat, for every table. `labelled`: the chats the label
 * filter keeps.
 */
export function chatFilter(c: ChatDims, scope: FactScope, labelled: ReadonlySet<string> | null): ChatFilter {
  const f = scope.filters;
  const team = flags(c.teams, f.teamIds);
  const visibleTeam = flags(c.teams, scope.visibleTeams);
  const inbox = flags(c.inboxes, f.inboxIds);
  const channel = flags(c.channels, f.channels);
  const priority = flags(c.priorities, f.priorities);
  const label = labelled ? (c.flags(labelled) ?? new Uint8Array(0)) : null;
  const agent = flags(c.agents, f.agentIds);
  if (!team && !visibleTeam && !inbox && !channel && !priority && !label) return { chat: null, agent };
  const chat = new Uint8Array(c.length);
  for (let k = 0; k < c.length; k++) {
    const keep =
      (!team || team[c.team[k]!] === 1) &&
      (!visibleTeam || visibleTeam[c.team[k]!] === 1) &&
      (!inbox || inbox[c.inbox[k]!] === 1) &&
      (!channel || channel[c.channel[k]!] === 1) &&
      (!priority || priority[c.priority[k]!] === 1) &&
      (!label || label[k] === 1);
    if (keep) chat[k] = 1;
  }
  return { chat, agent };
}

/** Whether row i of a table is kept. */
export function rowFilter(t: ChatRows, { chat, agent }: ChatFilter): (i: number) => boolean {
  const { conversation, agent: agentOf } = t;
  if (chat && agent) return (i) => chat[conversation[i]!] === 1 && agent[agentOf[i]!] === 1;
  if (chat) return (i) => chat[conversation[i]!] === 1;
  if (agent) return (i) => agent[agentOf[i]!] === 1;
  return () => true;
}
