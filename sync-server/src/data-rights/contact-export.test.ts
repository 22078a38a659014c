import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { and, eq } from "drizzle-orm";
import type { Contact, Conversation, Message, Note } from "@inbox/shared";
import { auditLog } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { customerWithHistory, PNG, type Customer } from "./customer-fixture.ts";

// A contact's archive, downloaded as an admin and unzipped here: every part of their record is
// in it (profile, channels, conversation, messages both ways, the note, both media files), the
// export is audited with counts, and nobody else may download it.

let server: TestServer;
let admin: string;
let customer: Customer;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
  customer = await customerWithHistory(server, admin, "Export Erika", "5511977770001");
});
afterAll(() => server?.stop());

const decode = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

describe("exporting a contact's data", () => {
  it("downloads one zip with the profile, conversations, messages, notes and media files", async () => {
    const res = await server.api(`/api/contacts/${customer.contactId}/export`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="contact-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.zip"$/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const dir = `conversations/${customer.conversation.id}`;
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["manifest.json", "contact.json", "conversations.json", `${dir}/messages.json`, `${dir}/notes.json`, `${dir}/tickets.json`, `${dir}/history.json`, "media.json"]),
    );

    const contact = decode(files["contact.json"]) as Contact;
    expect(contact).toMatchObject({ id: customer.contactId, name: "Export Erika", erasedAt: null });
    expect(contact.identities).toEqual([expect.objectContaining({ channel: "whatsapp", externalId: customer.externalId })]);
    expect((decode(files["conversations.json"]) as Conversation[]).map((c) => c.id)).toEqual([customer.conversation.id]);

    const messages = decode(files[`${dir}/messages.json`]) as Message[];
    expect(messages.map((m) => [m.senderKind, m.content.kind])).toEqual([
      ["customer", "text"],
      ["customer", "image"],
      ["agent", "text"],
      ["agent", "image"],
    ]);
    expect(JSON.stringify(messages)).toContain(customer.words.customer);
    expect(JSON.stringify(messages)).toContain(customer.words.reply);
    expect((decode(files[`${dir}/notes.json`]) as Note[]).map((n) => n.text)).toEqual([customer.words.note]);
    expect((decode(files[`${dir}/history.json`]) as { type: string }[]).map((e) => e.type)).toEqual(expect.arrayContaining(["conversation.created", "message.received", "note.added"]));

    // Both files, byte for byte what storage holds; the agent's upload is the PNG sent.
    const listed = decode(files["media.json"]) as { file: string; missing: boolean; messageId: string | null }[];
    expect(listed.map((m) => m.file).sort()).toEqual(customer.mediaKeys.map((k) => `media/${k}`).sort());
    expect(listed.every((m) => !m.missing && m.messageId !== null)).toBe(true);
    for (const key of customer.mediaKeys) expect(files[`media/${key}`]).toEqual((await server.core.blobs.get(key))!.bytes);
    expect(Object.values(files).some((bytes) => bytes.length === PNG.length && bytes.every((b, i) => b === PNG[i]))).toBe(true);
    expect(decode(files["manifest.json"])).toMatchObject({ contactId: customer.contactId, counts: { conversations: 1, messages: 4, notes: 1, mediaFiles: 2 } });

    // Audited with counts, by whom, from where.
    const entry = await server.core.db.query.auditLog.findFirst({ where: and(eq(auditLog.action, "contact.exported"), eq(auditLog.target, customer.contactId)) });
    expect(entry).toMatchObject({ actorName: "Alice Admin", data: { conversations: 1, messages: 4, notes: 1, mediaFiles: 2 } });
    expect(entry!.ip).toBeTruthy();
  });

  it("is refused to supervisors and agents, and to another workspace (not found)", async () => {
    for (const email of ["supervisor@demo.inbox", "ana@demo.inbox"]) {
      const res = await server.api(`/api/contacts/${customer.contactId}/export`, { token: await server.login(email) });
      expect(res.status, email).toBe(403);
    }
    const unknown = await server.api(`/api/contacts/${crypto.randomUUID()}/export`, { token: admin });
    expect(unknown.status).toBe(404);
    const exports = await server.core.db.select().from(auditLog).where(eq(auditLog.action, "contact.exported"));
    expect(exports).toHaveLength(1);
  });
});
