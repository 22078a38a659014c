import { asc, eq, inArray } from "drizzle-orm";
import { roomName, type Conversation } from "@inbox/shared";
import { ERASED_TEXT } from "@inbox/shared/api/data-rights";
import { conversations, messages, notifications } from "../db/schema.ts";
import { toConversation, toMessage } from "../db/read-model.ts";
import { toNotification } from "../notifications/index.ts";
import { publish } from "../rooms/publish.ts";
import type { RoomOp } from "../rooms/room-ops.ts";
import type { DataRightsDeps } from "./deps.ts";

/**
 * After an erasure commits, what agents' screens and the rooms' stored histories show: each
 * conversation of the person is published as erased (team lists, open timelines, the web chat),
 * then every room that held their words is rewritten as its current state alone — timelines,
 * work rooms (notes say "[erased]", drafts emptied), team lists (names and previews), and the
 * notification rooms of people they were @mentioned to. Rooms nobody has open are loaded for it.
 * Every room is attempted; a failure is reported after the rest, and a repeated erasure repairs.
 */
export async function eraseFromRooms(core: DataRightsDeps, contactId: string): Promise<void> {
  const convs = (await core.db.select().from(conversations).where(eq(conversations.contactId, contactId))).map(toConversation);
  const failures: unknown[] = [];
  const rewrite = (room: string, ops: RoomOp[]) =>
    core.roomHistory.rewrite(room, ops).catch((err: unknown) => {
      console.error(`could not rewrite room ${room} after an erasure`, err);
      failures.push(err);
    });

  const byTeam = new Map<string, Conversation[]>();
  for (const conv of convs) {
    const list = (await core.db.select().from(messages).where(eq(messages.conversationId, conv.id)).orderBy(asc(messages.position))).map(toMessage);
    publish(core, conv, list);
    await rewrite(roomName({ kind: "conv", id: conv.id }), [{ kind: "conv", conversation: conv, messages: list }]);
    await rewrite(roomName({ kind: "work", id: conv.id }), [{ kind: "work.erase", text: ERASED_TEXT }]);
    byTeam.set(conv.teamId, [...(byTeam.get(conv.teamId) ?? []), conv]);
  }
  for (const [teamId, list] of byTeam) await rewrite(roomName({ kind: "team", id: teamId }), [{ kind: "team.conversations", conversations: list }]);

  const mentions = convs.length ? await core.db.select().from(notifications).where(inArray(notifications.conversationId, convs.map((c) => c.id))) : [];
  const byUser = new Map<string, ReturnType<typeof toNotification>[]>();
  for (const row of mentions) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), toNotification(row)]);
  for (const [userId, list] of byUser) {
    const room = roomName({ kind: "user", id: userId });
    const ops: RoomOp[] = [{ kind: "user.notifications", notifications: list }];
    core.live.apply(room, ops);
    await rewrite(room, ops);
  }
  if (failures.length) throw new Error(`${failures.length} room(s) still hold erased content; erase the contact again to retry`);
}
