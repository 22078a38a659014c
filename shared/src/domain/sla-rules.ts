import type { SlaLiveState, SlaSummary } from "./sla-summary.ts";

/* No zod here: the PWA's first screen uses these without loading the schemas (issue 17). */

export const SLA_TARGETS = ["first_response", "next_response", "resolution"] as const;

/** The live state of a stored summary at `now` (what the list, header and board show). */
export function slaStateAt(sla: SlaSummary, now: number): SlaLiveState {
  if (sla.state === "breached") return "breached";
  if (sla.state === "paused") return "paused";
  if (sla.dueAt !== null && now >= sla.dueAt) return "breached";
  if (sla.state === "at_risk" || (sla.atRiskAt !== null && now >= sla.atRiskAt)) return "at_risk";
  return "running";
}
