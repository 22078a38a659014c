import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { BOARD_MAP, boardFromEntries, DEFAULT_LONG_WAIT_MS, MyNumbersSchema, TeamBoardSchema, type Conversation, type TeamBoard } from "@inbox/shared";
import { agentSocket, bearerWebSocket, openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// The live board over real sockets: built when a supervisor opens it, rebuilt as events commit,
// and shown only to admins and the supervisors who lead the team.

let server: TestServer;
let sam: string;
let ana: string;
let alice: string;
let supportId: string;
let billingId: string;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // Routing would take the chats off the queue; the board's queue is what this test watches.
  server.core.router.scheduler.stop();
  sam = await server.login("supervisor@demo.inbox");
  ana = await server.login("ana@demo.inbox");
  alice = await server.login("admin@demo.inbox");
  supportId = server.seed!.teamIds.support!;
  billingId = server.seed!.teamIds.billing!;
});
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  await server.stop();
});

function watchBoard(teamId: string, token: string): { board: () => TeamBoard | null } {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `board.${teamId}`, doc, { WebSocketPolyfill: bearerWebSocket(token), disableBc: true });
  providers.push(p);
  return {
    board: () => {
      const map = doc.getMap(BOARD_MAP);
      const raw = boardFromEntries((key) => map.get(key));
      return raw ? TeamBoardSchema.parse(raw) : null;
    },
  };
}

async function customerWrites(name: string): Promise<Conversation> {
  const inbox = server.seed!.inboxIds.site!;
  const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `board-${name.replace(/\W/g, "-")}`, text: "hello" } });
  const list = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
  return list.conversations.find((c) => c.contactName === name)!;
}

describe("supervision board", () => {
  it("shows a team's queue and agents, and moves as a customer writes (no refresh)", async () => {
    const watch = watchBoard(supportId, sam);
    const first = await waitFor("the board", () => watch.board());
    expect(first.teamName).toBe("Support");
    expect(first.agents.map((a) => a.name)).toContain("Ana Souza");
    const before = first.team.counts.waiting;

    const conv = await customerWrites("Board Customer One");
    const after = await waitFor("the new chat on the board", () => {
      const b = watch.board();
      return b && b.team.waiting.some((r) => r.conversationId === conv.id) ? b : null;
    });
    expect(after.team.counts.waiting).toBe(before + 1);
    const row = after.team.waiting.find((r) => r.conversationId === conv.id)!;
    expect(row.position).toBeGreaterThan(0);
    expect(row.channel).toBe("webchat");
    const site = after.inboxes.find((i) => i.inboxId === conv.inboxId)!;
    expect(site.waiting.some((r) => r.conversationId === conv.id)).toBe(true);
    expect(after.team.waiting.map((r) => r.position)).toEqual(after.team.waiting.map((_, i) => i + 1));

    // Ana answers and resolves: her load, last reply, handled count and first response move.
    expect((await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: ana, json: { clientId: "board-reply-01", text: "On it" } })).status).toBe(201);
    expect((await server.api(`/api/conversations/${conv.id}/status`, { method: "POST", token: ana, json: { status: "resolved" } })).status).toBe(200);
    const moved = await waitFor("Ana's numbers on the board", () => {
      const b = watch.board();
      const a = b?.agents.find((x) => x.name === "Ana Souza");
      return a && a.handledToday >= 1 && !b!.team.waiting.some((r) => r.conversationId === conv.id) ? a : null;
    });
    expect(moved.lastReplyAt).not.toBeNull();
    expect(moved.medianFirstResponseMs).not.toBeNull();

    const mine = MyNumbersSchema.parse(await (await server.api("/api/me/today", { token: ana })).json());
    expect(mine.handledToday).toBeGreaterThanOrEqual(1);
    expect(mine.medianFirstResponseMs).not.toBeNull();
    expect(mine.capacity).toBeGreaterThan(0);
  });

  it("shows availability and since when", async () => {
    const watch = watchBoard(supportId, alice);
    await waitFor("the board", () => watch.board());
    // Ana is online: her socket is open and presence has stamped it.
    const socket = await agentSocket(server.url.replace("http", "ws") + `/sync/team.${supportId}`, ana);
    await server.core.router.presence.stamp();
    expect((await server.api("/api/me/availability", { method: "PUT", token: ana, json: { availability: "busy" } })).status).toBeLessThan(300);
    const agent = await waitFor("Ana busy", () => {
      const a = watch.board()?.agents.find((x) => x.name === "Ana Souza");
      return a && a.availability === "busy" ? a : null;
    });
    expect(agent.availabilitySince).toBeGreaterThan(0);
    socket.close();
  });

  it("is for the team's supervisors and admins only", async () => {
    const url = (team: string) => server.url.replace("http", "ws") + `/sync/board.${team}`;
    await expect(openSocket(url(supportId), { authorization: `Bearer ${ana}` })).rejects.toThrow(/403/);
    await expect(openSocket(url(billingId), { authorization: `Bearer ${sam}` })).rejects.toThrow(/403/);
    const ok = await openSocket(url(billingId), { authorization: `Bearer ${alice}` });
    ok.close();
  });

  it("scopes supervisors' teams and lists to the teams they lead", async () => {
    const me = (await (await server.api("/api/me", { token: sam })).json()) as { teams: { name: string }[] };
    expect(me.teams.map((t) => t.name).sort()).toEqual(["Sales", "Support"]);
    const admin = (await (await server.api("/api/me", { token: alice })).json()) as { teams: { name: string }[] };
    expect(admin.teams.map((t) => t.name)).toContain("Billing");
    const room = await openSocket(server.url.replace("http", "ws") + `/sync/team.${billingId}`, { authorization: `Bearer ${sam}` }).catch((e: Error) => e);
    expect(room).toBeInstanceOf(Error);
  });

  it("moves when a chat starts waiting too long, with nobody writing", async () => {
    const watch = watchBoard(supportId, sam);
    const conv = await customerWrites("Board Slow Customer");
    const row = await waitFor("the slow chat on the board", () => watch.board()?.team.waiting.find((r) => r.conversationId === conv.id));
    // Shortly before the chat crosses the threshold; the next write rebuilds the board then.
    const threshold = row.waitingSince + DEFAULT_LONG_WAIT_MS;
    server.clock.offsetMs += threshold - 5_000 - server.core.now();
    const nudge = await customerWrites("Board Nudge Customer");
    const built = await waitFor("the nudge on the board", () => {
      const b = watch.board();
      return b && b.team.waiting.some((r) => r.conversationId === nudge.id) ? b : null;
    });
    expect(built.at).toBeLessThan(threshold);
    const long = built.team.counts.waitingLong;
    // No write after this: the board's own wake-up counts the chat as waiting too long.
    const later = await waitFor("the long wait counted", () => {
      const b = watch.board();
      return b && b.team.counts.waitingLong > long ? b : null;
    }, 15_000);
    expect(later.at).toBeGreaterThanOrEqual(threshold);
  });
});
