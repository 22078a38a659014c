import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { Conversation } from "@inbox/shared";
import { bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

function connect(doc: Y.Doc, room: string, token: string): WebsocketProvider {
  return new WebsocketProvider(server.url.replace("http", "ws") + "/sync", room, doc, {
    WebSocketPolyfill: bearerWebSocket(token),
    disableBc: true,
  });
}

describe("rooms are a projection of libSQL", () => {
  it("a room that was unloaded while changes happened is whole again when an agent comes back", async () => {
    const token = await server.login("ana@demo.inbox");
    const room = `team.${server.seed!.teamIds.support}`;
    // The agent's own copy of the document survives the disconnect, as a PWA's would.
    const doc = new Y.Doc();
    const first = connect(doc, room, token);
    await waitFor("synced", () => first.synced);
    const before = doc.getMap<Conversation>("conversations").size;
    first.destroy();
    await waitFor("room unloaded", () => !server.core.rooms.get(room));

    const inbox = server.seed!.inboxIds.site!;
    const visitor = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "While Away" } })).json()) as { token: string };
    await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: visitor.token, json: { clientId: "while-away-0001", text: "anyone?" } });

    const again = connect(doc, room, token);
    const list = doc.getMap<Conversation>("conversations");
    const seen = await waitFor("the new conversation", () => [...list.values()].find((c) => c.contactName === "While Away"));
    expect(seen.lastMessagePreview).toBe("anyone?");
    expect(list.size).toBe(before + 1);
    // Nothing doubled: one entry per conversation in the record.
    const rows = await server.core.db.query.conversations.findMany({ where: (c, { eq }) => eq(c.teamId, server.seed!.teamIds.support!) });
    expect([...list.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    again.destroy();
  });

  it("keeps its history across a server restart, so clients with a cached copy merge without duplicates", async () => {
    const token = await server.login("admin@demo.inbox");
    const room = `team.${server.seed!.teamIds.sales}`;
    const doc = new Y.Doc();
    const p = connect(doc, room, token);
    await waitFor("synced", () => p.synced);
    const size = doc.getMap("conversations").size;
    p.destroy();
    await server.close();
    const restarted = await startTestServer({ dir: server.dir });
    try {
      const token2 = await restarted.login("admin@demo.inbox");
      const q = new WebsocketProvider(restarted.url.replace("http", "ws") + "/sync", room, doc, {
        WebSocketPolyfill: bearerWebSocket(token2),
        disableBc: true,
      });
      await waitFor("synced after restart", () => q.synced);
      await new Promise((r) => setTimeout(r, 100));
      expect(doc.getMap("conversations").size).toBe(size);
      // Replaying the persisted log produced no new history: the server's state equals the client's.
      const server2Doc = (await restarted.core.rooms.open(room)).doc;
      expect(Y.encodeStateVector(server2Doc)).toEqual(Y.encodeStateVector(doc));
      q.destroy();
    } finally {
      await restarted.stop();
    }
  });
});
