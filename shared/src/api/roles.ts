/** Custom roles (issue 13): named permission sets an admin makes, and who holds them. */
import { z } from "zod";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { BUILT_IN_PERMISSIONS, PermissionsSchema } from "../domain/permissions.ts";
import { RoleSchema } from "../domain/roles.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

export const CustomRoleSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The built-in role its holders count as wherever a role rather than a permission decides (and are called). */
  base: RoleSchema,
  permissions: PermissionsSchema,
  /** How many active people hold it. */
  holders: z.number().int().nonnegative(),
  updatedAt: TimestampSchema,
});
export type CustomRole = z.infer<typeof CustomRoleSchema>;

export const CustomRoleInputSchema = z.object({
  name: z.string().trim().min(1, SCHEMA_MESSAGES.role_name_required).max(60, SCHEMA_MESSAGES.role_name_too_long),
  base: RoleSchema,
  permissions: PermissionsSchema,
});
export type CustomRoleInput = z.infer<typeof CustomRoleInputSchema>;

export const RolesResponseSchema = z.object({
  roles: z.array(CustomRoleSchema),
  /** The built-in roles' sets, for the editor to start from and compare with. */
  builtIn: z.object({ admin: PermissionsSchema, supervisor: PermissionsSchema, agent: PermissionsSchema }),
});
export type RolesResponse = z.infer<typeof RolesResponseSchema>;

export const RoleResponseSchema = z.object({ role: CustomRoleSchema });

export function rolesResponse(roles: CustomRole[]): RolesResponse {
  return { roles, builtIn: { ...BUILT_IN_PERMISSIONS } };
}
