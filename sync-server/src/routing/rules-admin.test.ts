import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, desc, eq, like } from "drizzle-orm";
import type { RoutingRule } from "@inbox/shared/domain/routing-rules";
import { auditLog, conversations, events } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// Admins write, order, switch and delete routing rules, each change audited with before and
// after; a sample message shows what the rules would do without changing anything.

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

const call = (path: string, init: { method?: string; json?: unknown; token?: string } = {}) => server.api(`/api/admin/routing-rules${path}`, { token: admin, ...init });
const refund = () => ({
  name: "Refunds",
  triggers: ["conversation_created"],
  conditions: [{ type: "text_contains", values: ["refund"] }],
  actions: [
    { type: "set_team", teamId: server.seed!.teamIds.billing },
    { type: "set_priority", priority: "urgent" },
  ],
});

async function lastAudit(action: string) {
  const [row] = await server.core.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

async function create(body: unknown): Promise<RoutingRule> {
  const res = await call("", { method: "POST", json: body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { rule: RoutingRule }).rule;
}

describe("routing rules administration", () => {
  it("creates, lists in order, edits, switches off and deletes, each audited with before and after", async () => {
    const first = await create(refund());
    expect(first).toMatchObject({ name: "Refunds", enabled: true });
    expect((await lastAudit("routing_rule.created"))).toMatchObject({ target: first.id, actorName: "Alice Admin", data: { after: { name: "Refunds" } } });
    const second = await create({ ...refund(), name: "VIPs first", conditions: [{ type: "contact_vip", vip: true }], actions: [{ type: "set_priority", priority: "high" }, { type: "stop" }] });
    expect(second.position).toBeGreaterThan(first.position);

    const listed = (await (await call("")).json()) as { rules: RoutingRule[]; choices: { teams: { name: string }[]; agents: { name: string }[] } };
    expect(listed.rules.map((r) => r.name)).toEqual(["Refunds", "VIPs first"]);
    expect(listed.choices.teams.map((t) => t.name)).toEqual(["Billing", "Sales", "Support"]);
    expect(listed.choices.agents.map((a) => a.name)).toContain("Ana Souza");

    const edited = await call(`/${first.id}`, { method: "PUT", json: { ...refund(), name: "Refunds and chargebacks", conditions: [{ type: "text_contains", values: ["refund", "chargeback"] }] } });
    expect(edited.status).toBe(200);
    expect(await lastAudit("routing_rule.updated")).toMatchObject({ target: first.id, data: { before: { name: "Refunds" }, after: { name: "Refunds and chargebacks" } } });

    const off = await call(`/${second.id}/enabled`, { method: "POST", json: { enabled: false } });
    expect(((await off.json()) as { rule: RoutingRule }).rule.enabled).toBe(false);
    expect(await lastAudit("routing_rule.disabled")).toMatchObject({ target: second.id, data: { before: { enabled: true }, after: { enabled: false } } });

    expect((await call(`/${second.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await lastAudit("routing_rule.deleted")).toMatchObject({ target: second.id, data: { before: { name: "VIPs first" } } });
    expect((await call(`/${second.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("reorders: the whole order at once, refused in words when the list changed meanwhile", async () => {
    const before = ((await (await call("")).json()) as { rules: RoutingRule[] }).rules;
    const c = await create({ ...refund(), name: "Last one" });
    const ids = [c.id, ...before.map((r) => r.id)];
    const res = await call("/order", { method: "POST", json: { ids } });
    expect(res.status).toBe(200);
    const after = ((await (await call("")).json()) as { rules: RoutingRule[] }).rules;
    expect(after.map((r) => r.id)).toEqual(ids);
    expect(await lastAudit("routing_rule.reordered")).toMatchObject({ data: { before: [...before.map((r) => r.name), "Last one"], after: ["Last one", ...before.map((r) => r.name)] } });

    const stale = await call("/order", { method: "POST", json: { ids: ids.slice(1) } });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toMatch(/changed since you loaded them/);
  });

  it("refuses unsafe patterns and foreign references in words, and saves nothing", async () => {
    const { value: rulesBefore } = (await server.core.db.select({ value: count() }).from(auditLog).where(like(auditLog.action, "routing_rule.%")))[0]!;
    const bad = await call("", { method: "POST", json: { ...refund(), conditions: [{ type: "text_matches", values: ["(a+)+$"] }] } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string; fields: Record<string, string> } };
    expect(body.error.message).toMatch(/The pattern “\(a\+\)\+\$” repeats something that already repeats/);
    expect(Object.keys(body.error.fields).sort()).toEqual(["conditions.0.values.0", "field_issues", "fields_summary", "reason"]);
    expect(body.error.fields.reason).toBe("fields_invalid");

    const foreign = await call("", { method: "POST", json: { ...refund(), actions: [{ type: "set_team", teamId: "no-such-team" }] } });
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/Choose one of the workspace's active teams/);

    const twoRoutes = await call("", { method: "POST", json: { ...refund(), actions: [{ type: "skip_routing" }, { type: "route", mode: "round_robin" }] } });
    expect(twoRoutes.status).toBe(400);
    const { value: rulesAfter } = (await server.core.db.select({ value: count() }).from(auditLog).where(like(auditLog.action, "routing_rule.%")))[0]!;
    expect(rulesAfter).toBe(rulesBefore);
  });

  it("tests a sample message, with an unsaved draft, without changing anything", async () => {
    const site = server.seed!.inboxIds.site!;
    const countOf = async () => [
      (await server.core.db.select({ value: count() }).from(conversations))[0]!.value,
      (await server.core.db.select({ value: count() }).from(events))[0]!.value,
    ];
    const before = await countOf();
    const res = await call("/test", { method: "POST", json: { sample: { channel: "webchat", inboxId: site, text: "I want a refund" } } });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { fired: { name: string }[]; effects: Record<string, unknown> };
    expect(answer.fired.map((f) => f.name)).toContain("Refunds and chargebacks");
    expect(answer.effects).toMatchObject({ teamId: server.seed!.teamIds.billing, priority: "urgent" });

    // A draft of a new rule is tried after the saved ones.
    const draft = { name: "Draft: label it", triggers: ["customer_message"], conditions: [{ type: "text_matches", values: ["\\brefund\\b"] }], actions: [{ type: "add_labels", labels: ["money"] }] };
    const withDraft = await call("/test", { method: "POST", json: { sample: { channel: "webchat", inboxId: site, text: "refund now", trigger: "customer_message" }, draft: { id: null, rule: draft } } });
    const drafted = (await withDraft.json()) as { fired: { ruleId: string; name: string }[]; effects: { labels: string[] } };
    expect(drafted.fired.map((f) => f.name)).toEqual(["Draft: label it"]);
    expect(drafted.fired[0]!.ruleId).toBe("draft");
    expect(drafted.effects.labels).toEqual(["money"]);
    expect(await countOf()).toEqual(before);

    // A draft with an unsafe pattern is refused like a saved rule.
    const unsafe = await call("/test", { method: "POST", json: { sample: { channel: "webchat", inboxId: site, text: "x" }, draft: { id: null, rule: { ...draft, conditions: [{ type: "text_matches", values: ["(x|xx)+y"] }] } } } });
    expect(unsafe.status).toBe(400);
  });

  it("is for admins only", async () => {
    for (const email of ["supervisor@demo.inbox", "ana@demo.inbox"]) {
      const token = await server.login(email);
      expect((await call("", { token })).status).toBe(403);
      expect((await call("", { token, method: "POST", json: refund() })).status).toBe(403);
    }
  });
});
