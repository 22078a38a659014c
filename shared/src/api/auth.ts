import { z } from "zod";
import { TeamSchema, UserSchema, WorkspaceSchema } from "../domain/user.ts";
import { TimestampSchema } from "../domain/ids.ts";

export const LoginRequestSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({
  user: UserSchema,
  /** Also set as an HttpOnly cookie; returned for non-browser clients (Bearer). */
  token: z.string(),
  expiresAt: TimestampSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  workspace: WorkspaceSchema,
  teams: z.array(TeamSchema),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
