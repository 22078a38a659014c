import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newId } from "@inbox/shared";
import { contactIdentities, contacts, conversations, messages, teamMembers, users } from "../src/db/schema.ts";
import { getInboxRow } from "../src/db/read-model.ts";
import { startTestServer } from "../src/testing/test-server.ts";
import { startWidgetSession } from "../src/widget/index.ts";

/** What section (h) works on: the demo's Support team grown to a busy floor. */
export interface BoardFixture {
  dir: string;
  teamId: string;
  inboxId: string;
  agentIds: string[];
  /** Chats waiting in the queue, unassigned (assignments and status changes pick from them). */
  waitingIds: string[];
  /** Web chat visitors who write during the stream (their first message opens their chat). */
  visitorTokens: string[];
  /** Every waiting chat once the visitors have written: the raw ones plus theirs. */
  waitingChats: number;
}

/**
 * Builds the database in a folder the server process then opens (INBOX_DIR): the demo seed,
 * `agents` agents in the Support team (away, so routing stays out of the way), `waiting - visitors`
 * unassigned open chats written straight into libSQL in batches, and `visitors` web chat sessions
 * whose first messages (sent over HTTP later) make up the rest of the queue.
 */
export async function buildBoardFixture(sizes: { agents: number; waiting: number; visitors: number }): Promise<BoardFixture> {
  const dir = mkdtempSync(join(tmpdir(), "inbox-board-bench-"));
  const server = await startTestServer({ dir });
  try {
    const { db } = server.core;
    const teamId = server.seed!.teamIds.support!;
    const inboxId = server.seed!.inboxIds.site!;
    const workspaceId = server.seed!.workspaceId!;
    const at = Date.now();
    const agentIds = Array.from({ length: sizes.agents }, () => newId());
    await db.batch([
      db.insert(users).values(
        agentIds.map((id, i) => ({ id, workspaceId, email: `agent${i}@board.bench`, name: `Agent ${String(i).padStart(3, "0")}`, role: "agent" as const, passwordHash: "x", availability: "away" as const, maxConcurrentChats: 50, createdAt: at })),
      ),
      db.insert(teamMembers).values(agentIds.map((userId) => ({ teamId, userId }))),
    ]);
    const raw = sizes.waiting - sizes.visitors;
    const waitingIds: string[] = [];
    for (let start = 0; start < raw; start += 250) {
      const contactRows: (typeof contacts.$inferInsert)[] = [];
      const identityRows: (typeof contactIdentities.$inferInsert)[] = [];
      const convRows: (typeof conversations.$inferInsert)[] = [];
      const messageRows: (typeof messages.$inferInsert)[] = [];
      for (let i = start; i < Math.min(raw, start + 250); i++) {
        const contactId = newId();
        const id = newId();
        const name = `Waiting customer ${i}`;
        const began = at - (raw - i) * 1000;
        const text = `Question ${i} about my order`;
        contactRows.push({ id: contactId, workspaceId, name, email: null, phone: null, createdAt: began });
        identityRows.push({ inboxId, externalId: contactId, channel: "webchat", contactId });
        convRows.push({ id, workspaceId, inboxId, channel: "webchat", contactId, contactName: name, teamId, status: "open", priority: i % 23 === 0 ? "urgent" : "normal", assigneeId: null, snoozedUntil: null, labels: [], unreadCount: 1, lastMessagePreview: text, firstResponseAt: null, lastActivityAt: began, createdAt: began });
        messageRows.push({ id: newId(), workspaceId, conversationId: id, inboxId, direction: "inbound", senderKind: "customer", senderId: contactId, senderName: name, content: { kind: "text", text }, text, status: "delivered", failureReason: null, clientId: null, externalId: null, createdAt: began });
        waitingIds.push(id);
      }
      await db.batch([db.insert(contacts).values(contactRows), db.insert(contactIdentities).values(identityRows), db.insert(conversations).values(convRows), db.insert(messages).values(messageRows)]);
    }
    const inbox = (await getInboxRow(db, inboxId))!;
    const visitorTokens: string[] = [];
    for (let i = 0; i < sizes.visitors; i++) visitorTokens.push((await startWidgetSession(server.core, inbox, { name: `Stream visitor ${i}` })).token);
    await server.core.writer.drain();
    // The seed's own open chats in Support count too: the board shows the whole queue.
    return { dir, teamId, inboxId, agentIds, waitingIds, visitorTokens, waitingChats: sizes.waiting };
  } finally {
    await server.stop();
  }
}
