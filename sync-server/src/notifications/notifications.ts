import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { canSeeConversation, newId, roomName } from "@inbox/shared";
import { USER_NOTIFICATIONS, type Notification } from "@inbox/shared/api/content";
import type { Reads, Writes } from "../db/record.ts";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import { notifications } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import type { Room } from "../rooms/room.ts";
import { eventInsert } from "../db/event-rows.ts";
import { whoWants } from "./choices.ts";
import { mentionedUsers } from "./mentions.ts";
import { listUsers, type ConversationRow } from "../db/read-model.ts";

type NotificationRow = typeof notifications.$inferSelect;

/** Where a new notification also goes to the person's devices (push/ fills it; none: in the app only). */
export interface NotificationPush {
  notified(userId: string, n: Notification): void;
}

/** What notifying people needs: the record, their `user.<id>` rooms, and their devices. */
export interface NotificationsDeps extends Writes {
  live: LiveRooms;
  push?: NotificationPush;
}

/** How many notifications a user's room carries; older ones stay in the table. */
const ROOM_WINDOW = 50;
const EXCERPT_CHARS = 280;

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    conversationId: row.conversationId,
    actorId: row.actorId,
    actorName: row.actorName,
    contactName: row.contactName,
    excerpt: row.excerpt,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export interface NewNote {
  id: string;
  text: string;
}

/**
 * Notifies the colleagues a new note @mentions: only people who may see the conversation (its
 * team's agents, supervisors and admins), never the author. One notification per note and
 * person, so a note replayed after a reconnect or edited later notifies nobody twice.
 * Each notification is a `note.mentioned` event and is pushed into the person's `user.<id>` room.
 */
export async function notifyMentions(core: NotificationsDeps, conv: ConversationRow, author: { id: string; name: string }, notes: NewNote[]): Promise<Notification[]> {
  const withMentions = notes.filter((n) => n.text.includes("@"));
  if (!withMentions.length) return [];
  const people = (await listUsers(core.db, conv.workspaceId)).filter((u) => u.id !== author.id && canSeeConversation(u, conv));
  const created: NotificationRow[] = [];
  for (const note of withMentions) {
    const wanted = new Set(await whoWants(core, mentionedUsers(note.text, people).map((u) => u.id), "mention"));
    const mentioned = mentionedUsers(note.text, people).filter((u) => wanted.has(u.id));
    if (!mentioned.length) continue;
    // One writer per note: the check and the insert cannot interleave with a replay of it.
    await core.locks.run(`note-mentions:${note.id}`, async () => {
      const already = await core.db
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(and(eq(notifications.noteId, note.id), inArray(notifications.userId, mentioned.map((u) => u.id))));
      const at = core.now();
      const rows: NotificationRow[] = mentioned
        .filter((u) => !already.some((a) => a.userId === u.id))
        .map((u) => ({
          id: newId(),
          workspaceId: conv.workspaceId,
          userId: u.id,
          kind: "mention",
          conversationId: conv.id,
          noteId: note.id,
          actorId: author.id,
          actorName: author.name,
          contactName: conv.contactName,
          excerpt: note.text.slice(0, EXCERPT_CHARS),
          createdAt: at,
          readAt: null,
        }));
      if (!rows.length) return;
      await core.writer.write([
        core.db.insert(notifications).values(rows).onConflictDoNothing(),
        ...rows.map((r) =>
          eventInsert(core, {
            workspaceId: conv.workspaceId,
            conversationId: conv.id,
            type: "note.mentioned",
            actorKind: "agent",
            actorId: author.id,
            data: { noteId: note.id, userId: r.userId, notificationId: r.id },
            at,
          }),
        ),
      ]);
      created.push(...rows);
    });
  }
  for (const row of created) announce(core, row.userId, toNotification(row));
  return created.map(toNotification);
}

/** A new notification: into the person's room, and to their devices when its kind rings them. */
export function announce(core: NotificationsDeps, userId: string, n: Notification): void {
  publishNotification(core, userId, n);
  core.push?.notified(userId, n);
}

export function publishNotification(core: NotificationsDeps, userId: string, n: Notification): void {
  core.live.apply(roomName({ kind: "user", id: userId }), [{ kind: "user.notifications", notifications: [n] }]);
}

/** A loaded `user.<id>` room: exactly the user's latest notifications, as the table has them. */
export async function hydrateUserRoom(core: Reads, room: Room, userId: string): Promise<void> {
  const rows = await core.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(ROOM_WINDOW);
  const map = room.doc.getMap(USER_NOTIFICATIONS);
  const keep = new Set(rows.map((r) => r.id));
  room.doc.transact(() => {
    for (const key of [...map.keys()]) if (!keep.has(key)) map.delete(key);
    for (const row of rows) {
      const n = toNotification(row);
      if (JSON.stringify(map.get(n.id)) !== JSON.stringify(n)) map.set(n.id, n);
    }
  }, "server");
}

export async function listNotifications(core: Reads, user: SessionUser, after?: number): Promise<Notification[]> {
  const conditions = [eq(notifications.userId, user.id)];
  if (after !== undefined) conditions.push(gt(notifications.createdAt, after));
  const rows = await core.db.select().from(notifications).where(and(...conditions)).orderBy(desc(notifications.createdAt)).limit(200);
  return rows.map(toNotification);
}

/** Marks the given (or all) unread notifications of this user read, in the record and their room. */
export async function markNotificationsRead(core: NotificationsDeps, user: SessionUser, ids?: string[]): Promise<number> {
  const conditions = [eq(notifications.userId, user.id), isNull(notifications.readAt)];
  if (ids) conditions.push(inArray(notifications.id, ids));
  const at = core.now();
  const unread = await core.db.select().from(notifications).where(and(...conditions));
  if (!unread.length) return 0;
  await core.writer.write([
    core.db.update(notifications).set({ readAt: at }).where(and(inArray(notifications.id, unread.map((r) => r.id)), isNull(notifications.readAt))),
    eventInsert(core, { workspaceId: user.workspaceId, type: "notification.read", actorKind: "agent", actorId: user.id, data: { ids: unread.map((r) => r.id) }, at }),
  ]);
  for (const row of unread) publishNotification(core, user.id, toNotification({ ...row, readAt: at }));
  return unread.length;
}
