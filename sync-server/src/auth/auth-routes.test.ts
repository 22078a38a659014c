import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LoginResponseSchema, MeResponseSchema } from "@inbox/shared";
import { users } from "../db/schema.ts";
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
    // Plain http on loopback (a local `npm start`) is the one case without Secure.
    expect(cookie).not.toMatch(/Secure/i);
    // Beside it, a readable hint with no secret (the PWA skips /api/me without it).
    const hint = res.headers.getSetCookie().find((c) => c.startsWith("inbox_signed_in="))!;
    expect(hint).toMatch(/^inbox_signed_in=1;/);
    expect(hint).not.toMatch(/HttpOnly/i);

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
    expect(a).toEqual({ error: { code: "invalid_credentials", message: "Wrong email or password.", fields: { reason: "wrong_password" } } });
    expect(await unknown.json()).toEqual(a);
  });

  it("stores a real password hash, never the password", async () => {
    const rows = await server.core.db.query.users.findMany();
    for (const row of rows) {
      // The harness's cheap scrypt setting (production's is checked in auth/password.test.ts).
      expect(row.passwordHash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      expect(row.passwordHash).not.toContain("test-password-1");
    }
  });

  it("ends the session on sign-out", async () => {
    const token = await server.login("bruno@demo.inbox");
    expect((await server.api("/api/me", { token })).status).toBe(200);
    const out = await server.api("/api/auth/logout", { method: "POST", token });
    expect(out.status).toBe(204);
    // Both cookies are cleared: the session and the hint.
    const cleared = out.headers.getSetCookie();
    expect(cleared.some((c) => /^inbox_session=;.*Max-Age=0/i.test(c))).toBe(true);
    expect(cleared.some((c) => /^inbox_signed_in=;.*Max-Age=0/i.test(c))).toBe(true);
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

/** A raw HTTP request, so the Host header can be what a browser reaching a real hostname sends. */
function rawPost(url: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("session cookies", () => {
  it("are Secure by default everywhere but plain http to loopback", async () => {
    const body = JSON.stringify({ email: "ana@demo.inbox", password: "test-password-1" });
    const proxied = await rawPost(server.url, "/api/auth/login", { host: "inbox.example.com", "content-type": "application/json" }, body);
    expect(proxied.status).toBe(200);
    expect(String(proxied.headers["set-cookie"])).toMatch(/inbox_session=.*;\s*Secure/i);
  });
});

describe("the caller's address", () => {
  it("comes from the connection: a spoofed X-Forwarded-For is not what the audit log records", async () => {
    const res = await server.api("/api/auth/login", { method: "POST", headers: { "x-forwarded-for": "203.0.113.66" }, json: { email: "bruno@demo.inbox", password: "test-password-1" } });
    expect(res.status).toBe(200);
    const rows = await server.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "auth.signed_in") });
    expect(rows.at(-1)!.ip).toBe("127.0.0.1");
    expect(rows.map((r) => r.ip)).not.toContain("203.0.113.66");
  });
});

describe("sign-in throttling", () => {
  // Behind a proxy the operator trusts (here: loopback), X-Forwarded-For names the client, so
  // each test is its own address; a server without TRUSTED_PROXIES ignores the header (above).
  let proxied: TestServer;
  beforeAll(async () => {
    // Its own folder, which the restart below reuses.
    proxied = await startTestServer({ dir: mkdtempSync(join(tmpdir(), "inbox-throttle-")), trustedProxies: ["127.0.0.1"] });
  });
  afterAll(async () => {
    rmSync(proxied.dir, { recursive: true, force: true });
  });
  afterEach(() => {
    proxied.clock.offsetMs = 0;
    proxied.clock.frozenAt = undefined;
  });

  const login = (email: string, password: string, from: string) =>
    proxied.api("/api/auth/login", { method: "POST", headers: { "x-forwarded-for": from }, json: { email, password } });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it("25 wrong passwords in a row: the first few are answered, then 429 with a sentence saying when to try again; the right password waits too", async () => {
    // A stopped clock: the backoff's windows do not depend on how fast this machine is.
    proxied.clock.frozenAt = Date.now();
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < 25; i++) {
      const res = await login("ana@demo.inbox", `guess-${i}`, "198.51.100.1");
      statuses.push(res.status);
      if (res.status === 429) refusal ??= res;
      else await res.arrayBuffer();
    }
    // Five free failures; the sixth earns a 1 s lock, and every try within it is refused unchecked.
    expect(statuses).toEqual([...Array<number>(6).fill(401), ...Array<number>(19).fill(429)]);
    const error = await errorOf(refusal!);
    expect(error.code).toBe("rate_limited");
    expect(error.message).toBe("Too many failed sign-ins for this account. Try again in 1 second.");
    expect(refusal!.headers.get("retry-after")).toBe("1");

    // Locked: even the right password is refused until the time passes, then it signs in.
    expect((await login("ana@demo.inbox", "test-password-1", "198.51.100.1")).status).toBe(429);
    proxied.clock.frozenAt! += 1000;
    expect((await login("ana@demo.inbox", "guess-again", "198.51.100.1")).status).toBe(401);
    const longer = await login("ana@demo.inbox", "test-password-1", "198.51.100.1");
    expect((await errorOf(longer)).message).toBe("Too many failed sign-ins for this account. Try again in 2 seconds.");
    proxied.clock.frozenAt! += 2000;
    expect((await login("ana@demo.inbox", "test-password-1", "198.51.100.1")).status).toBe(200);
  });

  it("backs off per account whatever the address, and per address whatever the account", async () => {
    proxied.clock.frozenAt = Date.now();
    for (let i = 0; i < 6; i++) await (await login("bruno@demo.inbox", "wrong", `198.51.100.${10 + i}`)).arrayBuffer();
    const account = await login("bruno@demo.inbox", "wrong", "198.51.100.30");
    expect(account.status).toBe(429);
    expect((await errorOf(account)).message).toMatch(/for this account/);

    for (let i = 0; i < 21; i++) await (await login(`nobody-${i}@example.com`, "wrong", "198.51.100.99")).arrayBuffer();
    const address = await login("supervisor@demo.inbox", "test-password-1", "198.51.100.99");
    expect(address.status).toBe(429);
    expect((await errorOf(address)).message).toMatch(/^Too many failed sign-ins from your network\. Try again in/);
    // Another address is not affected.
    expect((await login("supervisor@demo.inbox", "test-password-1", "198.51.100.100")).status).toBe(200);
  });

  it("keeps its counts in the record: a restarted server (or another instance) still refuses", async () => {
    // Failures spaced past each lock all count: the 14th locks the account for minutes.
    let at = 0;
    for (let i = 0; i < 14; i++) {
      at += 16 * 60_000;
      proxied.clock.offsetMs = at;
      expect((await login("admin@demo.inbox", "wrong", "198.51.100.50")).status).toBe(401);
    }
    await proxied.close();
    const restarted = await startTestServer({ dir: proxied.dir, trustedProxies: ["127.0.0.1"] });
    try {
      restarted.clock.offsetMs = at;
      const res = await restarted.api("/api/auth/login", { method: "POST", headers: { "x-forwarded-for": "198.51.100.51" }, json: { email: "admin@demo.inbox", password: "test-password-1" } });
      expect(res.status).toBe(429);
    } finally {
      await restarted.stop();
    }
  });
});

describe("password hashes", () => {
  it("a sign-in replaces a stored hash weaker than the current setting (an old PBKDF2 one) with scrypt", async () => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("test-password-1"), "PBKDF2", false, ["deriveBits"]);
    const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 100_000 }, key, 256));
    const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    const legacy = `pbkdf2-sha256$100000$${hex(salt)}$${hex(bits)}`;
    await server.core.db.update(users).set({ passwordHash: legacy }).where(eq(users.email, "supervisor@demo.inbox"));

    await server.login("supervisor@demo.inbox");
    const row = await server.core.db.query.users.findFirst({ where: eq(users.email, "supervisor@demo.inbox") });
    expect(row!.passwordHash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    await server.login("supervisor@demo.inbox");
  });
});
