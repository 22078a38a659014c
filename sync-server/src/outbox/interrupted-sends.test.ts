import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { ChannelType, Conversation, DomainEvent } from "@inbox/shared";
import type { Connector, SendResult } from "@inbox/connectors";
import { buildWebhook, statusUpdate } from "@inbox/connectors/whatsapp/fake.ts";
import type { WhatsappCredentials } from "@inbox/connectors/whatsapp/config.ts";
import { messages, outbox } from "../db/schema.ts";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// A crash between the platform's answer and the outbox's record must not send a reply twice.
// The attempt is committed before the platform is called, so a crash leaves a `sending` row
// whose holder is gone; what happens next depends on what the platform offers.

let server: TestServer;
let agent: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

async function inboxOf(channel: ChannelType) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { row, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

/** A customer writes on `channel` (a signed webhook); returns their conversation. */
async function customerWrites(channel: ChannelType, externalId: string, name: string): Promise<Conversation> {
  const { row, credentials } = await inboxOf(channel);
  const d = simulatorAdapters()[channel]!.inbound({ kind: "text", text: "hello" }, { externalId, name }, `m-${crypto.randomUUID()}`, credentials, `${server.url}/simulator/platform/${row.id}`);
  const res = await fetch(`${server.url}/webhooks/${channel}/${row.id}${d.query ? `?${d.query}` : ""}`, { method: "POST", headers: d.headers, body: d.body });
  expect(res.status).toBe(200);
  return waitFor(`${name}'s conversation`, async () => {
    const list = (await (await server.api("/api/conversations", { token: agent })).json()) as { conversations: Conversation[] };
    // Platforms that send no profile name (LINE) show the customer's id.
    return list.conversations.find((c) => c.contactName === name || c.contactName === externalId);
  });
}

/** Puts a scripted connector in place of `channel`'s (keeping what it declares): each send takes the next outcome. */
function script(channel: ChannelType, outcomes: (SendResult | ((messageId: string) => Promise<SendResult>))[]): { sent: string[]; restore(): void } {
  const real = server.core.connectors.get(channel)!;
  const sent: string[] = [];
  (server.core.connectors as Map<ChannelType, Connector>).set(channel, {
    ...real,
    async send(message) {
      sent.push(message.messageId);
      const next = outcomes.shift() ?? { ok: true, externalId: null, delivered: false };
      return typeof next === "function" ? next(message.messageId) : next;
    },
  });
  return { sent, restore: () => (server.core.connectors as Map<ChannelType, Connector>).set(channel, real) };
}

async function reply(conversationId: string, text: string): Promise<string> {
  const res = await server.api(`/api/conversations/${conversationId}/messages`, { method: "POST", token: agent, json: { clientId: crypto.randomUUID(), text } });
  expect(res.status).toBeLessThan(300);
  return ((await res.json()) as { message: { id: string } }).message.id;
}

const messageRow = (id: string) => server.core.db.query.messages.findFirst({ where: eq(messages.id, id) });
const outboxRow = (id: string) => server.core.db.query.outbox.findFirst({ where: eq(outbox.messageId, id) });
const eventsOf = async (id: string, type: DomainEvent["type"]) =>
  (await server.core.db.query.events.findMany({ where: (e, { eq }) => eq(e.type, type) })).filter((e) => (e.data as { messageId?: string }).messageId === id);

/**
 * A reply whose send was under way in a process that was killed: its first attempt failed for a
 * passing reason (so it waits, unsent), then the row is left as a killed holder leaves it.
 */
async function interruptedReply(conversationId: string, text: string): Promise<string> {
  const id = await reply(conversationId, text);
  await waitFor("the first attempt", async () => (await outboxRow(id))?.attempts === 1);
  await server.core.outbox.idle();
  await server.core.db
    .update(outbox)
    .set({ state: "sending", claimedBy: "killed-server/process-1", claimedUntil: Date.now() - 1, attemptStartedAt: Date.now() - 5_000, attempts: 2 })
    .where(eq(outbox.messageId, id));
  return id;
}

describe("the attempt is recorded before the platform is called", () => {
  it("while the platform works on a send, the record already says it is under way, by whom, since when", async () => {
    const conv = await customerWrites("telegram", "880001", "Attempt Alma");
    let during: typeof outbox.$inferSelect | undefined;
    const s = script("telegram", [
      async (messageId) => {
        during = await outboxRow(messageId);
        return { ok: true, externalId: "tg-1", delivered: false };
      },
    ]);
    try {
      const id = await reply(conv.id, "are you there?");
      await waitFor("sent", async () => (await messageRow(id))?.status === "sent");
      expect(during).toMatchObject({ state: "sending", attempts: 1, claimedBy: server.core.holder.id });
      expect(during!.attemptStartedAt).toBeGreaterThan(0);
      expect(await outboxRow(id)).toMatchObject({ state: "done", attempts: 1 });
    } finally {
      s.restore();
    }
  });
});

describe("a send cut short by a crash", () => {
  it("Telegram (no idempotency key): marked as maybe not sent, with a reason, and not sent again", async () => {
    const conv = await customerWrites("telegram", "880002", "Crash Carmen");
    const s = script("telegram", [{ ok: false, kind: "retry", reason: "Telegram timed out" }]);
    try {
      const id = await interruptedReply(conv.id, "your refund is on its way");
      server.core.outbox.kick();
      await waitFor("unconfirmed", async () => (await messageRow(id))?.status === "unconfirmed");
      await server.core.outbox.idle();
      expect(s.sent).toEqual([id]); // only the attempt before the crash
      const row = (await messageRow(id))!;
      expect(row.failureReason).toMatch(/may not have reached the customer.*not sent again/);
      expect(await outboxRow(id)).toMatchObject({ state: "dead" });
      expect(await eventsOf(id, "message.unconfirmed")).toHaveLength(1);
      // A later pass changes nothing.
      server.core.outbox.kick();
      await server.core.outbox.idle();
      expect(s.sent).toEqual([id]);

      // The agent decides to send it again.
      const again = await server.api(`/api/messages/${id}/retry`, { method: "POST", token: agent });
      expect(again.status).toBe(200);
      await waitFor("sent deliberately", async () => (await messageRow(id))?.status === "sent");
      expect(s.sent).toEqual([id, id]);
    } finally {
      s.restore();
    }
  });

  it("LINE (X-Line-Retry-Key): sent again, since LINE drops the repeat of the same message", async () => {
    const conv = await customerWrites("line", "U0000000000000000000000000880003", "Crash Lina");
    const s = script("line", [{ ok: false, kind: "retry", reason: "LINE had a temporary problem" }]);
    try {
      const id = await interruptedReply(conv.id, "see you tomorrow");
      server.core.outbox.kick();
      await waitFor("sent", async () => (await messageRow(id))?.status === "sent");
      expect(s.sent).toEqual([id, id]);
      expect(await eventsOf(id, "message.unconfirmed")).toHaveLength(0);
    } finally {
      s.restore();
    }
  });

  it("WhatsApp: maybe not sent, until WhatsApp's receipt (echoing our id) confirms it; never sent twice", async () => {
    const conv = await customerWrites("whatsapp", "5511988800004", "Crash Wanda");
    const s = script("whatsapp", [{ ok: false, kind: "retry", reason: "WhatsApp timed out" }]);
    try {
      const id = await interruptedReply(conv.id, "your order shipped");
      server.core.outbox.kick();
      await waitFor("unconfirmed", async () => (await messageRow(id))?.status === "unconfirmed");
      expect((await messageRow(id))!.failureReason).toMatch(/if WhatsApp confirms it arrived, it will show as sent/);

      // WhatsApp did send it before the crash: its receipt says so, with our id.
      const { row, credentials } = await inboxOf("whatsapp");
      const receipt = buildWebhook(statusUpdate({ messageId: "wamid.LOSTANSWER1", status: "delivered", recipientId: "5511988800004", bizOpaqueCallbackData: id, phoneNumberId: credentials.phoneNumberId }), credentials as WhatsappCredentials);
      expect((await fetch(`${server.url}/webhooks/whatsapp/${row.id}`, { method: "POST", headers: receipt.headers, body: receipt.body })).status).toBe(200);
      await waitFor("confirmed", async () => (await messageRow(id))?.status === "delivered");
      expect(await messageRow(id)).toMatchObject({ externalId: "wamid.LOSTANSWER1", failureReason: null });
      expect(await outboxRow(id)).toMatchObject({ state: "done" });
      server.core.outbox.kick();
      await server.core.outbox.idle();
      expect(s.sent).toEqual([id]);
    } finally {
      s.restore();
    }
  });

  it("WhatsApp: a receipt that comes before the restart settles the send; nothing is marked or sent again", async () => {
    const conv = await customerWrites("whatsapp", "5511988800005", "Crash Wilma");
    const s = script("whatsapp", [{ ok: false, kind: "retry", reason: "WhatsApp timed out" }]);
    try {
      server.core.outbox.stop(); // the restarted process has not looked at the outbox yet
      const id = await interruptedReply(conv.id, "thanks for waiting");
      const { row, credentials } = await inboxOf("whatsapp");
      const receipt = buildWebhook(statusUpdate({ messageId: "wamid.EARLYRECEIPT1", status: "sent", recipientId: "5511988800005", bizOpaqueCallbackData: id, phoneNumberId: credentials.phoneNumberId }), credentials as WhatsappCredentials);
      await fetch(`${server.url}/webhooks/whatsapp/${row.id}`, { method: "POST", headers: receipt.headers, body: receipt.body });
      await waitFor("confirmed", async () => (await messageRow(id))?.status === "sent");
      server.core.outbox.start();
      await server.core.outbox.kick();
      expect(await messageRow(id)).toMatchObject({ status: "sent", externalId: "wamid.EARLYRECEIPT1" });
      expect(await eventsOf(id, "message.unconfirmed")).toHaveLength(0);
      expect(s.sent).toEqual([id]);
    } finally {
      server.core.outbox.start();
      s.restore();
    }
  });

  it("a receipt that comes before the send's own answer wins: the late answer changes nothing and records nothing", async () => {
    const conv = await customerWrites("whatsapp", "5511988800006", "Quick Quita");
    const { row, credentials } = await inboxOf("whatsapp");
    const s = script("whatsapp", [
      async (messageId) => {
        const receipt = buildWebhook(statusUpdate({ messageId: "wamid.FASTRECEIPT1", status: "delivered", recipientId: "5511988800006", bizOpaqueCallbackData: messageId, phoneNumberId: credentials.phoneNumberId }), credentials as WhatsappCredentials);
        await fetch(`${server.url}/webhooks/whatsapp/${row.id}`, { method: "POST", headers: receipt.headers, body: receipt.body });
        await waitFor("the receipt applied", async () => (await messageRow(messageId))?.status === "delivered");
        return { ok: true, externalId: "wamid.FASTRECEIPT1", delivered: false };
      },
    ]);
    try {
      const id = await reply(conv.id, "done!");
      await waitFor("the send answered", async () => (await outboxRow(id))?.state === "done");
      await server.core.outbox.idle();
      expect((await messageRow(id))!.status).toBe("delivered");
      expect(await eventsOf(id, "message.sent")).toHaveLength(0);
      expect(await eventsOf(id, "message.delivered")).toHaveLength(1);
    } finally {
      s.restore();
    }
  });
});
