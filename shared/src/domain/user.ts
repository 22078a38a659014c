import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { can, PermissionsSchema, scopeOf, seesWholeTeams, type PermissionHolder } from "./permissions.ts";
import { RoleSchema } from "./roles.ts";

export { ROLES, RoleSchema, type Role } from "./roles.ts";

export const LOCALES = ["en", "pt-BR"] as const;
export const LocaleSchema = z.enum(LOCALES);

export const AvailabilitySchema = z.enum(["available", "busy", "away"]);

export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(120),
  createdAt: TimestampSchema,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const TeamSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  name: z.string().min(1).max(120),
});
export type Team = z.infer<typeof TeamSchema>;

/** A member of the support team. Never carries the password hash: this is what clients see. */
export const UserSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  email: z.email(),
  name: z.string().min(1).max(120),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  maxConcurrentChats: z.number().int().min(1).max(100),
  availability: AvailabilitySchema,
  locale: LocaleSchema,
  /**
   * What they may do: the custom role's set, or the built-in role's. Optional only so a device's
   * copy from before custom roles still reads; the server always sends it (permissionsOf).
   */
  permissions: PermissionsSchema.optional(),
  /** The custom role they hold (its name replaces the built-in role's in the PWA), or null. */
  customRole: z.object({ id: IdSchema, name: z.string().min(1).max(60) }).nullable().optional(),
});
export type User = z.infer<typeof UserSchema>;

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


