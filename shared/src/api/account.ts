/** A person's own account (issue 13, "Account security" and the profile page): what the PWA sends and reads. */
import { z } from "zod";
import { TimestampSchema } from "../domain/ids.ts";
import { NotificationKindSchema } from "./content.ts";
import { PushChoicesSchema } from "./push.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** Who must use two-factor sign-in in a workspace. */
export const REQUIRE_2FA = ["none", "admins", "everyone"] as const;
export const Require2faSchema = z.enum(REQUIRE_2FA);
export type Require2fa = z.infer<typeof Require2faSchema>;

/** Account security set by an admin (Settings → Security). `sessionHours` null: the server's default lifetime. */
export const WorkspaceSecuritySchema = z.object({
  require2fa: Require2faSchema,
  sessionHours: z.number().int().min(1, SCHEMA_MESSAGES.session_hours_min).max(720, SCHEMA_MESSAGES.session_hours_max).nullable(),
});
export type WorkspaceSecurity = z.infer<typeof WorkspaceSecuritySchema>;
export const DEFAULT_WORKSPACE_SECURITY: WorkspaceSecurity = { require2fa: "none", sessionHours: null };

export const MIN_PASSWORD_LENGTH = 12;
/** A new password's shape; the server also refuses common and personal ones (in words, `reason` password_common / password_personal). */
export const NewPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, SCHEMA_MESSAGES.password_min).max(200);

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, SCHEMA_MESSAGES.current_password_required).max(256),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
export const ChangePasswordResponseSchema = z.object({ endedSessions: z.number().int().nonnegative() });

/** A code from the authenticator app (6 digits, spaces allowed) or a recovery code (`xxxxx-xxxxx`). */
export const SecondFactorCodeSchema = z.string().trim().min(6, SCHEMA_MESSAGES.second_factor_code).max(32);

/** Enrolment, step one: a new secret, as a QR code and as the text key; `setupToken` carries it (sealed) to step two. */
export const TwoFactorSetupResponseSchema = z.object({
  setupToken: z.string(),
  /** The secret in base32, grouped by four for typing into an app. */
  secret: z.string(),
  /** The `otpauth://` link the QR code holds. */
  uri: z.string(),
  /** The QR code as an SVG data URL. */
  qrCode: z.string().startsWith("data:image/svg+xml;base64,"),
});
export type TwoFactorSetupResponse = z.infer<typeof TwoFactorSetupResponseSchema>;

export const TwoFactorEnableRequestSchema = z.object({ setupToken: z.string().min(1).max(2000), code: SecondFactorCodeSchema });
/** Shown once: only their hashes are kept. */
export const RecoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponseSchema>;
export const TwoFactorCodeRequestSchema = z.object({ code: SecondFactorCodeSchema });

/** Sign-in, step two: the challenge the password step answered, and a code. */
export const SecondFactorRequestSchema = z.object({ challenge: z.string().min(20).max(200), code: SecondFactorCodeSchema });

/** A small picture: PNG, JPEG or WebP as a data URL (the PWA shrinks it to 128 px first); never SVG. */
export const AVATAR_MAX_CHARS = 64_000;
export const AvatarSchema = z
  .string()
  .max(AVATAR_MAX_CHARS, SCHEMA_MESSAGES.avatar_too_large)
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, SCHEMA_MESSAGES.avatar_format);

/** Which kinds of notification the person wants; a kind not named is wanted. */
export const NotificationChoicesSchema = z.partialRecord(NotificationKindSchema, z.boolean());
export type NotificationChoices = z.infer<typeof NotificationChoicesSchema>;

export const ProfileSchema = z.object({
  name: z.string(),
  email: z.email(),
  avatar: z.string().nullable(),
  notificationChoices: NotificationChoicesSchema,
  /** Which kinds ring this person's devices by Web Push (issue 16); a kind not named does. */
  pushChoices: PushChoicesSchema,
  twoFactorEnabled: z.boolean(),
  /** The workspace requires two-factor sign-in of this person (so it cannot be turned off). */
  twoFactorRequired: z.boolean(),
  recoveryCodesLeft: z.number().int().nonnegative(),
  passwordChangedAt: TimestampSchema.nullable(),
});
export type Profile = z.infer<typeof ProfileSchema>;
export const ProfileResponseSchema = z.object({ profile: ProfileSchema });

export const UpdateProfileRequestSchema = z
  .object({
    name: z.string().trim().min(1, SCHEMA_MESSAGES.your_name_required).max(120).optional(),
    avatar: AvatarSchema.nullable().optional(),
    notificationChoices: NotificationChoicesSchema.optional(),
    pushChoices: PushChoicesSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), SCHEMA_MESSAGES.say_what_to_change);
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequestSchema>;

/** One signed-in device: a session, as its owner sees it. */
export const DeviceSchema = z.object({
  /** Names the session without being its token or the token's hash. */
  id: z.string(),
  current: z.boolean(),
  /** From the user agent: e.g. "Chrome", "Linux"; null when it says nothing known. */
  browser: z.string().nullable(),
  os: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema,
  expiresAt: TimestampSchema,
});
export type Device = z.infer<typeof DeviceSchema>;
export const DevicesResponseSchema = z.object({ devices: z.array(DeviceSchema) });
export const SignedOutDevicesResponseSchema = z.object({ ended: z.number().int().nonnegative() });

export const WorkspaceSecurityResponseSchema = z.object({ security: WorkspaceSecuritySchema });

/** What /api/me says of the account itself. */
export const AccountSummarySchema = z.object({
  twoFactorEnabled: z.boolean(),
  /** The workspace requires two-factor sign-in of this person and they have not set it up: nothing else works until they do. */
  mustEnrolTwoFactor: z.boolean(),
  avatar: z.string().nullable(),
});
export type AccountSummary = z.infer<typeof AccountSummarySchema>;
