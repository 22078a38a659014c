import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminInboxResponseSchema, type Conversation } from "@inbox/shared";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// Messenger/Instagram replies 24 h–7 d after the customer's last message need Meta's Human
// Agent tag, which an admin turns on per channel; without it (or after 7 days) the reply is
// refused at once, in words, while the agent still has the text.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const HOUR = 3600_000;

async function messengerConversation(name: string): Promise<{ inboxId: string; conversation: Conversation }> {
  const adapter = simulatorAdapters().messenger!;
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "messenger")!;
  const credentials = await server.core.secrets.open(row.secretsEnc!);
  const customer = { externalId: `${adapter.sampleCustomer().externalId.slice(0, -4)}${Math.floor(Math.random() * 9000 + 1000)}`, name };
  const d = adapter.inbound({ kind: "text", text: "hello" }, customer, `m-${crypto.randomUUID()}`, credentials, `${server.url}/simulator/platform/${row.id}`);
  const res = await fetch(`${server.url}/webhooks/messenger/${row.id}${d.query ? `?${d.query}` : ""}`, { method: "POST", headers: d.headers, body: d.body });
  expect(res.status).toBe(200);
  await server.core.webhooks.idle();
  const admin = await server.login("admin@demo.inbox");
  const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
  const conversation = list.conversations.find((c) => c.contactName === name || c.contactName === customer.externalId)!;
  expect(conversation).toBeDefined();
  return { inboxId: row.id, conversation };
}

async function replyLater(conversationId: string, hours: number) {
  server.clock.offsetMs = hours * HOUR;
  const admin = await server.login("admin@demo.inbox"); // the earlier session has expired
  const res = await server.api("/api/commands", {
    method: "POST",
    token: admin,
    json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId, text: "Sorry for the wait" }] },
  });
  return { admin, result: ((await res.json()) as { results: { ok: boolean; message?: string; keepAsDraft?: boolean }[] }).results[0]! };
}

async function setTag(admin: string, inboxId: string, enabled: boolean) {
  const res = await server.api(`/api/admin/inboxes/${inboxId}/human-agent`, { method: "POST", token: admin, json: { enabled } });
  expect(res.status).toBe(200);
  return AdminInboxResponseSchema.parse(await res.json()).inbox;
}

describe("the Human Agent tag setting", () => {
  it("off (the default): a reply 30 hours later is refused, saying the tag would allow it", async () => {
    const { conversation } = await messengerConversation("Tagless Tina");
    try {
      const { result } = await replyLater(conversation.id, 30);
      expect(result).toMatchObject({ ok: false, keepAsDraft: true });
      expect(result.message).toMatch(/more than 24 hours ago.*Human Agent tag, which is off for this channel/);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it("on: a reply 30 hours later is accepted and sent; 8 days later it is refused", async () => {
    const { inboxId, conversation } = await messengerConversation("Tagged Theo");
    const admin = await server.login("admin@demo.inbox");
    expect((await setTag(admin, inboxId, true)).settings.humanAgentTag).toBe(true);
    try {
      const { result } = await replyLater(conversation.id, 30);
      expect(result).toMatchObject({ ok: true });
      await server.core.outbox.idle();
      const sent = (await (await server.simulatorApi(`/inboxes/${inboxId}/sent`)).json()) as { sent: { text: string | null; status: number }[] };
      expect(sent.sent.at(-1)).toMatchObject({ text: "Sorry for the wait", status: 200 });

      const late = await replyLater(conversation.id, 8 * 24);
      expect(late.result).toMatchObject({ ok: false, keepAsDraft: true });
      expect(late.result.message).toMatch(/more than 7 days ago/);
    } finally {
      server.clock.offsetMs = 0;
      await setTag(await server.login("admin@demo.inbox"), inboxId, false);
    }
  });

  it("is audited, and refused in words on a channel without the tag", async () => {
    const admin = await server.login("admin@demo.inbox");
    const rows = await server.core.db.query.inboxes.findMany();
    const messenger = rows.find((r) => r.channel === "messenger")!;
    const audit = await server.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.target, messenger.id) });
    expect(audit.filter((a) => a.action === "inbox.human_agent_changed").map((a) => a.data)).toEqual([
      { from: false, to: true },
      { from: true, to: false },
    ]);
    const whatsapp = rows.find((r) => r.channel === "whatsapp")!;
    const res = await server.api(`/api/admin/inboxes/${whatsapp.id}/human-agent`, { method: "POST", token: admin, json: { enabled: true } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/only Messenger and Instagram/);
  });
});
