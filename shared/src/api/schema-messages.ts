/**
 * Every message a schema in shared/src writes itself ("Give the team a name."), by a stable key.
 * The server sends the English sentence (the path's entry in a refusal's `fields`, an issue's
 * `message` on a client-side parse); the PWA finds its key here (`schemaMessageMatch`) and shows
 * its own table's words for that key, so a Portuguese user does not read the schema's English.
 * Schemas take their sentences from here (`SCHEMA_MESSAGES.team_name_required`, or
 * `schemaMessage` for a template), never as a literal copy: schema-messages.test.ts scans the
 * schemas' source and fails on a message written there; the PWA's table must have every key (its type).
 * Fragments written after a field's name ("name: must not be empty") are here too.
 * A message holding something known only at run time (the pattern an admin typed, a bound) is a
 * template: `{name}` stands for the value, the schema fills it with `schemaMessage`, and
 * `schemaMessageMatch` finds the key and the values again in the English text, so the PWA can
 * put them in its own words. No imports: the PWA loads this with its refusal words.
 */
export const SCHEMA_MESSAGES = {
  session_hours_min: "A session lasts at least 1 hour.",
  session_hours_max: "A session lasts at most 720 hours (30 days).",
  password_min: "Choose a password of at least 12 characters.",
  current_password_required: "Enter your current password.",
  second_factor_code: "Enter the 6-digit code from your app.",
  avatar_too_large: "That picture is too large: choose one under 45 KB.",
  avatar_format: "Choose a PNG, JPEG or WebP picture.",
  your_name_required: "Tell us your name.",
  say_what_to_change: "Say what to change.",
  channel_api_address_operator: "A channel's API address is set by the server's operator, not per channel.",
  ai_key_required: "Enter the API key, or leave the field empty to keep the saved one.",
  ai_base_url_format: "Enter the address as https://host/path, e.g. https://api.openai.com/v1.",
  ai_base_url_required: "Enter the provider's address to turn AI on.",
  ai_model_required: "Enter the model's name to turn AI on.",
  ai_draft_required: "Write something in the reply box first.",
  ai_draft_too_long: "The draft is too long for the assistant (8,000 characters at most).",
  audit_action_format: "Choose an action from the list, or a prefix such as channel.*",
  audit_cursor_invalid: "That page marker is not valid: start from the first page.",
  contact_email_format: "Enter an email address like name@example.com.",
  email_too_long: "That email address is too long.",
  phone_too_long: "That phone number is too long.",
  phone_format: "Enter a phone number with digits only, e.g. +55 11 98765-4321.",
  contact_name_required: "Enter a name, or leave it empty.",
  name_too_long: "That name is too long.",
  company_too_long: "That company name is too long.",
  notes_too_long: "Notes can be at most 4000 characters.",
  change_one_field: "Change at least one field.",
  contact_search_required: "Type a name, email or phone number to search.",
  web_address_format: "Enter a web address starting with http:// or https://.",
  address_too_long: "That address is too long.",
  ticket_title_required: "Give the ticket a title.",
  title_too_long: "That title is too long.",
  shortcut_format: "Use 1–32 lower-case letters, digits, '-' or '_' (no spaces).",
  title_required: "Give it a title.",
  canned_text_required: "Write the response text.",
  article_title_required: "Give the article a title.",
  article_body_required: "Write the article.",
  text_required: "Write something first",
  text_required_sentence: "Write something first.",
  erase_confirm_required: "Type the contact's name to confirm.",
  retention_whole_days: "Enter a whole number of days.",
  retention_min: "Keep conversations at least 1 day.",
  retention_max: "Keep conversations at most {n} days.",
  capacity_min: "Capacity is at least 1 chat",
  capacity_max: "Capacity is at most 100 chats",
  email_invalid: "That email address is not valid.",
  team_name_required: "Give the team a name.",
  push_endpoint_format: "The browser gave a push address that is not a web address.",
  push_endpoint_too_long: "The browser gave a push address that is too long.",
  role_name_required: "Give the role a name.",
  role_name_too_long: "A role's name is at most 60 characters.",
  reply_content_kinds: "A reply can carry text, an attachment, buttons or quick replies.",
  template_alone: "A template is sent on its own, without buttons; its only attachment is its header's image, video or document.",
  waba_id_format: "The WhatsApp Business Account ID is a number, as shown in Meta Business Manager (WhatsApp accounts → Settings).",
  visitor_name_required: "Please enter your name.",
  visitor_email_invalid: "Please enter a valid email address.",
  visitor_message_required: "Please write your message.",
  picture_https: "The picture must be an https URL.",
  view_name_required: "Give the view a name.",
  view_name_too_long: "Keep the name under 60 characters.",
  rule_condition_repeated: "This condition is already in the rule: put all its values in one condition.",
  template_variables_required: "Fill in every variable of the template.",
  widget_colour_format: "The colour must be six hexadecimal digits after #, like #2563eb.",
  widget_greeting_too_long: "A greeting can be at most 500 characters.",
  widget_team_name_too_long: "The team name can be at most 80 characters.",
  push_device_key_size: "The browser gave a device key of an unexpected size.",
  push_device_key_format: "The browser gave a device key that is not base64url.",
  push_secret_size: "The browser gave a push secret of an unexpected size.",
  push_secret_format: "The browser gave a push secret that is not base64url.",
  rule_one_routing: "A rule may have only one way to route the chat (assign to an agent, a routing mode or skip routing).",
  rule_one_set_team: "A rule may have only one “set team” action.",
  rule_one_set_priority: "A rule may have only one “set priority” action.",
  rule_one_add_labels: "A rule may have only one “add labels” action.",
  rule_one_send_canned: "A rule may have only one “send canned” action.",
  rule_one_stop: "A rule may have only one “stop” action.",
  pattern_empty: "The pattern “{pattern}” is empty.",
  pattern_too_long: "The pattern “{pattern}” is longer than {n} characters.",
  pattern_invalid: "The pattern “{pattern}” is not a valid pattern.",
  pattern_backreference: "The pattern “{pattern}” refers back to a group (\\1); write the text out instead.",
  pattern_nested_repetition: "The pattern “{pattern}” repeats something that already repeats, like (a+)+, which can take very long on some messages; simplify it.",
  pattern_repeated_alternatives: "The pattern “{pattern}” repeats a group of alternatives, like (a|ab)*, which can take very long on some messages; list the words as separate patterns instead.",
  // Fragments: the refusal writes them after the field's name ("name: must not be empty").
  not_empty: "must not be empty",
  chars_at_most: "must be at most {n} characters",
  values_required: "needs at least one value",
  values_at_most: "may hold at most {n} values",
  values_at_most_100: "takes at most 100 values",
  labels_required: "needs at least one label",
  labels_at_most: "may add at most 10 labels",
  language_code_format: "must be a language code like pt or pt-BR",
  rule_triggers_required: "choose when the rule runs: on new conversations, on every customer message, or both",
  rule_trigger_twice: "names the same moment twice",
  rule_conditions_at_most: "may have at most 20 conditions",
  rule_actions_required: "needs at least one action",
  rule_actions_at_most: "may have at most 12 actions",
  rule_named_twice: "names a rule twice",
  period_required: "choose a period: a preset ({presets}) or both from and to",
  period_one_way: "choose either a preset or from and to, not both",
  after_from: "must be after from",
  time_format: "must be a time like 09:00 or 17:30",
  end_after_start: "must end after it starts",
  hours_overlap: "has opening times that overlap",
  date_format: "must be a date like 2026-12-25",
  time_zone_unknown: "is not a time zone we know (for example America/Sao_Paulo)",
  date_twice: "has the same date twice",
  id_format: "must be 8-64 letters, digits, '-' or '_'",
  at_least_a_minute: "must be at least 1 minute",
  at_most_a_year: "must be at most a year",
  percent_at_least_1: "must be at least 1%",
  percent_at_most_99: "must be at most 99%",
  name_required: "needs a name",
  history_cursor_format: "before must be the position of the oldest message you have",
} as const satisfies Readonly<Record<string, string>>;

export type SchemaMessageKey = keyof typeof SCHEMA_MESSAGES;

export type SchemaMessageVars = Readonly<Record<string, string | number>>;

const ENTRIES = Object.entries(SCHEMA_MESSAGES) as [SchemaMessageKey, string][];
const PLACEHOLDER = /\{(\w+)\}/g;

/** A template's message with its values put in ("The pattern “(a+)+” is empty."). */
export function schemaMessage(key: SchemaMessageKey, vars: SchemaMessageVars = {}): string {
  return SCHEMA_MESSAGES[key].replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

const KEY_OF = new Map<string, SchemaMessageKey>(ENTRIES.filter(([, english]) => !english.includes("{")).map(([key, english]) => [english, key]));

/**
 * Each template as a pattern over whole messages, its placeholders as named groups. Greedy, so a
 * value holding the template's own words (an admin's pattern with a ”) is still read whole:
 * the text after the last placeholder is fixed.
 */
const TEMPLATES = ENTRIES.filter(([, english]) => english.includes("{")).map(([key, english]) => {
  const names: string[] = [];
  const source = english
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? (names.push(part), "([\\s\\S]*)") : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return { key, names, re: new RegExp(`^${source}$`) };
});

/** The key and values of a schema-written English message, or undefined for any other text. */
export function schemaMessageMatch(english: string): { key: SchemaMessageKey; vars: Record<string, string> } | undefined {
  const key = KEY_OF.get(english);
  if (key !== undefined) return { key, vars: {} };
  for (const template of TEMPLATES) {
    const m = template.re.exec(english);
    if (m) return { key: template.key, vars: Object.fromEntries(template.names.map((name, i) => [name, m[i + 1]!])) };
  }
  return undefined;
}
