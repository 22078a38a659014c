import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, Message } from "@inbox/shared";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// A tapped button / quick reply keeps the id the platform echoes back (postback payload, button
// reply id, LINE's postback data, WeChat's menu item id), through ingest into the record, so the
// timeline links the answer to its question by id. Telegram's simulated customer answers with
// the reply keyboard (text only); its callback ids are covered by the connector's tests.

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

const channels = ["messenger", "instagram", "whatsapp", "line", "wechat"] as const;

describe.each(channels)("%s", (channel) => {
  it("a tapped choice is stored with its id", async () => {
    const adapter = simulatorAdapters()[channel]!;
    const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
    const credentials = await server.core.secrets.open(row.secretsEnc!);
    const sample = adapter.sampleCustomer().externalId;
    const customer = { externalId: `${sample.slice(0, -3)}${Math.floor(Math.random() * 900 + 100)}`, name: `${channel} chooser` };
    const d = adapter.inbound({ kind: "button", id: "plan-pro", title: "Pro plan" }, customer, `m-${crypto.randomUUID()}`, credentials, `${server.url}/simulator/platform/${row.id}`);
    const res = await fetch(`${server.url}/webhooks/${channel}/${row.id}${d.query ? `?${d.query}` : ""}`, { method: "POST", headers: d.headers, body: d.body });
    expect(res.status).toBe(200);
    await server.core.webhooks.idle();
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    const conv = list.conversations.find((c) => c.contactName === customer.name || c.contactName === customer.externalId)!;
    expect(conv).toBeDefined();
    const { messages } = (await (await server.api(`/api/conversations/${conv.id}`, { token: admin })).json()) as { messages: Message[] };
    expect(messages.at(-1)!.content).toEqual({ kind: "text", text: "Pro plan", replyTo: { choiceId: "plan-pro" } });
  });
});
