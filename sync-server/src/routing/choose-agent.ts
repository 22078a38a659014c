import type { RoutingMode } from "@inbox/shared/domain/routing";

export type AutoMode = Exclude<RoutingMode, "manual">;

/** A team member as routing sees them; `load` grows as a batch hands them chats in memory. */
export interface Agent {
  id: string;
  name: string;
  /** Zero when they cannot take chats now (not available, or offline). */
  capacity: number;
  load: number;
}

export function hasRoom(a: Agent): boolean {
  return a.load < a.capacity;
}

/** Round robin order starting after the last chosen agent (agents are in a stable order). */
function afterLast(agents: Agent[], lastUserId: string | null): Agent[] {
  const i = lastUserId ? agents.findIndex((a) => a.id === lastUserId) : -1;
  return [...agents.slice(i + 1), ...agents.slice(0, i + 1)];
}

/**
 * The agent a mode picks among those with room, skipping `exclude` (the agent an offer was
 * just taken back from). Least loaded breaks ties in round-robin order.
 */
export function choose(mode: AutoMode, agents: Agent[], lastUserId: string | null, exclude: string | null = null): Agent | null {
  const order = afterLast(agents, lastUserId).filter((a) => hasRoom(a) && a.id !== exclude);
  if (order.length === 0) return null;
  if (mode === "round_robin") return order[0]!;
  let agent = order[0]!;
  for (const a of order) if (a.load < agent.load) agent = a;
  return agent;
}
