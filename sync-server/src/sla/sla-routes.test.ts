import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEFAULT_CALENDAR } from "@inbox/shared";
import { conversations, events } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let admin: string;
let agent: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
  agent = await server.login("ana@demo.inbox");
});
afterAll(() => server.stop());

describe("business hours and SLA policy settings", () => {
  it("saves a valid calendar with its event, refuses a wrong one in words, and only for admins", async () => {
    const calendar = { ...DEFAULT_CALENDAR, timezone: "America/Sao_Paulo", holidays: [{ date: "2026-12-25", name: "Natal" }] };
    expect((await server.api("/api/admin/business-hours", { method: "PUT", token: agent, json: { calendar } })).status).toBe(403);
    const bad = await server.api("/api/admin/business-hours", { method: "PUT", token: admin, json: { calendar: { ...calendar, timezone: "Mars/Olympus" } } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("is not a time zone we know");
    expect((await server.api("/api/admin/business-hours", { method: "PUT", token: admin, json: { calendar } })).status).toBe(200);
    const got = (await (await server.api("/api/admin/sla", { token: admin })).json()) as { calendar: unknown };
    expect(got.calendar).toEqual(calendar);
    expect(await server.core.db.select().from(events).where(eq(events.type, "workspace.business_hours_changed"))).toHaveLength(1);
  });

  it("adds, changes and deletes a policy; one policy per inbox and priority", async () => {
    const policy = { name: "Default", inboxId: null, priority: null, firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480, businessHours: true, atRisk: { unit: "percent", value: 20 } };
    const created = (await (await server.api("/api/admin/sla-policies", { method: "POST", token: admin, json: { policy } })).json()) as { policy: { id: string } };
    const again = await server.api("/api/admin/sla-policies", { method: "POST", token: admin, json: { policy: { ...policy, name: "Other" } } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already covers this inbox and priority");
    const changed = await server.api(`/api/admin/sla-policies/${created.policy.id}`, { method: "PUT", token: admin, json: { policy: { ...policy, firstResponseMinutes: 15 } } });
    expect(((await changed.json()) as { policy: { firstResponseMinutes: number } }).policy.firstResponseMinutes).toBe(15);
    expect((await server.api(`/api/admin/sla-policies/${created.policy.id}`, { method: "DELETE", token: admin })).status).toBe(200);
    const types = (await server.core.db.select({ type: events.type }).from(events)).map((e) => e.type);
    expect(types.filter((t) => t === "sla.policy_saved")).toHaveLength(2);
    expect(types).toContain("sla.policy_deleted");
  });

  it("applies a saved policy to chats already waiting, and takes the countdown away when it is deleted", async () => {
    const inbox = server.seed!.inboxIds.site!;
    const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Before Policy" } })).json()) as { token: string };
    await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: "before-policy-1", text: "hi" } });
    const waiting = async () => (await server.core.db.select().from(conversations).where(eq(conversations.contactName, "Before Policy")))[0];
    await waitFor("the chat", async () => !!(await waiting()));
    await server.core.sla.idle();
    expect((await waiting())!.sla ?? null).toBeNull();
    const policy = { name: "Web chat", inboxId: inbox, priority: null, firstResponseMinutes: 30, nextResponseMinutes: null, resolutionMinutes: null, businessHours: false, atRisk: { unit: "minutes", value: 5 } };
    const created = (await (await server.api("/api/admin/sla-policies", { method: "POST", token: admin, json: { policy } })).json()) as { policy: { id: string } };
    await waitFor("the countdown on the waiting chat", async () => (await waiting())!.sla?.policyId === created.policy.id);
    expect((await waiting())!.sla).toMatchObject({ target: "first_response", state: "running" });
    expect((await server.api(`/api/admin/sla-policies/${created.policy.id}`, { method: "DELETE", token: admin })).status).toBe(200);
    await waitFor("no countdown any more", async () => (await waiting())!.sla === null);
  });
});
