import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, type Priority, type SlaPolicy } from "@inbox/shared";
import { computeReport, DURATION_BAND_COUNT, DURATION_METRICS, figuresFor, observe, type ConversationFacts, type Figures, type Granularity, type Report, type ReportEvent, type ReportFilters, type ReportOptions } from "@inbox/shared/domain/reports/index";
import { Chat, HOUR, merge, MIN } from "@inbox/shared/domain/reports/test-support";
import type { Database } from "../../db/database.ts";
import { contacts, conversations, events, inboxes, reportDirty, reportFacts, slaPolicies, teams, workspaces } from "../../db/schema.ts";
import { WriteQueue } from "../../db/write-queue.ts";
import { KeyedMutex } from "../../lib/keyed-mutex.ts";
import { migrateDatabase } from "../../node/migrate.ts";
import { openNodeDatabase } from "../../node/open-database.ts";
import { DRILL_METRICS } from "@inbox/shared/api/reports";
import { drillDown } from "../report-drilldown.ts";
import { factsDrillDown } from "./fact-drilldown.ts";
import { ReportColumns } from "./report-columns.ts";
import { factsReport } from "./facts-report.ts";
import { markNewEvents } from "./mark-new-events.ts";
import { ReportRoller } from "./report-roller.ts";
import { rollDirtyConversations } from "./roll-conversations.ts";

// The rollup's promise (docs/REPORTS.md §5): every figure read from the rolled-up facts equals
// the reference computation over the raw events, for random histories, periods, zones, clocks,
// filters, SLA policies, and events that arrive after a roll (late receipts, merges).

const WS = "w";
const START = Date.parse("2026-03-06T20:00:00Z");
const AGENTS = ["ana", "bruno", "carla"];
const INBOXES = [
  { inboxId: "i-web", channel: "webchat", teamId: "t-support" },
  { inboxId: "i-wa", channel: "whatsapp", teamId: "t-sales" },
];
const CONTACTS = ["k0", "k1", "k2", "k3"];
const LABELS = ["vip", "billing"];
const POLICY: SlaPolicy = { id: "p1", name: "All", inboxId: null, priority: null, firstResponseMinutes: 20, nextResponseMinutes: 30, resolutionMinutes: 240, businessHours: false, atRisk: { unit: "minutes", value: 5 }, updatedAt: 0 };

let dir: string;
let db: Database;
let close: () => void;
let now = START + 400 * HOUR;
const core = () => ({ db, writer: new WriteQueue(db), now: () => now, locks: new KeyedMutex() });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "report-rollup-"));
  ({ db, close } = await openNodeDatabase(`file:${join(dir, "t.db")}`));
  await migrateDatabase(db);
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

type Step =
  | { t: "customer"; chat: number; gap: number }
  | { t: "reply"; chat: number; gap: number; agent: number }
  | { t: "auto"; chat: number; gap: number }
  | { t: "offer"; chat: number; gap: number; agent: number }
  | { t: "assign"; chat: number; gap: number; agent: number | null }
  | { t: "pickUp"; chat: number; gap: number; agent: number }
  | { t: "status"; chat: number; gap: number; to: "resolved" | "pending" | "open" | "snoozed"; agent: number }
  | { t: "wake"; chat: number; gap: number }
  | { t: "read"; chat: number; gap: number; agent: number }
  | { t: "delivery"; chat: number; gap: number; status: "sent" | "delivered" | "read" | "failed" | "unconfirmed" }
  | { t: "priority"; chat: number; gap: number; to: Priority }
  | { t: "merge"; chat: number; gap: number; kept: number; merged: number }
  | { t: "csat"; chat: number; gap: number; agent: number; rating: number | null };

const chatIx = fc.integer({ min: 0, max: 4 });
// Minutes between steps; the duration bands' edges (1, 5, 15, 60 min) come up often on purpose.
const gap = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 90 }) }, fc.constantFrom(1, 5, 15, 60));
const agent = fc.integer({ min: 0, max: AGENTS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant("customer" as const), chat: chatIx, gap }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("reply" as const), chat: chatIx, gap, agent }) },
  fc.record({ t: fc.constant("auto" as const), chat: chatIx, gap }),
  fc.record({ t: fc.constant("offer" as const), chat: chatIx, gap, agent }),
  fc.record({ t: fc.constant("assign" as const), chat: chatIx, gap, agent: fc.option(agent, { nil: null }) }),
  fc.record({ t: fc.constant("pickUp" as const), chat: chatIx, gap, agent }),
  { weight: 3, arbitrary: fc.record({ t: fc.constant("status" as const), chat: chatIx, gap, to: fc.constantFrom("resolved" as const, "pending" as const, "open" as const, "snoozed" as const), agent }) },
  fc.record({ t: fc.constant("wake" as const), chat: chatIx, gap }),
  fc.record({ t: fc.constant("read" as const), chat: chatIx, gap, agent }),
  { weight: 2, arbitrary: fc.record({ t: fc.constant("delivery" as const), chat: chatIx, gap, status: fc.constantFrom("sent" as const, "delivered" as const, "read" as const, "failed" as const, "unconfirmed" as const) }) },
  fc.record({ t: fc.constant("priority" as const), chat: chatIx, gap, to: fc.constantFrom<Priority>("low", "normal", "high", "urgent") }),
  fc.record({ t: fc.constant("merge" as const), chat: chatIx, gap, kept: fc.integer({ min: 0, max: 3 }), merged: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ t: fc.constant("csat" as const), chat: chatIx, gap, agent, rating: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }) }),
);

interface World {
  chats: Chat[];
  /** Every event in record order, as it was inserted. */
  events: ReportEvent[];
  facts: Map<string, ConversationFacts & { contactId: string }>;
  end: number;
  /** Each run is a workspace of its own (teams and inboxes are shared rows of "w"). */
  ws: string;
}

let run = 0;

/** Plays the steps into chats (each chat opened on first use), in one timeline. */
function play(steps: readonly Step[], meta: ReadonlyArray<{ team: number; priority: Priority; labels: string[]; contact: number }>): World {
  const prefix = `r${++run}-`;
  const chats: Array<Chat | undefined> = [];
  const all: ReportEvent[] = [];
  const facts = new Map<string, ConversationFacts & { contactId: string }>();
  let t = START;
  for (const s of steps) {
    t += s.gap * MIN;
    let chat = chats[s.chat];
    const before = chat?.events.length ?? 0;
    if (!chat) {
      const m = meta[s.chat]!;
      const inbox = INBOXES[m.team]!;
      chat = chats[s.chat] = new Chat(`${prefix}c${s.chat}`, `${prefix}${CONTACTS[m.contact]}`, { inboxId: inbox.inboxId, channel: inbox.channel });
      facts.set(chat.id, { inboxId: inbox.inboxId, channel: inbox.channel, teamId: inbox.teamId, priority: m.priority, labels: m.labels, createdAt: t, contactId: chat.contactId });
      chat.opens(t);
    }
    const from = chat.events.length;
    switch (s.t) {
      case "customer":
        chat.customer(t);
        break;
      case "reply":
        chat.reply(AGENTS[s.agent]!, t);
        break;
      case "auto":
        chat.autoReply(t);
        break;
      case "offer":
        chat.offer(AGENTS[s.agent]!, t);
        break;
      case "assign":
        chat.assign(s.agent === null ? null : AGENTS[s.agent]!, t);
        break;
      case "pickUp":
        chat.pickUp(AGENTS[s.agent]!, t);
        break;
      case "status":
        chat.setStatus(s.to, t, AGENTS[s.agent]!);
        break;
      case "wake":
        chat.wake(t);
        break;
      case "read":
        chat.read(AGENTS[s.agent]!, t);
        break;
      case "delivery":
        if (chat.lastMessageId) chat.delivery(chat.lastMessageId, s.status, t);
        break;
      case "priority":
        chat.priority(s.to, t, "ana");
        break;
      case "csat":
        chat.csatAsked(AGENTS[s.agent]!, t);
        if (s.rating !== null) chat.rated(s.rating, AGENTS[s.agent]!, t + MIN);
        break;
      case "merge":
        all.push(merge(`${prefix}${CONTACTS[s.kept]}`, `${prefix}${CONTACTS[s.merged]}`, t));
        break;
    }
    all.push(...chat.events.slice(Math.min(before, from)));
  }
  return { chats: chats.filter((c): c is Chat => c !== undefined), events: all, facts, end: t, ws: `w-${prefix}` };
}

/** The world's contacts and conversation rows (events come after, in parts). */
async function insertWorld(w: World): Promise<void> {
  const prefix = w.chats[0]!.id.slice(0, w.chats[0]!.id.lastIndexOf("c"));
  await db.insert(workspaces).values({ id: w.ws, name: w.ws, createdAt: START });
  await db.insert(slaPolicies).values({ ...POLICY, id: `${prefix}p1`, workspaceId: w.ws });
  await db.insert(contacts).values(CONTACTS.map((k) => ({ id: `${prefix}${k}`, workspaceId: w.ws, name: k, createdAt: START })));
  for (const [id, f] of w.facts) {
    await db.insert(conversations).values({
      id,
      workspaceId: w.ws,
      inboxId: f.inboxId!,
      channel: f.channel!,
      contactId: f.contactId,
      contactName: "x",
      teamId: f.teamId!,
      priority: f.priority!,
      labels: [...(f.labels ?? [])],
      lastActivityAt: f.createdAt!,
      createdAt: f.createdAt!,
    });
  }
}

async function insertEvents(ws: string, list: readonly ReportEvent[]): Promise<void> {
  // One row at a time, in record order: rowid order is the order the reference reads.
  for (const e of list) {
    await db.insert(events).values({ ...e, workspaceId: ws });
    // As the server's merge does, the duplicate's chats move to the kept contact.
    if (e.type === "contact.merged") await db.update(conversations).set({ contactId: String(e.data.keptId) }).where(eq(conversations.contactId, String(e.data.mergedId)));
  }
}

// The in-memory columns (Node's path), kept by every roll below: each report is asked of SQL and of them.
const memory = new ReportColumns();

async function rollAll(): Promise<void> {
  const c = core();
  while (!(await markNewEvents(c)));
  while ((await rollDirtyConversations(c, undefined, undefined, memory)) > 0);
}

interface Question {
  from: number;
  to: number;
  timeZone: string;
  granularity: Granularity;
  business: boolean;
  sla: boolean;
  filters: ReportFilters;
}

/** Both reports over one world's chats (the database holds earlier runs' too: the rolled side is narrowed to this world's conversations). */
async function both(w: World, q: Question): Promise<{ rolled: Awaited<ReturnType<typeof factsReport>>; reference: Report; breakdowns: Record<"byTeam" | "byInbox" | "byChannel", Record<string, Figures>> }> {
  const options: ReportOptions = {
    from: q.from,
    to: q.to,
    timeZone: q.timeZone,
    granularity: q.granularity,
    ...(q.business ? { businessHours: DEFAULT_CALENDAR } : {}),
    conversations: w.facts,
    filters: q.filters,
    ...(q.sla ? { sla: { policies: [POLICY], calendar: DEFAULT_CALENDAR } } : {}),
  };
  const reference = computeReport(w.events, options);
  const observed = observe(w.events, options);
  const breakdowns = { byTeam: {}, byInbox: {}, byChannel: {} } as Record<"byTeam" | "byInbox" | "byChannel", Record<string, Figures>>;
  for (const [by, key, dim] of [["byTeam", "teamIds", "teamId"], ["byInbox", "inboxIds", "inboxId"], ["byChannel", "channels", "channel"]] as const) {
    for (const value of new Set([...observed.views.values()].map((v) => v[dim]).filter((v): v is string => v !== null))) {
      if (q.filters[key] && !q.filters[key].includes(value)) continue;
      breakdowns[by][value] = figuresFor(observed, { start: q.from, end: q.to, filters: { ...q.filters, [key]: [value] }, sla: q.sla });
    }
  }
  const scope = { workspaceId: w.ws, filters: q.filters, visible: null };
  const rolled = await factsReport({ db }, scope, { ...q });
  // Durations, contacts, unread pieces and counts from memory (loaded on the world's first report, patched by later rolls) give the same report.
  expect(await memory.ready({ db }, w.ws)).toBe(true);
  expect(await factsReport({ db }, scope, { ...q }, memory)).toEqual(rolled);
  const rowsOf = (kind: string) => db.$count(reportFacts, and(eq(reportFacts.workspaceId, w.ws), eq(reportFacts.kind, kind)));
  expect(memory.size(w.ws)).toMatchObject({ durations: await rowsOf("duration"), unread: await rowsOf("unread"), contacts: await rowsOf("contact"), counts: (await rowsOf("count")) + (await rowsOf("sla")) });

  // Every number's drill-down lists what the reference's lists (the same facts, in any order of equals).
  const conversationsNow = new Map([...w.facts].map(([id, f]) => [id, { ...f, contactName: "x", assigneeId: null }]));
  const run = { period: { from: q.from, to: q.to }, options, observed, scope: null as never, conversations: conversationsNow };
  const window = { i: 0, from: q.from, to: q.to };
  for (const metric of DRILL_METRICS) {
    const want = drillDown(run, metric, window);
    const got = await factsDrillDown({ db }, scope, { metric, window, business: q.business, sla: q.sla, limit: 1000 });
    expect({ metric, count: got.count, total: got.total }).toEqual({ metric, count: want.facts.length, total: want.total });
    // Who a person is first seen with is a tie between equal instants; the rest is exact.
    if (metric.startsWith("contacts.") && metric !== "contacts.messagesAwaitingRead") continue;
    const canon = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect({ metric, rows: canon(got.facts) }).toEqual({ metric, rows: canon(want.facts) });
  }
  // Each bar of a distribution lists the durations in its band, and as many as the bar counts.
  for (const m of DURATION_METRICS) {
    for (let band = 0; band < DURATION_BAND_COUNT; band++) {
      const metric = `times.${m}` as const;
      const want = drillDown(run, metric, window, { band });
      const got = await factsDrillDown({ db }, scope, { metric, window, band, business: q.business, sla: q.sla, limit: 1000 });
      expect({ metric, band, ids: got.facts.map((f) => `${f.conversationId}@${f.at}`).sort() }).toEqual({ metric, band, ids: want.facts.map((f) => `${f.conversationId}@${f.at}`).sort() });
      expect({ metric, band, count: got.count }).toEqual({ metric, band, count: reference.totals.times[m].bands[band] });
    }
  }
  return { rolled, reference, breakdowns };
}


/** Figures with nothing in them are left out of breakdowns on both sides (a team seen only outside the period). */
const nonEmpty = (rows: Record<string, Figures>) => Object.fromEntries(Object.entries(rows).filter(([, f]) => JSON.stringify(f) !== JSON.stringify(emptyLike(f))));
function emptyLike(f: Figures): Figures {
  const zero = JSON.parse(JSON.stringify(f), (_k, v: unknown) => (typeof v === "number" ? 0 : v)) as Figures;
  for (const t of Object.values(zero.times)) Object.assign(t, { count: 0, median: null, p90: null, average: null });
  zero.conversations.byChannel = {};
  if (zero.sla) Object.assign(zero.sla, { byTeam: {}, byInbox: {} });
  return zero;
}

function expectSame(got: Awaited<ReturnType<typeof factsReport>>, want: Report, breakdowns: Record<string, Record<string, Figures>>): void {
  expect(got.report.totals).toEqual(want.totals);
  expect(got.report.series).toEqual(want.series);
  expect(got.report.heatmap).toEqual(want.heatmap);
  expect(got.report.byAgent).toEqual(want.byAgent);
  for (const by of ["byTeam", "byInbox", "byChannel"] as const) expect(nonEmpty(got[by]), by).toEqual(nonEmpty(breakdowns[by]!));
}

const question = (end: number) =>
  fc.record({
    fromH: fc.integer({ min: -2, max: 60 }),
    lenH: fc.integer({ min: 1, max: 200 }),
    timeZone: fc.constantFrom("UTC", "America/Sao_Paulo", "Asia/Kolkata"),
    granularity: fc.constantFrom<Granularity>("hour", "day", "week"),
    business: fc.boolean(),
    sla: fc.boolean(),
    agents: fc.option(fc.subarray(AGENTS, { minLength: 1 }), { nil: undefined }),
    teams: fc.option(fc.subarray(["t-support", "t-sales"], { minLength: 1 }), { nil: undefined }),
    priorities: fc.option(fc.subarray<Priority>(["low", "normal", "high", "urgent"], { minLength: 1 }), { nil: undefined }),
    labels: fc.option(fc.subarray(LABELS, { minLength: 1 }), { nil: undefined }),
  }).map((r): Question => {
    const from = START + r.fromH * HOUR + (r.fromH % 3) * 17 * MIN;
    return {
      from,
      to: Math.min(from + r.lenH * HOUR, Math.max(end, from) + 48 * HOUR),
      timeZone: r.timeZone,
      granularity: r.lenH > 100 && r.granularity === "hour" ? "day" : r.granularity,
      business: r.business,
      sla: r.sla,
      filters: {
        ...(r.agents ? { agentIds: r.agents } : {}),
        ...(r.teams ? { teamIds: r.teams } : {}),
        ...(r.priorities ? { priorities: r.priorities } : {}),
        ...(r.labels ? { labels: r.labels } : {}),
      },
    };
  });

const metaArb = fc.array(fc.record({ team: fc.integer({ min: 0, max: 1 }), priority: fc.constantFrom<Priority>("normal", "high"), labels: fc.subarray(LABELS), contact: fc.integer({ min: 0, max: 3 }) }), { minLength: 5, maxLength: 5 });

describe("report rollup", () => {
  it("gives every figure the reference gives from raw events, for random histories and questions", async () => {
    await db.insert(workspaces).values({ id: WS, name: "W", createdAt: START });
    await db.insert(teams).values([{ id: "t-support", workspaceId: WS, name: "Support" }, { id: "t-sales", workspaceId: WS, name: "Sales" }]);
    await db.insert(inboxes).values(INBOXES.map((i) => ({ id: i.inboxId, workspaceId: WS, name: i.inboxId, channel: i.channel, teamId: i.teamId, settings: {}, createdAt: START })));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), metaArb, fc.array(step, { maxLength: 8 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async (steps, meta, late, seeds) => {
        const full = play([...steps, ...late], meta);
        await insertWorld(full);
        // First what happened up to a point, rolled and asked; then the rest arrives (receipts,
        // merges, more messages) and only the roller's marks from the new events make it count them.
        const cut = full.events.length - Math.min(full.events.length - 1, late.length * 2);
        const early: World = { ...full, events: full.events.slice(0, cut) };
        await insertEvents(full.ws, early.events);
        await rollAll();
        for (const seed of seeds.slice(0, 2)) {
          const q = fc.sample(question(full.end), { seed, numRuns: 1 })[0]!;
          const { rolled, reference, breakdowns } = await both(early, q);
          expectSame(rolled, reference, breakdowns);
        }
        await insertEvents(full.ws, full.events.slice(cut));
        await rollAll();
        expect(await db.$count(reportDirty)).toBe(0);
        // The hour sums are exactly the facts they sum, after rolls that replaced earlier rows.
        const sums = sql`SELECT kind, at / 3600000 AS hour, metric, outcome, agent_id, team_id, inbox_id, channel, priority, COUNT(*) AS n FROM report_facts WHERE workspace_id = ${full.ws} AND kind IN ('count', 'sla') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
        const kept = sql`SELECT kind, hour, metric, outcome, agent_id, team_id, inbox_id, channel, priority, n FROM report_hours WHERE workspace_id = ${full.ws} AND n <> 0`;
        expect(await db.all(sql`${kept} EXCEPT ${sums}`)).toEqual([]);
        expect(await db.all(sql`${sums} EXCEPT ${kept}`)).toEqual([]);
        const q = fc.sample(question(full.end), { seed: seeds[2]!, numRuns: 1 })[0]!;
        const { rolled, reference, breakdowns } = await both(full, q);
        expectSame(rolled, reference, breakdowns);
      }),
      { numRuns: 40, endOnFailure: true },
    );
    expect(await db.$count(reportFacts)).toBeGreaterThan(0);
    // A bounded amount of work (40 histories, each rolled and asked three times), slow on a busy machine.
  }, 180_000);

  it("lets a busy chat settle before the timer rolls it, and a report's catch-up rolls it at once", async () => {
    const w = play([{ t: "customer", chat: 0, gap: 1 }, { t: "reply", chat: 0, gap: 1, agent: 0 }], [{ team: 0, priority: "normal", labels: [], contact: 0 }]);
    await insertWorld(w);
    await insertEvents(w.ws, w.events);
    const c = core();
    const roller = new ReportRoller(c);
    const rows = () => db.$count(reportFacts, eq(reportFacts.workspaceId, w.ws));
    // Just written: the timer's pass marks it and leaves it for later.
    expect(await roller.runDue(now)).toBeNull();
    expect(await rows()).toBe(0);
    // A report does not wait.
    await roller.catchUp();
    expect(await rows()).toBeGreaterThan(0);
    // More messages: settled after ten seconds, the timer rolls it.
    await insertEvents(w.ws, [{ id: `${w.ws}-late`, type: "message.received", conversationId: w.chats[0]!.id, actorKind: "customer", actorId: w.chats[0]!.contactId, data: { messageId: "late" }, at: w.end + MIN }]);
    const before = await rows();
    await roller.runDue(now);
    expect(await rows()).toBe(before);
    now += 10_000;
    expect(await roller.runDue(now)).toBeNull();
    expect(await rows()).toBeGreaterThan(before);
  });
});
