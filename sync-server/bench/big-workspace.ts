import { newId } from "@inbox/shared";
import type { Database } from "../src/db/database.ts";
import { contactIdentities, contacts, conversations, messages } from "../src/db/schema.ts";

const WORDS = "order parcel refund delivery invoice password account shipping address payment warranty size colour exchange tracking".split(" ");

/**
 * Fills one team's web chat inbox with `conversationCount` conversations of
 * `messagesPerConversation` messages each, straight into libSQL in large batches, for the
 * offline benchmarks (a working set of 10,000 conversations and 100,000 messages).
 */
export async function fillInbox(
  db: Database,
  target: { workspaceId: string; inboxId: string; teamId: string },
  conversationCount: number,
  messagesPerConversation: number,
): Promise<void> {
  const now = Date.now();
  const CHUNK = 200;
  for (let start = 0; start < conversationCount; start += CHUNK) {
    const contactRows: (typeof contacts.$inferInsert)[] = [];
    const identityRows: (typeof contactIdentities.$inferInsert)[] = [];
    const convRows: (typeof conversations.$inferInsert)[] = [];
    const messageRows: (typeof messages.$inferInsert)[] = [];
    for (let i = start; i < Math.min(conversationCount, start + CHUNK); i++) {
      const contactId = newId();
      const convId = newId();
      const name = `Customer ${i}`;
      const began = now - (conversationCount - i) * 60_000;
      contactRows.push({ id: contactId, workspaceId: target.workspaceId, name, email: `customer${i}@example.com`, phone: null, createdAt: began });
      identityRows.push({ inboxId: target.inboxId, externalId: contactId, channel: "webchat", contactId });
      let last = "";
      for (let k = 0; k < messagesPerConversation; k++) {
        const inbound = k % 2 === 0;
        const text = `${inbound ? "Question" : "Answer"} ${k} about my ${WORDS[(i + k) % WORDS.length]} number ${i}`;
        last = text;
        messageRows.push({
          id: newId(),
          workspaceId: target.workspaceId,
          conversationId: convId,
          inboxId: target.inboxId,
          direction: inbound ? "inbound" : "outbound",
          senderKind: inbound ? "customer" : "agent",
          senderId: inbound ? contactId : null,
          senderName: inbound ? name : "Agent",
          content: { kind: "text", text },
          text,
          status: inbound ? "delivered" : "read",
          failureReason: null,
          clientId: null,
          externalId: null,
          createdAt: began + k * 1000,
        });
      }
      convRows.push({
        id: convId,
        workspaceId: target.workspaceId,
        inboxId: target.inboxId,
        channel: "webchat",
        contactId,
        contactName: name,
        teamId: target.teamId,
        status: i % 5 === 0 ? "resolved" : "open",
        priority: "normal",
        assigneeId: null,
        snoozedUntil: null,
        labels: [],
        unreadCount: 0,
        lastMessagePreview: last,
        firstResponseAt: began + 1000,
        lastActivityAt: began + messagesPerConversation * 1000,
        createdAt: began,
      });
    }
    await db.batch([
      db.insert(contacts).values(contactRows),
      db.insert(contactIdentities).values(identityRows),
      db.insert(conversations).values(convRows),
      ...chunks(messageRows, 500).map((rows) => db.insert(messages).values(rows)),
    ]);
  }
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
