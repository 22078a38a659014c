import { newId } from "@inbox/shared";
import type { Notification, NotificationKind } from "@inbox/shared/api/content";
import { notifications } from "../db/schema.ts";
import type { ConversationRow } from "../db/read-model.ts";
import { whoWants } from "./choices.ts";
import { announce, toNotification, type NotificationsDeps } from "./notifications.ts";

export interface Telling {
  kind: Exclude<NotificationKind, "mention">;
  /** Who is told (the actor is left out: nobody is told about what they did themselves). */
  userIds: readonly (string | null | undefined)[];
  actor: { id: string; name: string };
  /** The reason or the whisper, in the actor's words. */
  excerpt?: string;
  /**
   * What this notification is about (the event or note id): with the user, unique in the table,
   * so a replayed command or note tells nobody twice.
   */
  key: string;
}

const EXCERPT_CHARS = 280;

/**
 * Tells colleagues what a supervisor or agent did to a chat (reassigned it, transferred it,
 * whispered, joined, raised a hand): a notification row each, pushed into their `user.<id>` room.
 * Written after the change it reports has committed (its event is the record of the change);
 * a lost notification is not retried, a repeated one is not stored twice.
 */
export async function tellPeople(core: NotificationsDeps, conv: Pick<ConversationRow, "id" | "workspaceId" | "contactName">, t: Telling): Promise<Notification[]> {
  const people = await whoWants(core, [...new Set(t.userIds.filter((id): id is string => !!id && id !== t.actor.id))], t.kind);
  if (!people.length) return [];
  const at = core.now();
  const rows = people.map((userId) => ({
    id: newId(),
    workspaceId: conv.workspaceId,
    userId,
    kind: t.kind,
    conversationId: conv.id,
    noteId: t.key,
    actorId: t.actor.id,
    actorName: t.actor.name,
    contactName: conv.contactName,
    excerpt: (t.excerpt ?? "").slice(0, EXCERPT_CHARS),
    createdAt: at,
    readAt: null,
  }));
  const [inserted] = await core.writer.write([core.db.insert(notifications).values(rows).onConflictDoNothing().returning()]);
  const stored = (inserted as (typeof notifications.$inferSelect)[]).map(toNotification);
  for (const n of stored) announce(core, rows.find((r) => r.id === n.id)!.userId, n);
  return stored;
}
