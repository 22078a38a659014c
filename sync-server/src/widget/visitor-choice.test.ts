import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WidgetFrameSchema, type Conversation, type Message, type WidgetFrame } from "@inbox/shared";
import { openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// A visitor's tap on a button: stored as a text message with the button's title (what the
// customer said) and the button's id, by POST and on the live socket alike.

let server: TestServer;
let siteInbox: string;
let ana: string;
beforeAll(async () => {
  server = await startTestServer();
  siteInbox = server.seed!.inboxIds.site!;
  ana = await server.login("ana@demo.inbox");
});
afterAll(() => server?.stop());

async function storedMessages(name: string): Promise<Message[]> {
  const conv = await waitFor(`${name}'s conversation`, async () => {
    const list = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === name);
  });
  const res = await server.api(`/api/conversations/${conv.id}/messages`, { token: ana });
  return ((await res.json()) as { messages: Message[] }).messages;
}

describe("a visitor's tapped choice", () => {
  it("is kept as its title, with the choice's id, whichever way it arrives", async () => {
    const session = (await (await server.api(`/api/widget/${siteInbox}/sessions`, { method: "POST", json: { name: "Cho Ice" } })).json()) as { token: string };
    const posted = await server.api(`/api/widget/${siteInbox}/messages`, {
      method: "POST",
      token: session.token,
      json: { clientId: "visitor-choice-0001", text: "Track order", choiceId: "track" },
    });
    expect(posted.status).toBe(201);
    expect(((await posted.json()) as { message: { content: unknown } }).message.content).toEqual({ kind: "text", text: "Track order", replyTo: { choiceId: "track" } });

    const frames: WidgetFrame[] = [];
    const live = await openSocket(await server.widgetLiveUrl(siteInbox, session.token));
    live.on("message", (data) => frames.push(WidgetFrameSchema.parse(JSON.parse(String(data)))));
    live.send(JSON.stringify({ type: "send", clientId: "visitor-choice-0002", text: "Return", choiceId: "return" }));
    await waitFor("the ack", () => frames.find((f) => f.type === "ack"));
    live.close();

    const messages = await storedMessages("Cho Ice");
    expect(messages.map((m) => m.content)).toEqual(
      expect.arrayContaining([
        { kind: "text", text: "Track order", replyTo: { choiceId: "track" } },
        { kind: "text", text: "Return", replyTo: { choiceId: "return" } },
      ]),
    );
    // A typed message carries no choice.
    const typed = await server.api(`/api/widget/${siteInbox}/messages`, { method: "POST", token: session.token, json: { clientId: "visitor-choice-0003", text: "thanks" } });
    expect(((await typed.json()) as { message: { content: unknown } }).message.content).toEqual({ kind: "text", text: "thanks" });
  });

  it("refuses a choice id that is not one", async () => {
    const session = (await (await server.api(`/api/widget/${siteInbox}/sessions`, { method: "POST", json: {} })).json()) as { token: string };
    const res = await server.api(`/api/widget/${siteInbox}/messages`, {
      method: "POST",
      token: session.token,
      json: { clientId: "visitor-choice-0004", text: "Yes", choiceId: "x".repeat(300) },
    });
    expect(res.status).toBe(400);
  });
});
