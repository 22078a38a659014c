import { z } from "zod";
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from "./business-hours.ts";
import { PrioritySchema, type ConversationStatus, type Priority } from "./conversation.ts";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { SLA_TARGETS, type SlaLiveState, type SlaSummary, type SlaTarget } from "./sla-summary.ts";
import { SCHEMA_MESSAGES, schemaMessage } from "../api/schema-messages.ts";

export * from "./sla-summary.ts";

/**
 * Service level targets and the SLA clock, as pure functions of a policy, the workspace's
 * calendar and a conversation's history. The server stores their outcome on the conversation
 * (`Conversation.sla`); clients and the board derive the live state from it with `slaStateAt`.
 */

export const SLA_STATES = ["running", "paused", "met", "at_risk", "breached"] as const;
export const SlaStateSchema = z.enum(SLA_STATES);
export type SlaState = z.infer<typeof SlaStateSchema>;

const MAX_TARGET_MINUTES = 365 * 24 * 60;
const TargetMinutesSchema = z.number().int().min(1, SCHEMA_MESSAGES.at_least_a_minute).max(MAX_TARGET_MINUTES, SCHEMA_MESSAGES.at_most_a_year).nullable();

/** "At risk" when this much of the target is left: a share of it, or a number of minutes. */
export const SlaAtRiskSchema = z.discriminatedUnion("unit", [
  z.object({ unit: z.literal("percent"), value: z.number().int().min(1, SCHEMA_MESSAGES.percent_at_least_1).max(99, SCHEMA_MESSAGES.percent_at_most_99) }),
  z.object({ unit: z.literal("minutes"), value: z.number().int().min(1, SCHEMA_MESSAGES.at_least_a_minute).max(MAX_TARGET_MINUTES) }),
]);
export type SlaAtRisk = z.infer<typeof SlaAtRiskSchema>;

/** What an admin edits; `inboxId`/`priority` null: any (both null: the workspace default). */
export const SlaPolicyInputSchema = z.object({
  name: z.string().trim().min(1, SCHEMA_MESSAGES.name_required).max(80, schemaMessage("chars_at_most", { n: 80 })),
  inboxId: IdSchema.nullable(),
  priority: PrioritySchema.nullable(),
  firstResponseMinutes: TargetMinutesSchema,
  nextResponseMinutes: TargetMinutesSchema,
  resolutionMinutes: TargetMinutesSchema,
  /** Count only opening hours (the workspace calendar), or every minute. */
  businessHours: z.boolean(),
  atRisk: SlaAtRiskSchema,
});
export type SlaPolicyInput = z.infer<typeof SlaPolicyInputSchema>;

export const SlaPolicySchema = SlaPolicyInputSchema.extend({ id: IdSchema, updatedAt: TimestampSchema });
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

/** Most specific first: inbox and priority, inbox, priority, the workspace default. */
export function policyFor<P extends Pick<SlaPolicy, "inboxId" | "priority">>(policies: readonly P[], c: { inboxId: string; priority: Priority }): P | null {
  const rank = (p: P): number => {
    if (p.inboxId !== null && p.inboxId !== c.inboxId) return -1;
    if (p.priority !== null && p.priority !== c.priority) return -1;
    return (p.inboxId !== null ? 2 : 0) + (p.priority !== null ? 1 : 0);
  };
  let best: P | null = null;
  let bestRank = -1;
  for (const p of policies) {
    const r = rank(p);
    if (r > bestRank) [best, bestRank] = [p, r];
  }
  return best;
}

/** What the clock reads from a conversation's history (the server maps its event rows to these). */
export type SlaHistoryEvent =
  | { at: number; kind: "customer_message" }
  | { at: number; kind: "agent_reply" }
  | { at: number; kind: "status"; status: ConversationStatus };

export interface SlaTargetStatus {
  target: SlaTarget;
  /** When this cycle of the target started (first response and resolution: the chat's start or reopening; next response: the customer's unanswered message). */
  cycleStart: number;
  targetMs: number;
  /** Counted time so far (business or calendar). */
  elapsedMs: number;
  /** Counted time when the clock last started or stopped: stable while it runs (what is stored). */
  settledElapsedMs: number;
  state: SlaState;
  dueAt: number | null;
  atRiskAt: number | null;
  pausedAt: number | null;
  /** When the cycle was met or closed (reply, resolution); null while it runs. */
  completedAt: number | null;
}

interface Cycle {
  target: SlaTarget;
  start: number;
  targetMs: number;
  elapsed: number;
  runningSince: number | null;
  pausedAt: number | null;
  completedAt: number | null;
}

export interface SlaClockInput {
  policy: Pick<SlaPolicy, "firstResponseMinutes" | "nextResponseMinutes" | "resolutionMinutes" | "businessHours" | "atRisk">;
  calendar: BusinessCalendar;
  createdAt: number;
  /** In order of time (ties: in the order they were recorded). */
  history: readonly SlaHistoryEvent[];
  now: number;
}

const PAUSED: ReadonlySet<ConversationStatus> = new Set(["pending", "snoozed"]);

/**
 * Each target's latest cycle at `now`. Targets start at the conversation's creation (first
 * response, resolution) or when the customer writes after an agent's reply (next response);
 * an agent's reply meets the response targets, resolving meets all. Pending and snoozed stop
 * every running clock; the clock counts business time when the policy says so.
 */
export function computeSla(input: SlaClockInput): SlaTargetStatus[] {
  const { policy, calendar, now } = input;
  const counted = (a: number, b: number): number => (b <= a ? 0 : policy.businessHours ? businessMsBetween(calendar, a, b) : b - a);
  const after = (from: number, ms: number): number | null => (policy.businessHours ? addBusinessMs(calendar, from, ms) : from + Math.max(0, ms));
  const minutes: Record<SlaTarget, number | null> = {
    first_response: policy.firstResponseMinutes,
    next_response: policy.nextResponseMinutes,
    resolution: policy.resolutionMinutes,
  };
  const latest = new Map<SlaTarget, Cycle>();
  let status: ConversationStatus = "open";
  let replied = false;

  const start = (target: SlaTarget, at: number): void => {
    const m = minutes[target];
    if (m === null) return;
    const paused = PAUSED.has(status);
    latest.set(target, { target, start: at, targetMs: m * 60_000, elapsed: 0, runningSince: paused ? null : at, pausedAt: paused ? at : null, completedAt: null });
  };
  const accrue = (c: Cycle, at: number): void => {
    if (c.runningSince !== null) {
      c.elapsed += counted(c.runningSince, at);
      c.runningSince = at;
    }
  };
  const active = (target: SlaTarget): Cycle | undefined => {
    const c = latest.get(target);
    return c && c.completedAt === null ? c : undefined;
  };
  const complete = (target: SlaTarget, at: number): void => {
    const c = active(target);
    if (!c) return;
    accrue(c, at);
    c.runningSince = null;
    c.completedAt = at;
  };

  start("first_response", input.createdAt);
  start("resolution", input.createdAt);
  for (const e of input.history) {
    if (e.at > now) break;
    if (e.kind === "agent_reply") {
      replied = true;
      complete("first_response", e.at);
      complete("next_response", e.at);
    } else if (e.kind === "customer_message") {
      if (replied && !active("next_response")) start("next_response", e.at);
    } else if (e.status !== status) {
      const was = status;
      status = e.status;
      if (status === "resolved") {
        for (const t of SLA_TARGETS) complete(t, e.at);
        continue;
      }
      if (was === "resolved") {
        // Reopened: a new resolution cycle, and the customer is waiting for an answer again.
        start("resolution", e.at);
        if (replied) start("next_response", e.at);
        else if (!active("first_response")) start("first_response", e.at);
        continue;
      }
      const pause = PAUSED.has(status);
      for (const c of latest.values()) {
        if (c.completedAt !== null) continue;
        if (pause && c.runningSince !== null) {
          accrue(c, e.at);
          c.runningSince = null;
          c.pausedAt = e.at;
        } else if (!pause && c.runningSince === null) {
          c.runningSince = e.at;
          c.pausedAt = null;
        }
      }
    }
  }

  return SLA_TARGETS.flatMap((target) => {
    const c = latest.get(target);
    return c ? [statusOf(c, now, policy.atRisk, counted, after)] : [];
  });
}

function thresholdMs(atRisk: SlaAtRisk, targetMs: number): number {
  return atRisk.unit === "percent" ? Math.round((targetMs * atRisk.value) / 100) : atRisk.value * 60_000;
}

function statusOf(
  c: Cycle,
  now: number,
  atRisk: SlaAtRisk,
  counted: (a: number, b: number) => number,
  after: (from: number, ms: number) => number | null,
): SlaTargetStatus {
  const base = { target: c.target, cycleStart: c.start, targetMs: c.targetMs, settledElapsedMs: c.elapsed, pausedAt: c.pausedAt, completedAt: c.completedAt };
  if (c.completedAt !== null) {
    return { ...base, elapsedMs: c.elapsed, state: c.elapsed > c.targetMs ? "breached" : "met", dueAt: null, atRiskAt: null };
  }
  const elapsed = c.elapsed + (c.runningSince !== null ? counted(c.runningSince, now) : 0);
  const riskFrom = c.targetMs - Math.min(thresholdMs(atRisk, c.targetMs), c.targetMs);
  if (c.runningSince === null) {
    const state: SlaState = c.elapsed >= c.targetMs ? "breached" : "paused";
    return { ...base, elapsedMs: elapsed, state, dueAt: null, atRiskAt: null };
  }
  const dueAt = after(c.runningSince, c.targetMs - c.elapsed);
  // Already past the threshold when the clock last started: at risk since then.
  const atRiskAt = c.elapsed >= riskFrom ? c.runningSince : after(c.runningSince, riskFrom - c.elapsed);
  const state: SlaState = dueAt !== null && now >= dueAt ? "breached" : atRiskAt !== null && now >= atRiskAt ? "at_risk" : "running";
  return { ...base, elapsedMs: elapsed, state, dueAt, atRiskAt };
}

const SEVERITY: Record<SlaLiveState, number> = { breached: 0, at_risk: 1, running: 2, paused: 3 };

/** The target a chat shows: the worst running one, then the soonest due. Null: nothing runs. */
export function summarizeSla(policyId: string, statuses: readonly SlaTargetStatus[]): SlaSummary | null {
  const open = statuses.filter((s) => s.completedAt === null) as Array<SlaTargetStatus & { state: SlaLiveState }>;
  if (!open.length) return null;
  open.sort((a, b) => SEVERITY[a.state] - SEVERITY[b.state] || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
  const s = open[0]!;
  return { policyId, target: s.target, state: s.state, dueAt: s.dueAt, atRiskAt: s.atRiskAt, pausedAt: s.pausedAt, remainingMs: s.targetMs - s.settledElapsedMs };
}

/** When a running target next changes state on its own (turns at risk or breaches); null: never. */
export function nextSlaChange(statuses: readonly SlaTargetStatus[], now: number): number | null {
  let next: number | null = null;
  for (const s of statuses) {
    if (s.completedAt !== null) continue;
    for (const t of [s.atRiskAt, s.dueAt]) if (t !== null && t > now && (next === null || t < next)) next = t;
  }
  return next;
}
