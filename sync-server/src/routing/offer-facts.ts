import type { Priority } from "@inbox/shared";
import type { RoutingSettings } from "@inbox/shared/domain/routing";
import type { ConversationRow } from "../db/read-model.ts";
import type { Agent, AutoMode } from "./choose-agent.ts";
import { whyOffered, type TakenBackFacts } from "./routing-why.ts";

/** A chat waiting to be offered, with what its place in the queue and the why depend on. */
export interface Waiting {
  conversation: Pick<ConversationRow, "id" | "teamId" | "status" | "priority" | "assigneeId" | "offeredTo" | "offeredAt" | "offerExpiresAt" | "reroutedFrom">;
  settings: RoutingSettings;
  vip: boolean;
}

/**
 * The data of the `conversation.assigned` event offering `waiting` to `agent` (fields in
 * router.ts), with its sentence and when the offer lapses. `agent.load` is their load before
 * this chat.
 */
export function offerFacts(
  waiting: Waiting,
  agent: Agent,
  mode: AutoMode,
  lastUserId: string | null,
  agents: readonly Agent[],
  at: number,
  base: Record<string, unknown>,
  takenBack?: TakenBackFacts,
) {
  const c = waiting.conversation;
  const timeout = waiting.settings.pickupTimeoutSeconds;
  const offerExpiresAt = timeout === null ? null : at + timeout * 1000;
  const previousName = agents.find((a) => a.id === lastUserId)?.name ?? null;
  const why = whyOffered(
    { mode, agentName: agent.name, previousName, load: agent.load, capacity: agent.capacity, priority: c.priority as Priority, vip: waiting.vip },
    takenBack,
  );
  // `previous` and `pickupTimeoutSeconds` are the facts behind `why`, so the PWA words it in the reader's language.
  const data = {
    ...base,
    to: agent.id,
    mode,
    load: agent.load,
    capacity: agent.capacity,
    priority: c.priority,
    vip: waiting.vip,
    offerExpiresAt,
    previous: mode === "round_robin" ? lastUserId : null,
    ...(takenBack ? { pickupTimeoutSeconds: takenBack.timeoutSeconds } : {}),
    why,
  };
  return { data, why, offerExpiresAt };
}
