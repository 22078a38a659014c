import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { WidgetFrameSchema, type WidgetFrame } from "@inbox/shared";
import { connect, db, e, ORIGIN, signIn, type UpgradeResponse } from "./edge-env.ts";
import { eventually, type YClient } from "./y-client.ts";

// Sockets on Workers: a room object checks its sockets' grants against the record on its alarm
// (every SOCKET_RECHECK_MS, 200 ms here), closing those whose access ended; upgrades refuse
// foreign origins and tokens in URLs; widget sockets are opened with tickets, limited in number
// per visitor and in frame size.

let teams: { support: string; sales: string };
let passwordHash: string;
let workspaceId: string;
beforeAll(async () => {
  const rows = (await db.execute({ sql: "select id, name from teams", args: [] })).rows;
  const byName = (name: string) => String(rows.find((r) => r[1] === name)![0]);
  teams = { support: byName("Support"), sales: byName("Sales") };
  const admin = (await db.execute({ sql: "select password_hash, workspace_id from users where email = 'admin@demo.inbox'", args: [] })).rows[0]!;
  passwordHash = String(admin[0]);
  workspaceId = String(admin[1]);
});

/** A user of its own for each test, so changing their record touches no other test. */
async function newUser(role: "agent" | "supervisor", teamIds: string[]): Promise<{ id: string; email: string }> {
  const id = crypto.randomUUID();
  const email = `edge-${id}@demo.inbox`;
  await db.execute({
    sql: "insert into users (id, workspace_id, email, name, role, password_hash, created_at) values (?, ?, ?, 'Edge Agent', ?, ?, ?)",
    args: [id, workspaceId, email, role, passwordHash, Date.now()],
  });
  for (const teamId of teamIds) await db.execute({ sql: "insert into team_members (team_id, user_id) values (?, ?)", args: [teamId, id] });
  return { id, email };
}

async function hashOf(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function closedWith(client: YClient): Promise<number> {
  return (await eventually(() => client.closed)).code;
}

describe("a room nobody holds yet", () => {
  it("syncs every socket that arrives at the same moment", async () => {
    // A team of its own, so no earlier test has loaded its room.
    const teamId = crypto.randomUUID();
    await db.execute({ sql: "insert into teams (id, workspace_id, name) values (?, ?, ?)", args: [teamId, workspaceId, `Edge ${teamId.slice(0, 8)}`] });
    const users = await Promise.all([0, 1, 2].map(() => newUser("agent", [teamId])));
    const tokens: string[] = [];
    for (const u of users) tokens.push(await signIn(u.email));
    const clients = await Promise.all(tokens.map((token) => connect(`team.${teamId}`, token)));
    await eventually(() => clients.every((c) => c.synced));
    for (const c of clients) c.close();
  }, 90_000);
});

describe("room sockets on Workers are checked again while open", () => {
  it("sign-out closes the session's sockets", async () => {
    const user = await newUser("agent", [teams.support]);
    const token = await signIn(user.email);
    const client = await connect(`team.${teams.support}`, token);
    const res = await SELF.fetch(`${ORIGIN}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(204);
    expect(await closedWith(client)).toBe(4401);
  });

  it("an expired session's sockets are closed", async () => {
    const user = await newUser("agent", [teams.support]);
    const token = await signIn(user.email);
    const client = await connect(`user.${user.id}`, token);
    await db.execute({ sql: "update sessions set expires_at = ? where token_hash = ?", args: [Date.now() - 1, await hashOf(token)] });
    expect(await closedWith(client)).toBe(4401);
  });

  it("removal from a team closes that team's room", async () => {
    const user = await newUser("agent", [teams.support]);
    const token = await signIn(user.email);
    const team = await connect(`team.${teams.support}`, token);
    const own = await connect(`user.${user.id}`, token);
    await db.execute({ sql: "delete from team_members where user_id = ? and team_id = ?", args: [user.id, teams.support] });
    expect(await closedWith(team)).toBe(4403);
    expect(own.closed).toBeNull();
    own.close();
  });

  it("a role change closes a room the new role does not see", async () => {
    const user = await newUser("supervisor", [teams.support]);
    const token = await signIn(user.email);
    // The board of a team they lead: a supervisor's room that an agent of the same team may not open.
    const board = await connect(`board.${teams.support}`, token);
    await db.execute({ sql: "update users set role = 'agent' where id = ?", args: [user.id] });
    expect(await closedWith(board)).toBe(4403);
  });

  it("deactivation closes the user's sockets, and the session opens nothing any more", async () => {
    const user = await newUser("agent", [teams.support]);
    const token = await signIn(user.email);
    const client = await connect(`user.${user.id}`, token);
    await db.execute({ sql: "update users set deactivated_at = ? where id = ?", args: [Date.now(), user.id] });
    expect(await closedWith(client)).toBe(4401);
    const again = await SELF.fetch(`${ORIGIN}/sync/user.${user.id}`, { headers: { upgrade: "websocket", authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
  });
});

describe("work rooms on Workers (the same room checks as on Node)", () => {
  it("put back an agent's overwrite of a supervisor's note, and refuse a 50,000-character label", async () => {
    const conversationId = String(
      (await db.execute({ sql: "select id from conversations where team_id = ? order by created_at limit 1", args: [teams.support] })).rows[0]![0],
    );
    const room = `work.${conversationId}`;
    const samId = String((await db.execute({ sql: "select id from users where email = 'supervisor@demo.inbox'", args: [] })).rows[0]![0]);
    const ana = await connect(room, await signIn("ana@demo.inbox"));
    const sam = await connect(room, await signIn("supervisor@demo.inbox"));
    const note = { id: crypto.randomUUID(), conversationId, authorId: samId, authorName: "Sam", text: "Wait for the return", createdAt: Date.now() };
    sam.doc.getMap("notes").set(note.id, note);
    await eventually(() => ana.doc.getMap("notes").has(note.id));
    ana.doc.getMap("notes").set(note.id, { ...note, text: "Refund now" });
    await eventually(() => (ana.doc.getMap("notes").get(note.id) as { text: string }).text === note.text);

    ana.doc.getMap("labels").set("L".repeat(50_000), true);
    expect(await closedWith(ana)).toBe(4413);
    const labels = (await db.execute({ sql: "select labels from conversations where id = ?", args: [conversationId] })).rows[0]![0];
    expect(String(labels)).not.toContain("LLLL");
    sam.close();
  });
});

describe("upgrades on Workers", () => {
  it("refuse a foreign origin with the session cookie, and a session token in the URL", async () => {
    const token = await signIn("ana@demo.inbox");
    const room = `${ORIGIN}/sync/team.${teams.support}`;
    const foreign = await SELF.fetch(room, { headers: { upgrade: "websocket", cookie: `inbox_session=${token}`, origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const own = await SELF.fetch(room, { headers: { upgrade: "websocket", cookie: `inbox_session=${token}`, origin: ORIGIN } });
    expect(own.status).toBe(101);
    (own as UpgradeResponse).webSocket.accept();
    (own as UpgradeResponse).webSocket.close(1000, "done");
    const inUrl = await SELF.fetch(`${room}?token=${token}`, { headers: { upgrade: "websocket" } });
    expect(inUrl.status).toBe(401);
  });
});

describe("widget sockets on Workers", () => {
  let inboxId: string;
  beforeAll(async () => {
    inboxId = String((await db.execute({ sql: "select id from inboxes where channel = 'webchat' and status = 'active' limit 1", args: [] })).rows[0]![0]);
  });

  async function visitor(): Promise<string> {
    const res = await SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Edge Limits" }) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { token: string }).token;
  }

  async function upgrade(query: string): Promise<Response> {
    return SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/live?${query}`, { headers: { upgrade: "websocket" } });
  }

  async function ticket(token: string): Promise<string> {
    const res = await SELF.fetch(`${ORIGIN}/api/widget/${inboxId}/live-tickets`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return encodeURIComponent(((await res.json()) as { ticket: string }).ticket);
  }

  function accept(res: Response): { ws: WebSocket; frames: WidgetFrame[]; closed: () => number | null } {
    expect(res.status).toBe(101);
    const ws = (res as UpgradeResponse).webSocket;
    const frames: WidgetFrame[] = [];
    let code: number | null = null;
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") frames.push(WidgetFrameSchema.parse(JSON.parse(event.data)));
    });
    ws.addEventListener("close", (event) => (code = event.code));
    ws.accept();
    return { ws, frames, closed: () => code };
  }

  it("open with a ticket, never with the session token in the URL", async () => {
    const token = await visitor();
    expect((await upgrade(`token=${encodeURIComponent(token)}`)).status).toBe(401);
    const socket = accept(await upgrade(`ticket=${await ticket(token)}`));
    await eventually(() => socket.frames.some((f) => f.type === "ready"));
    socket.ws.close(1000, "done");
  });

  it("close on a frame over the limit, before reading it", async () => {
    const socket = accept(await upgrade(`ticket=${await ticket(await visitor())}`));
    await eventually(() => socket.frames.some((f) => f.type === "ready"));
    socket.ws.send("x".repeat(64 * 1024));
    expect(await eventually(() => socket.closed())).toBe(1009);
    expect(socket.frames.map((f) => f.type)).toEqual(["ready"]);
  });

  it("are limited per visitor", async () => {
    const token = await visitor();
    const open = [];
    for (let i = 0; i < 5; i++) open.push(accept(await upgrade(`ticket=${await ticket(token)}`)));
    const refused = await upgrade(`ticket=${await ticket(token)}`);
    expect(refused.status).toBe(429);
    open.forEach((s) => s.ws.close(1000, "done"));
  });
});
