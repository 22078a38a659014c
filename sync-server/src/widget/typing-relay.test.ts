import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { CONV_META, CONV_META_CUSTOMER_TYPING, CustomerTypingSchema, WidgetFrameSchema, type WidgetFrame } from "@inbox/shared";
import { bearerWebSocket, openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let site: string;
beforeAll(async () => {
  server = await startTestServer();
  site = server.seed!.inboxIds.site!;
});
afterAll(() => server.stop());

describe("typing, both ways", () => {
  it("the visitor's typing shows in the agent's conversation room and stops on send; the agent's reaches the widget", async () => {
    const visitor = (await (await server.api(`/api/widget/${site}/sessions`, { method: "POST", json: { name: "Tina Typist" } })).json()) as { token: string };
    expect((await server.api(`/api/widget/${site}/messages`, { method: "POST", token: visitor.token, json: { clientId: "tina-msg-0001", text: "Hello" } })).status).toBe(201);
    const conversationId = (await server.core.db.query.conversations.findFirst({ where: (c, { eq }) => eq(c.contactName, "Tina Typist") }))!.id;

    const agent = await server.login("ana@demo.inbox");
    const doc = new Y.Doc();
    const room = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `conv.${conversationId}`, doc, { WebSocketPolyfill: bearerWebSocket(agent), disableBc: true });
    await waitFor("conv room synced", () => room.synced);
    const typing = () => CustomerTypingSchema.safeParse(doc.getMap(CONV_META).get(CONV_META_CUSTOMER_TYPING)).data;

    const frames: WidgetFrame[] = [];
    const live = await openSocket(await server.widgetLiveUrl(site, visitor.token));
    live.on("message", (data) => frames.push(WidgetFrameSchema.parse(JSON.parse(String(data)))));

    live.send(JSON.stringify({ type: "typing", typing: true }));
    await waitFor("the agent sees the visitor typing", () => typing()?.typing === true);
    // Sending the message ends it, without a separate frame.
    live.send(JSON.stringify({ type: "send", clientId: "tina-msg-0002", text: "My order #123 is late" }));
    await waitFor("typing stops on send", () => typing()?.typing === false);

    // The agent types a reply: the widget hears who, then that they stopped.
    const on = await server.api(`/api/conversations/${conversationId}/typing`, { method: "POST", token: agent, json: { typing: true } });
    expect(await on.json()).toEqual({ relayed: true });
    const shown = await waitFor("typing frame on the widget", () => frames.find((f) => f.type === "typing" && f.typing));
    expect(shown).toEqual({ type: "typing", typing: true, name: "Ana Souza" });
    await server.api(`/api/conversations/${conversationId}/typing`, { method: "POST", token: agent, json: { typing: false } });
    await waitFor("stop frame on the widget", () => frames.find((f) => f.type === "typing" && !f.typing));

    // A typing frame is never answered as a message would be, and a bad one is refused in words.
    expect(frames.filter((f) => f.type === "error")).toEqual([]);
    live.send(JSON.stringify({ type: "typing", typing: "yes" }));
    await waitFor("a readable error", () => frames.find((f) => f.type === "error"));
    live.close();
    room.destroy();
  });
});
