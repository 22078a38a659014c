import type { Priority } from "@inbox/shared";
import type { RoutingMode } from "@inbox/shared/domain/routing";

/**
 * The sentences a routing event carries in `data.why`, so a person reading a conversation's
 * history (or a report) sees why this agent got this chat without decoding fields. English,
 * like every server-written sentence; the fields beside it carry the same facts for code.
 */

export type RerouteReason = "not_picked_up" | "agent_away" | "agent_offline";

export interface OfferFacts {
  mode: Exclude<RoutingMode, "manual">;
  agentName: string;
  /** Round robin: the agent chosen before this one. */
  previousName: string | null;
  load: number;
  capacity: number;
  priority: Priority;
  vip: boolean;
}

export interface TakenBackFacts {
  fromName: string;
  reason: RerouteReason;
  timeoutSeconds: number | null;
}

export function whyOffered(f: OfferFacts, takenBack?: TakenBackFacts): string {
  const choice =
    f.mode === "round_robin"
      ? `Round robin: offered to ${f.agentName}, ${f.previousName ? `next in turn after ${f.previousName}` : "first in turn"} (${f.load} of ${f.capacity} chats open).`
      : `Least loaded: offered to ${f.agentName}, who had the fewest open chats (${f.load} of ${f.capacity}).`;
  return [takenBack ? whyTakenBack(takenBack) : null, choice, queueNote(f)].filter(Boolean).join(" ");
}

/** Taken back and nobody else has room: the chat waits unassigned. */
export function whyBackInQueue(t: TakenBackFacts, routingOff: boolean): string {
  return `${whyTakenBack(t)} ${routingOff ? "Routing is off for this inbox, so it waits unassigned." : "Nobody else available has room, so it waits in the queue."}`;
}

function whyTakenBack(t: TakenBackFacts): string {
  if (t.reason === "agent_away") return `${t.fromName} went away before picking it up.`;
  if (t.reason === "agent_offline") return `${t.fromName} went offline before picking it up.`;
  return t.timeoutSeconds
    ? `${t.fromName} did not pick it up within ${formatSeconds(t.timeoutSeconds)}.`
    : `${t.fromName} did not pick it up in time.`;
}

function queueNote(f: Pick<OfferFacts, "priority" | "vip">): string | null {
  if (f.priority === "urgent") return f.vip ? "Urgent VIP chat: handed out first." : "Urgent chat: handed out first.";
  if (f.vip) return "VIP customer: handed out before other chats.";
  return null;
}

export function formatSeconds(s: number): string {
  if (s % 60 === 0) return s === 60 ? "1 minute" : `${s / 60} minutes`;
  return `${s} seconds`;
}
