import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ContactDetailResponseSchema, newId } from "@inbox/shared";
import { conversations } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { ingestCustomerMessage } from "./ingest.ts";
import { getInboxRow } from "../db/read-model.ts";

// A merge can commit after a caller looked the contact up (a widget token cached on another
// instance, an identity read just before): ingest and the contact lookup follow the tombstone.
let server: TestServer;
let supervisor: string;
beforeAll(async () => {
  server = await startTestServer();
  supervisor = await server.login("supervisor@demo.inbox");
});
afterAll(() => server.stop());

/** A new visitor of the website chat writes once; returns their contact and conversation. */
async function visitorWrites(name: string): Promise<{ contactId: string; conversationId: string }> {
  const inboxId = server.seed!.inboxIds.site!;
  const session = await server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name } });
  const { token } = (await session.json()) as { token: string };
  const sent = await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: `merged-${newId()}`, text: `Hi, ${name} here` } });
  expect(sent.status).toBe(201);
  const [row] = await server.core.db.select().from(conversations).where(eq(conversations.contactName, name));
  return { contactId: row!.contactId, conversationId: row!.id };
}

const conversationsOf = (contactId: string) => server.core.db.select().from(conversations).where(eq(conversations.contactId, contactId));

describe("a merged contact", () => {
  it("a message arriving under the merged contact's id joins the kept contact's conversation; no new one starts", async () => {
    const kept = await visitorWrites("Mara Kept");
    const dup = await visitorWrites("Mara Duplicate");
    const merged = await server.api(`/api/contacts/${kept.contactId}/merge`, { method: "POST", token: supervisor, json: { duplicateId: dup.contactId } });
    expect(merged.status).toBe(200);
    const before = await conversationsOf(kept.contactId);
    expect(before).toHaveLength(2);

    // As a caller holding the old id would: straight into ingest, nothing cached.
    const inbox = (await getInboxRow(server.core.db, server.seed!.inboxIds.site!))!;
    const result = await ingestCustomerMessage(server.core, {
      inbox,
      contactId: dup.contactId,
      contactName: "Mara Duplicate",
      content: { kind: "text", text: "Still there?" },
      clientId: "merged-late-message-0001",
      externalId: null,
      at: server.core.now(),
    });
    expect(result.conversation.contactId).toBe(kept.contactId);
    expect(before.map((c) => c.id)).toContain(result.conversation.id);
    expect(await conversationsOf(dup.contactId)).toHaveLength(0);
    expect(await conversationsOf(kept.contactId)).toHaveLength(2);
  });

  it("GET /api/contacts/<merged id> answers the contact it became, with its conversations", async () => {
    const kept = await visitorWrites("Nilo Kept");
    const dup = await visitorWrites("Nilo Duplicate");
    expect(
      (await server.api(`/api/contacts/${kept.contactId}/merge`, { method: "POST", token: supervisor, json: { duplicateId: dup.contactId } })).status,
    ).toBe(200);
    const res = await server.api(`/api/contacts/${dup.contactId}`, { token: supervisor });
    expect(res.status).toBe(200);
    const body = ContactDetailResponseSchema.parse(await res.json());
    expect(body.contact.id).toBe(kept.contactId);
    expect(body.contact.mergedIntoId).toBeNull();
    expect(body.conversations.map((c) => c.id).sort()).toEqual([kept.conversationId, dup.conversationId].sort());
    // Someone who may see none of the person's conversations still gets "not found".
    const bruno = await server.login("bruno@demo.inbox");
    expect((await server.api(`/api/contacts/${dup.contactId}`, { token: bruno })).status).toBe(404);
  });
});
