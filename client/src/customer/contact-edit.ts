/**
 * Editing a contact offline-first: each save is a `contact.update` command in the outbox (sent
 * in order when the server is reachable) and its effect is stored on this device at once.
 * The pure parts (what changed, how a patch applies, what waits) are unit-tested.
 */
import type { Contact } from "@inbox/shared";
import { ContactPatchSchema, type ContactPatch } from "@inbox/shared/api/contacts";
import type { OutboxRow } from "../local/rows.ts";
import { schemaMessageWords } from "../api/constraint-words.ts";

/** The editable text fields as the form holds them ("" for not known). */
export interface ContactForm {
  name: string;
  email: string;
  phone: string;
  company: string;
  notes: string;
}

export const TEXT_FIELDS = ["name", "email", "phone", "company", "notes"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export function formOf(c: Contact): ContactForm {
  return { name: c.name ?? "", email: c.email ?? "", phone: c.phone ?? "", company: c.company ?? "", notes: c.notes ?? "" };
}

/**
 * The fields the agent changed, validated as the server will; empty text clears a field.
 * `errors` has a sentence per invalid field; `patch` is null when nothing changed.
 */
export function formPatch(before: Contact, form: ContactForm): { patch: ContactPatch | null; errors: Partial<Record<TextField, string>> } {
  const raw: Record<string, string | null> = {};
  for (const key of TEXT_FIELDS) {
    const value = key === "notes" ? form[key] : form[key].trim();
    const next = value === "" ? null : value;
    if (next !== (before[key] ?? null)) raw[key] = next;
  }
  if (Object.keys(raw).length === 0) return { patch: null, errors: {} };
  const parsed = ContactPatchSchema.safeParse(raw);
  if (parsed.success) return { patch: parsed.data, errors: {} };
  const errors: Partial<Record<TextField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (TEXT_FIELDS as readonly string[]).includes(field)) errors[field as TextField] ??= schemaMessageWords(issue.message);
  }
  return { patch: null, errors };
}

export function applyContactPatch(c: Contact, patch: ContactPatch): Contact {
  return { ...c, ...patch };
}

/** Edits of this contact still waiting for the server, in the order made. */
export function pendingPatches(rows: readonly OutboxRow[], contactId: string): ContactPatch[] {
  const out: ContactPatch[] = [];
  for (const row of rows) {
    if (row.state === "queued" && row.command.type === "contact.update" && row.command.contactId === contactId) out.push(row.command.patch);
  }
  return out;
}

/** The contact as it will be once the waiting edits are applied. */
export function withPendingEdits(c: Contact, rows: readonly OutboxRow[]): Contact {
  return pendingPatches(rows, c.id).reduce(applyContactPatch, c);
}
