import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { BUILT_IN_PERMISSIONS, type InvitationLinkResponse, type InvitationPreview, type PeopleResponse, type Permissions, type Person } from "@inbox/shared";
import type { CustomRole } from "@inbox/shared/api/roles";
import { auditLog, events, sessions, users } from "../db/schema.ts";
import { DEMO_PASSWORD, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { RoutingFixtures } from "../routing/routing-fixtures.ts";

// Admins inviting people, changing them and deactivating them, on a real server and database.
let server: TestServer;
const f = new RoutingFixtures(() => server);
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  await f.init();
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

async function people(): Promise<PeopleResponse> {
  const res = await server.api("/api/admin/people", { token: admin });
  expect(res.status).toBe(200);
  return (await res.json()) as PeopleResponse;
}

const tokenOf = (link: string) => new URL(link).hash.slice(1);

describe("invitations", () => {
  it("invites by email with a role and teams; the invitee sets name and password and is signed in", async () => {
    const team = (await people()).teams[0]!;
    const res = await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "Nina@Example.com", role: "agent", teamIds: [team.id] } });
    expect(res.status).toBe(201);
    const { invitation, link } = (await res.json()) as InvitationLinkResponse;
    expect(invitation).toMatchObject({ email: "nina@example.com", role: "agent", status: "pending" });
    expect(new URL(link).pathname).toBe("/invite");
    const token = tokenOf(link);
    // Only a hash of the token is stored.
    const stored = await server.core.db.query.invitations.findFirst();
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await server.api("/api/invitations/preview", { method: "POST", json: { token } });
    expect(await preview.json()).toMatchObject({ email: "nina@example.com", role: "agent" });
    const short = await server.api("/api/invitations/accept", { method: "POST", json: { token, name: "Nina", password: "short" } });
    expect(short.status).toBe(400);
    const accepted = await server.api("/api/invitations/accept", { method: "POST", json: { token, name: "Nina Souza", password: "a long enough password" } });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("set-cookie")).toContain("inbox_session=");
    const nina = (await people()).people.find((p) => p.email === "nina@example.com")!;
    expect(nina).toMatchObject({ name: "Nina Souza", role: "agent", teamIds: [team.id] });
    // The link works once.
    const again = await server.api("/api/invitations/accept", { method: "POST", json: { token, name: "Someone", password: "a long enough password" } });
    expect(again.status).toBe(410);
    expect((await people()).invitations.find((i) => i.id === invitation.id)?.status).toBe("accepted");
    expect((await server.api("/api/auth/login", { method: "POST", json: { email: "nina@example.com", password: "a long enough password" } })).status).toBe(200);
  });

  it("resending makes a new link and the old one stops working; a revoked link says so", async () => {
    const first = (await (await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "omar@example.com", role: "supervisor", teamIds: [] } })).json()) as InvitationLinkResponse;
    const resent = (await (await server.api(`/api/admin/invitations/${first.invitation.id}/resend`, { method: "POST", token: admin })).json()) as InvitationLinkResponse;
    expect(tokenOf(resent.link)).not.toBe(tokenOf(first.link));
    expect((await server.api("/api/invitations/preview", { method: "POST", json: { token: tokenOf(first.link) } })).status).toBe(410);
    expect((await server.api("/api/invitations/preview", { method: "POST", json: { token: tokenOf(resent.link) } })).status).toBe(200);
    expect((await server.api(`/api/admin/invitations/${first.invitation.id}/revoke`, { method: "POST", token: admin })).status).toBe(200);
    const gone = await server.api("/api/invitations/accept", { method: "POST", json: { token: tokenOf(resent.link), name: "Omar", password: "a long enough password" } });
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/no longer valid/);
  });

  it("refuses an address that already has an account, in words", async () => {
    const res = await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "ana@demo.inbox", role: "agent", teamIds: [] } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("already an account for ana@demo.inbox");
  });
});

describe("invitations with a custom role", () => {
  async function customRole(name: string, permissions: Partial<Permissions>): Promise<CustomRole> {
    const res = await server.api("/api/admin/roles", { method: "POST", token: admin, json: { name, base: "agent", permissions: { ...BUILT_IN_PERMISSIONS.agent, ...permissions } } });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { role: CustomRole }).role;
  }
  const inviteWith = async (email: string, customRoleId: string, teamIds: string[] = []) => {
    const res = await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email, role: "supervisor", customRoleId, teamIds } });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as InvitationLinkResponse;
  };
  const accept = (link: string, name: string) => server.api("/api/invitations/accept", { method: "POST", json: { token: tokenOf(link), name, password: "a long enough password" } });

  it("the invitee joins holding the role (its base as their role), and sees what it lets them see at once", async () => {
    const keeper = await customRole("Queue keeper", { conversations: "assigned_or_unassigned" });
    const team = (await people()).teams.find((t) => t.name === "Support")!;
    const sent = await inviteWith("lia@example.com", keeper.id, [team.id]);
    // The role is the custom role's base, whatever the request said; no mail server: not emailed.
    expect(sent).toMatchObject({ emailed: false, invitation: { role: "agent", customRoleId: keeper.id } });
    expect(sent.emailError).toBeUndefined();
    expect((await people()).invitations.find((i) => i.id === sent.invitation.id)?.customRoleId).toBe(keeper.id);
    const preview = (await (await server.api("/api/invitations/preview", { method: "POST", json: { token: tokenOf(sent.link) } })).json()) as InvitationPreview;
    expect(preview).toMatchObject({ role: "agent", customRoleName: "Queue keeper" });

    const accepted = await accept(sent.link, "Lia Prado");
    expect(accepted.status).toBe(200);
    const lia = (await people()).people.find((p) => p.email === "lia@example.com")!;
    expect(lia).toMatchObject({ role: "agent", customRoleId: keeper.id, teamIds: [team.id] });
    const { token } = (await accepted.json()) as { token: string };
    const me = (await (await server.api("/api/me", { token })).json()) as { user: { permissions: Permissions; customRole: { name: string } } };
    expect(me.user).toMatchObject({ customRole: { name: "Queue keeper" }, permissions: { conversations: "assigned_or_unassigned" } });
    // Her team's list writes reach her own list room from the start.
    expect(server.core.narrowViewers.of(team.id).map((v) => v.id)).toContain(lia.id);
    const [entry] = await server.core.db.select().from(auditLog).where(eq(auditLog.target, lia.id));
    expect(entry).toMatchObject({ action: "invitation.accepted", data: { role: "agent", customRoleId: keeper.id } });
  });

  it("a role deleted before the invitation is accepted leaves the invitee on its base role", async () => {
    const temp = await customRole("Seasonal", { manageContacts: false });
    const sent = await inviteWith("rita@example.com", temp.id);
    expect((await server.api(`/api/admin/roles/${temp.id}`, { method: "DELETE", token: admin })).status).toBe(200);
    expect((await people()).invitations.find((i) => i.id === sent.invitation.id)?.customRoleId).toBeNull();
    expect((await accept(sent.link, "Rita Reis")).status).toBe(200);
    expect((await people()).people.find((p) => p.email === "rita@example.com")).toMatchObject({ role: "agent", customRoleId: null });
  });

  it("refuses a custom role of no such id in this workspace", async () => {
    const res = await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "x@example.com", role: "agent", customRoleId: "no-such-role", teamIds: [] } });
    expect(res.status).toBe(404);
  });
});

describe("changing and deactivating people", () => {
  it("a role, team and capacity change is recorded with before and after, and takes effect at once", async () => {
    const team = await f.setup("manual", [{ name: "Paula Reis", capacity: 2 }]);
    const paula = team.agents[0]!;
    const token = await f.loginAs(paula);
    const res = await server.api(`/api/admin/people/${paula}`, { method: "PATCH", token: admin, json: { role: "supervisor", maxConcurrentChats: 4, languages: ["pt", "es"] } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { person: Person }).person).toMatchObject({ role: "supervisor", maxConcurrentChats: 4, languages: ["pt", "es"] });
    const me = (await (await server.api("/api/me", { token })).json()) as { user: { role: string } };
    expect(me.user.role).toBe("supervisor");
    const [entry] = await server.core.db.select().from(auditLog).where(eq(auditLog.target, paula));
    expect(entry).toMatchObject({ action: "user.changed", data: { before: { role: "agent", maxConcurrentChats: 2 }, after: { role: "supervisor", maxConcurrentChats: 4 } } });
  });

  it("deactivating ends the person's sessions and puts their chats back in the queue with the reason", async () => {
    const team = await f.setup("manual", [{ name: "Rui Lopes" }]);
    const rui = team.agents[0]!;
    const token = await f.loginAs(rui);
    const chat = await f.customerWrites(team.inboxId, "Hello, anyone?");
    const took = await server.api(`/api/conversations/${chat}/assign`, { method: "POST", token, json: { assigneeId: rui } });
    expect(took.status).toBe(200);
    const res = await server.api(`/api/admin/people/${rui}/active`, { method: "POST", token: admin, json: { active: false } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { person: Person }).person.deactivatedAt).not.toBeNull();
    expect((await server.api("/api/me", { token })).status).toBe(401);
    expect(await server.core.db.select().from(sessions).where(eq(sessions.userId, rui))).toHaveLength(0);
    await waitFor("chat back in the queue", async () => ((await f.assigneeOf(chat)) === null ? true : null));
    const [last] = (await f.assignedEvents(chat)).slice(-1);
    expect(last!.data).toMatchObject({ from: rui, to: null, why: "Rui Lopes was deactivated" });
    // They cannot sign in again until reactivated.
    const email = (await server.core.db.query.users.findFirst({ where: eq(users.id, rui) }))!.email;
    expect((await server.api("/api/auth/login", { method: "POST", json: { email, password: DEMO_PASSWORD } })).status).toBe(401);
    await server.api(`/api/admin/people/${rui}/active`, { method: "POST", token: admin, json: { active: true } });
    expect((await server.core.db.select().from(events).where(eq(events.type, "user.reactivated"))).length).toBeGreaterThan(0);
  });

  it("an admin cannot deactivate or demote themselves", async () => {
    const me = (await people()).people.find((p) => p.email === "admin@demo.inbox")!;
    expect((await server.api(`/api/admin/people/${me.id}/active`, { method: "POST", token: admin, json: { active: false } })).status).toBe(409);
    expect((await server.api(`/api/admin/people/${me.id}`, { method: "PATCH", token: admin, json: { role: "agent" } })).status).toBe(409);
  });
});

describe("teams", () => {
  it("creates, renames and archives a team; a team still fed by an inbox is not archived", async () => {
    const created = await server.api("/api/admin/teams", { method: "POST", token: admin, json: { name: "Partnerships" } });
    expect(created.status).toBe(201);
    const { team } = (await created.json()) as { team: { id: string } };
    expect((await server.api("/api/admin/teams", { method: "POST", token: admin, json: { name: "partnerships" } })).status).toBe(409);
    const renamed = await server.api(`/api/admin/teams/${team.id}`, { method: "PATCH", token: admin, json: { name: "Partners & resellers" } });
    expect(((await renamed.json()) as { team: { name: string } }).team.name).toBe("Partners & resellers");
    const fed = await f.setup("manual", []);
    const moved = await server.api(`/api/admin/teams/${team.id}`, { method: "PATCH", token: admin, json: { inboxIds: [fed.inboxId] } });
    expect(((await moved.json()) as { team: { inboxIds: string[] } }).team.inboxIds).toEqual([fed.inboxId]);
    const refused = await server.api(`/api/admin/teams/${team.id}`, { method: "PATCH", token: admin, json: { archived: true } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Move them to another team first");
    await server.api(`/api/admin/teams/${fed.teamId}`, { method: "PATCH", token: admin, json: { inboxIds: [fed.inboxId] } });
    const archived = await server.api(`/api/admin/teams/${team.id}`, { method: "PATCH", token: admin, json: { archived: true } });
    expect(((await archived.json()) as { team: { archivedAt: number | null } }).team.archivedAt).not.toBeNull();
    // Nobody new joins an archived team.
    const invite = await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "late@example.com", role: "agent", teamIds: [team.id] } });
    expect(invite.status).toBe(400);
  });
});
