import { can, scopeOf, seesWholeTeams, type PermissionHolder } from "./permissions-policy.ts";

/* No zod here: the PWA's first screen asks these without loading the schemas (issue 17). */

/** The built-in roles; a custom role names one of them as its base (what its holders are called). */
export const ROLES = ["admin", "supervisor", "agent"] as const;
export const LOCALES = ["en", "pt-BR"] as const;
export const AVAILABILITIES = ["available", "busy", "away"] as const;

type TeamHolder = PermissionHolder & { teamIds: readonly string[] };

/** Whether every team of the workspace is visible to them (the admin's scope, or a custom role's "all"). */
export function seesAllTeams(holder: PermissionHolder): boolean {
  return scopeOf(holder) === "all";
}

/** Who writes the workspace's content (drafts of articles, canned responses). */
export function isEditor(holder: PermissionHolder): boolean {
  return can(holder, "manageContent");
}

/**
 * Who may watch a team's live board: those who supervise and see the whole team (admins: every
 * team; supervisors: the teams they are members of, membership being the lead relation).
 */
export function canSuperviseTeam(user: TeamHolder, teamId: string): boolean {
  return can(user, "supervise") && seesWholeTeams(user) && canSeeTeam(user, teamId);
}

/** Team-level things (its channels, canned responses): members of the team, or everyone for an "all" scope. */
export function canSeeTeam(user: TeamHolder, teamId: string): boolean {
  return seesAllTeams(user) || user.teamIds.includes(teamId);
}

/** Whether they may hold the team's live list (every chat of the team): scopes narrower than the team's get their own list room. */
export function seesTeamList(user: TeamHolder, teamId: string): boolean {
  return seesWholeTeams(user) && canSeeTeam(user, teamId);
}


