import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { SLA_TARGETS } from "./sla-rules.ts";

export * from "./sla-rules.ts";

// What a conversation carries of its SLA (see sla.ts for the clock); apart so conversation.ts can use it.

export const SlaTargetSchema = z.enum(SLA_TARGETS);
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

/**
 * The conversation's most pressing running target, as stored and published (null: no policy
 * applies or nothing is running). `state` was true when the server computed it; the live state
 * at any moment is `slaStateAt(sla, now)`, since running targets turn at risk and breached on
 * their own as time passes (`atRiskAt`, `dueAt`).
 */
export const SlaSummarySchema = z.object({
  policyId: IdSchema,
  target: SlaTargetSchema,
  state: z.enum(["running", "paused", "at_risk", "breached"]),
  /** When the target breaches; null while paused (the clock stands still). */
  dueAt: TimestampSchema.nullable(),
  /** When it turns at risk; null while paused. */
  atRiskAt: TimestampSchema.nullable(),
  /** Since when the clock stands still (pending, snoozed); null while it runs. */
  pausedAt: TimestampSchema.nullable(),
  /**
   * Counted time left on the target when its clock last started or stopped (negative: over), so
   * the stored summary stays the same while it runs; when paused, what is left once it resumes.
   */
  remainingMs: z.number().int(),
});
export type SlaSummary = z.infer<typeof SlaSummarySchema>;
export type SlaLiveState = SlaSummary["state"];

