import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WidgetFrameSchema, type WidgetFrame, type WidgetMessage } from "@inbox/shared";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// A stranger who types an existing customer's name and email into the widget, and whom an admin
// then merges into that customer, must not see the customer's chat: a widget session only ever
// sees its own conversations, whatever the agents merge.

let server: TestServer;
let inbox: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  inbox = server.seed!.inboxIds.site!;
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

interface Visitor {
  token: string;
  visitorId: string;
}

async function start(): Promise<Visitor> {
  const res = await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Carla Dias", email: "carla@example.com" } });
  return (await res.json()) as Visitor;
}

async function say(v: Visitor, clientId: string, text: string): Promise<string> {
  const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: v.token, json: { clientId, text } });
  expect(res.status).toBe(201);
  const { message } = (await res.json()) as { message: { id: string } };
  const row = await server.core.db.query.messages.findFirst({ where: (m, { eq }) => eq(m.id, message.id) });
  return row!.conversationId;
}

async function reply(conversationId: string, clientId: string, text: string): Promise<void> {
  const res = await server.api(`/api/conversations/${conversationId}/messages`, { method: "POST", token: admin, json: { clientId, text } });
  expect(res.status).toBe(201);
}

async function history(v: Visitor): Promise<string[]> {
  const res = await server.api(`/api/widget/${inbox}/messages`, { token: v.token });
  const { messages } = (await res.json()) as { messages: WidgetMessage[] };
  return messages.map((m) => (m.content.kind === "text" ? m.content.text : m.content.kind));
}

async function live(v: Visitor): Promise<{ ws: WebSocket; texts: () => string[] }> {
  const ws = new WebSocket(await server.widgetLiveUrl(inbox, v.token));
  const frames: WidgetFrame[] = [];
  ws.on("message", (data) => frames.push(WidgetFrameSchema.parse(JSON.parse(String(data)))));
  await waitFor("ready", () => frames.some((f) => f.type === "ready"));
  const texts = () => frames.flatMap((f) => (f.type === "message" && f.message.content.kind === "text" ? [f.message.content.text] : []));
  return { ws, texts };
}

describe("a visitor merged into an existing customer", () => {
  it("sees only their own messages, is pushed only their own replies, and keeps writing into their own chat", async () => {
    const customer = await start();
    const customerChat = await say(customer, "merge-customer-0001", "My card ends in 4242");
    await reply(customerChat, "merge-agent-0001", "Your refund of $900 is on its way");

    const stranger = await start();
    const strangerChat = await say(stranger, "merge-stranger-0001", "Hi, what's my order status?");
    expect(strangerChat).not.toBe(customerChat);

    const merged = await server.api(`/api/contacts/${customer.visitorId}/merge`, { method: "POST", token: admin, json: { duplicateId: stranger.visitorId } });
    expect(merged.status).toBe(200);

    // The history: the stranger's own words only (and never the customer's, or the agent's to them).
    expect(await history(stranger)).toEqual(["Hi, what's my order status?"]);
    expect(await history(customer)).toEqual(["My card ends in 4242", "Your refund of $900 is on its way"]);

    // Live: each socket gets its own chat's replies only.
    const customerLive = await live(customer);
    const strangerLive = await live(stranger);
    await reply(customerChat, "merge-agent-0002", "Your new card is being sent to 12 Rua Augusta");
    await reply(strangerChat, "merge-agent-0003", "Could you give me your order number?");
    await waitFor("the customer's reply", () => customerLive.texts().includes("Your new card is being sent to 12 Rua Augusta"));
    await waitFor("the stranger's reply", () => strangerLive.texts().includes("Could you give me your order number?"));
    expect(strangerLive.texts()).not.toContain("Your new card is being sent to 12 Rua Augusta");
    expect(customerLive.texts()).not.toContain("Could you give me your order number?");

    // Writing again after the merge continues the stranger's own conversation.
    expect(await say(stranger, "merge-stranger-0002", "It's #1043")).toBe(strangerChat);
    expect(await history(stranger)).toEqual(["Hi, what's my order status?", "Could you give me your order number?", "It's #1043"]);
    customerLive.ws.close();
    strangerLive.ws.close();
  });
});
