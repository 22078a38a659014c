import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelType, Conversation } from "@inbox/shared";
import type { Connector, SendResult } from "@inbox/connectors";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let agent: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.login("ana@demo.inbox");
});
afterAll(() => server.stop());

/** Puts a scripted connector in place of the web chat one: each send takes the next outcome. */
function scriptConnector(outcomes: SendResult[]): { sent: string[] } {
  const sent: string[] = [];
  const real = server.core.connectors.get("webchat")!;
  const fake: Connector = {
    ...real,
    async send(message) {
      sent.push(message.messageId);
      return outcomes.shift() ?? { ok: true, externalId: null, delivered: false };
    },
  };
  (server.core.connectors as Map<ChannelType, Connector>).set("webchat", fake);
  return { sent };
}

async function newConversation(name: string): Promise<Conversation> {
  const inbox = server.seed!.inboxIds.site!;
  const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `hello-${name.replace(/\W/g, "-")}`, text: "hello" } });
  const list = (await (await server.api("/api/conversations", { token: agent })).json()) as { conversations: Conversation[] };
  return list.conversations.find((c) => c.contactName === name)!;
}

async function messageRow(id: string) {
  return server.core.db.query.messages.findFirst({ where: (m, { eq }) => eq(m.id, id) });
}

describe("durable outbox", () => {
  it("retries a passing failure with backoff and then sends the reply once", async () => {
    const { sent } = scriptConnector([{ ok: false, kind: "retry", reason: "Platform timed out" }]);
    const conv = await newConversation("Outbox Retry");
    const res = await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: agent, json: { clientId: "outbox-retry-01", text: "try again" } });
    const { message } = (await res.json()) as { message: { id: string; status: string } };
    expect(message.status).toBe("queued");
    await waitFor("first attempt", () => sent.length === 1);
    await server.core.outbox.idle();
    expect((await messageRow(message.id))!.status).toBe("queued");
    const entry = await server.core.db.query.outbox.findFirst({ where: (o, { eq }) => eq(o.messageId, message.id) });
    expect(entry).toMatchObject({ state: "pending", attempts: 1, lastError: "Platform timed out" });

    server.clock.offsetMs = 60_000; // the backoff has passed
    try {
      server.core.outbox.kick();
      await waitFor("second attempt", () => sent.length === 2);
      await server.core.outbox.idle();
    } finally {
      server.clock.offsetMs = 0;
    }
    expect((await messageRow(message.id))!.status).toBe("sent");
    expect(sent).toEqual([message.id, message.id]);
    server.core.outbox.kick();
    await server.core.outbox.idle();
    expect(sent).toHaveLength(2);
  });

  it("marks a reply failed with the reason an agent can act on when the customer blocked the business", async () => {
    scriptConnector([{ ok: false, kind: "blocked", reason: "The customer has blocked this business, so the message was not delivered." }]);
    const conv = await newConversation("Outbox Blocked");
    const res = await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: agent, json: { clientId: "outbox-block-01", text: "hello?" } });
    const { message } = (await res.json()) as { message: { id: string } };
    await waitFor("failed", async () => (await messageRow(message.id))?.status === "failed");
    const row = (await messageRow(message.id))!;
    expect(row.failureReason).toBe("The customer has blocked this business, so the message was not delivered.");
    const events = await server.core.db.query.events.findMany({ where: (e, { eq }) => eq(e.type, "message.failed") });
    expect(events.some((e) => (e.data as { messageId?: string }).messageId === message.id)).toBe(true);
  });

  it("a reply stored before a crash is sent after the restart", async () => {
    const conv = await newConversation("Outbox Restart");
    const { dir } = server;
    // Stop sending, store a reply, and restart the server on the same database file.
    server.core.outbox.stop();
    scriptConnector([{ ok: false, kind: "retry", reason: "network down" }]);
    await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: agent, json: { clientId: "outbox-crash-01", text: "survives" } });
    await server.core.outbox.idle();
    const { startTestServer } = await import("../testing/test-server.ts");
    await server.close();
    const again = await startTestServer({ dir });
    try {
      const row = await waitFor("sent after restart", async () => {
        const r = await again.core.db.query.messages.findFirst({ where: (m, { eq }) => eq(m.clientId, "outbox-crash-01") });
        again.clock.offsetMs = 3600_000;
        again.core.outbox.kick();
        return r?.status === "sent" || r?.status === "delivered" ? r : null;
      }, 10_000);
      expect(row.text).toBe("survives");
    } finally {
      await again.stop();
    }
  });
});
