import type { FactScope } from "./fact-queries.ts";
import type { Codes, FactTable } from "./fact-table.ts";

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

/**
 * The report's filters and the caller's teams over a table's rows (factFilter's conditions in
 * fact-queries.ts): whether row i is kept. `labelled`: the chats the label filter keeps.
 */
export function rowFilter<V extends string>(t: FactTable<V>, scope: FactScope, labelled: ReadonlySet<string> | null): (i: number) => boolean {
  const f = scope.filters;
  const team = flags(t.teams, f.teamIds);
  const visibleTeam = flags(t.teams, scope.visibleTeams);
  const inbox = flags(t.inboxes, f.inboxIds);
  const channel = flags(t.channels, f.channels);
  const priority = flags(t.priorities, f.priorities);
  const agent = flags(t.agents, f.agentIds);
  const conversation = labelled ? flags(t.conversations, labelled) : null;
  return (i) =>
    (!team || team[t.team[i]!] === 1) &&
    (!visibleTeam || visibleTeam[t.team[i]!] === 1) &&
    (!inbox || inbox[t.inbox[i]!] === 1) &&
    (!channel || channel[t.channel[i]!] === 1) &&
    (!priority || priority[t.priority[i]!] === 1) &&
    (!agent || agent[t.agent[i]!] === 1) &&
    (!conversation || conversation[t.conversation[i]!] === 1);
}
