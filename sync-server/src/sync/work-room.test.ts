import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { Conversation, Note } from "@inbox/shared";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let conv: Conversation;
let ana: { token: string; id: string };
let sam: { token: string; id: string };
beforeAll(async () => {
  server = await startTestServer();
  const login = async (email: string) => {
    const res = await server.api("/api/auth/login", { method: "POST", json: { email, password: "test-password-1" } });
    const body = (await res.json()) as { token: string; user: { id: string } };
    return { token: body.token, id: body.user.id };
  };
  ana = await login("ana@demo.inbox");
  sam = await login("supervisor@demo.inbox");
  const list = (await (await server.api("/api/conversations", { token: ana.token })).json()) as { conversations: Conversation[] };
  conv = list.conversations.find((c) => c.contactName === "Maria Oliveira")!;
});
afterAll(() => server.stop());

function connect(doc: Y.Doc, token: string): WebsocketProvider {
  return new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `work.${conv.id}`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
}

function note(author: { id: string }, text: string): Note {
  return { id: crypto.randomUUID(), conversationId: conv.id, authorId: author.id, authorName: "x", text, createdAt: Date.now() };
}

describe("a conversation's work room: notes, labels and the shared draft", () => {
  it("two agents who edited while offline converge when they reconnect, and the server records it", async () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = connect(docA, ana.token);
    const b = connect(docB, sam.token);
    await waitFor("both synced", () => a.synced && b.synced);
    docA.getText("draft").insert(0, "Hello Maria, ");
    await waitFor("draft shared", () => docB.getText("draft").toString() === "Hello Maria, ");

    // Both go offline and keep working.
    a.disconnect();
    b.disconnect();
    const na = note(ana, "Customer is a VIP, be quick @Sam");
    const nb = note(sam, "Order #1043 left the warehouse late");
    docA.getMap("notes").set(na.id, na);
    docA.getMap("labels").set("vip", true);
    docA.getText("draft").insert(docA.getText("draft").length, "your order ships today.");
    docB.getMap("notes").set(nb.id, nb);
    docB.getMap("labels").set("shipping", true);
    docB.getText("draft").insert(0, "[B] ");

    a.connect();
    b.connect();
    await waitFor("converged", () => docA.getMap("notes").size === 2 && docB.getMap("notes").size === 2 && docA.getText("draft").toString() === docB.getText("draft").toString() && docA.getMap("labels").size === 2 && docB.getMap("labels").size === 2);
    expect(docA.getText("draft").toString()).toContain("your order ships today.");
    expect(docA.getText("draft").toString()).toContain("[B]");

    // The record: labels mirrored into the conversation (so lists can filter), notes as events.
    await waitFor("labels mirrored", async () => {
      const row = await server.core.db.query.conversations.findFirst({ where: (c, { eq }) => eq(c.id, conv.id) });
      return JSON.stringify(row?.labels) === JSON.stringify(["shipping", "vip"]);
    });
    const events = await waitFor("note events", async () => {
      const rows = await server.core.db.query.events.findMany({ where: (e, { and, eq }) => and(eq(e.conversationId, conv.id), eq(e.type, "note.added")) });
      return rows.length === 2 && rows;
    });
    expect(events.map((e) => e.actorId).sort()).toEqual([ana.id, sam.id].sort());
    expect(events.find((e) => e.actorId === ana.id)!.data).toMatchObject({ mentions: ["Sam"] });
    a.destroy();
    b.destroy();
  });

  it("a note signed with someone else's name is removed again", async () => {
    const doc = new Y.Doc();
    const p = connect(doc, ana.token);
    await waitFor("synced", () => p.synced);
    const forged = note(sam, "I, Sam, approve a full refund");
    doc.getMap("notes").set(forged.id, forged);
    await waitFor("forged note removed", () => !doc.getMap("notes").has(forged.id));
    p.destroy();
  });

  it("is closed to agents outside the conversation's team", async () => {
    const bruno = await server.login("bruno@demo.inbox");
    const { openSocket } = await import("../testing/test-server.ts");
    await expect(openSocket(`${server.url.replace("http", "ws")}/sync/work.${conv.id}?token=${bruno}`)).rejects.toThrow(/403/);
  });
});
