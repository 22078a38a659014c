import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { BOARD_MAP, boardFromEntries, TeamBoardSchema, type CommandResult, type TeamBoard } from "@inbox/shared";
import { eq } from "drizzle-orm";
import { conversations } from "../db/schema.ts";
import { bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Raised hands on the live board, over real sockets: an agent asking for help shows on their
// team's board at once, and leaves it when a supervisor joins.

let server: TestServer;
let provider: WebsocketProvider | undefined;

beforeAll(async () => {
  server = await startTestServer();
  server.core.router.scheduler.stop();
});
afterAll(async () => {
  provider?.destroy();
  await server.stop();
});

async function command(token: string, c: object): Promise<CommandResult> {
  const res = await server.api("/api/commands", { method: "POST", token, json: { commands: [{ clientId: crypto.randomUUID(), ...c }] } });
  return ((await res.json()) as { results: CommandResult[] }).results[0]!;
}

describe("raised hands on the board", () => {
  it("shows an agent's raised hand live, and drops it when a supervisor joins", async () => {
    const [sam, ana] = await Promise.all([server.login("supervisor@demo.inbox"), server.login("ana@demo.inbox")]);
    const seed = server.seed!;
    const inbox = seed.inboxIds.site!;
    const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Helpless Hanna" } })).json()) as { token: string };
    const sent = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: "raised-hands-0001", text: "help" } });
    expect(sent.status).toBeLessThan(300);
    const conv = await waitFor("the chat", () => server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, "Helpless Hanna") }));
    expect(await command(sam, { type: "assign", conversationId: conv.id, assigneeId: seed.userIds.ana })).toMatchObject({ ok: true });

    const doc = new Y.Doc();
    provider = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `board.${seed.teamIds.support}`, doc, { WebSocketPolyfill: bearerWebSocket(sam), disableBc: true });
    const board = (): TeamBoard | null => {
      const map = doc.getMap(BOARD_MAP);
      const raw = boardFromEntries((key) => map.get(key));
      return raw ? TeamBoardSchema.parse(raw) : null;
    };
    expect((await waitFor("the board", board)).raisedHands).toEqual([]);

    expect(await command(ana, { type: "hand", conversationId: conv.id, raised: true })).toMatchObject({ ok: true });
    const raised = await waitFor("the raised hand on the board", () => board()?.raisedHands.find((h) => h.conversationId === conv.id));
    expect(raised).toMatchObject({ contactName: "Helpless Hanna", by: seed.userIds.ana, assigneeId: seed.userIds.ana });

    expect(await command(sam, { type: "join", conversationId: conv.id })).toMatchObject({ ok: true });
    await waitFor("the hand gone from the board", () => board()?.raisedHands.every((h) => h.conversationId !== conv.id));
  });
});
