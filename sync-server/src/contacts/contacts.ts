import { eq } from "drizzle-orm";
import { canSeeConversation, contactDisplayName, type Contact, type Conversation } from "@inbox/shared";
import type { ContactPatch } from "@inbox/shared/api/contacts";
import type { Caches } from "../db/caches.ts";
import type { Reads, Writes } from "../db/record.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { contacts, conversations } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound } from "../http/http-error.ts";
import { touchTeamConversations } from "./contacts-publish.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { loadContact, toConversation, type ConversationRow } from "../db/read-model.ts";

export type ContactRow = typeof contacts.$inferSelect;

/** What editing and merging contacts needs. */
export interface ContactsDeps extends Writes, Publishes {
  caches: Pick<Caches, "visitors" | "latestConversation">;
}

/** How many merges an old id is followed through (a chain longer than this is a data fault). */
const MAX_MERGE_HOPS = 8;

export interface VisibleContact {
  row: ContactRow;
  /** Every conversation of the contact, newest first. */
  conversations: ConversationRow[];
  /** Those the caller may see. */
  visible: ConversationRow[];
}

/** The contact row and its conversations; a merged id is followed to the contact it became. */
export async function loadContactRow(core: Reads, workspaceId: string, id: string): Promise<ContactRow | null> {
  let row = await core.db.query.contacts.findFirst({ where: eq(contacts.id, id) });
  for (let hops = 0; row?.mergedIntoId && hops < MAX_MERGE_HOPS; hops++) {
    row = await core.db.query.contacts.findFirst({ where: eq(contacts.id, row.mergedIntoId) });
  }
  if (!row || row.workspaceId !== workspaceId || row.mergedIntoId) return null;
  return row;
}

export async function conversationsOfContact(core: Reads, contactId: string): Promise<ConversationRow[]> {
  const rows = await core.db.select().from(conversations).where(eq(conversations.contactId, contactId));
  return rows.sort((a, b) => b.lastActivityAt - a.lastActivityAt);
}

/**
 * The contact, if the caller may see it: anyone who can see one of the person's conversations.
 * Otherwise "not found", without saying whether it exists elsewhere.
 */
export async function contactForUser(core: Reads, user: SessionUser, id: string): Promise<VisibleContact> {
  const row = await loadContactRow(core, user.workspaceId, id);
  if (!row) throw notFound("contact");
  const all = await conversationsOfContact(core, row.id);
  const visible = all.filter((c) => canSeeConversation(user, c));
  if (visible.length === 0) throw notFound("contact");
  return { row, conversations: all, visible };
}

const FIELDS = ["name", "email", "phone", "vip", "company", "notes"] as const;

/** Empty text means "not known": stored as null, like a field never filled in. */
function normalise(patch: ContactPatch): ContactPatch {
  const out: ContactPatch = { ...patch };
  for (const key of ["name", "email", "phone", "company", "notes"] as const) {
    const v = out[key];
    if (typeof v === "string" && v.trim() === "") out[key] = null;
  }
  return out;
}

/**
 * Changes a contact's details: the changed fields, an event (in the conversation the agent
 * worked in, when given) and an audit row in one transaction; then every conversation of the
 * person shows the new name, and agents' devices are told to fetch the new details.
 */
export async function updateContact(
  core: ContactsDeps,
  user: SessionUser,
  id: string,
  input: ContactPatch,
  opts: { conversationId?: string; from?: RequestOrigin | null } = {},
): Promise<{ contact: Contact; conversations: Conversation[] }> {
  const first = await contactForUser(core, user, id);
  return core.locks.run(`contact:${first.row.id}`, async () => {
    const { row, conversations: all, visible } = await contactForUser(core, user, first.row.id);
    const patch = normalise(input);
    const changes: Partial<Record<(typeof FIELDS)[number], { from: unknown; to: unknown }>> = {};
    const set: Partial<ContactRow> = {};
    for (const key of FIELDS) {
      const to = patch[key];
      if (to === undefined || to === row[key]) continue;
      changes[key] = { from: row[key], to };
      Object.assign(set, { [key]: to });
    }
    // A name an agent typed is theirs: a platform's profile never replaces it (contacts/platform-profile.ts).
    if ("name" in set) set.nameSource = set.name === null ? null : "agent";
    if (Object.keys(set).length === 0) {
      return { contact: (await loadContact(core.db, row.id))!, conversations: visible.map(toConversation) };
    }
    const next = { ...row, ...set };
    const displayName = contactDisplayName(next);
    const renamed = all.some((c) => c.contactName !== displayName);
    const at = core.now();
    const fields = Object.keys(changes);
    const results = await core.writer.write([
      core.db.update(contacts).set(set).where(eq(contacts.id, row.id)),
      eventInsert(core, {
        workspaceId: row.workspaceId,
        type: "contact.updated",
        // Only one of the person's own conversations may carry it in its history.
        conversationId: all.some((c) => c.id === opts.conversationId) ? opts.conversationId : null,
        actorKind: "agent",
        actorId: user.id,
        // Notes can be long and private: the event says they changed, not what they say.
        data: { contactId: row.id, fields, changes: { ...changes, ...(changes.notes ? { notes: { changed: true } } : {}) } },
        at,
      }),
      auditInsert(core, { workspaceId: row.workspaceId, ...auditActor(user, opts.from ?? null), action: "contact.update", target: row.id, data: { fields }, at }),
      ...(renamed
        ? [core.db.update(conversations).set({ contactName: displayName }).where(eq(conversations.contactId, row.id)).returning()]
        : []),
    ]);
    const updated = renamed ? (results[results.length - 1] as ConversationRow[]).map(toConversation) : all.map(toConversation);
    if (renamed) {
      // The widget shows the visitor's name from a short cache: let it read the new one.
      core.caches.visitors.deleteWhere((_token, v) => v.contactId === row.id);
      for (const c of updated) publish(core, c);
    } else {
      touchTeamConversations(core, updated);
    }
    const contact = (await loadContact(core.db, row.id))!;
    return { contact, conversations: updated.filter((c) => canSeeConversation(user, c)) };
  });
}
