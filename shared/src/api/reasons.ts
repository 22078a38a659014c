import type { PermissionFlag } from "../domain/permissions.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";
import type { AttachmentKind } from "./uploads.ts";

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

/** Something asked for by id that is not there (or not the asker's to know about): `notFound(thing)`. */
const NOT_FOUND_REASONS = {
  not_found_account: "Your account was not found.",
  not_found_article: "The article was not found.",
  not_found_canned_response: "The canned response was not found.",
  not_found_channel: "The channel was not found.",
  not_found_contact: "The contact was not found.",
  not_found_conversation: "The conversation was not found.",
  not_found_device: "That device was not found.",
  not_found_document: "That document was not found.",
  not_found_file: "That file was not found.",
  not_found_inbox: "The inbox was not found.",
  not_found_invitation: "There is no such invitation.",
  not_found_message: "The message was not found.",
  not_found_person: "There is no such person in this workspace.",
  not_found_role: "There is no such role in this workspace.",
  not_found_routing_rule: "The routing rule was not found.",
  not_found_saved_view: "That saved view was not found.",
  not_found_sla_policy: "There is no such SLA policy; it may have been deleted.",
  not_found_team: "That team was not found.",
  not_found_ticket: "The linked ticket was not found.",
  not_found_api: "There is no such API endpoint.",
} as const;

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
  no_access: "You don't have access to this.",
  data_export_denied: "Your role does not allow exporting a customer's data.",
  data_erase_denied: "Your role does not allow erasing a customer's data.",
  retention_admins_only: "Only admins may change or run the retention policy.",
  admin_grant_admins_only: "Only an admin can make someone an admin.",
  admin_change_admins_only: "Only an admin can change an admin.",
  grant_own_permissions_only: "You can only give permissions you have yourself.",
  merge_other_team: "One of these contacts also talks to a team you are not in. Ask a supervisor to merge them.",
  inbox_team_not_yours: "This inbox belongs to a team you are not in.",
  file_team_not_yours: "This file is in a conversation of a team you are not in.",
  file_not_yours: "This file belongs to another conversation or another person's upload. Attach it again from your device.",
  notifications_not_yours: "These are someone else's notifications.",
  list_not_yours: "This is someone else's list.",
  socket_needs_bearer: "A live connection without an Origin must sign in with a Bearer token.",
  socket_other_origin: "Live connections are only accepted from the inbox app itself.",
  report_team_unknown: "The team filter names a team that is not in your workspace.",
  report_teams_outside: "You may see reports only of your own teams; {teams} is not one of them.",
  report_agent_self_only: "Your role shows you only your own numbers: the agent filter may name only you.",
  report_agents_outside: "You may see the numbers only of people in your teams; the agent filter names someone outside them.",
  ...NOT_FOUND_REASONS,
  // What a request asks that the record does not allow
  rules_changed: "The rules changed since you loaded them (another admin added or removed one). Reload and order them again.",
  transfer_team_unknown: "Choose one of your workspace's teams to transfer the chat to.",
  snooze_in_past: "Choose a time in the future to snooze until.",
  assignee_unknown: "That person is not in this workspace.",
  assignee_not_in_team: "{name} is not in this conversation's team.",
  channel_type_unavailable: "The {channel} channel is not available on this server.",
  credentials_refused: "The platform refused these credentials: {detail}",
  team_choose_own: "Choose one of this workspace's teams.",
  meta_account_elsewhere: "This Facebook Page, Instagram account or WhatsApp number is already connected to another workspace with this Meta app. It can receive messages in only one: disconnect it there first.",
  team_not_in_workspace: "That team is not in this workspace.",
  teams_unknown: "One of those teams is not in this workspace.",
  team_archived_for_people: "That team is archived: restore it before adding people to it.",
  inboxes_unknown: "One of those inboxes is not in this workspace.",
  webhook_channel_disabled: "This channel is disabled. Enable it to register its webhook again.",
  channel_no_credentials: "This channel has no credentials. An admin must connect it.",
  human_agent_tag_unavailable: "This channel has no human-agent tag: only Messenger and Instagram extend the reply window for a person.",
  audit_export_too_many: "More than {max} entries match. Choose a shorter period or more filters, and export again.",
  shortcut_taken: "The shortcut {slash} is already used by another canned response.",
  saved_views_full: "You can keep up to {max} saved views. Delete one you no longer use first.",
  templates_whatsapp_only: "Only WhatsApp channels have message templates.",
  templates_whatsapp_only_send: "Message templates can only be sent on WhatsApp.",
  template_gone: "The template \"{name}\" ({language}) is not among this channel's templates any more. Sync the templates and pick another.",
  template_values: "The template \"{name}\" needs {needed} values; {given} were given.",
  merge_into_itself: "A contact cannot be merged into itself. Choose the other contact.",
  merge_already_merged: "That contact was already merged into another contact.",
  merge_kept_merged: "The contact you are keeping was merged into another one. Open that contact and merge there.",
  sync_position_invalid: "The sync position is not valid; start a fresh sync.",
  page_position_invalid: "The page position is not valid; reopen the conversation.",
  retry_outbound_only: "Only replies sent to the customer can be sent again.",
  text_too_long: "{channel} accepts messages of up to {max} characters; this one has {length}.",
  attachment_mismatch: "The attachment does not match its kind. Attach the file again.",
  // The sync schema refuses the same mix (reply_content_kinds): one sentence, one wording in each language.
  reply_content_mixed: SCHEMA_MESSAGES.reply_content_kinds,
  sla_inbox_unknown: "The inbox of this SLA policy does not exist in your workspace.",
  sla_policy_taken: "The policy \"{name}\" already covers this inbox and priority; change that one instead.",
  erase_confirm_mismatch: "Type the contact's name as shown (\"{shown}\") to confirm.",
  retention_days_needed: "Enter a number of days to see what a policy would delete.",
  retention_off: "The retention policy is off: save a number of days first.",
  role_name_taken: "There is already a role called \"{role}\".",
  report_period_future: "That period has not started yet: choose one that begins before now.",
  report_period_too_long: "Choose a period of at most {max} days.",
  report_bucket_unknown: "That bucket is not one of this report's: use a `start` from its series.",
  report_too_many_hours: "That period has {n} hours; choose a longer granularity (day, week or month) or a shorter period.",
  report_too_many_days: "That period has {n} days; choose a longer granularity (day, week or month) or a shorter period.",
  report_too_many_weeks: "That period has {n} weeks; choose a longer granularity (day, week or month) or a shorter period.",
  report_too_many_months: "That period has {n} months; choose a longer granularity (day, week or month) or a shorter period.",
  widget_webchat_only: "Only web chat inboxes have a chat widget to style.",
  rules_sample_inbox_unknown: "Choose one of the workspace's inboxes for the sample message.",
  two_factor_on: "Two-factor sign-in is already on.",
  two_factor_off: "Two-factor sign-in is not on.",
  language_unknown: "The customer's language cannot be told from their messages yet.",
  no_text: "This message has no text to translate.",
  nothing_to_summarise: "There is nothing in this conversation to summarise yet.",
  nothing_to_answer: "The customer has not written anything to answer yet.",
  team_archived: "{team} is archived: restore it before moving inboxes to it.",
  // What the push schema says of the same address (push_endpoint_format).
  push_address_not_web: SCHEMA_MESSAGES.push_endpoint_format,
  push_address_insecure: "The browser gave a push address that is not secure (https).",
  push_address_odd: "The browser gave a push address this server does not send to.",
  push_service_unknown: "This browser's push service is not one this server sends to.",
  template_not_approved: "The template \"{name}\" ({language}) is not approved by WhatsApp.",
  template_location_header: "The template \"{name}\" ({language}) needs a location in its header, which cannot be sent from here yet.",
  template_dynamic_button: "The template \"{name}\" ({language}) needs a value for a link button, which cannot be sent from here yet.",
  // What a request carries
  body_too_large: "The request is too large (limit {kb} KB).",
  body_not_json: "The request body is not valid JSON.",
  body_not_json_type: "The request body must be JSON, sent with the header Content-Type: application/json.",
  fields_invalid: "Some fields are not valid: {fields_summary}",
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
  // A file or choices the channel refuses ({kinds} from `kind`: images, audio, videos or files;
  // {maxSize} and {size} from `maxBytes` and `bytes`, each worded by the side that shows it)
  attachment_kind_unsupported: "{channel} does not accept {kinds} from agents here.",
  attachment_type_unsupported: "{channel} accepts {kinds} only as {accepted}; this one is {type}.",
  attachment_too_large: "{channel} accepts {kinds} up to {maxSize}; this one is {size}.",
  attachment_over_limit: "{channel} accepts {kinds} up to {maxSize}; this one is larger.",
  attachment_empty: "This file is empty.",
  buttons_unsupported: "{channel} does not support buttons.",
  quick_replies_unsupported: "{channel} does not support quick replies.",
  too_many_buttons: "{channel} accepts at most {max} buttons in one message; this one has {count}.",
  too_many_quick_replies: "{channel} accepts at most {max} quick replies in one message; this one has {count}.",
  choice_too_long: "{channel} accepts choices of up to {max} characters; \"{title}\" is longer.",
  // A routing rule naming an inbox, team, person or canned response the workspace does not have
  rule_unknown_inbox: "The rule names something that is not in this workspace. Choose inboxes of this workspace.",
  rule_unknown_team: "The rule names something that is not in this workspace. Choose one of the workspace's active teams.",
  rule_unknown_person: "The rule names something that is not in this workspace. Choose an active person of this workspace.",
  rule_unknown_canned: "The rule names something that is not in this workspace. Choose one of the workspace's canned responses.",
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
/** What `notFound(thing)` may name: the `not_found_<thing>` codes. */
export type NotFoundThing = ThingOf<keyof typeof NOT_FOUND_REASONS>;
type ThingOf<K> = K extends `not_found_${infer T}` ? T : never;
export type ReasonParams = Readonly<Record<string, string>>;

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && Object.hasOwn(REASONS, value);
}

/** The refusal's code and parameters as they travel in `fields`. */
export function reasonFields(reason: ReasonCode, params: ReasonParams = {}): Record<string, string> {
  return { ...params, reason };
}

/** Words for the parameters each side says in its own language. */
export interface ReasonUnits {
  wait(seconds: number): string;
  period(hours: number): string;
  /** An attachment kind in the plural ("images"); the kind itself when unknown. */
  kinds(kind: string): string;
  size(bytes: number): string;
}

/** Attachment kinds as an English sentence names them, in the plural (the PWA words them in its language). */
export const ENGLISH_KINDS = { image: "images", audio: "audio", video: "videos", file: "files" } satisfies Record<AttachmentKind, string>;

/** A kind this code knows (a newer server may name one it does not). */
export const isAttachmentKind = (kind: string): kind is AttachmentKind => Object.hasOwn(ENGLISH_KINDS, kind);

export const ENGLISH_UNITS: ReasonUnits = {
  wait: (s) => (s < 90 ? (s === 1 ? "1 second" : `${s} seconds`) : `${Math.ceil(s / 60)} minutes`),
  period: (h) => (h >= 48 && h % 24 === 0 ? `${h / 24} days` : `${h} hours`),
  kinds: (kind) => (isAttachmentKind(kind) ? ENGLISH_KINDS[kind] : kind),
  // "7.2 MB", "300 KB", as in the channels' own limits.
  size: (bytes) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`),
};

/**
 * The parameters with the words each language says its own way added: `{wait}` and `{period}`
 * from `seconds` and `hours`, `{kinds}` from `kind`, `{maxSize}` and `{size}` from `maxBytes` and `bytes`.
 */
export function reasonVars(params: ReasonParams, units: ReasonUnits): Record<string, string> {
  const vars: Record<string, string> = { ...params };
  const number = (key: string): number | null => {
    const n = Number(params[key]);
    return params[key] !== undefined && Number.isFinite(n) ? n : null;
  };
  const seconds = number("seconds");
  if (seconds !== null) vars.wait = units.wait(seconds);
  const hours = number("hours");
  if (hours !== null) vars.period = units.period(hours);
  if (params.kind !== undefined) vars.kinds = units.kinds(params.kind);
  const maxBytes = number("maxBytes");
  if (maxBytes !== null) vars.maxSize = units.size(maxBytes);
  const bytes = number("bytes");
  if (bytes !== null) vars.size = units.size(bytes);
  return vars;
}

/** The English sentence the server sends as `message`. */
export function reasonSentence(reason: ReasonCode, params: ReasonParams = {}): string {
  const vars = reasonVars(params, ENGLISH_UNITS);
  return REASONS[reason].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
