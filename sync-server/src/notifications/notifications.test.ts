import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { Conversation, Note } from "@inbox/shared";
import type { Notification } from "@inbox/shared/api/content";
import { agentSocket, bearerWebSocket, openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// @mentions in notes, end to end over real sockets: the note goes into the work room like the
// PWA writes it, and the mentioned colleague's own room and notifications list show it.

interface Login {
  token: string;
  id: string;
}
let server: TestServer;
let conv: Conversation;
let ana: Login;
let sam: Login;
let bruno: Login;
let alice: Login;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const login = async (email: string): Promise<Login> => {
    const res = await server.api("/api/auth/login", { method: "POST", json: { email, password: "test-password-1" } });
    const body = (await res.json()) as { token: string; user: { id: string } };
    return { token: body.token, id: body.user.id };
  };
  ana = await login("ana@demo.inbox");
  sam = await login("supervisor@demo.inbox");
  bruno = await login("bruno@demo.inbox");
  alice = await login("admin@demo.inbox");
  const list = (await (await server.api("/api/conversations", { token: ana.token })).json()) as { conversations: Conversation[] };
  conv = list.conversations.find((c) => c.contactName === "Maria Oliveira")!;
});
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  await server.stop();
});

function connect(room: string, doc: Y.Doc, token: string): WebsocketProvider {
  const p = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", room, doc, {
    WebSocketPolyfill: bearerWebSocket(token),
    disableBc: true,
  });
  providers.push(p);
  return p;
}

function note(author: Login, text: string): Note {
  return { id: crypto.randomUUID(), conversationId: conv.id, authorId: author.id, authorName: "Ana Souza", text, createdAt: Date.now() };
}

async function notificationsOf(user: Login): Promise<Notification[]> {
  const res = await server.api("/api/me/notifications", { token: user.token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { notifications: Notification[] }).notifications;
}

async function mentionEvents(noteId: string) {
  await server.core.writer.drain();
  const rows = await server.core.db.query.events.findMany({ where: (e, { eq }) => eq(e.type, "note.mentioned") });
  return rows.filter((r) => r.data.noteId === noteId);
}

describe("@mentions in notes notify the colleague", () => {
  it("notifies only the mentioned colleague who can see the conversation, live in their own room", async () => {
    const samInbox = new Y.Doc();
    const samRoom = connect(`user.${sam.id}`, samInbox, sam.token);
    await waitFor("Sam's room synced", () => samRoom.synced);

    const work = new Y.Doc();
    const room = connect(`work.${conv.id}`, work, ana.token);
    await waitFor("work room synced", () => room.synced);
    // Bruno is in Sales only: Maria's chat (Support) is not his to see.
    const n = note(ana, "VIP customer: @Sam please approve the refund, and @Bruno FYI. Thanks @Ana.");
    work.getMap("notes").set(n.id, n);

    const live = await waitFor("Sam's live notification", () => [...samInbox.getMap("notifications").values()][0] as Notification | undefined);
    expect(live).toMatchObject({ kind: "mention", conversationId: conv.id, actorId: ana.id, actorName: "Ana Souza", contactName: "Maria Oliveira", readAt: null });
    expect(live.excerpt).toContain("@Sam please approve");

    expect((await notificationsOf(sam)).map((x) => x.id)).toEqual([live.id]);
    expect(await notificationsOf(bruno)).toEqual([]);
    expect(await notificationsOf(alice)).toEqual([]);
    expect(await notificationsOf(ana)).toEqual([]);
    const events = await mentionEvents(n.id);
    expect(events.map((e) => e.data.userId)).toEqual([sam.id]);
    expect(events[0]).toMatchObject({ conversationId: conv.id, actorId: ana.id });
  });

  it("an edited or replayed note does not notify twice", async () => {
    const work = new Y.Doc();
    const room = connect(`work.${conv.id}`, work, ana.token);
    await waitFor("work room synced", () => room.synced);
    const n = note(ana, "@Alice can you look at this?");
    work.getMap("notes").set(n.id, n);
    await waitFor("Alice notified", async () => (await notificationsOf(alice)).length === 1);

    // Edited in place, then removed and written again (what a stale device replaying it does),
    // together with a fresh mention: once that one arrives, the replay has been handled too.
    work.getMap("notes").set(n.id, { ...n, text: "@Alice can you look at this? Edited." });
    work.getMap("notes").delete(n.id);
    const fresh = note(ana, "@Alice one more thing");
    work.transact(() => {
      work.getMap("notes").set(n.id, n);
      work.getMap("notes").set(fresh.id, fresh);
    });
    const after = await waitFor("the fresh mention", async () => {
      const list = await notificationsOf(alice);
      return list.some((x) => x.excerpt === fresh.text) && list;
    });
    expect(after.map((x) => x.excerpt).sort()).toEqual([fresh.text, n.text].sort());
    expect(await mentionEvents(n.id)).toHaveLength(1);
  });

  it("marking read shows in the record and the user's room", async () => {
    const inbox = new Y.Doc();
    const room = connect(`user.${sam.id}`, inbox, sam.token);
    await waitFor("synced", () => room.synced);
    const [first] = await notificationsOf(sam);
    const res = await server.api("/api/me/notifications/read", { method: "POST", token: sam.token, json: { ids: [first!.id] } });
    expect(await res.json()).toEqual({ marked: 1 });
    await waitFor("read in the room", () => (inbox.getMap("notifications").get(first!.id) as Notification | undefined)?.readAt);
    expect((await notificationsOf(sam))[0]!.readAt).not.toBeNull();
    // Marking again changes nothing.
    expect(await (await server.api("/api/me/notifications/read", { method: "POST", token: sam.token, json: {} })).json()).toEqual({ marked: 0 });
  });

  it("nobody may open someone else's notifications room", async () => {
    await expect(agentSocket(`${server.url.replace("http", "ws")}/sync/user.${sam.id}`, ana.token)).rejects.toThrow(/403/);
  });
});
