import { and, eq, inArray } from "drizzle-orm";
import type { ReportResponse } from "@inbox/shared/api/reports";
import type { Reads } from "../db/record.ts";
import { inboxes, teams, users } from "../db/schema.ts";

export type ReportNames = ReportResponse["names"];

const ids = (set: Iterable<string | null | undefined>): string[] => [...new Set([...set].filter((v): v is string => typeof v === "string"))];

/** The names of the people, teams and inboxes a report mentions, from this workspace only. */
export async function reportNames(core: Reads, workspaceId: string, mentioned: { agents: Iterable<string | null>; teams: Iterable<string | null>; inboxes: Iterable<string | null> }): Promise<ReportNames> {
  const [agentIds, teamIds, inboxIds] = [ids(mentioned.agents), ids(mentioned.teams), ids(mentioned.inboxes)];
  const [people, teamRows, inboxRows] = await Promise.all([
    agentIds.length ? core.db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, agentIds))) : [],
    teamIds.length ? core.db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.workspaceId, workspaceId), inArray(teams.id, teamIds))) : [],
    inboxIds.length ? core.db.select({ id: inboxes.id, name: inboxes.name, channel: inboxes.channel }).from(inboxes).where(and(eq(inboxes.workspaceId, workspaceId), inArray(inboxes.id, inboxIds))) : [],
  ]);
  return {
    agents: Object.fromEntries(people.map((p) => [p.id, p.name])),
    teams: Object.fromEntries(teamRows.map((t) => [t.id, t.name])),
    inboxes: Object.fromEntries(inboxRows.map((i) => [i.id, { name: i.name, channel: i.channel }])),
  };
}
