import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { PermissionsSchema } from "./permissions.ts";
import { RoleSchema } from "./roles.ts";
import { AVAILABILITIES, LOCALES } from "./user-rules.ts";

export * from "./user-rules.ts";
export { RoleSchema, type Role } from "./roles.ts";

export const LocaleSchema = z.enum(LOCALES);

export const AvailabilitySchema = z.enum(AVAILABILITIES);

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
