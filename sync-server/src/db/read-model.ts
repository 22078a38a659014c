import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  MessageContentSchema,
  type ChannelStatus,
  type ChannelType,
  type Contact,
  type Conversation,
  type ConversationStatus,
  type DeliveryStatus,
  type Inbox,
  type Message,
  type Priority,
  type SenderKind,
  type Permissions,
  type User,
  BUILT_IN_PERMISSIONS,
  PermissionsSchema,
} from "@inbox/shared";
import type { Database } from "./database.ts";
import { contactIdentities, contacts, conversations, customRoles, inboxes, messages, teamMembers, users } from "./schema.ts";

// Rows → domain objects. The database only ever holds values validated at the boundary, so
// the string-typed columns are narrowed here rather than re-validated on every read.

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type InboxRow = typeof inboxes.$inferSelect;
type CustomRoleRow = typeof customRoles.$inferSelect;

export function toConversation(r: ConversationRow): Conversation {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    inboxId: r.inboxId,
    channel: r.channel as ChannelType,
    contactId: r.contactId,
    contactName: r.contactName,
    teamId: r.teamId,
    status: r.status as ConversationStatus,
    priority: r.priority as Priority,
    assigneeId: r.assigneeId,
    snoozedUntil: r.snoozedUntil,
    labels: r.labels,
    unreadCount: r.unreadCount,
    lastMessagePreview: r.lastMessagePreview,
    firstResponseAt: r.firstResponseAt,
    lastActivityAt: r.lastActivityAt,
    createdAt: r.createdAt,
    offeredTo: r.offeredTo,
    offeredAt: r.offeredAt,
    offerExpiresAt: r.offerExpiresAt,
    waitingSince: r.waitingSince,
    helpRequestedAt: r.helpRequestedAt,
    helpRequestedBy: r.helpRequestedBy,
    sla: r.sla ?? null,
  };
}

export function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    conversationId: r.conversationId,
    direction: r.direction as Message["direction"],
    senderKind: r.senderKind as SenderKind,
    senderId: r.senderId,
    senderName: r.senderName,
    content: MessageContentSchema.parse(r.content),
    status: r.status as DeliveryStatus,
    failureReason: r.failureReason,
    clientId: r.clientId,
    createdAt: r.createdAt,
    position: r.position,
  };
}

export function toInbox(r: InboxRow): Inbox {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    name: r.name,
    channel: r.channel as ChannelType,
    status: r.status as ChannelStatus,
    teamId: r.teamId,
    pausedUntil: r.pausedUntil,
    settings: r.settings,
    createdAt: r.createdAt,
  };
}

export type UserRow = typeof users.$inferSelect;

/** A user as clients see it (never the password hash), with the teams they belong to. */
/** A custom role as a person's record needs it (the left join's side). */
export type HeldRole = Pick<CustomRoleRow, "id" | "name" | "permissions"> | null;

/**
 * A person as clients and checks see them. The custom role's permissions are validated here: a
 * set that no longer parses (an older shape in the record) falls back to nothing rather than to
 * more than the admin chose.
 */
export function toUser(row: UserRow, teamIds: string[], held: HeldRole = null): User {
  const custom = held && row.customRoleId === held.id ? held : null;
  return {
    permissions: custom ? customPermissions(custom.permissions) : BUILT_IN_PERMISSIONS[row.role],
    customRole: custom ? { id: custom.id, name: custom.name } : null,
    id: row.id,
    workspaceId: row.workspaceId,
    email: row.email,
    name: row.name,
    role: row.role,
    teamIds,
    maxConcurrentChats: row.maxConcurrentChats,
    availability: row.availability,
    locale: row.locale,
  };
}

const NO_PERMISSIONS: Permissions = { ...BUILT_IN_PERMISSIONS.agent, conversations: "assigned", reply: false, manageContacts: false };

function customPermissions(stored: unknown): Permissions {
  const parsed = PermissionsSchema.safeParse(stored);
  return parsed.success ? parsed.data : NO_PERMISSIONS;
}

/** The custom roles of these people, by role id (one query). */
export async function heldRoles(db: Database, rows: readonly Pick<UserRow, "customRoleId">[]): Promise<Map<string, NonNullable<HeldRole>>> {
  const ids = [...new Set(rows.map((r) => r.customRoleId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: customRoles.id, name: customRoles.name, permissions: customRoles.permissions }).from(customRoles).where(inArray(customRoles.id, ids));
  return new Map(found.map((r) => [r.id, r]));
}

export async function loadUser(db: Database, id: string): Promise<(User & { passwordHash: string }) | null> {
  const row = await db.query.users.findFirst({ where: eq(users.id, id) });
  if (!row) return null;
  const [teams, roles] = await Promise.all([db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, id)), heldRoles(db, [row])]);
  return { ...toUser(row, teams.map((t) => t.teamId), roles.get(row.customRoleId ?? "") ?? null), passwordHash: row.passwordHash };
}

export async function listUsers(db: Database, workspaceId: string): Promise<User[]> {
  const rows = await db.select().from(users).where(eq(users.workspaceId, workspaceId)).orderBy(asc(users.name));
  // Only this workspace's memberships: the join keeps other workspaces' rows out of the read.
  const memberships = await db
    .select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(users.workspaceId, workspaceId));
  const roles = await heldRoles(db, rows);
  return rows.map((row) => toUser(row, memberships.filter((m) => m.userId === row.id).map((m) => m.teamId), roles.get(row.customRoleId ?? "") ?? null));
}

/** Built once per database: the most frequent read of all (every command, change and refresh) skips drizzle's query building. */
const conversationById = new WeakMap<Database, ReturnType<typeof prepareConversationById>>();
const prepareConversationById = (db: Database) => db.query.conversations.findFirst({ where: eq(conversations.id, sql.placeholder("id")) }).prepare();

export async function getConversationRow(db: Database, id: string): Promise<ConversationRow | undefined> {
  let query = conversationById.get(db);
  if (!query) conversationById.set(db, (query = prepareConversationById(db)));
  return query.execute({ id });
}

export async function getInboxRow(db: Database, id: string): Promise<InboxRow | undefined> {
  return db.query.inboxes.findFirst({ where: eq(inboxes.id, id) });
}

export async function loadContact(db: Database, id: string): Promise<Contact | null> {
  const row = await db.query.contacts.findFirst({ where: eq(contacts.id, id) });
  if (!row) return null;
  const ids = await db.select().from(contactIdentities).where(eq(contactIdentities.contactId, id));
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    ...contactExtras(row),
    createdAt: row.createdAt,
    identities: ids.map((i) => ({ inboxId: i.inboxId, channel: i.channel as ChannelType, externalId: i.externalId, blockedAt: i.blockedAt })),
  };
}

/** The contact fields the customer panel edits (migration 0006). */
function contactExtras(row: typeof contacts.$inferSelect): Pick<Contact, "vip" | "company" | "notes" | "mergedIntoId" | "erasedAt" | "avatarUrl" | "emailLeftAt"> {
  return { vip: row.vip, company: row.company, notes: row.notes, mergedIntoId: row.mergedIntoId, erasedAt: row.erasedAt, avatarUrl: row.avatarUrl, emailLeftAt: row.emailLeftAt };
}

/** The latest `limit` messages of a conversation, oldest first. */
export async function recentMessages(db: Database, conversationId: string, limit = 200): Promise<Message[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.position))
    .limit(limit);
  return rows.reverse().map(toMessage);
}

export async function conversationsOfTeams(
  db: Database,
  workspaceId: string,
  teamIds: string[] | "all",
  limit: number,
): Promise<Conversation[]> {
  const where =
    teamIds === "all"
      ? eq(conversations.workspaceId, workspaceId)
      : and(eq(conversations.workspaceId, workspaceId), inArray(conversations.teamId, teamIds));
  const rows = await db.select().from(conversations).where(where).orderBy(desc(conversations.lastActivityAt)).limit(limit);
  return rows.map(toConversation);
}

/** Several contacts with their identities, in two queries. */
export async function loadContacts(db: Database, ids: string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows: (typeof contacts.$inferSelect)[] = [];
  const idents: (typeof contactIdentities.$inferSelect)[] = [];
  // SQLite caps bound parameters per statement; page through long id lists.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    rows.push(...(await db.select().from(contacts).where(inArray(contacts.id, chunk))));
    idents.push(...(await db.select().from(contactIdentities).where(inArray(contactIdentities.contactId, chunk))));
  }
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    ...contactExtras(row),
    createdAt: row.createdAt,
    identities: idents
      .filter((i) => i.contactId === row.id)
      .map((i) => ({ inboxId: i.inboxId, channel: i.channel as ChannelType, externalId: i.externalId, blockedAt: i.blockedAt })),
  }));
}
