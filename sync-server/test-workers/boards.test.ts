import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { BOARD_MAP, type Queue } from "@inbox/shared";
import { connect, db, ORIGIN, signIn } from "./edge-env.ts";
import { eventually, type YClient } from "./y-client.ts";

// Boards on Workers: a team's chats change in the Worker, which tells the board's room object;
// the object reads the record again only if someone watches the board, and a board that
// changed while nobody watched is fresh for its next watcher.

let token: string;
let workspaceId: string;
beforeAll(async () => {
  token = await signIn();
  workspaceId = String((await db.execute({ sql: "select workspace_id from users where email = 'admin@demo.inbox'", args: [] })).rows[0]![0]);
});

/** A team of its own with a web chat inbox, so no other test's chats are on its board. */
async function ownTeam(): Promise<{ teamId: string; inboxId: string }> {
  const teamId = crypto.randomUUID();
  const inboxId = crypto.randomUUID();
  await db.execute({ sql: "insert into teams (id, workspace_id, name) values (?, ?, ?)", args: [teamId, workspaceId, `Board ${teamId.slice(0, 8)}`] });
  await db.execute({
    sql: "insert into inboxes (id, workspace_id, name, channel, status, team_id, settings, created_at) values (?, ?, 'Board site', 'webchat', 'active', ?, '{}', ?)",
    args: [inboxId, workspaceId, teamId, Date.now()],
  });
  return { teamId, inboxId };
}

/** A visitor starts a chat on the inbox through the widget API. */
async function visitorWrites(inboxId: string, name: string): Promise<void> {
  const session = await SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
  expect(session.status).toBe(201);
  const { token: visitor } = (await session.json()) as { token: string };
  const sent = await SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${visitor}` },
    body: JSON.stringify({ clientId: crypto.randomUUID(), text: "Is anyone there?" }),
  });
  expect(sent.status).toBe(201);
}

const openChats = (board: YClient) => (board.doc.getMap(BOARD_MAP).get("team.counts") as Queue["counts"] | undefined)?.open;

describe("boards on Workers", () => {
  it("a watched board shows a new chat of its team", async () => {
    const { teamId, inboxId } = await ownTeam();
    const board = await connect(`board.${teamId}`, token);
    await eventually(() => board.synced && openChats(board) === 0);
    await visitorWrites(inboxId, "Board Watcher's Customer");
    await eventually(() => openChats(board) === 1);
    board.close();
  });

  it("a board whose team changed while nobody watched is fresh for its next watcher", async () => {
    const { teamId, inboxId } = await ownTeam();
    const first = await connect(`board.${teamId}`, token);
    await eventually(() => first.synced && openChats(first) === 0);
    first.close();
    await eventually(() => first.closed);
    await visitorWrites(inboxId, "Arrived Unwatched");
    await visitorWrites(inboxId, "Also Unwatched");
    const next = await connect(`board.${teamId}`, token);
    await eventually(() => next.synced);
    expect(openChats(next)).toBe(2);
    next.close();
  });
});
