import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { AuditListResponseSchema, AuditVerifyResponseSchema, type AuditEntry } from "@inbox/shared/api/audit";
import { auditLog, users } from "../db/schema.ts";
import { DEMO_PASSWORD, startTestServer, type TestServer } from "../testing/test-server.ts";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AuditTest/1.0";

let server: TestServer;
let admin: string;
let adminId: string;
beforeAll(async () => {
  server = await startTestServer();
  const res = await server.api("/api/auth/login", { method: "POST", headers: { "user-agent": BROWSER }, json: { email: "admin@demo.inbox", password: DEMO_PASSWORD } });
  admin = ((await res.json()) as { token: string }).token;
  adminId = (await server.core.db.query.users.findFirst({ where: eq(users.email, "admin@demo.inbox") }))!.id;
});
afterAll(() => server.stop());

async function list(query: string, token = admin): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const res = await server.api(`/api/admin/audit${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return AuditListResponseSchema.parse(await res.json());
}

async function verify() {
  return AuditVerifyResponseSchema.parse(await (await server.api("/api/admin/audit/verify", { token: admin })).json());
}

const policy = { name: "Audit policy", inboxId: null, priority: "high", firstResponseMinutes: 30, nextResponseMinutes: null, resolutionMinutes: null, businessHours: false, atRisk: { unit: "percent", value: 20 } };

describe("the audit log API", () => {
  it("records who, with their name, from which address and browser, on sign-in, failed sign-in and sign-out", async () => {
    const failed = await server.api("/api/auth/login", { method: "POST", headers: { "user-agent": BROWSER }, json: { email: "ana@demo.inbox", password: "wrong password" } });
    expect(failed.status).toBe(401);
    const ana = await server.login("ana@demo.inbox");
    expect((await server.api("/api/auth/logout", { method: "POST", token: ana, headers: { "user-agent": BROWSER } })).status).toBe(204);

    const { entries } = await list("?action=auth.*");
    const signedIn = entries.find((e) => e.action === "auth.signed_in" && e.actorId === adminId)!;
    expect(signedIn).toMatchObject({ actorName: "Alice Admin", ip: "127.0.0.1", userAgent: BROWSER });
    expect(entries.find((e) => e.action === "auth.sign_in_failed")).toMatchObject({ actorName: "Ana Souza", ip: "127.0.0.1", userAgent: BROWSER });
    expect(entries.find((e) => e.action === "auth.signed_out")).toMatchObject({ actorName: "Ana Souza", ip: "127.0.0.1", userAgent: BROWSER });
    expect(entries.every((e) => e.action.startsWith("auth."))).toBe(true);
  });

  it("records a settings change with before and after, and who made it", async () => {
    const created = (await (await server.api("/api/admin/sla-policies", { method: "POST", token: admin, json: { policy } })).json()) as { policy: { id: string } };
    await server.api(`/api/admin/sla-policies/${created.policy.id}`, { method: "PUT", token: admin, json: { policy: { ...policy, firstResponseMinutes: 15 } } });
    const { entries } = await list(`?target=${created.policy.id}`);
    expect(entries.map((e) => e.action)).toEqual(["sla.policy_saved", "sla.policy_saved"]);
    expect(entries[0]).toMatchObject({ actorId: adminId, actorName: "Alice Admin", ip: "127.0.0.1", data: { before: { firstResponseMinutes: 30 }, after: { firstResponseMinutes: 15 } } });
    expect(entries[1]!.data).not.toHaveProperty("before");
  });

  it("filters by actor, action, period and text, and pages newest first without repeats", async () => {
    const all = await list("?limit=200");
    expect(all.entries.length).toBeGreaterThan(4);
    expect(all.entries.map((e) => e.id)).toEqual([...all.entries.map((e) => e.id)].sort((a, b) => b - a));

    const byActor = await list(`?actor=${adminId}&limit=200`);
    expect(byActor.entries.length).toBeGreaterThan(0);
    expect(byActor.entries.every((e) => e.actorId === adminId)).toBe(true);
    expect((await list("?action=sla.policy_saved")).entries.every((e) => e.action === "sla.policy_saved")).toBe(true);
    // Several patterns match any of them: a viewer's group spans prefixes.
    const either = new Set((await list("?action=sla.*,auth.signed_out&limit=200")).entries.map((e) => e.action));
    expect([...either].sort()).toEqual(["auth.signed_out", "sla.policy_saved"]);
    expect((await list("?q=audit%20policy")).entries.map((e) => e.action)).toContain("sla.policy_saved");
    // A search for `%` matches a percent sign, not everything.
    expect((await list("?q=%25%25")).entries).toEqual([]);
    const newest = all.entries[0]!;
    expect((await list(`?from=${newest.at}&to=${newest.at + 1}`)).entries.map((e) => e.id)).toContain(newest.id);
    expect((await list(`?to=${all.entries.at(-1)!.at}`)).entries.every((e) => e.at < all.entries.at(-1)!.at)).toBe(true);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { entries: AuditEntry[]; nextCursor: string | null } = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.entries.map((e) => e.id));

    const bad = await server.api("/api/admin/audit?action=DROP%20TABLE", { token: admin });
    expect(bad.status).toBe(400);
    expect((await server.api("/api/admin/audit?action=sla.*,,auth.*", { token: admin })).status).toBe(400);
  });

  it("exports as CSV and JSON Lines, and records the export with its filters and count", async () => {
    const csv = await server.api("/api/admin/audit/export?format=csv&action=sla.*", { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d\d-\d\d\.csv"$/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,time_utc,actor_id,actor_name,action,target,ip,user_agent,change");
    expect(lines.length).toBe(3);
    expect(lines[1]).toContain(",Alice Admin,sla.policy_saved,");
    // The change is JSON with quotes, so its field is quoted and its quotes doubled.
    expect(lines[1]).toMatch(/,"\{""after"":\{/);

    const jsonl = await server.api("/api/admin/audit/export?format=jsonl&action=sla.policy_saved", { token: admin });
    const rows = (await jsonl.text()).trim().split("\n").map((l) => JSON.parse(l) as AuditEntry);
    expect(rows.map((r) => r.action)).toEqual(["sla.policy_saved", "sla.policy_saved"]);
    expect(rows[0]!.id).toBeLessThan(rows[1]!.id);

    const exported = (await list("?action=audit.exported")).entries;
    expect(exported.map((e) => e.data)).toEqual([
      { format: "jsonl", filters: { action: "sla.policy_saved" }, count: 2 },
      { format: "csv", filters: { action: "sla.*" }, count: 2 },
    ]);
    expect(exported[0]).toMatchObject({ actorName: "Alice Admin", ip: "127.0.0.1" });
  });

  it("refuses agents and supervisors", async () => {
    for (const email of ["ana@demo.inbox", "supervisor@demo.inbox"]) {
      const token = await server.login(email);
      for (const path of ["/api/admin/audit", "/api/admin/audit/export?format=csv", "/api/admin/audit/verify"]) {
        expect((await server.api(path, { token })).status, `${email} ${path}`).toBe(403);
      }
    }
  });

  it("checks the chain: intact, then the edited entry by its id", async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ ok: true, broken: null });
    expect(intact.checked).toBe(await server.core.db.$count(auditLog, eq(auditLog.workspaceId, server.seed!.workspaceId!)));

    const target = (await list("?action=sla.policy_saved")).entries.at(-1)!;
    await server.core.db.run("drop trigger audit_log_no_update");
    await server.core.db.run(`update audit_log set data = json('{"after":{"name":"Nothing to see"}}') where id = ${target.id}`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, broken: { id: target.id, at: target.at, reason: "edited" } });
    expect(result.broken!.message).toContain(`Entry #${target.id}`);
  });
});
