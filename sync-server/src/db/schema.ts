import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_KINDS } from "@inbox/shared/api/content";
import type { BusinessCalendar, Permissions, SlaAtRisk, SlaSummary } from "@inbox/shared";
import type { StoredAiSettings } from "@inbox/shared/api/ai";
import { bytes } from "./bytes-column.ts";

// The record. Times are integer milliseconds since the epoch; JSON columns hold values already
// validated by the shared zod schemas at the boundary.

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
  /** The workspace calendar (migration 0020; shared BusinessCalendar); null: DEFAULT_CALENDAR. */
  businessCalendar: text("business_calendar", { mode: "json" }).$type<BusinessCalendar>(),
  /**
   * Account security set by an admin (migration 0022): who must use two-factor sign-in, how long
   * a session lasts. Null: the defaults (no requirement; the server's SESSION_TTL).
   */
  security: text("security", { mode: "json" }).$type<{ require2fa: "none" | "admins" | "everyone"; sessionHours: number | null }>(),
  /** Retention (migration 0022): conversations resolved more than this many days ago are deleted; null: kept. */
  retentionDays: integer("retention_days"),
  /**
   * Help in the composer (migration 0025; shared/api/ai.ts `StoredAiSettings`): opt-in, provider,
   * base URL, model, redaction, and the API key sealed with the server's secret box. Null: off.
   */
  ai: text("ai", { mode: "json" }).$type<StoredAiSettings>(),
});

export const teams = sqliteTable("teams", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
  name: text("name").notNull(),
  /** Set when an admin archives the team (migration 0021): it takes no new inboxes or members. */
  archivedAt: integer("archived_at"),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "supervisor", "agent"] }).notNull(),
    passwordHash: text("password_hash").notNull(),
    maxConcurrentChats: integer("max_concurrent_chats").notNull().default(5),
    availability: text("availability", { enum: ["available", "busy", "away"] }).notNull().default("available"),
    locale: text("locale", { enum: ["en", "pt-BR"] }).notNull().default("en"),
    createdAt: integer("created_at").notNull(),
    /** Last heartbeat of a live socket (routing's presence; see routing/presence.ts). */
    lastSeenAt: integer("last_seen_at"),
    /** Set when the user may no longer sign in (migration 0016): their sessions resolve to nobody. */
    deactivatedAt: integer("deactivated_at"),
    /** When `availability` last changed (migration 0018): the board's "since when". */
    availabilityChangedAt: integer("availability_changed_at"),
    /** Languages the person answers in and their skills (migration 0021), set by an admin. */
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** A custom role (migration 0022): its permission set replaces the built-in role's; null: the built-in role. */
    customRoleId: text("custom_role_id"),
    /** Two-factor sign-in (migration 0022): the TOTP secret encrypted with the server's key, set once enrolment is confirmed. */
    totpSecretEnc: text("totp_secret_enc"),
    totpEnabledAt: integer("totp_enabled_at"),
    /** Hashes of the unused recovery codes. */
    recoveryCodeHashes: text("recovery_code_hashes", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    passwordChangedAt: integer("password_changed_at"),
    /** Profile (migration 0022): avatar as a data URL of a small image, and notification choices. */
    avatar: text("avatar"),
    notificationPrefs: text("notification_prefs", { mode: "json" }).$type<Record<string, boolean>>(),
    /** Which kinds ring this person's devices by Web Push (migration 0030; shared PushChoices); null: every push kind. */
    pushPrefs: text("push_prefs", { mode: "json" }).$type<Record<string, boolean>>(),
  },
  (t) => [uniqueIndex("users_email").on(t.email)],
);

export const teamMembers = sqliteTable(
  "team_members",
  {
    teamId: text("team_id").notNull().references(() => teams.id),
    userId: text("user_id").notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user").on(t.userId)],
);

/** Only a hash of the session token is stored: a leaked database does not sign anyone in. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** The device, for "your signed-in devices" (migration 0022). */
    userAgent: text("user_agent"),
    ip: text("ip"),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** A password accepted, second factor still to come (migration 0022): short-lived, one per attempt. */
export const signInChallenges = sqliteTable("sign_in_challenges", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id),
  expiresAt: integer("expires_at").notNull(),
  attempts: integer("attempts").notNull().default(0),
});

/** A custom role (migration 0022): a named permission set of a workspace. */
export const customRoles = sqliteTable(
  "custom_roles",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    name: text("name").notNull(),
    /** What the role's holders see as their role in the product (its base: agent, supervisor or admin). */
    base: text("base", { enum: ["admin", "supervisor", "agent"] }).notNull(),
    permissions: text("permissions", { mode: "json" }).$type<Permissions>().notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("custom_roles_workspace").on(t.workspaceId)],
);

/** An admin's routing rule (migration 0022), evaluated in `position` order on new conversations and customer messages. */
export const routingRules = sqliteTable(
  "routing_rules",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** When it runs: "conversation_created", "customer_message" or both. */
    triggers: text("triggers", { mode: "json" }).$type<string[]>().notNull(),
    conditions: text("conditions", { mode: "json" }).$type<unknown[]>().notNull(),
    actions: text("actions", { mode: "json" }).$type<unknown[]>().notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("routing_rules_workspace").on(t.workspaceId, t.position)],
);

/** Records deleted by retention or erasure (migration 0022), so devices drop them at their next pull. */
export const deletions = sqliteTable(
  "deletions",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id").notNull(),
    kind: text("kind", { enum: ["conversation", "contact", "message"] }).notNull(),
    recordId: text("record_id").notNull(),
    /** The team the record belonged to, so a pull tells only those who could see it. */
    teamId: text("team_id"),
    at: integer("at").notNull(),
  },
  (t) => [index("deletions_workspace_seq").on(t.workspaceId, t.seq)],
);

export const inboxes = sqliteTable("inboxes", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
  name: text("name").notNull(),
  channel: text("channel").notNull(),
  status: text("status").notNull().default("active"),
  teamId: text("team_id").notNull().references(() => teams.id),
  pausedUntil: integer("paused_until"),
  settings: text("settings", { mode: "json" }).$type<Record<string, string | number | boolean>>().notNull(),
  /** Platform credentials, encrypted with the server's key; never sent to clients. */
  secretsEnc: text("secrets_enc"),
  /**
   * The Meta app a WhatsApp, Messenger or Instagram inbox belongs to (migration 0028), copied from
   * its credentials when they are saved: not secret, and what `/webhooks/meta/<appId>` looks up.
   */
  metaAppId: text("meta_app_id"),
  createdAt: integer("created_at").notNull(),
}, (t) => [index("inboxes_meta_app").on(t.metaAppId)]);

export const contacts = sqliteTable("contacts", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
  name: text("name"),
  email: text("email"),
  phone: text("phone"),
  /** VIP customers' chats are routed first, after urgent ones. */
  vip: integer("vip", { mode: "boolean" }).notNull().default(false),
  company: text("company"),
  /** Free text agents keep about the person. */
  notes: text("notes"),
  /** Set when this contact was merged into another: clients holding this id follow it there. */
  mergedIntoId: text("merged_into_id"),
  /** Set when the customer's data was erased (migration 0022): the row stays, anonymous, so metrics still count. */
  erasedAt: integer("erased_at"),
  /**
   * Who gave `name` (migration 0026): "platform" (a webhook or profile API) or "agent". Only a
   * platform's or an empty name is replaced by a platform profile; null on older rows counts as
   * an agent's, so a name nobody can vouch for is never overwritten.
   */
  nameSource: text("name_source").$type<"platform" | "agent">(),
  /** The customer's picture on their platform (an https URL from its profile API), migration 0026. */
  avatarUrl: text("avatar_url"),
  /** When the visitor left their email in the web chat widget so a reply can reach them (migration 0031). */
  emailLeftAt: integer("email_left_at"),
  createdAt: integer("created_at").notNull(),
  seq: integer("seq").notNull().default(0),
}, (t) => [index("contacts_seq").on(t.seq)]);

export const contactIdentities = sqliteTable(
  "contact_identities",
  {
    inboxId: text("inbox_id").notNull().references(() => inboxes.id),
    externalId: text("external_id").notNull(),
    channel: text("channel").notNull(),
    contactId: text("contact_id").notNull().references(() => contacts.id),
    /** Set while the customer has blocked/unfollowed the business on this channel. */
    blockedAt: integer("blocked_at"),
    /** When the platform's profile should next be asked for (channels/profile-refresher.ts); null: not wanted now. Migration 0026. */
    profileDueAt: integer("profile_due_at"),
    /** When the profile was last asked for with an answer, or given up on after the retries. */
    profileCheckedAt: integer("profile_checked_at"),
    /** Failed lookups since the last answer (each waits longer). */
    profileAttempts: integer("profile_attempts").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.inboxId, t.externalId] }),
    index("contact_identities_contact").on(t.contactId),
    index("contact_identities_profile_due").on(t.profileDueAt),
  ],
);

/** A web-chat visitor's credential: hashed like agent sessions. */
export const widgetSessions = sqliteTable("widget_sessions", {
  tokenHash: text("token_hash").primaryKey(),
  inboxId: text("inbox_id").notNull().references(() => inboxes.id),
  contactId: text("contact_id").notNull().references(() => contacts.id),
  createdAt: integer("created_at").notNull(),
  /** The web chat identity this session created (migration 0016); a merge moves the contact, never this. */
  visitorId: text("visitor_id"),
});

export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    inboxId: text("inbox_id").notNull().references(() => inboxes.id),
    channel: text("channel").notNull(),
    contactId: text("contact_id").notNull().references(() => contacts.id),
    contactName: text("contact_name").notNull(),
    teamId: text("team_id").notNull().references(() => teams.id),
    status: text("status").notNull().default("open"),
    priority: text("priority").notNull().default("normal"),
    assigneeId: text("assignee_id").references(() => users.id),
    snoozedUntil: integer("snoozed_until"),
    labels: text("labels", { mode: "json" }).$type<string[]>().notNull(),
    unreadCount: integer("unread_count").notNull().default(0),
    lastMessagePreview: text("last_message_preview").notNull().default(""),
    firstResponseAt: integer("first_response_at"),
    lastActivityAt: integer("last_activity_at").notNull(),
    createdAt: integer("created_at").notNull(),
    /** Change sequence (see sync_counter): clients pull rows with seq above their cursor. */
    seq: integer("seq").notNull().default(0),
    /** Routing (migration 0009): offered to this agent, not yet picked up; stands only while they are the assignee. */
    offeredTo: text("offered_to"),
    offeredAt: integer("offered_at"),
    /** When an unpicked offer is taken back (null: the inbox has no pickup timeout). */
    offerExpiresAt: integer("offer_expires_at"),
    /** The agent the chat was last taken back from; not offered it again straight away. */
    reroutedFrom: text("rerouted_from"),
    /** Since when the customer has waited for an agent's reply (migration 0012); null: not waiting. */
    waitingSince: integer("waiting_since"),
    /** Web chat: the widget visitor this conversation is with (migration 0016); null for other channels. */
    visitorId: text("visitor_id"),
    /** Supervision (migration 0019): an agent raised a hand for help on this chat, and who; null: none. */
    helpRequestedAt: integer("help_requested_at"),
    helpRequestedBy: text("help_requested_by"),
    /** SLA (migration 0020): the published summary (shared SlaSummary), and when it next changes on its own. */
    sla: text("sla", { mode: "json" }).$type<SlaSummary>(),
    slaCheckAt: integer("sla_check_at"),
  },
  (t) => [
    index("conversations_seq").on(t.seq),
    index("conversations_offer_expiry").on(t.offerExpiresAt),
    index("conversations_team_activity").on(t.teamId, t.lastActivityAt),
    index("conversations_contact").on(t.contactId, t.inboxId),
    index("conversations_assignee").on(t.assigneeId),
    index("conversations_visitor").on(t.visitorId, t.inboxId).where(sql`visitor_id is not null`),
    // The snooze waker's question every few seconds: which snoozes are due (migration 0010).
    index("conversations_snoozed_due").on(t.snoozedUntil).where(sql`status = 'snoozed'`),
    index("conversations_sla_check").on(t.slaCheckAt).where(sql`sla_check_at is not null`),
  ],
);

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    conversationId: text("conversation_id").notNull().references(() => conversations.id),
    inboxId: text("inbox_id").notNull().references(() => inboxes.id),
    direction: text("direction").notNull(),
    senderKind: text("sender_kind").notNull(),
    senderId: text("sender_id"),
    senderName: text("sender_name").notNull(),
    content: text("content", { mode: "json" }).notNull(),
    /** Plain text of the content, for search and previews. */
    text: text("text").notNull(),
    status: text("status").notNull(),
    failureReason: text("failure_reason"),
    clientId: text("client_id"),
    /** The platform's own message id: redelivered webhooks are no-ops. */
    externalId: text("external_id"),
    createdAt: integer("created_at").notNull(),
    seq: integer("seq").notNull().default(0),
    /** The conversation's arrival sequence (1, 2, …), stamped at insert by a trigger (migration 0015): timelines order by it. */
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("messages_seq").on(t.seq),
    index("messages_conversation_time").on(t.conversationId, t.createdAt),
    index("messages_conversation_position").on(t.conversationId, t.position),
    uniqueIndex("messages_inbox_client").on(t.inboxId, t.clientId),
    uniqueIndex("messages_inbox_external").on(t.inboxId, t.externalId),
  ],
);

/** Durable outbox: an agent's reply is stored here with the message, then sent with retries. */
export const outbox = sqliteTable(
  "outbox",
  {
    messageId: text("message_id").primaryKey().references(() => messages.id),
    inboxId: text("inbox_id").notNull(),
    /** `sending`: an attempt is under way (migration 0015), its holder and lease below. */
    state: text("state", { enum: ["pending", "sending", "done", "dead"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    claimedBy: text("claimed_by"),
    claimedUntil: integer("claimed_until"),
    /** When the latest attempt began: recorded (committed) before the platform is called. */
    attemptStartedAt: integer("attempt_started_at"),
  },
  (t) => [index("outbox_due").on(t.state, t.nextAttemptAt)],
);

/** Every state change; reports are queries over this table. Append-only (see triggers). */
export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    type: text("type").notNull(),
    conversationId: text("conversation_id"),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("events_type_time").on(t.type, t.at), index("events_conversation_type").on(t.conversationId, t.type)],
);

/** Who did what, for admins. Append-only, enforced by triggers in the migrations. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    target: text("target"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    ip: text("ip"),
    at: integer("at").notNull(),
    /** The actor's name and address as they were (migration 0021): kept after the actor is deleted. */
    actorName: text("actor_name"),
    userAgent: text("user_agent"),
  },
  (t) => [index("audit_time").on(t.at), index("audit_workspace").on(t.workspaceId, t.id)],
);

/**
 * Tamper evidence for the audit log (migration 0021): each entry's hash covers its content and
 * the hash of the workspace's entry before it. Kept beside the log, not in it, because the log's
 * triggers forbid updates and an entry's hash is only known once the entry before it is sealed.
 */
export const auditChain = sqliteTable(
  "audit_chain",
  {
    auditId: integer("audit_id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_chain_workspace").on(t.workspaceId, t.auditId)],
);

/** An invitation to join a workspace (migration 0021); only a hash of the link's token is kept. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    email: text("email").notNull(),
    role: text("role", { enum: ["admin", "supervisor", "agent"] }).notNull(),
    teamIds: text("team_ids", { mode: "json" }).$type<string[]>().notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    revokedAt: integer("revoked_at"),
    /** A custom role the invitee will hold (migration 0023; `role` is then its base), or null. */
    customRoleId: text("custom_role_id"),
  },
  (t) => [uniqueIndex("invitations_token").on(t.tokenHash), index("invitations_workspace").on(t.workspaceId, t.createdAt)],
);

/** Persisted Yjs updates per room; loading a room replays them, compaction merges them. */
export const docUpdates = sqliteTable(
  "doc_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    room: text("room").notNull(),
    update: bytes("update").notNull(),
    createdAt: integer("created_at").notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("doc_updates_room").on(t.room, t.id)],
);

/**
 * One row holding the last change sequence number. Every write transaction that changes what
 * clients cache bumps it and stamps the rows it writes; SQLite has one writer, so sequence
 * order is commit order and a client's cursor never skips a row.
 */
export const syncCounter = sqliteTable("sync_counter", {
  id: integer("id").primaryKey(),
  value: integer("value").notNull(),
});

/** Commands already applied, by the client's id (unique per workspace), with their outcome: a replay gets the same answer. */
export const processedCommands = sqliteTable(
  "processed_commands",
  {
    workspaceId: text("workspace_id").notNull(),
    clientId: text("client_id").notNull(),
    userId: text("user_id").notNull(),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.clientId] })],
);

/**
 * Every verified webhook, stored before it is acknowledged and processed after. `held` while
 * the channel is disabled (kept, shown once re-enabled); `failed` keeps the error for admins.
 */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    inboxId: text("inbox_id").notNull().references(() => inboxes.id),
    method: text("method").notNull(),
    url: text("url").notNull(),
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull(),
    body: text("body").notNull(),
    state: text("state", { enum: ["pending", "held", "done", "failed"] }).notNull(),
    error: text("error"),
    /** Who processes it is decided by a conditional claim (see WebhookProcessor), until this time. */
    claimedUntil: integer("claimed_until"),
    /** The claim's holder: one id per server process (migration 0015). */
    claimedBy: text("claimed_by"),
    receivedAt: integer("received_at").notNull(),
    /** Names the delivery (connectors' DeliveryKeys): a redelivery is not stored again. */
    deliveryKey: text("delivery_key"),
    /** A one-time signature of a body it does not cover (WeChat): refused again with another body. */
    replayKey: text("replay_key"),
    /** When it became done or failed; the retention prune counts from here. */
    processedAt: integer("processed_at"),
  },
  (t) => [
    index("webhook_events_state").on(t.state, t.id),
    index("webhook_events_processed").on(t.state, t.processedAt),
    uniqueIndex("webhook_events_delivery").on(t.inboxId, t.deliveryKey),
    uniqueIndex("webhook_events_replay").on(t.inboxId, t.replayKey),
  ],
);

/**
 * Automatic routing's memory per team: who was chosen last, so round robin continues after
 * them (on every server instance, since it lives in the record).
 */
export const routingState = sqliteTable("routing_state", {
  teamId: text("team_id").primaryKey().references(() => teams.id),
  lastUserId: text("last_user_id"),
  updatedAt: integer("updated_at").notNull(),
});

// ---------- workspace content (migration 0007): canned responses, knowledge base, notifications ----------

/** Saved replies agents insert with `/shortcut`; `teamId` null: the whole workspace. */
export const cannedResponses = sqliteTable(
  "canned_responses",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    shortcut: text("shortcut").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    teamId: text("team_id").references(() => teams.id),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("canned_responses_shortcut").on(t.workspaceId, t.shortcut)],
);

/** Knowledge-base articles; published ones are readable by anyone at `/kb/<workspaceId>/<slug>`. */
export const kbArticles = sqliteTable(
  "kb_articles",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** Existed when slugs were unique across the server (migration 0017): its old `/kb/<slug>` link still answers. */
    legacyLink: integer("legacy_link", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("kb_articles_workspace_slug").on(t.workspaceId, t.slug),
    uniqueIndex("kb_articles_legacy_slug").on(t.slug).where(sql`legacy_link = true`),
    index("kb_articles_workspace").on(t.workspaceId, t.updatedAt),
  ],
);

/** A colleague's @mention of a user in a note; one per (note, user), so replays add nothing. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    userId: text("user_id").notNull().references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    conversationId: text("conversation_id").notNull().references(() => conversations.id),
    noteId: text("note_id").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    contactName: text("contact_name").notNull(),
    excerpt: text("excerpt").notNull(),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [uniqueIndex("notifications_note_user").on(t.noteId, t.userId), index("notifications_user_time").on(t.userId, t.createdAt)],
);

// ---------- customer info (migration 0006): external tickets linked to a conversation ----------

export const linkedTickets = sqliteTable(
  "linked_tickets",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    conversationId: text("conversation_id").notNull().references(() => conversations.id),
    title: text("title").notNull(),
    url: text("url").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("linked_tickets_conversation").on(t.conversationId, t.createdAt)],
);

// ---------- saved list views (migration 0008) ----------

/** An agent's named list filters + sort (`view`: shared ListView JSON); only the owner sees them. */
export const savedViews = sqliteTable(
  "saved_views",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    userId: text("user_id").notNull().references(() => users.id),
    name: text("name").notNull(),
    view: text("view", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("saved_views_user").on(t.userId, t.createdAt)],
);

// ---------- HTTP hardening (migration 0017): media ownership, sign-in throttling ----------

/**
 * Who may read a stored file: the users who may see `conversationId` (set by a trigger when a
 * message carries the file), or until then only `uploaderId`. Inbound platform media has no
 * uploader: nobody reads it before its message is stored.
 */
export const media = sqliteTable("media", {
  key: text("key").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  uploaderId: text("uploader_id"),
  conversationId: text("conversation_id"),
  createdAt: integer("created_at").notNull(),
});

/** Failed sign-ins per `account:<email>` and `address:<ip>`, with the backoff they earned. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
  lockedUntil: integer("locked_until").notNull().default(0),
});

// ---------- SLAs and business hours (migration 0020) ----------

/** An SLA policy (shared SlaPolicy); inbox/priority null: any, both null: the workspace default. */
export const slaPolicies = sqliteTable(
  "sla_policies",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    name: text("name").notNull(),
    inboxId: text("inbox_id"),
    priority: text("priority", { enum: ["low", "normal", "high", "urgent"] }),
    firstResponseMinutes: integer("first_response_minutes"),
    nextResponseMinutes: integer("next_response_minutes"),
    resolutionMinutes: integer("resolution_minutes"),
    businessHours: integer("business_hours", { mode: "boolean" }).notNull(),
    atRisk: text("at_risk", { mode: "json" }).$type<SlaAtRisk>().notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("sla_policies_workspace").on(t.workspaceId)],
);

/** An sla.at_risk / sla.breached already emitted for a target's cycle: each is emitted once. */
export const slaAlerts = sqliteTable(
  "sla_alerts",
  {
    conversationId: text("conversation_id").notNull(),
    target: text("target").notNull(),
    cycleStart: integer("cycle_start").notNull(),
    kind: text("kind", { enum: ["at_risk", "breached"] }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.target, t.cycleStart, t.kind] })],
);

/**
 * Reports' rollup (issue 14, docs/REPORTS.md §5): each conversation's observations (what its
 * events mean for reports: counts, durations in both clocks, contacts, SLA outcomes, changes of
 * unread messages) as rows, re-derived whenever the conversation has a new event. Reports
 * aggregate these rows in SQL instead of replaying raw events. Empty strings stand for "none" in
 * the dimension columns so they group and compare like values.
 */
export const reportFacts = sqliteTable(
  "report_facts",
  {
    workspaceId: text("workspace_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    /** The row's place among its conversation's rows (with the time, the row's key). */
    n: integer("n").notNull(),
    /** count | duration | contact | sla | unread */
    kind: text("kind").notNull(),
    /** The count or duration metric, or for SLA the target; for contact and unread: "". */
    metric: text("metric").notNull(),
    /** SLA outcome (met | breached); "" otherwise. */
    outcome: text("outcome").notNull().default(""),
    at: integer("at").notNull(),
    agentId: text("agent_id").notNull().default(""),
    teamId: text("team_id").notNull().default(""),
    inboxId: text("inbox_id").notNull().default(""),
    channel: text("channel").notNull().default(""),
    priority: text("priority").notNull().default("normal"),
    /** Durations: calendar ms and business-hours ms (the workspace calendar at roll time). */
    ms: integer("ms"),
    businessMs: integer("business_ms"),
    /** Contacts: the person (merges followed). */
    personId: text("person_id"),
    /** Unread: messages awaiting read from `at` until `until` (still awaiting: a far future), attributed to whoever held the chat. */
    delta: integer("delta"),
    until: integer("until"),
  },
  // Migration 0024 makes this a WITHOUT ROWID table clustered on the key: a report's range of
  // (workspace, kind, time) is then one contiguous read of whole rows, with no lookups.
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.at, t.conversationId, t.n] }),
    index("report_facts_conversation").on(t.conversationId),
    index("report_facts_person").on(t.personId, t.at),
    index("report_facts_unread_until").on(t.workspaceId, t.until).where(sql`kind = 'unread'`),
  ],
);

/**
 * The count and SLA rows of `report_facts` summed per UTC hour and dimension: what a report
 * counts over whole hours reads a row per hour and combination instead of one per fact. Kept by
 * the roller in the transaction that replaces a conversation's facts (old rows subtracted, new
 * ones added), so it always equals the facts it sums; WITHOUT ROWID like them (migration 0024).
 */
export const reportHours = sqliteTable(
  "report_hours",
  {
    workspaceId: text("workspace_id").notNull(),
    kind: text("kind").notNull(),
    /** UTC hours since the epoch (at / 3,600,000). */
    hour: integer("hour").notNull(),
    metric: text("metric").notNull(),
    outcome: text("outcome").notNull(),
    agentId: text("agent_id").notNull(),
    teamId: text("team_id").notNull(),
    inboxId: text("inbox_id").notNull(),
    channel: text("channel").notNull(),
    priority: text("priority").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.hour, t.metric, t.outcome, t.agentId, t.teamId, t.inboxId, t.channel, t.priority] })],
);

/**
 * Conversations whose report facts are out of date: marked by the roller as it reads new events
 * (report_cursor), cleared by it only if no mark was added while it rolled (`marks` counts them).
 */
export const reportDirty = sqliteTable("report_dirty", {
  conversationId: text("conversation_id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  marks: integer("marks").notNull().default(1),
  /** When it was first marked since its last roll: the background roller lets a busy chat settle. */
  since: integer("since").notNull().default(0),
});

/** How far the report roller has read the events table (rowid): events above it are not yet marked for rolling. */
export const reportCursor = sqliteTable("report_cursor", {
  id: integer("id").primaryKey(),
  lastEventRowid: integer("last_event_rowid").notNull(),
  /**
   * Rolls committed so far, by any process (each roll adds one in its transaction): a process
   * keeping report figures in memory sees from it whether another process rolled meanwhile.
   */
  rolls: integer("rolls").notNull().default(0),
});

/**
 * WhatsApp message templates of each inbox's business account (issue 16), as Meta last listed
 * them or a status webhook since said: the composer offers the approved ones outside the 24 h
 * window. Components are Meta's (header, body, footer, buttons).
 */
export const whatsappTemplates = sqliteTable(
  "whatsapp_templates",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id),
    inboxId: text("inbox_id").notNull().references(() => inboxes.id),
    /** Meta's template id, where known. */
    externalId: text("external_id"),
    name: text("name").notNull(),
    language: text("language").notNull(),
    status: text("status").notNull(),
    category: text("category"),
    parameterFormat: text("parameter_format").notNull().default("POSITIONAL"),
    components: text("components", { mode: "json" }).$type<unknown[]>().notNull(),
    /** Meta's reason for a rejection, pause or disable. */
    reason: text("reason"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("whatsapp_templates_inbox_name_language").on(t.inboxId, t.name, t.language)],
);

/** Each WhatsApp inbox's template sync: when it last worked or why not, and when the next is due (claimed by moving it ahead). */
export const templateSyncs = sqliteTable(
  "template_syncs",
  {
    inboxId: text("inbox_id").primaryKey().references(() => inboxes.id),
    workspaceId: text("workspace_id").notNull(),
    syncedAt: integer("synced_at"),
    error: text("error"),
    dueAt: integer("due_at").notNull(),
  },
  (t) => [index("template_syncs_due").on(t.dueAt)],
);

// ---------- Web Push (migration 0030, issue 16: notifications when the app is closed) ----------

/**
 * Secrets the server generates for itself on first start, sealed with the secret box (so a
 * leaked database alone reveals nothing): `vapid`, the key pair that signs push messages.
 */
export const serverSecrets = sqliteTable("server_secrets", {
  name: text("name").primaryKey(),
  sealed: text("sealed").notNull(),
  createdAt: integer("created_at").notNull(),
});

/**
 * A browser's push subscription for a person (one per device and browser profile: the endpoint is
 * unique, and moves to whoever subscribed on that browser last). The device's keys (p256dh and
 * the auth secret) are sealed with the secret box: with them anyone could write to the device.
 */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    endpoint: text("endpoint").notNull(),
    /**
     * The session that subscribed this device (migration 0033): the device rings only while that
     * session lives. A trigger on `sessions` deletes the subscription and its queued pushes when
     * the session row goes (sign-out, a device signed out from the list, a password change,
     * deactivation, expired sessions swept); the dispatcher also checks it is live before sending.
     */
    sessionHash: text("session_hash"),
    keysSealed: text("keys_sealed").notNull(),
    userAgent: text("user_agent"),
    createdAt: integer("created_at").notNull(),
    lastSuccessAt: integer("last_success_at"),
    /** Deliveries refused or given up since the last success. */
    failures: integer("failures").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint").on(t.endpoint), index("push_subscriptions_user").on(t.userId), index("push_subscriptions_session").on(t.sessionHash)],
);

/**
 * A push message waiting to go to one subscription: claimed like an outbox send (holder and
 * lease committed before the push service is called), deleted once the push service took it or
 * refused it for good. `key` names what it is about (a notification id, an offer), so the same
 * thing is queued once per device.
 */
export const pushDeliveries = sqliteTable(
  "push_deliveries",
  {
    id: text("id").primaryKey(),
    subscriptionId: text("subscription_id").notNull(),
    userId: text("user_id").notNull(),
    /**
     * The conversation the push is about (migration 0033): erasing its contact or deleting it by
     * retention deletes the queued push in the same transaction, since its payload carries the
     * customer's name and words.
     */
    conversationId: text("conversation_id"),
    key: text("key").notNull(),
    /** shared PushPayload: words only, encrypted for the device when sent. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    urgency: text("urgency", { enum: ["very-low", "low", "normal", "high"] }).notNull(),
    /** Past this time the message is worth nothing (an offer taken back, a day-old mention): dropped, not sent. */
    expiresAt: integer("expires_at").notNull(),
    state: text("state", { enum: ["pending", "sending"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    claimedBy: text("claimed_by"),
    claimedUntil: integer("claimed_until"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("push_deliveries_key").on(t.subscriptionId, t.key),
    index("push_deliveries_due").on(t.state, t.nextAttemptAt),
    index("push_deliveries_conversation").on(t.conversationId),
  ],
);

/**
 * A web chat reply to email to a visitor who left their address and had no widget open when it
 * was sent (issue 16): due a minute later, when it goes only if the visitor has not seen it
 * meanwhile. Claimed by moving `claimed_until` ahead; deleted once sent or no longer needed.
 */
export const replyEmails = sqliteTable(
  "reply_emails",
  {
    messageId: text("message_id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    contactId: text("contact_id").notNull(),
    dueAt: integer("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    claimedUntil: integer("claimed_until"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("reply_emails_due").on(t.dueAt)],
);
