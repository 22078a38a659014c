import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrioritySchema } from "@inbox/shared";
import { ReportDrillResponseSchema, ReportResponseSchema, type ReportDrillResponse, type ReportResponse } from "@inbox/shared/api/reports";
import { computeReport, type ConversationFacts, type Report, type ReportEvent, type ReportFilters } from "@inbox/shared/domain/reports/index";
import { conversations, events, messages } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { workspaceCalendar, workspacePolicies } from "../sla/index.ts";
import { parseCsv } from "./report-test-support.ts";

// A manager's figures from activity made through the real API: customers writing through the
// widget, agents replying, transferring, resolving, a contact merged. The clock is frozen at
// chosen instants, so every duration below is what the test made happen.

const MIN = 60_000;
const HOUR = 60 * MIN;

let server: TestServer;
let base: number;
/** The hour boundary the scenario crosses (30 minutes after `base`). */
let hour: number;
const tokens: Record<"alice" | "sam" | "ana" | "bruno", string> = { alice: "", sam: "", ana: "", bruno: "" };
const ids: Record<"ana" | "alice" | "bruno", string> = { ana: "", alice: "", bruno: "" };
const chat: Record<"c1" | "c2" | "c3" | "c4", { id: string; token: string; inbox: string }> = {} as never;

const at = (offset: number) => (server.clock.frozenAt = base + offset);

async function customerWrites(key: keyof typeof chat, inboxKey: "site" | "pricing", name: string): Promise<void> {
  const inbox = server.seed!.inboxIds[inboxKey]!;
  const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  await customerWritesAgain(session.token, inbox, "Hello, I need help");
  const row = await waitFor(`${name}'s conversation`, () => server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, name) }));
  chat[key] = { id: row.id, token: session.token, inbox };
}

async function customerWritesAgain(token: string, inbox: string, text: string): Promise<void> {
  const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token, json: { clientId: crypto.randomUUID(), text } });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function reply(who: keyof typeof tokens, key: keyof typeof chat): Promise<void> {
  const res = await server.api(`/api/conversations/${chat[key].id}/messages`, { method: "POST", token: tokens[who], json: { clientId: crypto.randomUUID(), text: "Let me look at that" } });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function post(who: keyof typeof tokens, path: string, json: unknown): Promise<void> {
  const res = await server.api(path, { method: "POST", token: tokens[who], json });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
}

const PERIOD = () => `from=${base}&to=${base + 40 * MIN}`;

async function report(who: keyof typeof tokens, extra = ""): Promise<ReportResponse> {
  const res = await server.api(`/api/reports?${PERIOD()}${extra}`, { token: tokens[who] });
  expect(res.status, await res.clone().text()).toBe(200);
  return ReportResponseSchema.parse(await res.json());
}

async function drill(who: keyof typeof tokens, metric: string, extra = ""): Promise<ReportDrillResponse> {
  const res = await server.api(`/api/reports/conversations?${PERIOD()}&metric=${metric}${extra}`, { token: tokens[who] });
  expect(res.status, await res.clone().text()).toBe(200);
  return ReportDrillResponseSchema.parse(await res.json());
}

beforeAll(async () => {
  server = await startTestServer();
  // The scenario starts after the demo seed's activity and crosses an hour boundary half-way.
  hour = Math.ceil((Date.now() + 31 * MIN) / HOUR) * HOUR;
  // Never a day boundary (UTC, the demo's report zone): the daily series must hold one day.
  if (hour % (24 * HOUR) === 0) hour += HOUR;
  base = hour - 30 * MIN;
  at(-2 * MIN);
  tokens.alice = await server.login("admin@demo.inbox");
  tokens.sam = await server.login("supervisor@demo.inbox");
  tokens.ana = await server.login("ana@demo.inbox");
  tokens.bruno = await server.login("bruno@demo.inbox");
  ids.ana = server.seed!.userIds.ana!;
  ids.alice = server.seed!.userIds.admin!;
  ids.bruno = server.seed!.userIds.bruno!;

  // Before the period: a first-response target of 2 minutes, and Chen's old (resolved) chat read,
  // so nothing of it runs into the period.
  await post("alice", "/api/admin/sla-policies", {
    policy: { name: "Reports", inboxId: null, priority: null, firstResponseMinutes: 2, nextResponseMinutes: null, resolutionMinutes: null, businessHours: false, atRisk: { unit: "minutes", value: 1 } },
  });
  const chen = (await server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, "Chen Wei") }))!;
  await post("alice", `/api/conversations/${chen.id}/read`, {});

  at(0);
  await customerWrites("c1", "site", "Report One");
  at(1 * MIN);
  await customerWrites("c2", "site", "Report Two");
  at(1.5 * MIN);
  await reply("ana", "c1"); // 90 s
  at(2 * MIN);
  await customerWrites("c3", "site", "Report Three");
  at(3 * MIN);
  await customerWrites("c4", "pricing", "Report Four");
  at(4 * MIN);
  await reply("ana", "c2"); // 180 s, past the 2-minute target
  at(7 * MIN);
  await reply("alice", "c3"); // 300 s
  at(9 * MIN);
  await reply("alice", "c4"); // 360 s
  at(9.5 * MIN);
  // Sales' chat goes to Billing, which Sam does not lead.
  await post("alice", "/api/commands", { commands: [{ clientId: crypto.randomUUID(), conversationId: chat.c4.id, type: "transfer", teamId: server.seed!.teamIds.billing! }] });
  at(10 * MIN);
  await post("ana", `/api/conversations/${chat.c1.id}/status`, { status: "resolved" });
  at(11 * MIN);
  // "Report Two" is Chen Wei, who wrote hours ago: a returning contact.
  const two = (await server.core.db.query.conversations.findFirst({ where: eq(conversations.id, chat.c2.id) }))!;
  await post("alice", `/api/contacts/${chen.contactId}/merge`, { duplicateId: two.contactId });
  at(31 * MIN);
  await customerWritesAgain(chat.c1.token, chat.c1.inbox, "It happened again"); // reopens, in the next hour
  at(32 * MIN);
  await reply("ana", "c1"); // 60 s
  at(40 * MIN);
  // Every reply's send has been recorded (its events are figures too).
  await waitFor("the replies sent", async () => {
    const out = await server.core.db.select({ status: messages.status }).from(messages).where(and(inArray(messages.conversationId, Object.values(chat).map((c) => c.id)), eq(messages.direction, "outbound")));
    return out.length === 5 && out.every((m) => m.status !== "queued" && m.status !== "sending");
  });
});
afterAll(() => server.stop());

const seconds = (s: number) => s * 1000;

describe("reports from activity made through the API", () => {
  it("gives an admin every figure they made happen", async () => {
    const r = await report("alice");
    // First responses: 90, 180, 300, 360 s in the first cycles, 60 s after the reopening.
    expect(r.totals.times.firstResponse).toMatchObject({ count: 5, median: seconds(180), p90: seconds(360), average: seconds(198) });
    // The distribution: 60, 90 and 180 s in the 1–5 min band, 300 and 360 s in the 5–15 min band.
    expect(r.totals.times.firstResponse.bands).toEqual([0, 3, 2, 0, 0, 0, 0, 0]);
    expect(r.totals.conversations).toMatchObject({ total: 5, new: 4, reopened: 1, attended: 5, resolved: 1 });
    expect(r.totals.times.resolution).toMatchObject({ count: 1, median: 10 * MIN });
    expect(r.totals.contacts).toMatchObject({ new: 3, returning: 1 });
    expect(r.totals.sla?.byTarget.first_response.breached).toBe(3);
    expect(r.byAgent[ids.ana]!.times.firstResponse).toMatchObject({ count: 3, median: seconds(90), p90: seconds(180) });
    expect(r.byAgent[ids.ana]!.chatsAttended).toBe(3);
    expect(r.byAgent[ids.alice]!.times.firstResponse).toMatchObject({ count: 2, median: seconds(300), p90: seconds(360) });
    expect(r.names.agents[ids.ana]).toBe("Ana Souza");
    expect(Object.keys(r.byTeam).map((t) => r.names.teams[t]).sort()).toEqual(["Billing", "Sales", "Support"]);
    expect(r.scope).toMatchObject({ ownNumbersOnly: false, conversations: "all" });
    expect(r.series.points.map((p) => p.figures.times.firstResponse.count)).toEqual([5]);
    const hourly = await report("alice", "&granularity=hour");
    expect(hourly.series.points.map((p) => [p.start, p.figures.times.firstResponse.count])).toEqual([
      [hour - HOUR, 4],
      [hour, 1],
    ]);
    expect(r.tookMs).toBeGreaterThan(0);
  });

  it("shows a supervisor their teams' chats only, and refuses another team's in words", async () => {
    const r = await report("sam");
    expect(r.totals.times.firstResponse).toMatchObject({ count: 4, median: seconds(90), p90: seconds(300), average: seconds(157.5) });
    expect(r.totals.conversations.total).toBe(4);
    expect(r.totals.sla?.byTarget.first_response.breached).toBe(2);
    expect(Object.keys(r.byTeam).map((t) => r.names.teams[t])).not.toContain("Billing");
    const billing = await server.api(`/api/reports?${PERIOD()}&team=${server.seed!.teamIds.billing}`, { token: tokens.sam });
    expect(billing.status).toBe(403);
    expect(((await billing.json()) as { error: { message: string } }).error.message).toMatch(/only of your own teams; Billing/);
  });

  it("shows an agent only their own numbers, whatever they ask for", async () => {
    const r = await report("ana");
    expect(Object.keys(r.byAgent)).toEqual([ids.ana]);
    expect(r.totals.times.firstResponse).toMatchObject({ count: 3, median: seconds(90), p90: seconds(180), average: seconds(110) });
    expect(r.scope).toMatchObject({ ownNumbersOnly: true, filters: { agentIds: [ids.ana] } });
    const other = await server.api(`/api/reports?${PERIOD()}&agent=${ids.alice}`, { token: tokens.ana });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { message: string } }).error.message).toMatch(/only your own numbers/);
    expect((await report("ana", `&agent=${ids.ana}`)).totals.times.firstResponse.count).toBe(3);

    const bruno = await report("bruno");
    expect(Object.keys(bruno.byAgent)).toEqual([]);
    expect(bruno.totals.times.firstResponse.count).toBe(0);
  });

  it("drills down to exactly the conversations counted", async () => {
    const all = await drill("alice", "times.firstResponse");
    expect(all.rows.map((row) => [row.conversationId, row.value])).toEqual([
      [chat.c4.id, seconds(360)],
      [chat.c3.id, seconds(300)],
      [chat.c2.id, seconds(180)],
      [chat.c1.id, seconds(90)],
      [chat.c1.id, seconds(60)],
    ]);
    expect(all.rows[0]).toMatchObject({ contactName: "Report Four", teamName: "Billing", agentName: "Alice Admin", channel: "webchat" });

    const sam = await drill("sam", "conversations.total");
    expect(sam.count).toBe((await report("sam")).totals.conversations.total);
    expect(sam.rows.map((row) => row.conversationId).sort()).toEqual([chat.c1.id, chat.c1.id, chat.c2.id, chat.c3.id].sort());

    const ana = await drill("ana", "times.firstResponse");
    expect(ana.rows.map((row) => row.value)).toEqual([seconds(180), seconds(90), seconds(60)]);
    expect(new Set(ana.rows.map((row) => row.agentId))).toEqual(new Set([ids.ana]));

    // One point of the hourly series: the second hour holds only the reply after the reopening.
    const second = await drill("alice", "times.firstResponse", `&granularity=hour&bucket=${hour}`);
    expect(second.window).toEqual({ from: hour, to: base + 40 * MIN });
    expect(second.rows.map((row) => [row.conversationId, row.value])).toEqual([[chat.c1.id, seconds(60)]]);

    const breached = await drill("alice", "sla.breached", "&slaTarget=first_response");
    expect(breached.rows.map((row) => row.conversationId).sort()).toEqual([chat.c2.id, chat.c3.id, chat.c4.id].sort());
    const returning = await drill("alice", "contacts.returning");
    expect(returning.rows.map((row) => row.conversationId)).toEqual([chat.c2.id]);

    const badBucket = await server.api(`/api/reports/conversations?${PERIOD()}&metric=times.response&granularity=hour&bucket=${hour + 1}`, { token: tokens.alice });
    expect(badBucket.status).toBe(400);
  });

  it("exports a table as CSV that parses back to the report's figures", async () => {
    const res = await server.api(`/api/reports/export.csv?${PERIOD()}&table=agents`, { token: tokens.alice });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="report-agents-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"$/);
    const [header, ...rows] = parseCsv(await res.text());
    const ana = Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === ids.ana)![i]]));
    expect(ana).toMatchObject({ agent_name: "Ana Souza", chats_attended: "3", first_response_count: "3", first_response_median_ms: "90000", first_response_p90_ms: "180000" });

    const own = parseCsv(await (await server.api(`/api/reports/export.csv?${PERIOD()}&table=agents`, { token: tokens.ana })).text());
    expect(own.slice(1).map((r) => r[0])).toEqual([ids.ana]);

    const heatmap = parseCsv(await (await server.api(`/api/reports/export.csv?${PERIOD()}&table=heatmap`, { token: tokens.alice })).text());
    expect(heatmap).toHaveLength(8);
    expect(heatmap.slice(1).flatMap((r) => r.slice(1).map(Number)).reduce((a, b) => a + b, 0)).toBe((await report("alice")).totals.messages.received);

    // The distribution: a row per time metric, a column per band with its range in ms.
    const [bandHeader, ...bandRows] = parseCsv(await (await server.api(`/api/reports/export.csv?${PERIOD()}&table=distribution`, { token: tokens.alice })).text());
    expect(bandHeader!.slice(0, 4)).toEqual(["metric", "count", "0_60000_ms", "60000_300000_ms"]);
    expect(bandHeader!.at(-1)).toBe("259200000_ms_or_more");
    const first = bandRows.find((r) => r[0] === "first_response")!;
    const { firstResponse } = (await report("alice")).totals.times;
    expect(first.slice(1).map(Number)).toEqual([firstResponse.count, ...firstResponse.bands]);
  });

  it("answers in words when the question is incomplete", async () => {
    const none = await server.api("/api/reports", { token: tokens.alice });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/choose a period/);
    const hourly = await server.api(`/api/reports?from=${base - 300 * 24 * HOUR}&to=${base}&granularity=hour`, { token: tokens.alice });
    expect(hourly.status).toBe(400);
    expect(((await hourly.json()) as { error: { message: string } }).error.message).toMatch(/choose a longer granularity/);
    expect((await server.api(`/api/reports?preset=today&granularity=hour`, { token: tokens.alice })).status).toBe(200);
  });
});

// ---------- the oracle: the reference over every event of the workspace ----------

async function everything(): Promise<{ all: ReportEvent[]; facts: Map<string, ConversationFacts & { assigneeId: string | null }> }> {
  const ws = server.seed!.workspaceId!;
  const rows = await server.core.db.select().from(events).where(eq(events.workspaceId, ws)).orderBy(asc(sql`rowid`));
  const convs = await server.core.db.select().from(conversations).where(eq(conversations.workspaceId, ws));
  const facts = new Map(convs.map((c) => [c.id, { inboxId: c.inboxId, channel: c.channel, teamId: c.teamId, priority: PrioritySchema.parse(c.priority), labels: c.labels, createdAt: c.createdAt, assigneeId: c.assigneeId }]));
  return { all: rows as ReportEvent[], facts };
}

function withoutExtras(r: ReportResponse): Report {
  const { byTeam: _t, byInbox: _i, byChannel: _c, scope: _s, names: _n, tookMs: _ms, ...report } = r;
  return report;
}

describe("the server's reads", () => {
  it("give the reference's figures over the whole record, for each role's view", async () => {
    const { all, facts } = await everything();
    const calendar = await workspaceCalendar(server.core, server.seed!.workspaceId!);
    const policies = await workspacePolicies(server.core, server.seed!.workspaceId!);
    const oracle = (from: number, to: number, granularity: "hour" | "day", visible: (teamId: string) => boolean, filters: ReportFilters = {}) => {
      const kept = all.filter((e) => e.conversationId === null || visible(facts.get(e.conversationId)?.teamId ?? ""));
      return computeReport(kept, { from, to, timeZone: calendar.timezone, granularity, conversations: facts, filters, sla: { policies, calendar } });
    };
    const support = server.seed!.teamIds.support!;
    const sales = server.seed!.teamIds.sales!;
    for (const [from, granularity] of [[base, "hour"], [base - 24 * HOUR, "hour"], [base - 24 * HOUR, "day"]] as const) {
      const q = `from=${from}&to=${base + 40 * MIN}&granularity=${granularity}`;
      const get = async (who: keyof typeof tokens) => withoutExtras(ReportResponseSchema.parse(await (await server.api(`/api/reports?${q}`, { token: tokens[who] })).json()));
      expect(await get("alice")).toEqual(oracle(from, base + 40 * MIN, granularity, () => true));
      expect(await get("sam")).toEqual(oracle(from, base + 40 * MIN, granularity, (t) => t === support || t === sales));
      expect(await get("ana")).toEqual(oracle(from, base + 40 * MIN, granularity, (t) => t === support, { agentIds: [ids.ana] }));
    }
  });
});
