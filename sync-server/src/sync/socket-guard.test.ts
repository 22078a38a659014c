import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { Conversation, Note } from "@inbox/shared";
import { teamMembers, users } from "../db/schema.ts";
import { agentSocket, bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Open sockets do not outlive access: sign-out, session expiry, removal from a team, a role
// change and deactivation each close (or narrow) the sockets they affect, within seconds.

/** A raw agent socket and the close code it ends with (null while open). */
async function watched(server: TestServer, room: string, token: string): Promise<{ ws: WebSocket; code: () => number | null }> {
  const ws = await agentSocket(`${server.url.replace("http", "ws")}/sync/${room}`, token);
  let code: number | null = null;
  ws.on("close", (c) => (code = c));
  return { ws, code: () => code };
}

async function login(server: TestServer, email: string): Promise<{ token: string; id: string }> {
  const res = await server.api("/api/auth/login", { method: "POST", json: { email, password: "test-password-1" } });
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { token: body.token, id: body.user.id };
}

describe("sign-out", () => {
  // No periodic check here: the sign-out itself closes the session's sockets in this process.
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sockets: { recheckMs: 3600_000 } });
  });
  afterAll(() => server.stop());

  it("closes every socket of the signed-out session at once, and leaves the user's other sessions open", async () => {
    const phone = await login(server, "ana@demo.inbox");
    const laptop = await login(server, "ana@demo.inbox");
    const team = `team.${server.seed!.teamIds.support}`;
    const a = await watched(server, team, phone.token);
    const b = await watched(server, `user.${phone.id}`, phone.token);
    const other = await watched(server, team, laptop.token);
    expect((await server.api("/api/auth/logout", { method: "POST", token: phone.token })).status).toBe(204);
    await waitFor("the session's sockets closed", () => a.code() !== null && b.code() !== null);
    expect([a.code(), b.code()]).toEqual([4401, 4401]);
    expect(other.code()).toBeNull();
    other.ws.close();
  });
});

describe("access checked again while sockets are open", () => {
  let server: TestServer;
  let conv: Conversation;
  beforeAll(async () => {
    server = await startTestServer({ sockets: { recheckMs: 100 } });
    const admin = await server.login("admin@demo.inbox");
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    conv = list.conversations.find((c) => c.contactName === "Maria Oliveira")!;
  });
  afterAll(() => server.stop());

  it("removal from a team closes that team's rooms (and its conversations') but not the user's own room", async () => {
    const ana = await login(server, "ana@demo.inbox");
    const supportTeam = server.seed!.teamIds.support!;
    expect(conv.teamId).toBe(supportTeam);
    const team = await watched(server, `team.${supportTeam}`, ana.token);
    const work = await watched(server, `work.${conv.id}`, ana.token);
    const own = await watched(server, `user.${ana.id}`, ana.token);
    await server.core.db.delete(teamMembers).where(and(eq(teamMembers.userId, ana.id), eq(teamMembers.teamId, supportTeam)));
    try {
      await waitFor("the team's sockets closed", () => team.code() !== null && work.code() !== null);
      expect([team.code(), work.code()]).toEqual([4403, 4403]);
      expect(own.code()).toBeNull();
    } finally {
      await server.core.db.insert(teamMembers).values({ userId: ana.id, teamId: supportTeam });
      own.ws.close();
    }
  });

  it("a role change closes rooms the new role does not see, and narrows what the others allow", async () => {
    const sam = await login(server, "supervisor@demo.inbox");
    // A supervisor watches the board of a team they lead; agents have no board.
    const sales = await watched(server, `board.${server.seed!.teamIds.support!}`, sam.token);

    // In the support conversation's work room (Sam stays a member of support), a supervisor may
    // edit a colleague's note; once an agent, no longer.
    const ana = await login(server, "ana@demo.inbox");
    const anaDoc = new Y.Doc();
    const samDoc = new Y.Doc();
    const url = server.url.replace("http", "ws") + "/sync";
    const anaRoom = new WebsocketProvider(url, `work.${conv.id}`, anaDoc, { WebSocketPolyfill: bearerWebSocket(ana.token), disableBc: true });
    const samRoom = new WebsocketProvider(url, `work.${conv.id}`, samDoc, { WebSocketPolyfill: bearerWebSocket(sam.token), disableBc: true });
    const note: Note = { id: crypto.randomUUID(), conversationId: conv.id, authorId: ana.id, authorName: "Ana", text: "Refund approved", createdAt: Date.now() };
    anaDoc.getMap("notes").set(note.id, note);
    await waitFor("note shared", () => samDoc.getMap("notes").has(note.id));
    samDoc.getMap("notes").set(note.id, { ...note, text: "Refund approved (checked by Sam)" });
    await waitFor("the supervisor's edit kept", () => (anaDoc.getMap("notes").get(note.id) as Note | undefined)?.text === "Refund approved (checked by Sam)");

    await server.core.db.update(users).set({ role: "agent" }).where(eq(users.id, sam.id));
    try {
      await waitFor("the board room closed", () => sales.code() !== null);
      expect(sales.code()).toBe(4403);
      // The same pass narrowed Sam's work socket: as an agent, his edit of Ana's note is put back.
      samDoc.getMap("notes").set(note.id, { ...note, text: "Refund denied" });
      await waitFor("the edit put back", () => (samDoc.getMap("notes").get(note.id) as Note).text === "Refund approved (checked by Sam)");
      expect(samRoom.wsconnected).toBe(true);
    } finally {
      await server.core.db.update(users).set({ role: "supervisor" }).where(eq(users.id, sam.id));
      anaRoom.destroy();
      samRoom.destroy();
    }
  });

  it("deactivating a user closes their sockets, and their session opens nothing any more", async () => {
    const bruno = await login(server, "bruno@demo.inbox");
    const team = await watched(server, `team.${server.seed!.teamIds.sales}`, bruno.token);
    await server.core.db.update(users).set({ deactivatedAt: Date.now() }).where(eq(users.id, bruno.id));
    try {
      await waitFor("closed", () => team.code() !== null);
      expect(team.code()).toBe(4401);
      expect((await server.api("/api/me", { token: bruno.token })).status).toBe(401);
      await expect(agentSocket(`${server.url.replace("http", "ws")}/sync/user.${bruno.id}`, bruno.token)).rejects.toThrow(/401/);
      const again = await server.api("/api/auth/login", { method: "POST", json: { email: "bruno@demo.inbox", password: "test-password-1" } });
      expect(again.status).toBe(401);
    } finally {
      await server.core.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, bruno.id));
    }
  });

  // Last: moving the clock ends every session of this server.
  it("an expired session's sockets are closed", async () => {
    const ana = await login(server, "ana@demo.inbox");
    const own = await watched(server, `user.${ana.id}`, ana.token);
    server.clock.offsetMs = 2 * 3600_000; // sessions last an hour here
    await waitFor("closed", () => own.code() !== null);
    expect(own.code()).toBe(4401);
  });
});
