import { and, eq, inArray, isNull } from "drizzle-orm";
import type { RoutingRuleInput } from "@inbox/shared/domain/routing-rules";
import type { Reads } from "../db/record.ts";
import { cannedResponses, inboxes, teams, users } from "../db/schema.ts";
import { reasonSentence, type ReasonCode } from "@inbox/shared";
import { refusedWithFields } from "../http/http-error.ts";

/**
 * A rule may name only its own workspace's inboxes, active teams, active people and canned
 * responses. Refused with the first problem's code (worded by the PWA), and every condition or
 * action at fault in `fields` for the form.
 */
export async function refuseUnknownReferences(core: Reads, workspaceId: string, rule: RoutingRuleInput): Promise<void> {
  const fields: Record<string, string> = {};
  let first: ReasonCode | null = null;
  const fault = (at: string, reason: ReasonCode) => {
    first ??= reason;
    fields[at] = reasonSentence(reason);
  };
  const inboxIds = rule.conditions.flatMap((c) => (c.type === "inbox" ? c.values : []));
  if (inboxIds.length) {
    const known = await idsIn(core, inboxes, inboxIds, workspaceId);
    rule.conditions.forEach((c, i) => {
      if (c.type === "inbox" && c.values.some((id) => !known.has(id))) fault(`conditions.${i}`, "rule_unknown_inbox");
    });
  }
  for (const [i, a] of rule.actions.entries()) {
    const at = `actions.${i}`;
    if (a.type === "set_team") {
      const [team] = await core.db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, a.teamId), eq(teams.workspaceId, workspaceId), isNull(teams.archivedAt)));
      if (!team) fault(at, "rule_unknown_team");
    } else if (a.type === "assign_agent") {
      const [person] = await core.db.select({ id: users.id }).from(users).where(and(eq(users.id, a.userId), eq(users.workspaceId, workspaceId), isNull(users.deactivatedAt)));
      if (!person) fault(at, "rule_unknown_person");
    } else if (a.type === "send_canned") {
      const [canned] = await core.db.select({ id: cannedResponses.id }).from(cannedResponses).where(and(eq(cannedResponses.id, a.cannedId), eq(cannedResponses.workspaceId, workspaceId)));
      if (!canned) fault(at, "rule_unknown_canned");
    }
  }
  if (first) throw refusedWithFields(400, "validation_failed", first, {}, fields);
}

async function idsIn(core: Reads, table: typeof inboxes, ids: string[], workspaceId: string): Promise<Set<string>> {
  const rows = await core.db.select({ id: table.id }).from(table).where(and(inArray(table.id, ids), eq(table.workspaceId, workspaceId)));
  return new Set(rows.map((r) => r.id));
}
