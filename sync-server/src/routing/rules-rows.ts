import { RoutingRuleSchema, type RoutingRule } from "@inbox/shared/domain/routing-rules";
import type { routingRules } from "../db/schema.ts";

export type RuleRow = typeof routingRules.$inferSelect;

/**
 * A stored rule as the shared schema reads it. Rows are validated when written, so a row that no
 * longer parses (a schema tightened since, e.g. a pattern now judged unsafe) is skipped with a
 * log line rather than run or allowed to break every message of its workspace.
 */
export function toRule(row: RuleRow): RoutingRule | null {
  const parsed = RoutingRuleSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  console.error(`routing rule ${row.id} does not read as a rule and is skipped`, parsed.error.issues[0]?.message);
  return null;
}
