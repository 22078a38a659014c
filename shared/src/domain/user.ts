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

/** Admins and supervisors oversee every team; agents see only the teams they belong to. */
export function seesAllTeams(role: Role): boolean {
  return role === "admin" || role === "supervisor";
}

export function canSeeTeam(user: Pick<User, "role" | "teamIds">, teamId: string): boolean {
  return seesAllTeams(user.role) || user.teamIds.includes(teamId);
}
