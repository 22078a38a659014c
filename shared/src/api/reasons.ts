import type { PermissionFlag } from "../domain/permissions.ts";

/**
 * Why a request was refused, as a code with parameters. The server sends the code as
 * `error.fields.reason` (or a refused command's `fields.reason`) with its parameters beside it,
 * and its English sentence as `message`; the PWA words the code in the user's language
 * (client/src/api/reason-words.ts must word every code here: its table's type says so). The
 * English sentence stays for scripts, logs and older clients.
 *
 * Parameters are strings. Two are worded on each side rather than sent as words: `seconds`
 * becomes `{wait}` ("90 seconds", "2 minutes") and `hours` becomes `{period}` ("24 hours",
 * "7 days").
 */
const PERMISSION_REASONS = {
  no_permission_reply: "Your role does not allow replying to customers.",
  no_permission_manageContacts: "Your role does not allow editing or merging contacts.",
  no_permission_deleteContacts: "Your role does not allow erasing contacts.",
  no_permission_exportData: "Your role does not allow exporting data.",
  no_permission_manageContent: "Your role does not allow managing canned responses and articles.",
  no_permission_viewReports: "Your role does not allow viewing reports.",
  no_permission_supervise: "Your role does not allow supervising.",
  no_permission_manageChannels: "Your role does not allow managing channels.",
  no_permission_managePeople: "Your role does not allow managing people and roles.",
  no_permission_viewAudit: "Your role does not allow viewing the audit log.",
  no_permission_configureAI: "Your role does not allow configuring AI.",
} as const satisfies Record<`no_permission_${PermissionFlag}`, string>;

export const REASONS = {
  // Signing in
  sign_in_required: "Please sign in to continue.",
  wrong_password: "Wrong email or password.",
  use_sign_in_page: "This account uses two-factor sign-in: sign in from the sign-in page.",
  challenge_gone: "This sign-in has expired or had too many wrong codes. Enter your email and password again.",
  wrong_code: "That code is not right. Check the code in your authenticator app and try again.",
  sign_in_locked_account: "Too many failed sign-ins for this account. Try again in {wait}.",
  sign_in_locked_network: "Too many failed sign-ins from your network. Try again in {wait}.",
  two_factor_setup_required: "Your workspace requires two-factor sign-in. Set it up on your profile to continue.",
  // What a role may do and see
  ...PERMISSION_REASONS,
  no_permission: "Your role does not allow this action.",
  team_not_yours: "This conversation belongs to a team you are not in.",
  assigned_only: "Your role shows you only conversations assigned to you.",
  not_in_team: "You are not in this team.",
  team_partly_visible: "Your role shows you only some of this team's conversations.",
  conversation_hidden: "This conversation is not one you may see.",
  board_supervisors_only: "Only this team's supervisors and admins see its board.",
  cross_site: "This request came from another website, so it was refused. Open the inbox at its own address and try again.",
  media_link_expired: "This link to the file has expired or is not valid. Reopen the chat to get a new one.",
  // Picking up and assigning
  offered_elsewhere: "This chat was offered to someone else meanwhile.",
  not_offered_to_you: "This chat was not offered to you.",
  pickup_assignee_only: "Only the person this chat is assigned to can pick it up.",
  assign_self_only: "Agents can assign chats only to themselves. Ask a supervisor to reassign it.",
  assigned_to_colleague: "This chat is assigned to {name}. Only a supervisor or admin can reassign it; ask them, or ask {first} to hand it back.",
  assigned_to_someone: "This chat is assigned to a colleague. Only a supervisor or admin can reassign it.",
  transfer_supervisors_only: "Only a supervisor or admin can transfer a chat to another team.",
  join_supervisors_only: "Only a supervisor or admin can join a chat.",
  taken_while_offline: "Conversation was taken by {first} while you were offline; your reply was kept as a draft.",
  taken_while_offline_someone: "Conversation was taken by a colleague while you were offline; your reply was kept as a draft.",
  // Replying
  message_id_reused: "This message id was already used for another message.",
  channel_disabled: "This channel was disabled by an admin. You can't reply here; earlier messages stay visible.",
  channel_expired: "This channel's connection has expired. An admin must reconnect it in the admin settings.",
  customer_blocked: "This customer has blocked the business on {channel}, so replies cannot reach them. You can reply once they write again.",
  window_closed: "This customer last wrote more than {period} ago, so this channel does not allow a free-form reply now. They must write again first.",
  window_closed_template: "This customer last wrote more than {period} ago, so this channel does not allow a free-form reply now. They must write again first, or send an approved template.",
  window_closed_tag_off:
    "This customer last wrote more than {period} ago, so this channel does not allow a free-form reply now. They must write again first. A person may answer up to 7 days later with the Human Agent tag, which is off for this channel: an admin can turn it on in Settings → Channels if the Meta app has that permission.",
  attachment_missing: "The attachment was not found. Attach the file again.",
  // WhatsApp templates with a media header: a missing file or one of another kind ({name} is the template's)
  template_needs_image: "The template \"{name}\" shows an image at the top: attach an image to send it.",
  template_needs_video: "The template \"{name}\" shows a video at the top: attach a video to send it.",
  template_needs_document: "The template \"{name}\" shows a document at the top: attach a document (such as a PDF) to send it.",
  template_takes_no_file: "The template \"{name}\" has no image, video or document at the top, so it is sent without a file.",
  // Too much at once
  too_many_sockets: "Too many live connections are open for this sign-in. Close some tabs and try again.",
  chat_too_many_windows: "This chat is open in too many windows. Close one and try again.",
} as const;

export type ReasonCode = keyof typeof REASONS;
export type ReasonParams = Readonly<Record<string, string>>;

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && Object.hasOwn(REASONS, value);
}

/** The refusal's code and parameters as they travel in `fields`. */
export function reasonFields(reason: ReasonCode, params: ReasonParams = {}): Record<string, string> {
  return { ...params, reason };
}

/** Words for the two parameters each side says in its own language. */
export interface ReasonUnits {
  wait(seconds: number): string;
  period(hours: number): string;
}

export const ENGLISH_UNITS: ReasonUnits = {
  wait: (s) => (s < 90 ? (s === 1 ? "1 second" : `${s} seconds`) : `${Math.ceil(s / 60)} minutes`),
  period: (h) => (h >= 48 && h % 24 === 0 ? `${h / 24} days` : `${h} hours`),
};

/** The parameters with `{wait}` and `{period}` added from `seconds` and `hours`. */
export function reasonVars(params: ReasonParams, units: ReasonUnits): Record<string, string> {
  const vars: Record<string, string> = { ...params };
  const seconds = Number(params.seconds);
  if (params.seconds !== undefined && Number.isFinite(seconds)) vars.wait = units.wait(seconds);
  const hours = Number(params.hours);
  if (params.hours !== undefined && Number.isFinite(hours)) vars.period = units.period(hours);
  return vars;
}

/** The English sentence the server sends as `message`. */
export function reasonSentence(reason: ReasonCode, params: ReasonParams = {}): string {
  const vars = reasonVars(params, ENGLISH_UNITS);
  return REASONS[reason].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
