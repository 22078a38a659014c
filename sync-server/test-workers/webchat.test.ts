import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CONV_META, CONV_META_CUSTOMER_TYPING, CustomerTypingSchema, TEAM_CONVERSATIONS, WidgetFrameSchema, type Conversation, type WidgetFrame } from "@inbox/shared";
import { command, connect, db, ORIGIN, signIn, teamOfInbox, type UpgradeResponse } from "./edge-env.ts";
import { eventually } from "./y-client.ts";

// Web chat on Workers: the visitor's widget socket lives in a VisitorObject, the agents' team
// room in a RoomObject; a message goes up one and shows in the other, a reply comes back down.

let token: string;
let inboxId: string;
beforeAll(async () => {
  token = await signIn();
  const row = (await db.execute({ sql: "select id from inboxes where channel = 'webchat' and status = 'active' limit 1", args: [] })).rows[0];
  inboxId = String(row![0]);
});

async function visitorToken(): Promise<string> {
  const res = await SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Edge Visitor" }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** The widget's live socket: a ticket first (with the widget token), then the upgrade with the ticket. */
async function liveSocket(visitor: string): Promise<Response> {
  const res = await SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/live-tickets`, { method: "POST", headers: { authorization: `Bearer ${visitor}` } });
  if (res.status !== 200) return res;
  const { ticket } = (await res.json()) as { ticket: string };
  return SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/live?ticket=${encodeURIComponent(ticket)}`, { headers: { upgrade: "websocket" } });
}

describe("web chat on Workers", () => {
  it("refuses a widget socket without a valid visitor token", async () => {
    expect((await liveSocket("not-a-token")).status).toBe(401);
  });

  it("a visitor's message through the widget socket reaches the agent's team room, and the agent's reply comes down that socket", async () => {
    const agent = await connect(`team.${await teamOfInbox(inboxId)}`, token);
    const list = agent.doc.getMap<Conversation>(TEAM_CONVERSATIONS);

    const res = await liveSocket(await visitorToken());
    expect(res.status).toBe(101);
    const ws = (res as UpgradeResponse).webSocket;
    const frames: WidgetFrame[] = [];
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") frames.push(WidgetFrameSchema.parse(JSON.parse(event.data)));
    });
    ws.accept();
    await eventually(() => frames.some((f) => f.type === "ready"));

    const text = `Hello from the widget ${crypto.randomUUID()}`;
    const clientId = crypto.randomUUID();
    ws.send(JSON.stringify({ type: "send", clientId, text }));
    const ack = await eventually(() => frames.find((f) => f.type === "ack" && f.clientId === clientId));
    expect(ack).toMatchObject({ message: { from: "customer", content: { kind: "text", text } } });

    const conversation = await eventually(() => [...list.values()].find((c) => c.lastMessagePreview === text));
    expect(conversation).toMatchObject({ channel: "webchat", contactName: "Edge Visitor" });

    const reply = `An agent answers ${crypto.randomUUID()}`;
    await command(token, [{ type: "reply", clientId: crypto.randomUUID(), conversationId: conversation.id, text: reply }]);
    const down = await eventually(() => frames.find((f) => f.type === "message" && f.message.content.kind === "text" && f.message.content.text === reply));
    expect(down).toMatchObject({ message: { from: "agent" } });

    ws.close(1000, "done");
    agent.close();
  });

  it("typing both ways: the visitor's through their VisitorObject into the conversation's room, the agent's down the widget socket", async () => {
    const agent = await connect(`team.${await teamOfInbox(inboxId)}`, token);
    const list = agent.doc.getMap<Conversation>(TEAM_CONVERSATIONS);
    const res = await liveSocket(await visitorToken());
    const ws = (res as UpgradeResponse).webSocket;
    const frames: WidgetFrame[] = [];
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") frames.push(WidgetFrameSchema.parse(JSON.parse(event.data)));
    });
    ws.accept();
    await eventually(() => frames.some((f) => f.type === "ready"));
    const text = `Typing test ${crypto.randomUUID()}`;
    ws.send(JSON.stringify({ type: "send", clientId: crypto.randomUUID(), text }));
    const conversation = await eventually(() => [...list.values()].find((c) => c.lastMessagePreview === text));

    const room = await connect(`conv.${conversation.id}`, token);
    ws.send(JSON.stringify({ type: "typing", typing: true }));
    await eventually(() => CustomerTypingSchema.safeParse(room.doc.getMap(CONV_META).get(CONV_META_CUSTOMER_TYPING)).data?.typing === true);

    const relayed = await SELF.fetch(`${ORIGIN}/api/conversations/${conversation.id}/typing`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ typing: true }),
    });
    expect(await relayed.json()).toEqual({ relayed: true });
    await eventually(() => frames.find((f) => f.type === "typing" && f.typing));

    ws.close(1000, "done");
    room.close();
    agent.close();
  });
});
