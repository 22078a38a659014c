import { and, count, eq, inArray, like, or, sql } from "drizzle-orm";
import { contactDisplayName } from "@inbox/shared";
import { ERASED_CONTENT, ERASED_TEXT, erasureConfirmed, type ContactEraseResponse, type ErasureCounts } from "@inbox/shared/api/data-rights";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { contactIdentities, contacts, conversations, media, messages, notifications, outbox, processedCommands, pushDeliveries, widgetSessions } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { refusedWithFields } from "../http/http-error.ts";
import { loadContact } from "../db/read-model.ts";
import { workspaceContact, type ContactRow } from "./access.ts";
import type { DataRightsDeps } from "./deps.ts";
import { eraseFromRooms } from "./erase-rooms.ts";
import { mediaKeyOf } from "./media-keys.ts";

const NOTHING: ErasureCounts = { conversations: 0, messages: 0, mediaFiles: 0, identities: 0, notifications: 0 };

/** Why a reply still waiting to be sent never goes: it would reach the customer as "[erased]". */
const UNSENT = "Not sent: the customer's data was erased before it went out.";

/**
 * Erases what the workspace holds about a person, keeping the rows anonymous so conversation
 * counts, response times and positions still add up:
 * - every message of their conversations (both ways: replies quote them) says "[erased]", and
 *   customers' messages lose their sender name; replies not sent yet are cancelled;
 * - their media files are deleted from storage, and their media rows;
 * - identities are dropped, so the same platform id writing again starts a new, anonymous
 *   contact; web chat sessions end (the visitor starts a new chat);
 * - the profile is cleared and `erasedAt` set; conversations show the anonymous name;
 * - notes about them and @mention excerpts say "[erased]"; stored command answers (which carry
 *   copies of messages) are emptied; Web Push messages about their chats still queued are deleted;
 * - one transaction with a `contact.erased` event and audit entry holding counts only.
 * Then the live rooms and their stored histories are rewritten (erase-rooms.ts). A repeat
 * changes nothing but brings the rooms in line again, so a retry after a failure there repairs.
 */
export async function eraseContact(core: DataRightsDeps, user: SessionUser, id: string, confirm: string, from: RequestOrigin | null): Promise<ContactEraseResponse> {
  const first = await workspaceContact(core, user, id);
  return core.locks.run(`contact:${first.id}`, async () => {
    const row = await workspaceContact(core, user, first.id);
    if (row.erasedAt !== null) {
      await eraseFromRooms(core, row.id);
      return { contact: (await loadContact(core.db, row.id))!, counts: NOTHING, alreadyErased: true };
    }
    const shown = contactDisplayName(row);
    if (!erasureConfirmed(confirm, shown)) {
      throw refusedWithFields(400, "validation_failed", "erase_confirm_mismatch", { shown }, { confirm: "Does not match the contact's name." });
    }
    const visitorKeys = (await core.db.select({ visitorId: conversations.visitorId, inboxId: conversations.inboxId }).from(conversations).where(eq(conversations.contactId, row.id)))
      .filter((c) => c.visitorId !== null)
      .map((c) => `visitor:${c.visitorId}:${c.inboxId}`);
    const { counts, files } = await eraseRecord(core, user, row, from);
    // Their widget tokens no longer name a session; their next message starts a new conversation.
    core.caches.visitors.deleteWhere((_token, v) => v.contactId === row.id);
    core.caches.latestConversation.deleteWhere((key) => key.startsWith(`${row.id}:`) || visitorKeys.includes(key));
    for (const gone of await Promise.allSettled(files.map((key) => core.blobs.delete(key)))) {
      if (gone.status === "rejected") console.error("could not delete an erased contact's file from storage", gone.reason);
    }
    await eraseFromRooms(core, row.id);
    return { contact: (await loadContact(core.db, row.id))!, counts, alreadyErased: false };
  });
}

async function eraseRecord(core: DataRightsDeps, user: SessionUser, row: ContactRow, from: RequestOrigin | null): Promise<{ counts: ErasureCounts; files: string[] }> {
  const { db } = core;
  const anonymous = contactDisplayName({ id: row.id, name: null, email: null, phone: null });
  const theirs = db.select({ id: conversations.id }).from(conversations).where(eq(conversations.contactId, row.id));
  const theirMessages = db.select({ id: messages.id }).from(messages).where(inArray(messages.conversationId, theirs));
  const unsent = db.select({ id: outbox.messageId }).from(outbox).where(and(eq(outbox.state, "pending"), inArray(outbox.messageId, theirMessages)));
  const commandAbout = (path: string) => inArray(sql`json_extract(${processedCommands.result}, ${path})`, theirs);

  // Counted (and the files listed: erased messages no longer say which they carried) before the
  // change, under the contact's lock, so the event and audit entry commit with it.
  const [convs, [messageCount], carried, placed, [identityCount], [notificationCount]] = await Promise.all([
    theirs,
    db.select({ n: count() }).from(messages).where(inArray(messages.conversationId, theirs)),
    db
      .select({ content: messages.content })
      .from(messages)
      .where(and(inArray(messages.conversationId, theirs), like(sql`json_extract(${messages.content}, '$.url')`, "/media/%"))),
    db.select({ key: media.key }).from(media).where(inArray(media.conversationId, theirs)),
    db.select({ n: count() }).from(contactIdentities).where(eq(contactIdentities.contactId, row.id)),
    db.select({ n: count() }).from(notifications).where(inArray(notifications.conversationId, theirs)),
  ]);
  const files = [...new Set([...carried.map((m) => mediaKeyOf(m.content)).filter((k): k is string => k !== null), ...placed.map((m) => m.key)])];
  const counts: ErasureCounts = {
    conversations: convs.length,
    messages: messageCount?.n ?? 0,
    mediaFiles: files.length,
    identities: identityCount?.n ?? 0,
    notifications: notificationCount?.n ?? 0,
  };
  const at = core.now();

  await core.writer.write([
    db.update(messages).set({ status: "failed", failureReason: UNSENT }).where(inArray(messages.id, unsent)),
    db.update(outbox).set({ state: "dead", lastError: UNSENT }).where(and(eq(outbox.state, "pending"), inArray(outbox.messageId, theirMessages))),
    db
      .update(messages)
      .set({
        content: ERASED_CONTENT,
        text: ERASED_TEXT,
        senderName: sql`case when ${messages.senderKind} = 'customer' then ${anonymous} else ${messages.senderName} end`,
      })
      .where(inArray(messages.conversationId, theirs)),
    db.delete(media).where(or(inArray(media.conversationId, theirs), files.length ? inArray(media.key, files) : undefined)),
    db.update(conversations).set({ contactName: anonymous, lastMessagePreview: ERASED_TEXT }).where(eq(conversations.contactId, row.id)),
    db.update(notifications).set({ excerpt: ERASED_TEXT, contactName: anonymous }).where(inArray(notifications.conversationId, theirs)),
    // Pushes still queued carry their name and words (a push being worded right now is caught by
    // the queue's own check when it commits: push-queue.ts).
    db.delete(pushDeliveries).where(inArray(pushDeliveries.conversationId, theirs)),
    // A device replaying a command gets its stored answer, which holds a copy of the message or
    // conversation: what stays is that it was applied.
    db
      .update(processedCommands)
      .set({ result: sql`json_object('clientId', ${processedCommands.clientId}, 'ok', json('true'))` })
      .where(and(eq(processedCommands.workspaceId, row.workspaceId), or(commandAbout("$.conversation.id"), commandAbout("$.message.conversationId")))),
    db.delete(contactIdentities).where(eq(contactIdentities.contactId, row.id)),
    db.delete(widgetSessions).where(eq(widgetSessions.contactId, row.id)),
    // The seq trigger stamps the row, so every device's next pull brings it back empty.
    db.update(contacts).set({ name: null, nameSource: null, avatarUrl: null, emailLeftAt: null, email: null, phone: null, company: null, notes: null, vip: false, erasedAt: at }).where(eq(contacts.id, row.id)),
    // Duplicates merged into them (at any depth) are tombstones that still hold the details they had.
    db.run(sql`with recursive merged(id) as (
      select ${contacts.id} from ${contacts} where ${contacts.mergedIntoId} = ${row.id}
      union select c.id from ${contacts} c join merged m on c.merged_into_id = m.id
    ) update ${contacts} set name = null, name_source = null, avatar_url = null, email = null, phone = null, company = null, notes = null, vip = 0, erased_at = ${at} where id in (select id from merged)`),
    // Counts only, never what was erased (the log cannot be edited later).
    eventInsert(core, { workspaceId: row.workspaceId, type: "contact.erased", actorKind: "agent", actorId: user.id, data: { contactId: row.id, ...counts }, at }),
    auditInsert(core, { workspaceId: row.workspaceId, ...auditActor(user, from), action: "contact.erased", target: row.id, data: counts, at }),
  ]);
  return { counts, files };
}
