import { and, eq, inArray, isNull } from "drizzle-orm";
import type { RoutingRuleInput } from "@inbox/shared/domain/routing-rules";
import type { Reads } from "../db/record.ts";
import { cannedResponses, inboxes, teams, users } from "../db/schema.ts";
import { HttpError } from "../http/http-error.ts";

/**
 * A rule may name only its own workspace's inboxes, active teams, active people and canned
 * responses. Refused in words, naming the condition or action (`fields` for the form).
 */
export async function refuseUnknownReferences(core: Reads, workspaceId: string, rule: RoutingRuleInput): Promise<void> {
  const fields: Record<string, string> = {};
  const inboxIds = rule.conditions.flatMap((c) => (c.type === "inbox" ? c.values : []));
  if (inboxIds.length) {
    const known = await idsIn(core, inboxes, inboxIds, workspaceId);
    rule.conditions.forEach((c, i) => {
      if (c.type === "inbox" && c.values.some((id) => !known.has(id))) fields[`conditions.${i}`] = "Choose inboxes of this workspace.";
    });
  }
  for (const [i, a] of rule.actions.entries()) {
    const at = `actions.${i}`;
    if (a.type === "set_team") {
      const [team] = await core.db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, a.teamId), eq(teams.workspaceId, workspaceId), isNull(teams.archivedAt)));
      if (!team) fields[at] = "Choose one of the workspace's active teams.";
    } else if (a.type === "assign_agent") {
      const [person] = await core.db.select({ id: users.id }).from(users).where(and(eq(users.id, a.userId), eq(users.workspaceId, workspaceId), isNull(users.deactivatedAt)));
      if (!person) fields[at] = "Choose an active person of this workspace.";
    } else if (a.type === "send_canned") {
      const [canned] = await core.db.select({ id: cannedResponses.id }).from(cannedResponses).where(and(eq(cannedResponses.id, a.cannedId), eq(cannedResponses.workspaceId, workspaceId)));
      if (!canned) fields[at] = "Choose one of the workspace's canned responses.";
    }
  }
  const problems = Object.values(fields);
  if (problems.length) throw new HttpError(400, "validation_failed", `The rule names something that is not in this workspace: ${problems.join(" ")}`, fields);
}

async function idsIn(core: Reads, table: typeof inboxes, ids: string[], workspaceId: string): Promise<Set<string>> {
  const rows = await core.db.select({ id: table.id }).from(table).where(and(inArray(table.id, ids), eq(table.workspaceId, workspaceId)));
  return new Set(rows.map((r) => r.id));
}
