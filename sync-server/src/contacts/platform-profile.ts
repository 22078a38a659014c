import { and, eq } from "drizzle-orm";
import type { ContactProfile } from "@inbox/connectors";
import type { Writes } from "../db/record.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { contactIdentities, contacts, conversations } from "../db/schema.ts";
import { eventInsert } from "../db/event-rows.ts";
import { toConversation, type ConversationRow } from "../db/read-model.ts";
import { touchTeamConversations } from "./contacts-publish.ts";

/** The platform identity whose profile was read (its lookup is settled in the same transaction). */
export interface ProfileIdentity {
  inboxId: string;
  externalId: string;
}

/**
 * Writes what a platform's profile API said about a customer onto their contact: the name
 * only where the contact has none or the one it has came from a platform (an agent's is never
 * replaced), the picture always (Meta's picture links expire, so a newer one wins). The change,
 * its `contact.updated` event and the identity's "profile read" mark commit together; then the
 * person's conversations show the new name live, like an agent's edit. Returns whether anything
 * changed.
 */
export async function applyPlatformProfile(core: Writes & Publishes, contactId: string, identity: ProfileIdentity, profile: ContactProfile): Promise<boolean> {
  // The same lock as an agent's edit (contacts.ts): an edit and a profile never interleave.
  return core.locks.run(`contact:${contactId}`, async () => {
    const at = core.now();
    const settle = core.db
      .update(contactIdentities)
      .set({ profileDueAt: null, profileCheckedAt: at, profileAttempts: 0 })
      .where(and(eq(contactIdentities.inboxId, identity.inboxId), eq(contactIdentities.externalId, identity.externalId)));
    const row = await core.db.query.contacts.findFirst({ where: eq(contacts.id, contactId) });
    // An erased person stays anonymous; a merged-away contact's identities now belong to the kept one.
    if (!row || row.erasedAt !== null || row.mergedIntoId !== null) {
      await core.writer.write([settle]);
      return false;
    }
    const mayRename = row.name === null || row.nameSource === "platform";
    const name = mayRename && profile.name !== null && profile.name !== row.name ? profile.name : undefined;
    const avatarUrl = profile.avatarUrl !== row.avatarUrl ? profile.avatarUrl : undefined;
    if (name === undefined && avatarUrl === undefined) {
      await core.writer.write([settle]);
      return false;
    }
    const fields = [...(name !== undefined ? ["name"] : []), ...(avatarUrl !== undefined ? ["avatarUrl"] : [])];
    const results = await core.writer.write([
      core.db
        .update(contacts)
        .set({ ...(name !== undefined ? { name, nameSource: "platform" as const } : {}), ...(avatarUrl !== undefined ? { avatarUrl } : {}) })
        .where(eq(contacts.id, contactId)),
      eventInsert(core, {
        workspaceId: row.workspaceId,
        type: "contact.updated",
        actorKind: "system",
        data: {
          contactId,
          fields,
          source: "platform",
          inboxId: identity.inboxId,
          changes: { ...(name !== undefined ? { name: { from: row.name, to: name } } : {}), ...(avatarUrl !== undefined ? { avatarUrl: { changed: true } } : {}) },
        },
        at,
      }),
      settle,
      // Conversations carry the name they are listed under: only a new name changes them.
      ...(name !== undefined
        ? [core.db.update(conversations).set({ contactName: name }).where(eq(conversations.contactId, contactId)).returning()]
        : [core.db.select().from(conversations).where(eq(conversations.contactId, contactId))]),
    ]);
    const touched = (results[results.length - 1] as ConversationRow[]).map(toConversation);
    if (name !== undefined) for (const c of touched) publish(core, c);
    // A new picture only: devices are told to pull the contact.
    else touchTeamConversations(core, touched);
    return true;
  });
}
