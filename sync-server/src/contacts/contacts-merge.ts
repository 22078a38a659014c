import { eq, inArray } from "drizzle-orm";
import { can, canSeeConversation, contactDisplayName, seesAllTeams } from "@inbox/shared";
import type { ContactMergeResponse } from "@inbox/shared/api/contacts";
import { conversationsOfContact, type ContactsDeps, type ContactRow } from "./contacts.ts";
import { contactIdentities, contacts, conversations, widgetSessions } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, forbiddenBecause, refused } from "../http/http-error.ts";
import { publish } from "../rooms/publish.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { loadContact, toConversation, type ConversationRow } from "../db/read-model.ts";

/**
 * Two contacts that are one person become one: the duplicate's identities, conversations and
 * widget sessions move to the kept contact, blank details are filled from the duplicate, and
 * the duplicate stays as a tombstone (`merged_into_id`) so devices holding its id can follow
 * it. One transaction with its event and audit row; a repeat answers with the same outcome.
 */
export async function mergeContacts(
  core: ContactsDeps,
  user: SessionUser,
  keptId: string,
  duplicateId: string,
  from: RequestOrigin | null = null,
): Promise<ContactMergeResponse> {
  if (keptId === duplicateId) {
    throw refused(400, "validation_failed", "merge_into_itself");
  }
  // Both contacts' locks, always in the same order, so two merges of one pair cannot cross.
  const [a, b] = [keptId, duplicateId].sort();
  return core.locks.run(`contact:${a}`, () => core.locks.run(`contact:${b}`, () => mergeLocked(core, user, keptId, duplicateId, from)));
}

async function mergeLocked(core: ContactsDeps, user: SessionUser, keptId: string, duplicateId: string, from: RequestOrigin | null): Promise<ContactMergeResponse> {
  const [kept, dup] = await Promise.all([contactRow(core, user, keptId), contactRow(core, user, duplicateId)]);
  const [keptConvs, dupConvs] = await Promise.all([conversationsOfContact(core, kept.id), conversationsOfContact(core, dup.id)]);

  if (dup.mergedIntoId === kept.id) {
    // Already done (a repeated request): the same answer, nothing written.
    authorise(user, keptConvs, keptConvs);
    return answer(core, user, kept.id, dup.id, true);
  }
  if (dup.mergedIntoId) throw refused(409, "conflict", "merge_already_merged");
  if (kept.mergedIntoId) throw refused(409, "conflict", "merge_kept_merged");
  authorise(user, keptConvs, dupConvs);

  const filled = fillBlanks(kept, dup);
  const displayName = contactDisplayName({ ...kept, ...filled });
  const moved = dupConvs.map((c) => c.id);
  const at = core.now();
  const results = await core.writer.write([
    // An UPDATE even when nothing is filled in: it stamps the kept contact for every device's pull.
    core.db.update(contacts).set({ ...filled, name: filled.name ?? kept.name }).where(eq(contacts.id, kept.id)),
    core.db.update(contactIdentities).set({ contactId: kept.id }).where(eq(contactIdentities.contactId, dup.id)),
    core.db.update(widgetSessions).set({ contactId: kept.id }).where(eq(widgetSessions.contactId, dup.id)),
    core.db.update(contacts).set({ mergedIntoId: kept.id }).where(eq(contacts.id, dup.id)),
    eventInsert(core, {
      workspaceId: kept.workspaceId,
      type: "contact.merged",
      actorKind: "agent",
      actorId: user.id,
      data: { keptId: kept.id, mergedId: dup.id, conversationIds: moved },
      at,
    }),
    auditInsert(core, { workspaceId: kept.workspaceId, ...auditActor(user, from), action: "contact.merge", target: kept.id, data: { mergedId: dup.id, conversations: moved.length }, at }),
    core.db
      .update(conversations)
      .set({ contactId: kept.id, contactName: displayName })
      .where(inArray(conversations.contactId, [kept.id, dup.id]))
      .returning(),
  ]);
  const updated = (results[results.length - 1] as ConversationRow[]).map(toConversation);

  // The duplicate's widget tokens now belong to the kept contact.
  core.caches.visitors.deleteWhere((_token, v) => v.contactId === dup.id);
  core.caches.latestConversation.deleteWhere((key) => key.startsWith(`${dup.id}:`) || key.startsWith(`${kept.id}:`));
  for (const c of updated) publish(core, c);
  return answer(core, user, kept.id, dup.id, false);
}

async function contactRow(core: ContactsDeps, user: SessionUser, id: string): Promise<ContactRow> {
  const row = await core.db.query.contacts.findFirst({ where: eq(contacts.id, id) });
  if (!row || row.workspaceId !== user.workspaceId) throw notFound("contact");
  return row;
}

/**
 * Admins and supervisors may merge any two contacts of the workspace. Agents only contacts
 * whose conversations are all in their teams: a merge moves every one of them.
 */
function authorise(user: SessionUser, kept: ConversationRow[], dup: ConversationRow[]): void {
  if (!can(user, "manageContacts")) throw forbiddenBecause("no_permission_manageContacts");
  if (seesAllTeams(user)) return;
  const sees = (list: ConversationRow[]) => list.some((c) => canSeeConversation(user, c));
  // A contact none of whose conversations the agent may see is not theirs to know about.
  if (!sees(kept) || !sees(dup)) throw notFound("contact");
  if ([...kept, ...dup].some((c) => !canSeeConversation(user, c))) {
    throw forbiddenBecause("merge_other_team");
  }
}

/** The kept contact's blank details, taken from the duplicate; notes of both are kept. */
function fillBlanks(kept: ContactRow, dup: ContactRow): Partial<ContactRow> {
  const notes = kept.notes && dup.notes ? `${kept.notes}\n\n${dup.notes}`.slice(0, 4000) : (kept.notes ?? dup.notes);
  return {
    name: kept.name ?? dup.name,
    // Whoever gave the name that is kept still vouches for it (an agent's is never replaced by a profile).
    nameSource: kept.name !== null ? kept.nameSource : dup.nameSource,
    avatarUrl: kept.avatarUrl ?? dup.avatarUrl,
    email: kept.email ?? dup.email,
    // The email kept says whether a visitor left it in the widget.
    emailLeftAt: kept.email !== null ? kept.emailLeftAt : dup.emailLeftAt,
    phone: kept.phone ?? dup.phone,
    company: kept.company ?? dup.company,
    notes,
    vip: kept.vip || dup.vip,
  };
}

async function answer(core: ContactsDeps, user: SessionUser, keptId: string, dupId: string, alreadyMerged: boolean): Promise<ContactMergeResponse> {
  const [contact, merged, convs] = await Promise.all([loadContact(core.db, keptId), loadContact(core.db, dupId), conversationsOfContact(core, keptId)]);
  return {
    contact: contact!,
    merged: merged!,
    conversations: convs.filter((c) => canSeeConversation(user, c)).map(toConversation),
    alreadyMerged,
  };
}
