import { z } from "zod";

/** The built-in roles; a custom role names one of them as its base (what its holders are called). */
export const ROLES = ["admin", "supervisor", "agent"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
