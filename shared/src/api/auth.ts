import { z } from "zod";
import { TeamSchema, UserSchema, WorkspaceSchema } from "../domain/user.ts";
import { TimestampSchema } from "../domain/ids.ts";
import { AccountSummarySchema } from "./account.ts";

export * from "./session-cookie.ts";

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

/** The password was right and the account uses two-factor sign-in: no session yet, a code must follow (POST /api/auth/login/2fa). */
export const TwoFactorChallengeSchema = z.object({
  twoFactor: z.literal(true),
  /** Names this sign-in attempt for the second step; short-lived, a few wrong codes end it. */
  challenge: z.string(),
  expiresAt: TimestampSchema,
});
export type TwoFactorChallenge = z.infer<typeof TwoFactorChallengeSchema>;

/** What POST /api/auth/login answers: a session, or (two-factor accounts) a challenge. */
export const SignInResponseSchema = z.union([LoginResponseSchema, TwoFactorChallengeSchema]);
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  workspace: WorkspaceSchema,
  teams: z.array(TeamSchema),
  /** Two-factor state and picture (optional: a device's copy from before it existed still reads). */
  account: AccountSummarySchema.optional(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

