import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import type { RuleChoices } from "@inbox/shared/api/routing-rules";
import type { Reads } from "../db/record.ts";
import { cannedResponses, inboxes, teamMembers, teams, users } from "../db/schema.ts";

/** What the rule editor's selects offer: the workspace's inboxes, active teams and people, canned responses. */
export async function ruleChoices(core: Reads, workspaceId: string): Promise<RuleChoices> {
  const [inboxRows, teamRows, people, canned] = await Promise.all([
    core.db.select({ id: inboxes.id, name: inboxes.name, channel: inboxes.channel, teamId: inboxes.teamId }).from(inboxes).where(eq(inboxes.workspaceId, workspaceId)).orderBy(asc(inboxes.name)),
    core.db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.workspaceId, workspaceId), isNull(teams.archivedAt))).orderBy(asc(teams.name)),
    core.db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(and(eq(users.workspaceId, workspaceId), isNull(users.deactivatedAt))).orderBy(asc(users.name)),
    core.db.select({ id: cannedResponses.id, shortcut: cannedResponses.shortcut, title: cannedResponses.title }).from(cannedResponses).where(eq(cannedResponses.workspaceId, workspaceId)).orderBy(asc(cannedResponses.shortcut)),
  ]);
  const memberships = people.length
    ? await core.db.select().from(teamMembers).where(inArray(teamMembers.userId, people.map((p) => p.id)))
    : [];
  return {
    inboxes: inboxRows.map((i) => ({ ...i, channel: i.channel as ChannelType })),
    teams: teamRows,
    agents: people.map((p) => ({ ...p, teamIds: memberships.filter((m) => m.userId === p.id).map((m) => m.teamId) })),
    canned,
  };
}
