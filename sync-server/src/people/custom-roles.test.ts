import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { BUILT_IN_PERMISSIONS, ConversationSchema, TEAM_CONVERSATIONS, type Conversation, type Permissions, type SyncPullResponse } from "@inbox/shared";
import type { CustomRole, RolesResponse } from "@inbox/shared/api/roles";
import { auditLog, conversations, teams, users } from "../db/schema.ts";
import { bearerWebSocket, openSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Custom roles on a real server and database: what a holder sees and may do follows the role.
let server: TestServer;
let admin: string;
let anaId: string;
let supportId: string;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
  anaId = (await server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!.id;
  supportId = (await server.core.db.query.teams.findFirst({ where: eq(teams.name, "Support") }))!.id;
});
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
});
afterAll(() => server.stop());

const agentSet = (over: Partial<Permissions>): Permissions => ({ ...BUILT_IN_PERMISSIONS.agent, ...over });

async function makeRole(name: string, permissions: Permissions, base: "agent" | "supervisor" = "agent", token = admin): Promise<Response> {
  return server.api("/api/admin/roles", { method: "POST", token, json: { name, base, permissions } });
}

async function role(name: string, permissions: Permissions, base: "agent" | "supervisor" = "agent"): Promise<CustomRole> {
  const res = await makeRole(name, permissions, base);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { role: CustomRole }).role;
}

async function give(userId: string, customRoleId: string | null, role?: string): Promise<void> {
  const res = await server.api(`/api/admin/people/${userId}`, { method: "PATCH", token: admin, json: { customRoleId, ...(role ? { role } : {}) } });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function supportChats(): Promise<Conversation[]> {
  const rows = await server.core.db.select().from(conversations).where(eq(conversations.teamId, supportId));
  return rows.map((r) => ConversationSchema.parse({ ...r, labels: r.labels ?? [] }));
}

async function assign(conversationId: string, assigneeId: string | null): Promise<void> {
  const res = await server.api(`/api/conversations/${conversationId}/assign`, { method: "POST", token: admin, json: { assigneeId, override: true } });
  expect(res.status, await res.clone().text()).toBe(200);
}

function listRoom(token: string, room: string): Y.Map<Conversation> {
  const doc = new Y.Doc();
  providers.push(new WebsocketProvider(server.url.replace("http", "ws") + "/sync", room, doc, { WebSocketPolyfill: bearerWebSocket(token), disableBc: true }));
  return doc.getMap(TEAM_CONVERSATIONS);
}

describe("a custom role that sees only chats assigned to them", () => {
  it("shows the holder only their chats in lists, pulls, rooms and single reads, and follows reassignment live", async () => {
    const onlyMine = await role("Assigned only", agentSet({ conversations: "assigned" }));
    await give(anaId, onlyMine.id);
    const [mine, other] = await supportChats();
    await assign(mine!.id, anaId);
    await assign(other!.id, null);
    const ana = await server.login("ana@demo.inbox");

    const me = (await (await server.api("/api/me", { token: ana })).json()) as { user: { role: string; permissions: Permissions; customRole: { name: string } } };
    expect(me.user).toMatchObject({ role: "agent", customRole: { name: "Assigned only" }, permissions: { conversations: "assigned" } });

    const list = (await (await server.api("/api/conversations?limit=200", { token: ana })).json()) as { conversations: Conversation[] };
    expect(list.conversations.map((c) => c.id)).toContain(mine!.id);
    expect(list.conversations.every((c) => c.assigneeId === anaId)).toBe(true);
    expect((await server.api(`/api/conversations/${other!.id}`, { token: ana })).status).toBe(403);
    expect((await server.api(`/api/conversations/${mine!.id}`, { token: ana })).status).toBe(200);

    const pulled = (await (await server.api("/api/sync/pull", { token: ana })).json()) as SyncPullResponse;
    const pulledIds = new Set(pulled.conversations.map((c) => c.id));
    expect(pulledIds).toEqual(new Set(list.conversations.map((c) => c.id)));
    expect(pulled.messages.every((m) => pulledIds.has(m.conversationId))).toBe(true);

    // The team's list room is refused; their own list room holds only their chats, live.
    const refused = await openSocket(`${server.url.replace("http", "ws")}/sync/team.${supportId}`, { authorization: `Bearer ${ana}`, origin: server.url }).then(
      (ws) => (ws.close(), "opened"),
      (err: Error) => err.message,
    );
    expect(refused).toBe("refused with 403");
    const room = listRoom(ana, `mine.${anaId}`);
    await waitFor("her chat in her list room", () => room.has(mine!.id));
    expect(new Set(room.keys())).toEqual(pulledIds);
    expect(room.has(other!.id)).toBe(false);
    await assign(other!.id, anaId);
    await waitFor("a chat assigned to her appears", () => room.has(other!.id));
    await assign(mine!.id, null);
    await waitFor("a chat taken from her leaves", () => !room.has(mine!.id));
    expect((await server.api(`/api/conversations/${mine!.id}`, { token: ana })).status).toBe(403);
    await give(anaId, null, "agent");
  });

  it("with the queue as well: their own chats and the team's unassigned ones", async () => {
    const queue = await role("Own and queue", agentSet({ conversations: "assigned_or_unassigned" }));
    await give(anaId, queue.id);
    const [a, b, c] = await supportChats();
    await assign(a!.id, anaId);
    await assign(b!.id, null);
    const supervisorId = (await server.core.db.query.users.findFirst({ where: eq(users.email, "supervisor@demo.inbox") }))!.id;
    await assign(c!.id, supervisorId);
    const ana = await server.login("ana@demo.inbox");
    const ids = ((await (await server.api("/api/conversations?limit=200", { token: ana })).json()) as { conversations: Conversation[] }).conversations.map((x) => x.id);
    expect(ids).toContain(a!.id);
    expect(ids).toContain(b!.id);
    expect(ids).not.toContain(c!.id);
    await give(anaId, null, "agent");
  });
});

describe("permissions beyond the built-in roles", () => {
  it("an agent-based role with the audit log opens it; without reply, a reply is refused in words", async () => {
    const auditor = await role("Auditor", agentSet({ viewAudit: true, reply: false }));
    await give(anaId, auditor.id);
    const ana = await server.login("ana@demo.inbox");
    expect((await server.api("/api/admin/audit", { token: ana })).status).toBe(200);
    expect((await server.api("/api/admin/people", { token: ana })).status).toBe(403);
    const [chat] = await supportChats();
    const reply = await server.api(`/api/conversations/${chat!.id}/messages`, { method: "POST", token: ana, json: { clientId: crypto.randomUUID(), text: "Hi" } });
    expect(reply.status).toBe(403);
    expect(((await reply.json()) as { error: { message: string } }).error.message).toMatch(/does not allow replying/);

    // The role changes: its holder has the new set at their next request.
    const res = await server.api(`/api/admin/roles/${auditor.id}`, { method: "PUT", token: admin, json: { name: "Auditor", base: "agent", permissions: agentSet({ viewAudit: false }) } });
    expect(res.status).toBe(200);
    expect((await server.api("/api/admin/audit", { token: ana })).status).toBe(403);
    await give(anaId, null, "agent");
  });

  it("someone who manages people without being an admin gives only what they have", async () => {
    const lead = await role("People lead", { ...BUILT_IN_PERMISSIONS.supervisor, managePeople: true }, "supervisor");
    const samId = (await server.core.db.query.users.findFirst({ where: eq(users.email, "supervisor@demo.inbox") }))!.id;
    await give(samId, lead.id);
    const sam = await server.login("supervisor@demo.inbox");
    expect((await server.api("/api/admin/people", { token: sam })).status).toBe(200);
    expect((await makeRole("Exporter", agentSet({ exportData: true }), "agent", sam)).status).toBe(403);
    expect((await makeRole("Helper", agentSet({ conversations: "assigned" }), "agent", sam)).status).toBe(201);
    const invite = await server.api("/api/admin/invitations", { method: "POST", token: sam, json: { email: "root@example.com", role: "admin", teamIds: [] } });
    expect(invite.status).toBe(403);
    // Nor invite someone into a custom role holding more than they do.
    const exporter = await role("Data exporter", agentSet({ exportData: true }));
    const wider = await server.api("/api/admin/invitations", { method: "POST", token: sam, json: { email: "exp@example.com", role: "agent", customRoleId: exporter.id, teamIds: [] } });
    expect(wider.status).toBe(403);
    const adminId = (await server.core.db.query.users.findFirst({ where: eq(users.email, "admin@demo.inbox") }))!.id;
    expect((await server.api(`/api/admin/people/${adminId}`, { method: "PATCH", token: sam, json: { maxConcurrentChats: 1 } })).status).toBe(403);
    // Nor may they take their own way back to this screen.
    expect((await server.api(`/api/admin/people/${samId}`, { method: "PATCH", token: sam, json: { role: "agent" } })).status).toBe(409);
    await give(samId, null, "supervisor");
  });

  it("refuses a taken name, audits changes with before and after, and deleting puts holders back on the base role", async () => {
    const first = await role("Night shift", agentSet({ conversations: "assigned_or_unassigned" }));
    expect((await makeRole("night SHIFT", agentSet({}))).status).toBe(409);
    await give(anaId, first.id);
    const listed = (await (await server.api("/api/admin/roles", { token: admin })).json()) as RolesResponse;
    expect(listed.roles.find((r) => r.id === first.id)?.holders).toBe(1);
    expect(listed.builtIn.agent).toEqual(BUILT_IN_PERMISSIONS.agent);

    const gone = await server.api(`/api/admin/roles/${first.id}`, { method: "DELETE", token: admin });
    expect(await gone.json()).toEqual({ holders: 1 });
    const ana = (await server.core.db.query.users.findFirst({ where: eq(users.id, anaId) }))!;
    expect(ana).toMatchObject({ role: "agent", customRoleId: null });
    const entries = await server.core.db.select().from(auditLog).where(eq(auditLog.target, first.id));
    expect(entries.map((e) => e.action)).toEqual(["role.created", "role.deleted"]);
    expect(JSON.stringify(entries[1]!.data)).toContain('"holders":1');
  });
});
