import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { WidgetFrameSchema, type Conversation, type Message, type WidgetFrame } from "@inbox/shared";
import { agentSocket, bearerWebSocket, openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let siteInbox: string;
let supportTeam: string;
beforeAll(async () => {
  server = await startTestServer();
  siteInbox = server.seed!.inboxIds.site!;
  supportTeam = server.seed!.teamIds.support!;
});
afterAll(() => server.stop());

/** The stock y-websocket client, as the PWA uses it, authenticated with a session token. */
function provider(room: string, token: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", room, doc, {
    WebSocketPolyfill: bearerWebSocket(token),
    disableBc: true,
  });
  return { doc, provider: p };
}

async function startVisitor(name?: string) {
  const res = await server.api(`/api/widget/${siteInbox}/sessions`, { method: "POST", json: name ? { name } : {} });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; visitorId: string };
}

describe("web live chat end to end (real server, libSQL, WebSockets)", () => {
  it("customer message reaches a connected agent live; the reply reaches the customer's widget live", async () => {
    const agentToken = await server.login("ana@demo.inbox");
    const team = provider(`team.${supportTeam}`, agentToken);
    await waitFor("team room synced", () => team.provider.synced);
    const list = team.doc.getMap<Conversation>("conversations");
    const before = list.size;

    const visitor = await startVisitor("Zoe Visitor");
    const frames: WidgetFrame[] = [];
    const live = await openSocket(await server.widgetLiveUrl(siteInbox, visitor.token));
    live.on("message", (data) => frames.push(WidgetFrameSchema.parse(JSON.parse(String(data)))));

    const sent = await server.api(`/api/widget/${siteInbox}/messages`, {
      method: "POST",
      token: visitor.token,
      json: { clientId: "visitor-msg-0001", text: "Hello, is anyone there?" },
    });
    expect(sent.status).toBe(201);

    const conv = await waitFor("conversation in the agent's live list", () =>
      [...list.values()].find((c) => c.contactName === "Zoe Visitor"),
    );
    expect(list.size).toBe(before + 1);
    expect(conv).toMatchObject({ status: "open", unreadCount: 1, lastMessagePreview: "Hello, is anyone there?", assigneeId: null });

    // The agent opens the conversation's room and sees the customer's message in the timeline.
    const chat = provider(`conv.${conv.id}`, agentToken);
    const timeline = chat.doc.getMap<Message>("messages");
    await waitFor("customer message in timeline", () => [...timeline.values()].find((m) => m.content.kind === "text" && m.content.text === "Hello, is anyone there?"));

    const reply = await server.api(`/api/conversations/${conv.id}/messages`, {
      method: "POST",
      token: agentToken,
      json: { clientId: "agent-reply-0001", text: "Hi Zoe, Ana here. How can I help?" },
    });
    expect(reply.status).toBe(201);

    const got = await waitFor("reply on the widget socket", () =>
      frames.find((f) => f.type === "message" && f.message.from === "agent"),
    );
    expect(got.type === "message" && got.message).toMatchObject({ senderName: "Ana Souza", content: { kind: "text", text: "Hi Zoe, Ana here. How can I help?" } });
    // The agent sees it delivered (the widget was open), and the chat is now theirs.
    await waitFor("delivered tick", () => [...timeline.values()].find((m) => m.senderKind === "agent" && m.status === "delivered"));
    await waitFor("assigned to the replier", () => list.get(conv.id)?.assigneeId);

    // A reload of the widget gets the whole conversation back from history.
    const history = await server.api(`/api/widget/${siteInbox}/messages`, { token: visitor.token });
    const texts = ((await history.json()) as { messages: { content: { text?: string } }[] }).messages.map((m) => m.content.text);
    expect(texts).toEqual(["Hello, is anyone there?", "Hi Zoe, Ana here. How can I help?"]);

    live.close();
    team.provider.destroy();
    chat.provider.destroy();
  });

  it("a resent customer message (same clientId) is stored once", async () => {
    const visitor = await startVisitor();
    const send = () =>
      server.api(`/api/widget/${siteInbox}/messages`, { method: "POST", token: visitor.token, json: { clientId: "visitor-dup-0001", text: "once" } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const c = await send();
    expect(c.status).toBe(200);
    const ids = new Set([await a.json(), await b.json(), await c.json()].map((r) => (r as { message: { id: string } }).message.id));
    expect(ids.size).toBe(1);
    const history = (await (await server.api(`/api/widget/${siteInbox}/messages`, { token: visitor.token })).json()) as { messages: unknown[] };
    expect(history.messages).toHaveLength(1);
  });

  it("a retried agent reply (same clientId) is sent to the customer once", async () => {
    const token = await server.login("ana@demo.inbox");
    const visitor = await startVisitor("Retry Test");
    await server.api(`/api/widget/${siteInbox}/messages`, { method: "POST", token: visitor.token, json: { clientId: "visitor-retry-001", text: "hi" } });
    const convs = (await (await server.api("/api/conversations", { token })).json()) as { conversations: Conversation[] };
    const conv = convs.conversations.find((c) => c.contactName === "Retry Test")!;
    const send = () => server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token, json: { clientId: "agent-retry-0001", text: "only once" } });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(200);
    await server.core.outbox.idle();
    const history = (await (await server.api(`/api/widget/${siteInbox}/messages`, { token: visitor.token })).json()) as { messages: { from: string }[] };
    expect(history.messages.filter((m) => m.from === "agent")).toHaveLength(1);
  });

  it("customer text with markup is stored and returned as plain text, not executed", async () => {
    const visitor = await startVisitor("<img src=x onerror=alert(1)>");
    const text = "<script>alert('x')</script> & <b>bold</b>";
    const res = await server.api(`/api/widget/${siteInbox}/messages`, { method: "POST", token: visitor.token, json: { clientId: "visitor-xss-0001", text } });
    const body = (await res.json()) as { message: { content: { text: string } } };
    expect(body.message.content.text).toBe(text);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
  });
});

describe("sending on the widget's live socket", () => {
  it("acks a message sent on the socket, and a POST retry of the same clientId stores nothing new", async () => {
    const visitor = await startVisitor("Socket Sender");
    const ws = await openSocket(await server.widgetLiveUrl(siteInbox, visitor.token));
    const frames: WidgetFrame[] = [];
    ws.on("message", (data) => frames.push(WidgetFrameSchema.parse(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ type: "send", clientId: "socket-send-0001", text: "sent over the socket" }));
    const ack = await waitFor("ack", () => frames.find((f) => f.type === "ack"));
    expect(ack.type === "ack" && ack.message.content).toEqual({ kind: "text", text: "sent over the socket" });

    const retry = await server.api(`/api/widget/${siteInbox}/messages`, {
      method: "POST",
      token: visitor.token,
      json: { clientId: "socket-send-0001", text: "sent over the socket" },
    });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { message: { id: string } }).message.id).toBe(ack.type === "ack" && ack.message.id);

    ws.send("{not json");
    ws.send(JSON.stringify({ type: "send", clientId: "socket-send-0002", text: "   " }));
    const errors = await waitFor("two error frames", () => {
      const e = frames.filter((f) => f.type === "error");
      return e.length === 2 && e;
    });
    expect(errors[0]).toMatchObject({ type: "error", clientId: null, code: "invalid_json" });
    expect(errors[1]).toMatchObject({ type: "error", clientId: "socket-send-0002", code: "validation_failed", message: "Write something first" });
    // The socket survives bad frames.
    ws.send(JSON.stringify({ type: "send", clientId: "socket-send-0003", text: "still here" }));
    await waitFor("second ack", () => frames.filter((f) => f.type === "ack").length === 2);
    ws.close();
  });
});

describe("who may see what", () => {
  it("an agent cannot read, answer or subscribe to a conversation of a team they are not in", async () => {
    const admin = await server.login("admin@demo.inbox");
    const all = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    const sales = all.conversations.find((c) => c.teamId === server.seed!.teamIds.sales)!;
    expect(sales).toBeDefined();

    const ana = await server.login("ana@demo.inbox");
    const read = await server.api(`/api/conversations/${sales.id}`, { token: ana });
    expect(read.status).toBe(403);
    expect(((await read.json()) as { error: { message: string } }).error.message).toBe("This conversation belongs to a team you are not in.");
    const answer = await server.api(`/api/conversations/${sales.id}/messages`, { method: "POST", token: ana, json: { clientId: "forbidden-0001", text: "x" } });
    expect(answer.status).toBe(403);
    const mine = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
    expect(mine.conversations.some((c) => c.teamId !== server.seed!.teamIds.support)).toBe(false);

    const ws = server.url.replace("http", "ws");
    await expect(agentSocket(`${ws}/sync/conv.${sales.id}`, ana)).rejects.toThrow(/403/);
    await expect(agentSocket(`${ws}/sync/team.${server.seed!.teamIds.sales}`, ana)).rejects.toThrow(/403/);
    await expect(openSocket(`${ws}/sync/team.${server.seed!.teamIds.support}`)).rejects.toThrow(/401/);
    const supervisor = await server.login("supervisor@demo.inbox");
    expect((await server.api(`/api/conversations/${sales.id}`, { token: supervisor })).status).toBe(200);
  });

  it("an agent cannot hand a chat to someone else; a supervisor can", async () => {
    const ana = await server.login("ana@demo.inbox");
    const list = (await (await server.api("/api/conversations?filter=unassigned", { token: ana })).json()) as { conversations: Conversation[] };
    const conv = list.conversations[0]!;
    const admin = await server.login("admin@demo.inbox");
    const users = (await (await server.api("/api/users", { token: admin })).json()) as { users: { id: string; email: string }[] };
    const sam = users.users.find((u) => u.email === "supervisor@demo.inbox")!;
    const refused = await server.api(`/api/conversations/${conv.id}/assign`, { method: "POST", token: ana, json: { assigneeId: sam.id } });
    expect(refused.status).toBe(403);
    const supervisor = await server.login("supervisor@demo.inbox");
    const ok = await server.api(`/api/conversations/${conv.id}/assign`, { method: "POST", token: supervisor, json: { assigneeId: sam.id } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { conversation: Conversation }).conversation.assigneeId).toBe(sam.id);
  });

  it("a client cannot write into a server-authored document", async () => {
    const token = await server.login("ana@demo.inbox");
    const team = provider(`team.${supportTeam}`, token);
    await waitFor("synced", () => team.provider.synced);
    team.doc.getMap("conversations").set("forged", { id: "forged" });
    const other = provider(`team.${supportTeam}`, await server.login("admin@demo.inbox"));
    await waitFor("synced", () => other.provider.synced);
    await new Promise((r) => setTimeout(r, 200));
    expect(other.doc.getMap("conversations").has("forged")).toBe(false);
    team.provider.destroy();
    other.provider.destroy();
  });
});
