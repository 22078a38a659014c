import { afterEach, describe, expect, it } from "vitest";
import type { Command, Contact } from "@inbox/shared";
import type { OutboxRow } from "../local/rows.ts";
import { setLocale } from "../i18n/locale.ts";
import { formOf, formPatch, withPendingEdits } from "./contact-edit.ts";

afterEach(() => setLocale("en"));

const maria: Contact = {
  id: "c1",
  workspaceId: "w",
  name: "Maria",
  email: "maria@example.com",
  phone: null,
  identities: [],
  createdAt: 1,
  vip: false,
  company: null,
  notes: null,
  mergedIntoId: null,
  erasedAt: null,
  avatarUrl: null,
  emailLeftAt: null,
};

const row = (command: Command, state: OutboxRow["state"] = "queued"): OutboxRow => ({ clientId: command.clientId, conversationId: command.conversationId, command, state, createdAt: 1 });

describe("contact form", () => {
  it("sends only what changed, and an emptied field as cleared", () => {
    const form = { ...formOf(maria), name: "  Maria Oliveira ", email: "" };
    expect(formPatch(maria, form)).toEqual({ patch: { name: "Maria Oliveira", email: null }, errors: {} });
    expect(formPatch(maria, formOf(maria)).patch).toBeNull();
  });

  it("names the invalid fields in words, and sends nothing", () => {
    const result = formPatch(maria, { ...formOf(maria), email: "maria at home", phone: "call me" });
    expect(result.patch).toBeNull();
    expect(result.errors.email).toMatch(/email address/);
    expect(result.errors.phone).toMatch(/phone number/);
  });

  it("names them in Portuguese for a Portuguese user, not in the schema's English", () => {
    setLocale("pt-BR");
    const result = formPatch(maria, { ...formOf(maria), email: "maria at home", phone: "call me" });
    expect(result.errors.email).toBe("Digite um endereço de e-mail como nome@exemplo.com.");
    expect(result.errors.phone).toBe("Digite um número de telefone só com dígitos, por exemplo +55 11 98765-4321.");
  });
});

describe("edits waiting in the outbox", () => {
  it("show on the contact in the order made, and only this contact's", () => {
    const rows = [
      row({ type: "contact.update", clientId: "edit-0001", conversationId: "v", contactId: "c1", patch: { vip: true, name: "M" } }),
      row({ type: "contact.update", clientId: "edit-0002", conversationId: "v", contactId: "c1", patch: { name: "Maria O." } }),
      row({ type: "contact.update", clientId: "edit-0003", conversationId: "v", contactId: "c2", patch: { name: "Other" } }),
      row({ type: "contact.update", clientId: "edit-0004", conversationId: "v", contactId: "c1", patch: { company: "Done Ltd" } }, "done"),
    ];
    expect(withPendingEdits(maria, rows)).toMatchObject({ name: "Maria O.", vip: true, company: null });
  });
});
