/**
 * The customer panel's view of the open conversation's contact: the stored contact (following
 * a merge to the contact it became), with the agent's edits still waiting in the outbox shown
 * on top; saving an edit, marking VIP, and merging a duplicate into it.
 */
import type { Contact, Conversation } from "@inbox/shared";
import type { ContactMergeResponse, ContactPatch } from "@inbox/shared/api/contacts";
import { createEffect, createMemo, on, untrack, type Accessor } from "solid-js";
import { api } from "../api/endpoints.ts";
import type { AppState } from "../app/index.ts";
import { createLiveQuery } from "../local/live-query.ts";
import { stripContact, stripConversation, type ContactRow } from "../local/rows.ts";
import { putContacts, putConversations } from "../local/store.ts";
import { contactApi } from "./contact-api.ts";
import { applyContactPatch, pendingPatches, withPendingEdits } from "./contact-edit.ts";

export interface ContactPanel {
  contact: Accessor<Contact | null>;
  /** Stores the edit on this device and queues it for the server (works offline). */
  save(patch: ContactPatch): Promise<void>;
  /** Online only: the server moves the duplicate's conversations and identities in one go. */
  merge(duplicateId: string): Promise<ContactMergeResponse>;
}

export function createContactPanel(state: Pick<AppState, "local" | "selection">, conversation: Accessor<Conversation | null>): ContactPanel {
  const { local, selection } = state;
  // A device may still hold the duplicate's id (its conversation rows not pulled yet): follow it.
  const mergedInto = createMemo(() => {
    const db = local.db();
    const id = selection.contact()?.mergedIntoId;
    return db && id ? { db, id } : null;
  }, null, { equals: (a, b) => a?.db === b?.db && a?.id === b?.id });
  const successor = createLiveQuery(mergedInto, (s) => s.db.contacts.get(s.id), undefined as ContactRow | undefined);

  const contact = createMemo((): Contact | null => {
    const base = selection.contact();
    if (!base) return null;
    const current = base.mergedIntoId ? (successor() ?? base) : base;
    return withPendingEdits(current, local.outbox());
  });

  // When this contact's edits have all been answered, read the record once: a refused edit's
  // optimistic copy on this device is replaced by what the server holds.
  const waiting = createMemo(() => {
    const c = contact();
    return c ? pendingPatches(local.outbox(), c.id).length : 0;
  });
  createEffect(
    on(waiting, (now, before) => {
      const c = untrack(contact);
      const db = untrack(local.db);
      if (!c || !db || !before || now > 0 || !navigator.onLine) return;
      api.contact(c.id).then(
        (detail) => putContacts(db, [detail.contact]),
        () => {},
      );
    }),
  );

  return {
    contact,
    async save(patch) {
      const c = contact();
      const conv = conversation();
      const db = local.db();
      if (!c || !conv || !db) return;
      await local.enqueue({ type: "contact.update", clientId: crypto.randomUUID(), conversationId: conv.id, contactId: c.id, patch });
      // Kept on the device at once, so the edit shows even after the outbox row is answered
      // and before the next pull brings the server's copy.
      await putContacts(db, [applyContactPatch(stripContact(c), patch)]);
    },
    async merge(duplicateId) {
      const c = contact();
      const db = local.db();
      if (!c) throw new Error("No contact open");
      const result = await contactApi.merge(c.id, duplicateId);
      if (db) {
        await putContacts(db, [result.contact, result.merged]);
        await putConversations(db, result.conversations.map(stripConversation));
      }
      local.requestPull();
      return result;
    },
  };
}
