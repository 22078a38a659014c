import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";

export const ROLES = ["admin", "supervisor", "agent"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

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
});
export type User = z.infer<typeof UserSchema>;

/**
 * Admins oversee every team; supervisors lead only the teams they are members of (team
 * membership is the lead relation), and agents see only the teams they belong to.
 */
export function seesAllTeams(role: Role): boolean {
  return role === "admin";
}

/** Supervisors and admins write the workspace's content (drafts, canned responses) and see the board. */
export function isEditor(role: Role): boolean {
  return role === "admin" || role === "supervisor";
}

/** Who may watch a team's live board: admins, and supervisors of that team; never agents. */
export function canSuperviseTeam(user: Pick<User, "role" | "teamIds">, teamId: string): boolean {
  if (user.role === "admin") return true;
  return user.role === "supervisor" && user.teamIds.includes(teamId);
}

export function canSeeTeam(user: Pick<User, "role" | "teamIds">, teamId: string): boolean {
  return seesAllTeams(user.role) || user.teamIds.includes(teamId);
}
