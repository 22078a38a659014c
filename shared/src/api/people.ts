/** Administration of people, invitations and teams: what an admin reads and sends (issue 13). */
import { z } from "zod";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { RoleSchema } from "../domain/user.ts";
import { NewPasswordSchema } from "./account.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

const Tag = z.string().trim().min(1).max(40);
/** Languages and skills an admin records for a person (routing rules use them). */
const TagsSchema = z.array(Tag).max(20);

export const PersonSchema = z.object({
  id: IdSchema,
  email: z.email(),
  name: z.string(),
  role: RoleSchema,
  /** A custom role replaces the built-in role's permissions (`role` is then its base); null: the built-in role. */
  customRoleId: IdSchema.nullable(),
  teamIds: z.array(IdSchema),
  maxConcurrentChats: z.number().int().min(1).max(100),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  createdAt: TimestampSchema,
  lastSeenAt: TimestampSchema.nullable(),
  deactivatedAt: TimestampSchema.nullable(),
  /** Chats they hold now (open, pending or snoozed). */
  load: z.number().int().nonnegative(),
});
export type Person = z.infer<typeof PersonSchema>;

export const AdminTeamSchema = z.object({
  id: IdSchema,
  name: z.string(),
  archivedAt: TimestampSchema.nullable(),
  /** Inboxes whose new conversations go to this team. */
  inboxIds: z.array(IdSchema),
  memberIds: z.array(IdSchema),
});
export type AdminTeam = z.infer<typeof AdminTeamSchema>;

export const InvitationStatusSchema = z.enum(["pending", "accepted", "revoked", "expired"]);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.email(),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  /** A custom role the invitee will hold (`role` is then its base); null or absent (older servers): the built-in role. */
  customRoleId: IdSchema.nullable().optional(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  status: InvitationStatusSchema,
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const PeopleResponseSchema = z.object({
  people: z.array(PersonSchema),
  teams: z.array(AdminTeamSchema),
  invitations: z.array(InvitationSchema),
});
export type PeopleResponse = z.infer<typeof PeopleResponseSchema>;

export const PersonResponseSchema = z.object({ person: PersonSchema });

export const UpdatePersonRequestSchema = z
  .object({
    role: RoleSchema.optional(),
    /** A custom role of the workspace (its base becomes `role`), or null to go back to the built-in role. */
    customRoleId: IdSchema.nullable().optional(),
    teamIds: z.array(IdSchema).max(100).optional(),
    maxConcurrentChats: z.number().int().min(1, SCHEMA_MESSAGES.capacity_min).max(100, SCHEMA_MESSAGES.capacity_max).optional(),
    languages: TagsSchema.optional(),
    skills: TagsSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), SCHEMA_MESSAGES.say_what_to_change);
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequestSchema>;

export const PersonActiveRequestSchema = z.object({ active: z.boolean() });

export const InviteRequestSchema = z.object({
  email: z.email(SCHEMA_MESSAGES.email_invalid).max(320).transform((e) => e.trim().toLowerCase()),
  role: RoleSchema,
  teamIds: z.array(IdSchema).max(100),
  /** A custom role of the workspace for the invitee; the server sets `role` to its base. */
  customRoleId: IdSchema.nullable().optional(),
});
export type InviteRequest = z.infer<typeof InviteRequestSchema>;

/**
 * The link is shown once, to copy: only a hash of its token is kept. With an SMTP server
 * configured it is also emailed to the invitee; `emailed` says whether that worked and
 * `emailError` why not, in a sentence (`emailReason`: the cause alone, for the PWA to say in
 * the user's language; `emailFailure` the same as a code). All are absent from older servers.
 */
/** Why an email was not sent, on either runtime (node/ and worker/ smtp-mailer.ts): a kind the PWA words. */
export const MAIL_FAILURE_KINDS = ["refused", "unreachable", "name_unknown", "timeout", "auth", "tls", "envelope", "message", "connection", "other"] as const;
export type MailFailureKind = (typeof MAIL_FAILURE_KINDS)[number];
export const MailFailureSchema = z.object({
  reason: z.enum(MAIL_FAILURE_KINDS),
  /** `host:port` of the mail server (never its password). */
  server: z.string(),
  /** What the server or the connection said, as it said it (not translated). */
  detail: z.string().optional(),
});
export type MailFailure = z.infer<typeof MailFailureSchema>;

export const InvitationLinkResponseSchema = z.object({
  invitation: InvitationSchema,
  link: z.url(),
  emailed: z.boolean().optional(),
  emailError: z.string().optional(),
  emailReason: z.string().optional(),
  /** The same cause as a code and its parameters (newer servers). */
  emailFailure: MailFailureSchema.optional(),
});
export type InvitationLinkResponse = z.infer<typeof InvitationLinkResponseSchema>;

/** What the invitee sees before accepting (public, by the link's token). */
export const InvitationPreviewSchema = z.object({
  email: z.email(),
  workspaceName: z.string(),
  role: RoleSchema,
  /** The custom role's name when the invitation gives one (older servers: absent). */
  customRoleName: z.string().nullable().optional(),
  expiresAt: TimestampSchema,
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const AcceptInvitationRequestSchema = z.object({
  name: z.string().trim().min(1, SCHEMA_MESSAGES.your_name_required).max(120),
  password: NewPasswordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;

export const TeamRequestSchema = z.object({ name: z.string().trim().min(1, SCHEMA_MESSAGES.team_name_required).max(120) });
export const UpdateTeamRequestSchema = z
  .object({
    name: z.string().trim().min(1, SCHEMA_MESSAGES.team_name_required).max(120).optional(),
    archived: z.boolean().optional(),
    /** Inboxes to move to this team: their new conversations go to it (an inbox feeds one team). */
    inboxIds: z.array(IdSchema).max(200).optional(),
  })
  .refine((b) => b.name !== undefined || b.archived !== undefined || b.inboxIds !== undefined, SCHEMA_MESSAGES.say_what_to_change);
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequestSchema>;
export const AdminTeamResponseSchema = z.object({ team: AdminTeamSchema });
