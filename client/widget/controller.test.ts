import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetConfigResponse, WidgetMessage, WidgetSendRequest } from "@inbox/shared/api/widget";
import { ApiError, NetworkError, liveUrl, type WidgetApi } from "./api.ts";
import { createController, type WidgetState } from "./controller.ts";
import { createSessionStore, memoryStorage, type StorageLike } from "./session.ts";
import { FakeSocket, msg } from "./testing/fakes.ts";

/** An in-memory widget server that behaves like the contract says (idempotent on clientId). */
class FakeServer implements WidgetApi {
  config: WidgetConfigResponse = { inboxId: "in_1", name: "Acme Support", greeting: "Hi!", color: "#4f46e5", available: true };
  messages: WidgetMessage[] = [];
  sessions: { name?: string; email?: string }[] = [];
  posts: WidgetSendRequest[] = [];
  tokens = new Set<string>(["stored-token"]);
  offline = false;
  /** Answer the next send with this error. */
  rejectNext: ApiError | null = null;
  /** Simulate a lost response: the server stores the message but the client sees a network error. */
  loseNextResponse = false;
  private clock = 10_000;

  private check(token?: string): void {
    if (this.offline) throw new NetworkError("Failed to fetch");
    if (token !== undefined && !this.tokens.has(token)) throw new ApiError(401, "unauthenticated", "Session expired");
  }
  async getConfig() {
    this.check();
    return this.config;
  }
  async createSession(body: { name?: string; email?: string }) {
    this.check();
    this.sessions.push(body);
    const token = `tok-${this.sessions.length}`;
    this.tokens.add(token);
    return { token, visitorId: `v-${this.sessions.length}` };
  }
  async getMessages(token: string) {
    this.check(token);
    return [...this.messages];
  }
  async sendMessage(token: string, body: WidgetSendRequest) {
    this.check(token);
    this.posts.push(body);
    if (this.rejectNext) {
      const err = this.rejectNext;
      this.rejectNext = null;
      throw err;
    }
    let m = this.messages.find((x) => x.clientId === body.clientId);
    if (!m) {
      m = msg({ clientId: body.clientId, from: "customer", senderName: "Ada", text: body.text, createdAt: this.clock++ });
      this.messages.push(m);
    }
    if (this.loseNextResponse) {
      this.loseNextResponse = false;
      throw new NetworkError("connection reset");
    }
    return m;
  }
  /** An agent replies; the server pushes it to the live socket if one is open. */
  agentReplies(text: string, socket?: FakeSocket): WidgetMessage {
    const m = msg({ from: "agent", senderName: "Grace", text, createdAt: this.clock++ });
    this.messages.push(m);
    socket?.send({ type: "message", message: m });
    return m;
  }
}

let server: FakeServer;
let storage: StorageLike;
let ids: number;

function widget(s: StorageLike = storage) {
  const c = createController({
    api: server,
    sessions: createSessionStore(s, "in_1"),
    connect: (url) => new FakeSocket(url),
    liveUrl: (token) => liveUrl("https://chat.example.com", "in_1", token),
    newClientId: () => `client-${String(++ids).padStart(4, "0")}`,
    backoff: (n) => 1000 * 2 ** n,
  });
  return c;
}

const texts = (s: WidgetState) => s.items.map((i) => (i.content.kind === "text" ? i.content.text : "?"));
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  server = new FakeServer();
  storage = memoryStorage();
  ids = 0;
});
afterEach(() => vi.useRealTimers());

async function startedChat() {
  const c = widget();
  await c.init();
  await c.startChat({ name: "Ada", email: "ada@example.com" });
  FakeSocket.latest().ready();
  await flush();
  return c;
}

describe("widget behaviour", () => {
  it("asks a first-time visitor for optional details, then opens the chat and the live socket", async () => {
    const c = widget();
    await c.init();
    expect(c.state().phase).toBe("intro");
    expect(c.state().config?.name).toBe("Acme Support");
    expect(FakeSocket.all).toHaveLength(0);

    await c.startChat({ name: "", email: "" }); // both optional
    expect(server.sessions).toEqual([{}]);
    expect(c.state().phase).toBe("chat");
    expect(FakeSocket.latest().url).toBe("wss://chat.example.com/api/widget/in_1/live?token=tok-1");
  });

  it("rejects a malformed email without calling the server", async () => {
    const c = widget();
    await c.init();
    await c.startChat({ name: "Ada", email: "not-an-email" });
    expect(c.state().alert).toMatch(/valid email/);
    expect(c.state().phase).toBe("intro");
    expect(server.sessions).toHaveLength(0);
  });

  it("shows a sent message at once as sending, then once when both POST and socket confirm it", async () => {
    const c = await startedChat();
    const socket = FakeSocket.latest();
    expect(c.send("Where is my order?")).toBe(true);
    expect(c.state().items).toHaveLength(1);
    expect(c.state().items[0]!.state).toBe("sending");

    // The server broadcasts the stored message on the socket before the POST response lands.
    socket.send({ type: "message", message: server.messages[0] });
    expect(c.state().items).toHaveLength(1);
    expect(c.state().items[0]!.state).toBe("sent");
    await flush(); // now the POST response arrives too
    expect(texts(c.state())).toEqual(["Where is my order?"]);
    expect(c.state().items[0]!.state).toBe("sent");
  });

  it("shows an agent's reply from the socket with the agent's name, and counts it unread while closed", async () => {
    const c = await startedChat();
    server.agentReplies("Hello Ada, let me check.", FakeSocket.latest());
    expect(c.state().items.at(-1)).toMatchObject({ from: "agent", senderName: "Grace" });
    expect(c.state().unread).toBe(1);
    c.setOpen(true);
    expect(c.state().unread).toBe(0);
    server.agentReplies("Found it!", FakeSocket.latest());
    expect(c.state().unread).toBe(0);
  });

  it("retries a message with the same clientId while offline, and it shows once when it gets through", async () => {
    const c = await startedChat();
    server.offline = true;
    c.send("Are you there?");
    await flush();
    expect(c.state().items[0]).toMatchObject({ state: "sending", retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    server.offline = false;
    await vi.advanceTimersByTimeAsync(4000);
    expect(texts(c.state())).toEqual(["Are you there?"]);
    expect(c.state().items[0]!.state).toBe("sent");
    expect(server.messages).toHaveLength(1);
    expect(c.state().alert).toBeNull();
  });

  it("does not duplicate a message whose POST reached the server but whose response was lost", async () => {
    const c = await startedChat();
    server.loseNextResponse = true;
    c.send("hello");
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001", "client-0001"]);
    expect(server.messages).toHaveLength(1);
    expect(texts(c.state())).toEqual(["hello"]);
  });

  it("shows the server's reason in an alert when it rejects a message, and lets the customer retry", async () => {
    const c = await startedChat();
    server.rejectNext = new ApiError(422, "validation_failed", "Links are not allowed here.");
    c.send("http://spam");
    await flush();
    expect(c.state().alert).toBe("Links are not allowed here.");
    expect(c.state().items[0]).toMatchObject({ state: "failed", error: "Links are not allowed here." });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.posts).toHaveLength(1); // not retried by itself

    c.retry("client-0001");
    await flush();
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001", "client-0001"]);
    expect(c.state().items[0]!.state).toBe("sent");
  });

  it("keeps the conversation across a reload: history from the server, no new session", async () => {
    const first = await startedChat();
    first.send("first visit");
    await flush();
    server.agentReplies("Welcome back anytime");
    first.destroy();

    const reloaded = widget();
    await reloaded.init();
    await flush();
    expect(reloaded.state().phase).toBe("chat");
    expect(server.sessions).toHaveLength(1);
    expect(texts(reloaded.state())).toEqual(["first visit", "Welcome back anytime"]);
    expect(FakeSocket.latest().url).toContain("token=tok-1");
  });

  it("resends after a reload a message that never reached the server, with its original clientId", async () => {
    const first = await startedChat();
    server.offline = true;
    first.send("typed while offline");
    await flush();
    first.destroy();

    server.offline = false;
    const reloaded = widget();
    await reloaded.init();
    await flush();
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001"]);
    expect(texts(reloaded.state())).toEqual(["typed while offline"]);
    expect(reloaded.state().items[0]!.state).toBe("sent");
  });

  it("catches up on replies sent while the socket was down", async () => {
    const c = await startedChat();
    FakeSocket.latest().drop();
    expect(c.state().connection).toBe("connecting");
    server.agentReplies("Sorry for the wait"); // nobody listening
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.latest().ready();
    await flush();
    expect(texts(c.state())).toEqual(["Sorry for the wait"]);
    expect(c.state().connection).toBe("open");
  });

  it("says the chat is unavailable instead of sending when the inbox is disabled", async () => {
    server.config = { ...server.config, available: false };
    const c = widget();
    await c.init();
    expect(c.state().config?.available).toBe(false);
    storage.setItem("inbox-widget:in_1", JSON.stringify({ v: 1, token: "stored-token", visitorId: "v", outbox: [] }));
    const returning = widget();
    await returning.init();
    expect(returning.send("hello?")).toBe(false);
    expect(server.posts).toHaveLength(0);
  });

  it("starts over with a notice when the stored session is no longer valid", async () => {
    storage.setItem("inbox-widget:in_1", JSON.stringify({ v: 1, token: "revoked", visitorId: "v", outbox: [] }));
    const c = widget();
    await c.init();
    await flush();
    expect(c.state().phase).toBe("intro");
    expect(c.state().alert).toMatch(/ended/);
    expect(storage.getItem("inbox-widget:in_1")).toBeNull();
  });

  it("hides itself for an inbox that doesn't exist, and keeps retrying /config while offline", async () => {
    server.getConfig = async () => {
      throw new ApiError(404, "not_found", "No such inbox");
    };
    const c = widget();
    await c.init();
    expect(c.state().phase).toBe("gone");

    const s2 = new FakeServer();
    s2.offline = true;
    server = s2;
    const d = widget();
    await d.init();
    expect(d.state().phase).toBe("loading");
    s2.offline = false;
    d.wake(); // browser back online
    await flush();
    expect(d.state().phase).toBe("intro");
  });

  it("refuses an over-long message with a readable alert and keeps the draft", async () => {
    const c = await startedChat();
    expect(c.send("x".repeat(5000))).toBe(false);
    expect(c.state().alert).toMatch(/too long/);
    expect(c.send("   ")).toBe(false);
    expect(c.state().items).toHaveLength(0);
  });
});
