import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WidgetFrameSchema, type WidgetFrame } from "@inbox/shared";
import { MAX_WIDGET_FRAME_BYTES } from "./widget-socket-gateway.ts";
import { agentSocket, openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { WIDGET_LIMITS, type WidgetLimitOptions } from "./widget-limits.ts";

// Anonymous callers cannot flood the inbox: chats per address, messages and sockets per
// visitor, and the size of a socket frame are limited, each refusal a 429 (or close) with words.

// Allowances that do not refill during the test, so a slow machine cannot make it pass or fail.
const limits: WidgetLimitOptions = {
  sessionsPerAddress: { burst: 12, refillMs: 3600_000 },
  messagesPerVisitor: { burst: 6, refillMs: 3600_000 },
  socketsPerVisitor: WIDGET_LIMITS.socketsPerVisitor,
};
let server: TestServer;
let inbox: string;
beforeAll(async () => {
  server = await startTestServer({ sockets: { socketsPerSession: 3 }, widgetLimits: limits });
  inbox = server.seed!.inboxIds.site!;
});
afterAll(() => server.stop());

async function session(name: string): Promise<Response> {
  return server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } });
}

async function visitor(name: string): Promise<string> {
  const res = await session(name);
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** A live socket with its frames, listening before it opens (the first frame comes at once). */
async function live(token: string): Promise<{ ws: WebSocket; frames: WidgetFrame[]; closed: () => number | null }> {
  const ws = new WebSocket(await server.widgetLiveUrl(inbox, token));
  const frames: WidgetFrame[] = [];
  let code: number | null = null;
  ws.on("message", (data) => frames.push(WidgetFrameSchema.parse(JSON.parse(String(data)))));
  ws.on("close", (c) => (code = c));
  await waitFor("ready", () => frames.some((f) => f.type === "ready"));
  return { ws, frames, closed: () => code };
}

describe("widget limits", () => {
  it("a visitor sending faster than a person types gets a 429 with a sentence, by POST and on the socket", async () => {
    const token = await visitor("Fast Typist");
    const post = (n: number) => server.api(`/api/widget/${inbox}/messages`, { method: "POST", token, json: { clientId: `fast-typist-${String(n).padStart(4, "0")}`, text: `message ${n}` } });
    for (let n = 0; n < limits.messagesPerVisitor.burst; n++) expect((await post(n)).status).toBe(201);
    const refused = await post(999);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "rate_limited",
      message: "You're sending messages too fast. Please wait a moment and try again.",
    });
    const socket = await live(token);
    socket.ws.send(JSON.stringify({ type: "send", clientId: "fast-typist-1000", text: "and one more" }));
    const answer = await waitFor("an answer", () => socket.frames.find((f) => f.type === "error" || f.type === "ack"));
    expect(answer).toMatchObject({ type: "error", clientId: "fast-typist-1000", code: "rate_limited" });
    socket.ws.close();
  });

  it("closes a widget socket that sends a frame over the limit, at the transport", async () => {
    const socket = await live(await visitor("Big Frame"));
    socket.ws.send("x".repeat(MAX_WIDGET_FRAME_BYTES + 1));
    await waitFor("closed", () => socket.closed() !== null);
    expect(socket.closed()).toBe(1009);
    // Refused before it was read: no error frame answered it.
    expect(socket.frames.map((f) => f.type)).toEqual(["ready"]);
  });

  it("lets one visitor hold only a few sockets open", async () => {
    const token = await visitor("Many Tabs");
    const open: WebSocket[] = [];
    for (let i = 0; i < limits.socketsPerVisitor; i++) open.push((await live(token)).ws);
    await expect(openSocket(await server.widgetLiveUrl(inbox, token))).rejects.toThrow(/429/);
    open.pop()!.close();
    await waitFor("a socket freed", async () => {
      const ws = await openSocket(await server.widgetLiveUrl(inbox, token)).catch(() => null);
      ws?.close();
      return ws !== null;
    });
    open.forEach((ws) => ws.close());
  });

  it("lets one agent session hold only so many sockets open", async () => {
    const token = await server.login("ana@demo.inbox");
    const url = `${server.url.replace("http", "ws")}/sync/team.${server.seed!.teamIds.support}`;
    const open = [await agentSocket(url, token), await agentSocket(url, token), await agentSocket(url, token)];
    await expect(agentSocket(url, token)).rejects.toThrow(/429/);
    open.forEach((ws) => ws.close());
  });

  // Last: it spends this address's allowance for new chats.
  it("an address may start only so many chats (each one makes a contact)", async () => {
    const contactsBefore = (await server.core.db.query.contacts.findMany()).length;
    const statuses: number[] = [];
    for (let i = 0; i <= limits.sessionsPerAddress.burst; i++) statuses.push((await session(`Flood ${i}`)).status);
    const started = statuses.filter((s) => s === 201).length;
    // (The tests above started a few chats from this address too.)
    expect(started).toBeLessThanOrEqual(limits.sessionsPerAddress.burst);
    expect(statuses.at(-1)).toBe(429);
    const refused = await session("Flood again");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many chats were started from your network\. Please try again in /);
    expect((await server.core.db.query.contacts.findMany()).length).toBe(contactsBefore + started);
  });
});
