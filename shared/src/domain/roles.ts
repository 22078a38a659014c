import { z } from "zod";
import { ROLES } from "./user-rules.ts";

export { ROLES } from "./user-rules.ts";

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
