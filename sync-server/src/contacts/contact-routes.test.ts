import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { CommandsResponseSchema, SyncPullResponseSchema, type Command } from "@inbox/shared";
import {
  ContactAttachmentsResponseSchema,
  ContactMergeResponseSchema,
  ContactResponseSchema,
  ContactSearchResponseSchema,
  LinkedTicketListResponseSchema,
  LinkedTicketResponseSchema,
} from "@inbox/shared/api/contacts";
import { auditLog, contactIdentities, contacts, conversations, events } from "../db/schema.ts";
import { ingestCustomerMessage } from "../messages/index.ts";
import { getInboxRow } from "../db/read-model.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let ana: string;
let bruno: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  [ana, bruno, admin] = await Promise.all([server.login("ana@demo.inbox"), server.login("bruno@demo.inbox"), server.login("admin@demo.inbox")]);
});
afterAll(() => server.stop());

async function contactId(name: string): Promise<string> {
  const row = await server.core.db.query.contacts.findFirst({ where: eq(contacts.name, name) });
  if (!row) throw new Error(`no contact ${name}`);
  return row.id;
}

async function conversationOf(contact: string) {
  const row = await server.core.db.query.conversations.findFirst({ where: eq(conversations.contactId, contact) });
  if (!row) throw new Error(`no conversation of ${contact}`);
  return row;
}

const patch = (token: string, id: string, json: unknown) => server.api(`/api/contacts/${id}`, { method: "PATCH", token, json });
const merge = (token: string, keptId: string, duplicateId: string) =>
  server.api(`/api/contacts/${keptId}/merge`, { method: "POST", token, json: { duplicateId } });
const eventsOf = (type: string) => server.core.db.select().from(events).where(eq(events.type, type));

async function pull(token: string, cursor?: string) {
  const res = await server.api(`/api/sync/pull?limit=2000${cursor ? `&cursor=${cursor}` : ""}`, { token });
  expect(res.status).toBe(200);
  return SyncPullResponseSchema.parse(await res.json());
}

describe("editing a contact", () => {
  it("an agent changes name, VIP, company and notes: every conversation of the person shows the new name, with an event and an audit row", async () => {
    const id = await contactId("João Pereira");
    const before = await pull(ana);
    const res = await patch(ana, id, { name: "João P. Pereira", vip: true, company: "Pereira Ltda", notes: "Prefers WhatsApp." });
    expect(res.status).toBe(200);
    const { contact } = ContactResponseSchema.parse(await res.json());
    expect(contact).toMatchObject({ name: "João P. Pereira", vip: true, company: "Pereira Ltda", notes: "Prefers WhatsApp." });
    expect((await conversationOf(id)).contactName).toBe("João P. Pereira");

    const [event] = (await eventsOf("contact.updated")).filter((e) => e.data.contactId === id);
    expect(event?.data.fields).toEqual(["name", "vip", "company", "notes"]);
    // The event says the notes changed, not what they say.
    expect(JSON.stringify(event?.data)).not.toContain("Prefers WhatsApp");
    const audit = await server.core.db.select().from(auditLog).where(and(eq(auditLog.action, "contact.update"), eq(auditLog.target, id)));
    expect(audit).toHaveLength(1);

    // Other devices catch up through their pull: the contact and its renamed conversation.
    const delta = await pull(ana, before.cursor);
    expect(delta.contacts.find((c) => c.id === id)).toMatchObject({ vip: true, company: "Pereira Ltda" });
    expect(delta.conversations.find((c) => c.contactId === id)?.contactName).toBe("João P. Pereira");
  });

  it("a change that renames no conversation still reaches agents' lists live, so their devices pull it", async () => {
    const id = await contactId("Yuki Tanaka");
    const conv = await conversationOf(id);
    const room = await server.core.rooms.open(`team.${conv.teamId}`);
    let updates = 0;
    const count = () => updates++;
    room.doc.on("update", count);
    try {
      expect((await patch(ana, id, { vip: true })).status).toBe(200);
    } finally {
      room.doc.off("update", count);
    }
    expect(updates).toBe(1);
  });

  it("an email or phone number that is not one is refused with words the agent understands, and nothing changes", async () => {
    const id = await contactId("Chen Wei");
    const badEmail = await patch(ana, id, { email: "chen at example" });
    expect(badEmail.status).toBe(400);
    expect(JSON.stringify(await badEmail.json())).toContain("Enter an email address like name@example.com.");
    const badPhone = await patch(ana, id, { phone: "call me maybe" });
    expect(badPhone.status).toBe(400);
    expect(JSON.stringify(await badPhone.json())).toContain("Enter a phone number");
    const row = await server.core.db.query.contacts.findFirst({ where: eq(contacts.id, id) });
    expect([row?.email, row?.phone]).toEqual([null, null]);
  });

  it("an agent who sees none of the person's conversations can neither edit nor find them", async () => {
    const id = await contactId("Yuki Tanaka");
    expect((await patch(bruno, id, { vip: true })).status).toBe(404);
    const found = ContactSearchResponseSchema.parse(await (await server.api("/api/contacts?q=yuki", { token: bruno })).json());
    expect(found.contacts).toEqual([]);
    const mine = ContactSearchResponseSchema.parse(await (await server.api("/api/contacts?q=yuki", { token: ana })).json());
    expect(mine.contacts.map((c) => c.id)).toEqual([id]);
  });

  it("an offline edit replayed through the outbox is applied once", async () => {
    const id = await contactId("Carlos Mendes");
    const conv = await conversationOf(id);
    const command: Command = { type: "contact.update", clientId: `edit-${crypto.randomUUID()}`, conversationId: conv.id, contactId: id, patch: { phone: "+55 11 98765-4321" } };
    const send = async () => {
      const res = await server.api("/api/commands", { method: "POST", token: ana, json: { commands: [command] } });
      expect(res.status).toBe(200);
      return CommandsResponseSchema.parse(await res.json()).results[0]!;
    };
    const first = await send();
    const again = await send();
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    const recorded = (await eventsOf("contact.updated")).filter((e) => e.data.contactId === id);
    expect(recorded).toHaveLength(1);
    // Recorded in the conversation the agent worked in, so its history shows it.
    expect(recorded[0]?.conversationId).toBe(conv.id);
  });
});

describe("merging two contacts that are one person", () => {
  it("moves identities and conversations to the kept contact in one go and leaves a tombstone that pulls carry", async () => {
    const kept = await contactId("Maria Oliveira");
    const dup = await contactId("M. Oliveira");
    const dupConversation = await conversationOf(dup);
    const before = await pull(ana);

    const found = ContactSearchResponseSchema.parse(await (await server.api("/api/contacts?q=oliveira", { token: ana })).json());
    expect(found.contacts.map((c) => c.id).sort()).toEqual([kept, dup].sort());

    const res = await merge(ana, kept, dup);
    expect(res.status).toBe(200);
    const body = ContactMergeResponseSchema.parse(await res.json());
    expect(body.alreadyMerged).toBe(false);
    expect(body.merged.mergedIntoId).toBe(kept);
    expect(body.contact.identities.map((i) => i.externalId)).toContain("5511955501043");
    expect(body.conversations.map((c) => c.id)).toContain(dupConversation.id);

    const moved = await server.core.db.query.conversations.findFirst({ where: eq(conversations.id, dupConversation.id) });
    expect(moved).toMatchObject({ contactId: kept, contactName: "Maria Oliveira" });
    expect(await server.core.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, dup))).toEqual([]);
    const merged = (await eventsOf("contact.merged")).filter((e) => e.data.mergedId === dup);
    expect(merged).toHaveLength(1);
    expect(await server.core.db.select().from(auditLog).where(eq(auditLog.action, "contact.merge"))).toHaveLength(1);

    // A device that knew the duplicate learns where it went, and sees the conversation moved.
    const delta = await pull(ana, before.cursor);
    expect(delta.contacts.find((c) => c.id === dup)?.mergedIntoId).toBe(kept);
    expect(delta.conversations.find((c) => c.id === dupConversation.id)?.contactId).toBe(kept);
    // Search no longer offers the tombstone.
    const after = ContactSearchResponseSchema.parse(await (await server.api("/api/contacts?q=oliveira", { token: ana })).json());
    expect(after.contacts.map((c) => c.id)).toEqual([kept]);
  });

  it("a repeated merge answers the same and writes nothing", async () => {
    const kept = await contactId("Maria Oliveira");
    const dup = await contactId("M. Oliveira");
    const eventsBefore = (await eventsOf("contact.merged")).length;
    const res = await merge(ana, kept, dup);
    expect(res.status).toBe(200);
    expect(ContactMergeResponseSchema.parse(await res.json()).alreadyMerged).toBe(true);
    expect((await eventsOf("contact.merged")).length).toBe(eventsBefore);
    // Edits addressed to the old id (an offline device) reach the kept contact.
    expect((await patch(ana, dup, { company: "Oliveira & Filhos" })).status).toBe(200);
    expect((await server.core.db.query.contacts.findFirst({ where: eq(contacts.id, kept) }))?.company).toBe("Oliveira & Filhos");
  });

  it("refuses merging a contact into itself", async () => {
    const id = await contactId("Priya Nair");
    const res = await merge(admin, id, id);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("cannot be merged into itself");
  });

  it("refuses an agent without access to either contact, and a merge that would reach into another team", async () => {
    const support = await contactId("Carlos Mendes");
    const alsoSupport = await contactId("Yuki Tanaka");
    const sales = await contactId("Priya Nair");
    expect((await merge(bruno, support, alsoSupport)).status).toBe(404);
    expect((await merge(ana, support, sales)).status).toBe(404);
    // A supervisor sees every team and may merge across them; afterwards Carlos also talks to
    // Sales, so Ana (Support only) may no longer merge him.
    const supervisor = await server.login("supervisor@demo.inbox");
    expect((await merge(supervisor, support, sales)).status).toBe(200);
    const res = await merge(ana, support, alsoSupport);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain("Ask a supervisor");
    expect((await server.core.db.query.contacts.findFirst({ where: eq(contacts.id, alsoSupport) }))?.mergedIntoId).toBeNull();
  });
});

describe("linked tickets", () => {
  it("an agent links a ticket by title and web address and removes it, each recorded as an event", async () => {
    const conv = await conversationOf(await contactId("Chen Wei"));
    const base = `/api/conversations/${conv.id}/tickets`;
    const created = await server.api(base, { method: "POST", token: ana, json: { title: "Password reset bug", url: "https://tracker.example.com/T-42" } });
    expect(created.status).toBe(201);
    const { ticket } = LinkedTicketResponseSchema.parse(await created.json());
    const list = LinkedTicketListResponseSchema.parse(await (await server.api(base, { token: ana })).json());
    expect(list.tickets.map((t) => t.title)).toEqual(["Password reset bug"]);

    expect((await server.api(`${base}/${ticket.id}`, { method: "DELETE", token: ana })).status).toBe(204);
    expect(LinkedTicketListResponseSchema.parse(await (await server.api(base, { token: ana })).json()).tickets).toEqual([]);
    const history = (await server.core.db.select().from(events).where(eq(events.conversationId, conv.id))).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(["conversation.ticket_linked", "conversation.ticket_unlinked"]));
  });

  it("refuses addresses that are not http(s), and agents of other teams", async () => {
    const conv = await conversationOf(await contactId("Chen Wei"));
    const base = `/api/conversations/${conv.id}/tickets`;
    const script = await server.api(base, { method: "POST", token: ana, json: { title: "x", url: "javascript:alert(1)" } });
    expect(script.status).toBe(400);
    expect(JSON.stringify(await script.json())).toContain("http:// or https://");
    expect((await server.api(base, { method: "POST", token: bruno, json: { title: "x", url: "https://example.com" } })).status).toBe(403);
  });
});

describe("attachments", () => {
  it("lists images and files from the person's conversations, newest first, to those who may see them", async () => {
    const id = await contactId("Chen Wei");
    const conv = await conversationOf(id);
    const inbox = (await getInboxRow(server.core.db, conv.inboxId))!;
    const at = Date.now();
    for (const [i, content] of [
      { kind: "image", url: "/media/receipt.png", mimeType: "image/png", caption: "Receipt" },
      { kind: "file", url: "/media/invoice.pdf", mimeType: "application/pdf", filename: "invoice.pdf" },
    ].entries()) {
      await ingestCustomerMessage(server.core, { inbox, contactId: id, contactName: "Chen Wei", content: content as never, clientId: null, externalId: null, at: at + i });
    }
    const res = await server.api(`/api/contacts/${id}/attachments`, { token: ana });
    expect(res.status).toBe(200);
    const { attachments } = ContactAttachmentsResponseSchema.parse(await res.json());
    expect(attachments.map((a) => [a.kind, a.name])).toEqual([
      ["file", "invoice.pdf"],
      ["image", "Receipt"],
    ]);
    expect((await server.api(`/api/contacts/${id}/attachments`, { token: bruno })).status).toBe(404);
  });
});
