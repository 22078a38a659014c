import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginResponseSchema, MeResponseSchema } from "@inbox/shared";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("sign-in", () => {
  it("signs in with the right password, sets an HttpOnly session cookie and knows who you are", async () => {
    const res = await server.api("/api/auth/login", { method: "POST", json: { email: "ana@demo.inbox", password: "test-password-1" } });
    expect(res.status).toBe(200);
    const body = LoginResponseSchema.parse(await res.json());
    expect(body.user).toMatchObject({ email: "ana@demo.inbox", role: "agent" });
    expect(body.user).not.toHaveProperty("passwordHash");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/inbox_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await server.api("/api/me", { headers: { cookie: cookie.split(";")[0]! } });
    expect(me.status).toBe(200);
    const parsed = MeResponseSchema.parse(await me.json());
    expect(parsed.user.name).toBe("Ana Souza");
    expect(parsed.teams.map((t) => t.name)).toEqual(["Support"]);
  });

  it("refuses a wrong password and an unknown email with the same words", async () => {
    const wrong = await server.api("/api/auth/login", { method: "POST", json: { email: "ana@demo.inbox", password: "nope" } });
    const unknown = await server.api("/api/auth/login", { method: "POST", json: { email: "nobody@demo.inbox", password: "nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.json();
    expect(a).toEqual({ error: { code: "invalid_credentials", message: "Wrong email or password." } });
    expect(await unknown.json()).toEqual(a);
  });

  it("stores a real password hash, never the password", async () => {
    const rows = await server.core.db.query.users.findMany();
    for (const row of rows) {
      expect(row.passwordHash).toMatch(/^pbkdf2-sha256\$100000\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      expect(row.passwordHash).not.toContain("test-password-1");
    }
  });

  it("ends the session on sign-out", async () => {
    const token = await server.login("bruno@demo.inbox");
    expect((await server.api("/api/me", { token })).status).toBe(200);
    expect((await server.api("/api/auth/logout", { method: "POST", token })).status).toBe(204);
    const after = await server.api("/api/me", { token });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { message: string } }).error.message).toBe("Please sign in to continue.");
  });

  it("expires sessions after their lifetime", async () => {
    const token = await server.login("supervisor@demo.inbox");
    expect((await server.api("/api/me", { token })).status).toBe(200);
    server.clock.offsetMs = 3600_000 + 1000;
    try {
      expect((await server.api("/api/me", { token })).status).toBe(401);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it("writes sign-ins and failed sign-ins to an audit log that cannot be edited", async () => {
    const rows = await server.core.db.query.auditLog.findMany();
    const actions = rows.map((r) => r.action);
    expect(actions).toContain("auth.signed_in");
    expect(actions).toContain("auth.sign_in_failed");
    expect(await failure(server.core.db.run("update audit_log set action = 'x'"))).toMatch(/append-only/);
    expect(await failure(server.core.db.run("delete from audit_log"))).toMatch(/append-only/);
    expect(await failure(server.core.db.run("delete from events"))).toMatch(/append-only/);
    expect(await server.core.db.query.auditLog.findMany()).toHaveLength(rows.length);
  });
});

/** The database's own words for a refused statement (drizzle wraps them in `cause`). */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ""}`;
  }
}
