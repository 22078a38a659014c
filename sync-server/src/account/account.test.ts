import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DevicesResponseSchema, ProfileResponseSchema } from "@inbox/shared/api/account";
import { sessions, users } from "../db/schema.ts";
import { agentSocket, DEMO_PASSWORD, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { sha256Hex } from "../auth/index.ts";

// Each person's own account: password change (policy in words, other sessions end), the devices
// list with "sign out everywhere else" (their sockets close), the profile.

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sockets: { recheckMs: 3600_000 } });
});
afterAll(() => server.stop());

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
async function loginFrom(email: string, userAgent: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await server.api("/api/auth/login", { method: "POST", headers: { "user-agent": userAgent }, json: { email, password } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe("your signed-in devices", () => {
  it("lists each session in words with its address and times, the current one marked; signing out everywhere else closes the others' sockets", async () => {
    const laptop = await loginFrom("ana@demo.inbox", CHROME_LINUX);
    const phone = await loginFrom("ana@demo.inbox", SAFARI_IPHONE);
    const { devices } = DevicesResponseSchema.parse(await (await server.api("/api/me/sessions", { token: laptop })).json());
    const current = devices.find((d) => d.current)!;
    expect(current).toMatchObject({ browser: "Chrome", os: "Linux", ip: "127.0.0.1" });
    expect(devices.find((d) => d.browser === "Safari")).toMatchObject({ os: "iOS", current: false });
    expect(current.id).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(devices)).not.toContain(await sha256Hex(laptop));

    const socket = await agentSocket(`${server.url.replace("http", "ws")}/sync/team.${server.seed!.teamIds.support}`, phone);
    let closed: number | null = null;
    socket.on("close", (code) => (closed = code));
    const res = await server.api("/api/me/sessions/sign-out-others", { method: "POST", token: laptop });
    expect(((await res.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(1);
    await waitFor("the phone's socket closed", () => closed !== null);
    expect(closed).toBe(4401);
    expect((await server.api("/api/me", { token: phone })).status).toBe(401);
    expect((await server.api("/api/me", { token: laptop })).status).toBe(200);
    const after = DevicesResponseSchema.parse(await (await server.api("/api/me/sessions", { token: laptop })).json()).devices;
    expect(after.map((d) => d.current)).toEqual([true]);
    const audit = await server.core.db.query.auditLog.findMany({ where: (a, { eq: is }) => is(a.action, "auth.signed_out_elsewhere") });
    expect(audit.at(-1)).toMatchObject({ actorName: "Ana Souza", ip: "127.0.0.1" });
  });

  it("signs out one device by its id, and not someone else's", async () => {
    const mine = await loginFrom("bruno@demo.inbox", CHROME_LINUX);
    const other = await loginFrom("bruno@demo.inbox", SAFARI_IPHONE);
    const { devices } = DevicesResponseSchema.parse(await (await server.api("/api/me/sessions", { token: mine })).json());
    const phone = devices.find((d) => !d.current && d.browser === "Safari")!;
    const stranger = await server.login("supervisor@demo.inbox");
    expect((await server.api(`/api/me/sessions/${phone.id}`, { method: "DELETE", token: stranger })).status).toBe(404);
    expect((await server.api(`/api/me/sessions/${phone.id}`, { method: "DELETE", token: mine })).status).toBe(204);
    expect((await server.api("/api/me", { token: other })).status).toBe(401);
  });

  it("stamps when a session was last used, at most once a minute", async () => {
    const token = await loginFrom("supervisor@demo.inbox", CHROME_LINUX);
    const hash = await sha256Hex(token);
    const stamp = async () => (await server.core.db.query.sessions.findFirst({ where: eq(sessions.tokenHash, hash) }))!.lastUsedAt;
    const opened = await stamp();
    await server.api("/api/me", { token });
    expect(await stamp()).toBe(opened);
    server.clock.offsetMs = 61_000;
    try {
      await server.api("/api/me", { token });
      await waitFor("the session stamped as used", async () => (await stamp())! >= opened! + 61_000);
    } finally {
      server.clock.offsetMs = 0;
    }
  });
});

describe("changing one's password", () => {
  it("refuses a wrong current password and a common or personal new one, in words", async () => {
    const token = await server.login("admin@demo.inbox");
    const change = (currentPassword: string, newPassword: string) => server.api("/api/me/password", { method: "POST", token, json: { currentPassword, newPassword } });
    expect(await errorOf(await change("not my password", "violet tram at 6 o'clock"))).toMatchObject({ message: "Your current password is not right.", fields: { reason: "wrong_password" } });
    expect(await errorOf(await change(DEMO_PASSWORD, "short"))).toMatchObject({ code: "validation_failed" });
    expect(await errorOf(await change(DEMO_PASSWORD, "football2024!"))).toEqual({
      code: "validation_failed",
      message: "This password is too common: it is among the passwords attackers try first. Choose another.",
      fields: { reason: "password_common" },
    });
    expect((await errorOf(await change(DEMO_PASSWORD, "Alice Admin rules!"))).fields).toEqual({ reason: "password_personal" });
  });

  it("changes it and ends the person's other sessions (and their sockets); the new password signs in", async () => {
    const here = await loginFrom("bruno@demo.inbox", CHROME_LINUX);
    const there = await loginFrom("bruno@demo.inbox", SAFARI_IPHONE);
    const socket = await agentSocket(`${server.url.replace("http", "ws")}/sync/team.${server.seed!.teamIds.sales}`, there);
    let closed: number | null = null;
    socket.on("close", (code) => (closed = code));
    const res = await server.api("/api/me/password", { method: "POST", token: here, json: { currentPassword: DEMO_PASSWORD, newPassword: "violet tram at 6 o'clock" } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { endedSessions: number }).endedSessions).toBeGreaterThanOrEqual(1);
    await waitFor("the other session's socket closed", () => closed !== null);
    expect((await server.api("/api/me", { token: there })).status).toBe(401);
    expect((await server.api("/api/me", { token: here })).status).toBe(200);
    expect((await server.api("/api/auth/login", { method: "POST", json: { email: "bruno@demo.inbox", password: DEMO_PASSWORD } })).status).toBe(401);
    await loginFrom("bruno@demo.inbox", CHROME_LINUX, "violet tram at 6 o'clock");
    const row = await server.core.db.query.users.findFirst({ where: eq(users.email, "bruno@demo.inbox") });
    expect(row!.passwordChangedAt).not.toBeNull();
    const audit = await server.core.db.query.auditLog.findMany({ where: (a, { eq: is }) => is(a.action, "auth.password_changed") });
    expect(JSON.stringify(audit)).not.toContain("violet");
  });

  it("applies the policy to invitations too", async () => {
    const admin = await server.login("admin@demo.inbox");
    const { link } = (await (await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "new.person@example.com", role: "agent", teamIds: [] } })).json()) as { link: string };
    const token = new URL(link).hash.slice(1);
    const res = await server.api("/api/invitations/accept", { method: "POST", json: { token, name: "New Person", password: "iloveyou1234" } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields).toEqual({ reason: "password_common" });
  });
});

describe("the profile", () => {
  // A 1×1 PNG.
  const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

  it("keeps name, picture and notification choices; refuses a picture that is not one", async () => {
    const token = await server.login("supervisor@demo.inbox");
    const patch = (json: unknown) => server.api("/api/me/profile", { method: "PATCH", token, json });
    const fake = await patch({ avatar: `data:image/png;base64,${btoa("<script>alert(1)</script>")}` });
    expect((await errorOf(fake)).fields).toEqual({ reason: "avatar_invalid" });
    expect((await patch({ avatar: "data:image/svg+xml;base64,PHN2Zz4=" })).status).toBe(400);
    const ok = await patch({ name: "Sam Supervisora", avatar: PNG, notificationChoices: { sla_at_risk: false } });
    expect(ok.status).toBe(200);
    const { profile } = ProfileResponseSchema.parse(await (await server.api("/api/me/profile", { token })).json());
    expect(profile).toMatchObject({ name: "Sam Supervisora", avatar: PNG, notificationChoices: { sla_at_risk: false }, twoFactorEnabled: false });
    const me = (await (await server.api("/api/me", { token })).json()) as { user: { name: string }; account: { avatar: string } };
    expect(me.user.name).toBe("Sam Supervisora");
    expect(me.account.avatar).toBe(PNG);
  });
});
