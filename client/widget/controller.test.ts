import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetClientFrame, WidgetConfigResponse, WidgetLeaveMessageRequest, WidgetMessage, WidgetSendRequest } from "@inbox/shared/api/widget";
import { ApiError, NetworkError, liveUrl, type WidgetApi } from "./api.ts";
import { createController, type WidgetState } from "./controller.ts";
import { stringsFor } from "./i18n.ts";
import { createSessionStore, memoryStorage, type StorageLike } from "./session.ts";
import { FakeSocket, msg } from "./testing/fakes.ts";

/** An in-memory widget server that behaves like the contract says (idempotent on clientId). */
class FakeServer implements WidgetApi {
  config: WidgetConfigResponse = {
    inboxId: "in_1",
    name: "Acme Support",
    greeting: "Hi!",
    color: "#4f46e5",
    available: true,
    greetings: {},
    position: "bottom-right",
    avatar: null,
    teamName: "",
    mode: "live",
    offlineReason: null,
  };
  /** Leave-a-message forms received (retries included), and the emails visitors left. */
  leaves: WidgetLeaveMessageRequest[] = [];
  emails: string[] = [];
  /** Typing frames the widget sent. */
  typingSends: boolean[] = [];
  messages: WidgetMessage[] = [];
  sessions: { name?: string; email?: string }[] = [];
  posts: WidgetSendRequest[] = [];
  tokens = new Set<string>(["stored-token"]);
  offline = false;
  /** Answer the next send with this error. */
  rejectNext: ApiError | null = null;
  /** Simulate a lost response: the server stores the message but the client sees a network error. */
  loseNextResponse = false;
  /**
   * How the server treats a message sent up the live socket: "answer" stores it, broadcasts
   * it and acks; "store-silently" stores it but never answers (the socket is dying);
   * "ignore" never reads it (a stuck or older server).
   */
  socketMode: "answer" | "store-silently" | "ignore" = "answer";
  /** Answer the next socket send with this error frame. */
  socketRejectNext: { code: string; message: string } | null = null;
  /** Frames received on sockets, in arrival order. */
  socketSends: WidgetClientFrame[] = [];
  private clock = 10_000;

  private store(body: WidgetSendRequest): WidgetMessage {
    let m = this.messages.find((x) => x.clientId === body.clientId);
    if (!m) {
      m = msg({ clientId: body.clientId, from: "customer", senderName: "Ada", text: body.text, createdAt: this.clock++ });
      this.messages.push(m);
    }
    return m;
  }

  /** Serve a widget's live socket; answers arrive a tick later, like over a network. */
  attach(socket: FakeSocket): void {
    socket.onSend = (raw) => {
      const sent = raw as WidgetClientFrame;
      if (this.offline || this.socketMode === "ignore") return;
      if (sent.type === "typing") return void this.typingSends.push(sent.typing);
      const frame = sent;
      this.socketSends.push(frame);
      const reject = this.socketRejectNext;
      this.socketRejectNext = null;
      const m = reject ? null : this.store(frame);
      if (this.socketMode === "store-silently") return;
      void Promise.resolve().then(() => {
        if (socket.closed) return;
        if (reject) return socket.push({ type: "error", clientId: frame.clientId, ...reject });
        socket.push({ type: "message", message: m });
        socket.push({ type: "ack", clientId: frame.clientId, message: m });
      });
    };
  }

  private check(token?: string): void {
    if (this.offline) throw new NetworkError("Failed to fetch");
    if (token !== undefined && !this.tokens.has(token)) throw new ApiError(401, "unauthenticated", "Session expired");
  }
  async leaveMessage(body: WidgetLeaveMessageRequest) {
    this.check();
    this.leaves.push(body);
    if (this.rejectNext) {
      const err = this.rejectNext;
      this.rejectNext = null;
      throw err;
    }
    if (this.loseNextResponse) {
      this.loseNextResponse = false;
      throw new NetworkError("connection reset");
    }
    this.tokens.add(`left-${body.clientId}`);
    return { token: `left-${body.clientId}`, visitorId: "v_left", conversationId: "c_left", duplicate: false };
  }
  async saveEmail(token: string, email: string) {
    this.check(token);
    this.emails.push(email);
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
  /** Tickets handed out, by the token that asked. */
  tickets: string[] = [];
  async getLiveTicket(token: string) {
    this.check(token);
    this.tickets.push(token);
    return { ticket: `ticket-for-${token}`, expiresAt: this.clock + 60_000 };
  }
  /** POSTs fail as if the network dropped them (the rest of the API still answers). */
  postsFail = false;
  async sendMessage(token: string, body: WidgetSendRequest) {
    this.check(token);
    if (this.postsFail) throw new NetworkError("connection reset");
    this.posts.push(body);
    if (this.rejectNext) {
      const err = this.rejectNext;
      this.rejectNext = null;
      throw err;
    }
    const m = this.store(body);
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
    socket?.push({ type: "message", message: m });
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
    connect: (url) => {
      const socket = new FakeSocket(url);
      server.attach(socket);
      return socket;
    },
    liveUrl: (ticket) => liveUrl("https://chat.example.com", "in_1", ticket),
    newClientId: () => `client-${String(++ids).padStart(4, "0")}`,
    backoff: (n) => 1000 * 2 ** n,
  });
  return c;
}

/** The widget when nobody can chat: the leave-a-message form, its socket never answered. */
function formWidget(strings?: ReturnType<typeof stringsFor>) {
  return createController({
    api: server,
    sessions: createSessionStore(storage, "in_1"),
    connect: (url) => new FakeSocket(url),
    liveUrl: (ticket) => liveUrl("https://chat.example.com", "in_1", ticket),
    newClientId: () => `client-${String(++ids).padStart(4, "0")}`,
    backoff: (n) => 1000 * 2 ** n,
    ...(strings ? { strings } : {}),
  });
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

/** A chat in progress; with `live: false` the socket never gets to `ready`, so sends use POST. */
async function startedChat({ live = true } = {}) {
  const c = widget();
  await c.init();
  await c.startChat({ name: "Ada", email: "ada@example.com" });
  await flush(); // the socket opens once its ticket arrives
  if (live) FakeSocket.latest().ready();
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
    await flush();
    // Opened with a ticket fetched with the session token; the token itself never goes in a URL.
    expect(FakeSocket.latest().url).toBe("wss://chat.example.com/api/widget/in_1/live?ticket=ticket-for-tok-1");
    expect(server.tickets).toEqual(["tok-1"]);
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
    const c = await startedChat({ live: false });
    const socket = FakeSocket.latest();
    expect(c.send("Where is my order?")).toBe(true);
    expect(c.state().items).toHaveLength(1);
    expect(c.state().items[0]!.state).toBe("sending");

    // The server broadcasts the stored message on the socket before the POST response lands.
    socket.push({ type: "message", message: server.messages[0] });
    expect(c.state().items).toHaveLength(1);
    expect(c.state().items[0]!.state).toBe("sent");
    await flush(); // now the POST response arrives too
    expect(texts(c.state())).toEqual(["Where is my order?"]);
    expect(c.state().items[0]!.state).toBe("sent");
  });

  it("a tapped button goes out as its title with its id, on the socket and by POST after a reload", async () => {
    const first = await startedChat();
    expect(first.send("Track order", "track")).toBe(true);
    await flush();
    expect(server.socketSends.at(-1)).toMatchObject({ type: "send", text: "Track order", choiceId: "track" });

    server.offline = true;
    first.send("Return", "return");
    await flush();
    first.destroy();
    server.offline = false;
    // Kept on the device with its id while it waited; the reloaded widget sends it by POST.
    const reloaded = widget();
    await reloaded.init();
    await flush();
    expect(server.posts.at(-1)).toMatchObject({ text: "Return", choiceId: "return" });
    expect(reloaded.state().items.find((i) => i.content.kind === "text" && i.content.text === "Return")?.state).toBe("sent");
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
    const c = await startedChat({ live: false });
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
    const c = await startedChat({ live: false });
    server.loseNextResponse = true;
    c.send("hello");
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001", "client-0001"]);
    expect(server.messages).toHaveLength(1);
    expect(texts(c.state())).toEqual(["hello"]);
  });

  it("shows the server's reason in an alert when it rejects a message, and lets the customer retry", async () => {
    const c = await startedChat({ live: false });
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
    expect(FakeSocket.latest().url).toContain("ticket=ticket-for-tok-1");
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

  it("starts over when the session ends while the live socket is down (its ticket is refused)", async () => {
    const c = await startedChat();
    server.tokens.clear();
    FakeSocket.latest().drop();
    await vi.advanceTimersByTimeAsync(1000); // the reconnect asks for a ticket first
    expect(c.state().phase).toBe("intro");
    expect(c.state().alert).toMatch(/ended/);
    expect(storage.getItem("inbox-widget:in_1")).toBeNull();
  });

  it("shows the server's sentence while it is asked to slow down, and sends the message once it may", async () => {
    const c = await startedChat({ live: false });
    server.rejectNext = new ApiError(429, "rate_limited", "You're sending messages too fast. Please wait a moment and try again.");
    c.send("one more thing");
    await flush();
    expect(c.state().alert).toBe("You're sending messages too fast. Please wait a moment and try again.");
    expect(c.state().items[0]).toMatchObject({ state: "sending", retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.state().items[0]!.state).toBe("sent");
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001", "client-0001"]);
  });

  it("an overloaded server (503): says so, waits its Retry-After, sends the same clientId again, and shows the message once", async () => {
    const c = await startedChat({ live: false });
    server.rejectNext = new ApiError(503, "overloaded", "We're very busy right now. Your message will be sent in a moment.", undefined, 10_000);
    c.send("are you there?");
    await flush();
    expect(c.state().alert).toBe("We're very busy right now. Your message will be sent in a moment.");
    expect(c.state().items[0]).toMatchObject({ state: "sending", retrying: true });
    await vi.advanceTimersByTimeAsync(1000); // the backoff alone would have sent it by now
    expect(server.posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(9000);
    expect(c.state().items.map((i) => i.state)).toEqual(["sent"]);
    expect(texts(c.state())).toEqual(["are you there?"]);
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001", "client-0001"]);
    expect(c.state().alert).toBeNull();
  });

  it("an overloaded server's refusal on the live socket is retried too, with the same clientId", async () => {
    const c = await startedChat();
    server.socketRejectNext = { code: "overloaded", message: "We're very busy right now. Your message will be sent in a moment." };
    c.send("hello?");
    await flush();
    expect(c.state().items[0]).toMatchObject({ state: "sending", retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.state().items.map((i) => i.state)).toEqual(["sent"]);
    expect(server.socketSends.filter((f) => f.type === "send").map((f) => (f.type === "send" ? f.clientId : ""))).toEqual(["client-0001", "client-0001"]);
    expect(server.messages.filter((m) => m.clientId === "client-0001")).toHaveLength(1);
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

describe("sending over the live socket", () => {
  const sentFrames = (socket: FakeSocket) => socket.sent.map((f) => (f as Extract<WidgetClientFrame, { type: "send" }>).clientId);

  it("sends over the open socket and shows the message as sent on ack, without any POST", async () => {
    const c = await startedChat();
    const socket = FakeSocket.latest();
    c.send("Where is my order?");
    expect(c.state().items[0]!.state).toBe("sending");
    expect(socket.sent).toEqual([{ type: "send", clientId: "client-0001", text: "Where is my order?" }]);
    await flush();
    expect(texts(c.state())).toEqual(["Where is my order?"]); // broadcast + ack: still one bubble
    expect(c.state().items[0]).toMatchObject({ state: "sent", id: server.messages[0]!.id });
    expect(server.posts).toEqual([]);
    expect(storage.getItem("inbox-widget:in_1")).toContain('"outbox":[]');
  });

  it("shows the server's words from an error frame, marks the message not sent, and retries only when asked", async () => {
    const c = await startedChat();
    server.socketRejectNext = { code: "validation_failed", message: "Links are not allowed here." };
    c.send("http://spam");
    await flush();
    expect(c.state().alert).toBe("Links are not allowed here.");
    expect(c.state().items[0]).toMatchObject({ state: "failed", error: "Links are not allowed here." });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.posts).toEqual([]); // a refusal is not a reason to try POST
    expect(server.socketSends).toHaveLength(1);

    c.retry("client-0001");
    await flush();
    expect(c.state().alert).toBeNull();
    expect(c.state().items[0]!.state).toBe("sent");
    expect(texts(c.state())).toEqual(["http://spam"]);
  });

  it("starts over when the socket says the session has ended, as a 401 from POST would", async () => {
    const c = await startedChat();
    server.socketRejectNext = { code: "unauthenticated", message: "Your chat session has ended. Please start a new chat." };
    c.send("hello?");
    await flush();
    expect(c.state().phase).toBe("intro");
    expect(c.state().alert).toMatch(/ended/);
  });

  it("falls back to POST with the same clientId when the socket dies mid-send, and shows the message once", async () => {
    const c = await startedChat();
    const socket = FakeSocket.latest();
    server.socketMode = "store-silently"; // the server got it, but the ack never makes it back
    c.send("Is anyone there?");
    await flush();
    expect(server.posts).toEqual([]);
    socket.drop();
    await flush();
    expect(server.posts).toEqual([{ clientId: "client-0001", text: "Is anyone there?" }]);
    expect(server.messages).toHaveLength(1); // same clientId: stored once
    expect(texts(c.state())).toEqual(["Is anyone there?"]);
    expect(c.state().items[0]!.state).toBe("sent");

    // Reconnecting refetches history: still one bubble.
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.latest().ready();
    await flush();
    expect(texts(c.state())).toEqual(["Is anyone there?"]);
    expect(c.state().alert).toBeNull();
  });

  it("falls back to POST when no answer comes within 5 seconds, then keeps using POST on that socket", async () => {
    const c = await startedChat();
    server.socketMode = "ignore";
    c.send("first");
    await vi.advanceTimersByTimeAsync(4999);
    expect(server.posts).toEqual([]);
    expect(c.state().items[0]!.state).toBe("sending");
    await vi.advanceTimersByTimeAsync(1);
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001"]);
    expect(c.state().items[0]!.state).toBe("sent");

    c.send("second"); // no second 5 s wait on a socket that doesn't answer
    await flush();
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001", "client-0002"]);
    expect(FakeSocket.latest().sent).toHaveLength(1);
    expect(texts(c.state())).toEqual(["first", "second"]);
  });

  it("keeps typing order, one message in flight at a time, across a fallback and a reconnect", async () => {
    const c = await startedChat();
    const socket = FakeSocket.latest();
    c.send("one");
    c.send("two");
    c.send("three");
    expect(sentFrames(socket)).toEqual(["client-0001"]); // the next waits for this one's ack
    await flush();
    expect(sentFrames(socket)).toEqual(["client-0001", "client-0002", "client-0003"]);
    expect(server.posts).toEqual([]);

    server.socketMode = "store-silently";
    c.send("four");
    c.send("five");
    await flush();
    socket.drop(); // "four" falls back to POST; "five" follows it by POST
    await flush();
    expect(server.posts.map((p) => p.text)).toEqual(["four", "five"]);
    server.socketMode = "answer";

    server.postsFail = true;
    c.send("six"); // socket down and POST failing: waits with backoff
    await flush();
    expect(c.state().items.at(-1)).toMatchObject({ state: "sending", retrying: true });
    await vi.advanceTimersByTimeAsync(1000); // live reconnects; the POST retry fails again
    expect(server.posts).toHaveLength(2);
    server.postsFail = false;
    FakeSocket.latest().ready(); // …and the waiting message goes at once, on the socket
    await flush();
    expect(sentFrames(FakeSocket.latest())).toEqual(["client-0006"]);

    const expected = ["one", "two", "three", "four", "five", "six"];
    expect(server.messages.map((m) => (m.content.kind === "text" ? m.content.text : "?"))).toEqual(expected);
    expect(texts(c.state())).toEqual(expected);
    expect(c.state().items.every((i) => i.state === "sent")).toBe(true);
  });

  it("uses POST while the socket is still connecting", async () => {
    const c = await startedChat({ live: false });
    c.send("quick one");
    await flush();
    expect(FakeSocket.latest().sent).toEqual([]);
    expect(server.posts.map((p) => p.clientId)).toEqual(["client-0001"]);
    expect(c.state().items[0]!.state).toBe("sent");
  });
});

describe("leave a message, typing and the email question (issue 16)", () => {
  it("offers the form when nobody can chat; a lost answer is retried with the same id; the chat then shows with a confirmation in the visitor's language", async () => {
    server.config = { ...server.config, mode: "leave_message", offlineReason: "closed" };
    const c = formWidget(stringsFor("pt-BR"));
    await c.init();
    expect(c.state().phase).toBe("leave");
    await c.leaveMessage({ name: "Lia", email: "lia@", text: "Oi" });
    expect(c.state().alert).toBe("Informe um e-mail válido.");
    expect(server.leaves).toHaveLength(0);

    server.loseNextResponse = true;
    await c.leaveMessage({ name: "Lia", email: "lia@example.com", text: "Oi, preciso de ajuda" });
    expect(c.state().alert).toBe("Não foi possível conectar ao chat agora. Verifique sua conexão e tente de novo.");
    expect(c.state().phase).toBe("leave");
    await c.leaveMessage({ name: "Lia", email: "lia@example.com", text: "Oi, preciso de ajuda" });
    expect(server.leaves.map((l) => l.clientId)).toEqual(["client-0001", "client-0001"]);
    expect(c.state()).toMatchObject({ phase: "chat", notice: "Obrigado! Recebemos sua mensagem e responderemos para lia@example.com." });
    c.destroy();
  });

  it("an overloaded server (503) on the form: says so in the visitor's language, waits its Retry-After, sends the same clientId again by itself", async () => {
    server.config = { ...server.config, mode: "leave_message", offlineReason: "nobody" };
    const c = formWidget(stringsFor("es"));
    await c.init();
    server.rejectNext = new ApiError(503, "overloaded", "We're very busy right now. Your message will be sent in a moment.", undefined, 10_000);
    await c.leaveMessage({ name: "Lia", email: "lia@example.com", text: "Hola, necesito ayuda" });
    expect(c.state()).toMatchObject({ phase: "leave", leaving: true, alert: "Estamos muy ocupados ahora. Tu mensaje se enviará en un momento." });
    // Pressing again while it waits sends nothing more.
    await c.leaveMessage({ name: "Lia", email: "lia@example.com", text: "Hola, necesito ayuda" });
    await vi.advanceTimersByTimeAsync(1000); // the backoff alone would have sent it by now
    expect(server.leaves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(9000);
    expect(server.leaves.map((l) => l.clientId)).toEqual(["client-0001", "client-0001"]);
    expect(c.state()).toMatchObject({ phase: "chat", leaving: false, alert: null });
    expect(c.state().notice).toContain("lia@example.com");
    c.destroy();
  });

  it("a form waiting out an overloaded server goes at once when the browser is back (wake), once", async () => {
    server.config = { ...server.config, mode: "leave_message", offlineReason: "nobody" };
    const c = formWidget();
    await c.init();
    server.rejectNext = new ApiError(503, "overloaded", "We're very busy right now. Your message will be sent in a moment.", undefined, 10_000);
    await c.leaveMessage({ name: "Lia", email: "lia@example.com", text: "Hello" });
    expect(c.state()).toMatchObject({ phase: "leave", leaving: true });
    c.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.leaves.map((l) => l.clientId)).toEqual(["client-0001", "client-0001"]);
    expect(c.state()).toMatchObject({ phase: "chat", leaving: false, alert: null });
    // Its Retry-After timer went with it: nothing is sent a third time.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.leaves).toHaveLength(2);
    c.destroy();
  });

  it("says the visitor is typing at most every few seconds and stops after a pause; shows an agent typing until they stop, answer or go quiet", async () => {
    const c = await startedChat();
    const socket = FakeSocket.latest();
    c.typing();
    c.typing();
    await vi.advanceTimersByTimeAsync(1000);
    c.typing();
    expect(server.typingSends).toEqual([true]);
    await vi.advanceTimersByTimeAsync(2500);
    c.typing(); // 3.5 s after the first: said again
    expect(server.typingSends).toEqual([true, true]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(server.typingSends).toEqual([true, true, false]);

    socket.push({ type: "typing", typing: true, name: "Grace" });
    expect(c.state().agentTyping).toBe("Grace");
    socket.push({ type: "typing", typing: false, name: "Grace" });
    expect(c.state().agentTyping).toBeNull();
    socket.push({ type: "typing", typing: true, name: "Grace" });
    server.agentReplies("Here to help", socket);
    expect(c.state().agentTyping).toBeNull();
    socket.push({ type: "typing", typing: true, name: "Grace" });
    await vi.advanceTimersByTimeAsync(6000);
    expect(c.state().agentTyping).toBeNull();
    c.destroy();
  });

  it("asks once for the email when the visitor closes before an answer, and keeps it for the reply", async () => {
    const c = widget();
    await c.init();
    await c.startChat({ name: "Ada", email: "" });
    await flush();
    FakeSocket.latest().ready();
    await flush();
    c.setOpen(true);
    expect(c.send("Where is my parcel?")).toBe(true);
    await flush();
    c.setOpen(false);
    expect(c.state()).toMatchObject({ open: true, askEmail: true });
    c.declineEmail();
    expect(c.state()).toMatchObject({ open: false, askEmail: false });
    // Asked once: closing again just closes.
    c.setOpen(true);
    c.setOpen(false);
    expect(c.state()).toMatchObject({ open: false, askEmail: false });
    c.destroy();

    // Another visitor answers it after waiting a while with the panel open.
    const other = createController({
      api: server,
      sessions: createSessionStore(memoryStorage(), "in_1"),
      connect: (url) => {
        const socket = new FakeSocket(url);
        server.attach(socket);
        return socket;
      },
      liveUrl: (ticket) => liveUrl("https://chat.example.com", "in_1", ticket),
      newClientId: () => `client-${String(++ids).padStart(4, "0")}`,
      askEmailAfterMs: 30_000,
    });
    await other.init();
    await other.startChat({ name: "Bo", email: "" });
    await flush();
    FakeSocket.latest().ready();
    await flush();
    other.setOpen(true);
    other.send("Hello?");
    await flush();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(other.state().askEmail).toBe(true);
    await other.saveEmail("bo@example");
    expect(other.state().alert).toBe("Please enter a valid email address.");
    await other.saveEmail("bo@example.com");
    expect(server.emails).toEqual(["bo@example.com"]);
    expect(other.state()).toMatchObject({ askEmail: false, notice: "Thanks! We'll reply to bo@example.com." });
    other.destroy();
  });
});
