import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { BUILT_IN_PERMISSIONS } from "@inbox/shared";
import type { ReportQuery } from "@inbox/shared/api/reports";
import { Chat, HOUR, MIN } from "@inbox/shared/domain/reports/test-support";
import { reportFromObserved, type ReportEvent } from "@inbox/shared/domain/reports/index";
import type { Database } from "../src/db/database.ts";
import type { Writes } from "../src/db/record.ts";
import { contacts, conversations, events, inboxes, teams, workspaces } from "../src/db/schema.ts";
import { WriteQueue } from "../src/db/write-queue.ts";
import { KeyedMutex } from "../src/lib/keyed-mutex.ts";
import { migrateDatabase } from "../src/node/migrate.ts";
import { openNodeDatabase } from "../src/node/open-database.ts";
import { runReport } from "../src/reports/report-compute.ts";
import { runFactsReport } from "../src/reports/report-facts.ts";
import { markNewEvents } from "../src/reports/rollup/mark-new-events.ts";
import { rollDirtyConversations } from "../src/reports/rollup/roll-conversations.ts";
import { ReportRoller } from "../src/reports/rollup/report-roller.ts";
import { ReportColumns } from "../src/reports/rollup/report-columns.ts";
import { fmt, percentile } from "./stats.ts";

/**
 * "## (i) Reports (issue 14)": a workspace of 1,000,000 messages in 100,000 conversations
 * handled by 50 agents over half a year, written straight into the record (events, the
 * conversations and contacts they name), rolled up, then asked each preset. Printed: each
 * report's server time (p50/p99) from the rolled-up facts with durations, unread pieces, contacts
 * and count hour sums in memory (the Node server's path), against the same facts all from SQL (the Workers path, and
 * Node's before) and against answering the same question from raw events (the reference path
 * the server used before the rollups) in this run; and the
 * ingest cost of the rollup (the dirty-mark trigger on every event) against the same writes
 * without it.
 */

const WS = "bench";
const AGENTS = Array.from({ length: 50 }, (_, i) => `agent-${i}`);
const CHANNELS = ["webchat", "whatsapp", "instagram", "messenger", "telegram", "wechat", "line"];
const DAY = 24 * HOUR;

/** A small seeded PRNG (mulberry32): the same workspace every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Built {
  events: number;
  messages: number;
  conversations: number;
}

async function buildWorkspace(db: Database, opts: { conversations: number; now: number; days: number }): Promise<Built> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  await db.insert(workspaces).values({ id: WS, name: "Bench", createdAt: 0 });
  await db.insert(teams).values(Array.from({ length: 5 }, (_, i) => ({ id: `team-${i}`, workspaceId: WS, name: `Team ${i}` })));
  await db.insert(inboxes).values(CHANNELS.map((channel, i) => ({ id: `inbox-${channel}`, workspaceId: WS, name: channel, channel, teamId: `team-${i % 5}`, settings: {}, createdAt: 0 })));
  const contactCount = Math.round(opts.conversations * 0.6);
  for (let i = 0; i < contactCount; i += 500) {
    await db.insert(contacts).values(Array.from({ length: Math.min(500, contactCount - i) }, (_, k) => ({ id: `k${i + k}`, workspaceId: WS, name: `Contact ${i + k}`, createdAt: 0 })));
  }
  const start = opts.now - opts.days * DAY;
  let eventCount = 0;
  let messages = 0;
  let pendingEvents: ReportEvent[] = [];
  let pendingConversations: Array<typeof conversations.$inferInsert> = [];
  const flush = async () => {
    // Record order: by time within each chat is what matters; chats are written one after another.
    const statements = [];
    for (let i = 0; i < pendingConversations.length; i += 200) statements.push(db.insert(conversations).values(pendingConversations.slice(i, i + 200)));
    for (let i = 0; i < pendingEvents.length; i += 400) statements.push(db.insert(events).values(pendingEvents.slice(i, i + 400).map((e) => ({ ...e, workspaceId: WS }))));
    if (statements.length) await db.batch(statements as [never, ...never[]]);
    pendingEvents = [];
    pendingConversations = [];
  };
  for (let c = 0; c < opts.conversations; c++) {
    // Conversations spread over the period, busier on weekdays' daytime.
    let t = start + Math.floor((c / opts.conversations) * opts.days * DAY) + Math.floor(rnd() * 10 * MIN);
    const channel = pick(CHANNELS);
    const team = CHANNELS.indexOf(channel) % 5;
    const agents = AGENTS.slice(team * 10, team * 10 + 10);
    const contactId = `k${Math.floor(rnd() * contactCount)}`;
    const chat = new Chat(`conv-${c}`, contactId, { inboxId: `inbox-${channel}`, channel });
    const created = t;
    chat.opens(t);
    const agent = pick(agents);
    t += Math.floor(rnd() * 3 * MIN);
    chat.offer(agent, t);
    t += Math.floor(rnd() * 2 * MIN);
    chat.pickUp(agent, t);
    const exchanges = 5;
    for (let k = 0; k < exchanges; k++) {
      if (k > 0) {
        t += Math.floor(rnd() * 8 * MIN);
        chat.customer(t);
      }
      t += Math.floor(rnd() * 6 * MIN) + 10_000;
      chat.reply(agent, t);
      const id = chat.lastMessageId;
      chat.delivery(id, "sent", t + 500).delivery(id, "delivered", t + 1500);
      if (rnd() < 0.7) chat.delivery(id, "read", t + Math.floor(rnd() * 5 * MIN));
    }
    t += Math.floor(rnd() * 30 * MIN);
    chat.resolve(t, agent);
    if (rnd() < 0.15) {
      t += Math.floor(rnd() * DAY);
      chat.customer(t);
      t += Math.floor(rnd() * 20 * MIN);
      chat.reply(agent, t);
      chat.resolve(t + 5 * MIN, agent);
    }
    messages += chat.events.filter((e) => e.type === "message.received" || e.type === "message.queued").length;
    eventCount += chat.events.length;
    pendingEvents.push(...chat.events.filter((e) => e.at < opts.now));
    pendingConversations.push({ id: chat.id, workspaceId: WS, inboxId: `inbox-${channel}`, channel, contactId, contactName: "x", teamId: `team-${team}`, status: "resolved", priority: rnd() < 0.1 ? "high" : "normal", labels: rnd() < 0.2 ? ["billing"] : [], lastActivityAt: t, createdAt: created });
    if (pendingEvents.length >= 20_000) await flush();
  }
  await flush();
  return { events: eventCount, messages, conversations: opts.conversations };
}

async function countWorkspace(db: Database, conversationCount: number): Promise<Built> {
  const [row] = await db.all<{ events: number; messages: number }>(sql`SELECT count(*) AS events, sum(type IN ('message.received', 'message.queued')) AS messages FROM events WHERE workspace_id = ${WS}`);
  return { events: row!.events, messages: row!.messages, conversations: conversationCount };
}

async function timed<T>(runs: number, fn: () => Promise<T>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Ingest-shaped writes (one commit per message: its two events), with the report roller working
 * alongside (marking and rolling what they write, as the server's timer does) and without it.
 * The rollup adds nothing to the ingest transaction itself; what it costs ingest is its own
 * writes competing for the one writer, and on Node the patches of the copy in memory.
 */
async function ingestCost(core: Writes, count: number, memory: ReportColumns): Promise<{ withRollup: number; without: number }> {
  const { db, writer } = core;
  // Ids unique to this run: a kept workspace (REPORTS_BENCH_DB) has the last run's.
  const stamp = Date.now().toString(36);
  const write = async (name: string, roll: boolean) => {
    const label = `${name}-${stamp}`;
    // The server's own job, on its own timer.
    // It hands every roll to the copy in memory, as the Node server's does.
    const roller = new ReportRoller(core, undefined, memory);
    if (roll) roller.start();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const at = core.now() - 60_000;
      const conversationId = `conv-${i % 1000}`;
      await writer.write([
        db.insert(events).values({ id: `${label}-r-${i}`, workspaceId: WS, type: "message.received", conversationId, actorKind: "customer", actorId: "k1", data: { messageId: `${label}-m${i}` }, at }),
        db.insert(events).values({ id: `${label}-q-${i}`, workspaceId: WS, type: "message.queued", conversationId, actorKind: "agent", actorId: "agent-0", data: { messageId: `${label}-o${i}` }, at }),
      ]);
    }
    const rate = count / ((performance.now() - t0) / 1000);
    roller.stop();
    await roller.idle();
    return rate;
  };
  const without1 = await write("without1", false);
  const with1 = await write("with1", true);
  const without2 = await write("without2", false);
  const with2 = await write("with2", true);
  return { withRollup: (with1 + with2) / 2, without: (without1 + without2) / 2 };
}

export async function reportsSection(opts: { quick: boolean }): Promise<void> {
  const size = opts.quick ? { conversations: 10_000, runs: 5, sqlRuns: 3, referenceRuns: 1, ingest: 500 } : { conversations: 100_000, runs: 20, sqlRuns: 3, referenceRuns: 2, ingest: 2000 };
  console.log("\n## (i) Reports: rolled-up facts against raw events (issue 14)");
  // REPORTS_BENCH_DB keeps the built workspace between runs (for working on the queries).
  const kept = process.env.REPORTS_BENCH_DB;
  const dir = mkdtempSync(join(tmpdir(), "reports-bench-"));
  const reuse = kept !== undefined && existsSync(kept);
  const { db, close } = await openNodeDatabase(`file:${kept ?? join(dir, "bench.db")}`);
  try {
    await migrateDatabase(db);
    const now = Date.parse("2026-11-27T15:00:00Z");
    let t0 = performance.now();
    const built = reuse ? await countWorkspace(db, size.conversations) : await buildWorkspace(db, { conversations: size.conversations, now, days: 180 });
    const buildS = (performance.now() - t0) / 1000;
    console.log(`  workspace: ${fmt(built.messages, 0)} messages, ${fmt(built.conversations, 0)} conversations, ${fmt(built.events, 0)} events, 50 agents, 180 days (written in ${fmt(buildS, 0)} s)`);

    // Report rows in memory, as the Node server keeps them (ReportColumns); `sqlOnly` is the Workers path.
    const memory = new ReportColumns();
    const core = { db, writer: new WriteQueue(db), now: () => now, locks: new KeyedMutex(), reportRoller: { catchUp: async () => true, memory } };
    const sqlOnly = { ...core, reportRoller: { catchUp: async () => true } };
    t0 = performance.now();
    let rolled = 0;
    while (!(await markNewEvents(core)));
    for (let n; (n = await rollDirtyConversations(core, 200)) > 0; ) rolled += n;
    const rollS = (performance.now() - t0) / 1000;
    const [facts] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM report_facts`);
    console.log(`  rollup of the whole history: ${fmt(rolled, 0)} conversations in ${fmt(rollS, 1)} s (${fmt(rolled / rollS, 0)} conversations/s, ${fmt(built.events / rollS, 0)} events/s), ${fmt(facts!.n, 0)} fact rows`);

    const admin = { id: "bench-admin", workspaceId: WS, role: "admin" as const, permissions: BUILT_IN_PERMISSIONS.admin, teamIds: [] as string[] };
    const questions: Array<[string, ReportQuery]> = [
      ["today", { preset: "today", granularity: "hour", clock: "calendar" }],
      ["last 7 days", { preset: "last7", granularity: "day", clock: "calendar" }],
      ["last 30 days", { preset: "last30", granularity: "day", clock: "calendar" }],
      ["last 30 days, business hours", { preset: "last30", granularity: "day", clock: "business" }],
      ["last 30 days, one team", { preset: "last30", granularity: "day", clock: "calendar", team: ["team-1"] }],
      ["90 days by week", { from: now - 90 * DAY, to: now, granularity: "week", clock: "calendar" }],
    ];
    // A workspace's first report starts loading its rows into memory (and is answered by SQL): timed on its own.
    t0 = performance.now();
    await memory.ready(core, WS);
    const loadS = (performance.now() - t0) / 1000;
    const held = memory.size(WS) ?? { durations: 0, unread: 0, contacts: 0, counts: 0, hourRows: 0 };
    const rows = held.durations + held.unread + held.contacts + held.hourRows;
    const mb = memory.bytes(WS) / 1e6;
    console.log(
      `  in memory: ${fmt(held.durations, 0)} durations, ${fmt(held.unread, 0)} unread pieces, ${fmt(held.contacts, 0)} contacts and ${fmt(held.counts, 0)} counted facts in ${fmt(held.hourRows, 0)} hour rows, loaded in ${fmt(loadS, 1)} s, ${fmt(mb, 1)} MB of typed arrays with room to grow (${fmt((mb * 1e6) / Math.max(rows, 1), 0)} bytes a row)`,
    );
    // REPORTS_BENCH_QUESTIONS=today,last 7 days asks only those (the raw-events baseline of a long period takes minutes at 1M).
    const only = process.env.REPORTS_BENCH_QUESTIONS?.split(",").map((q) => q.trim());
    if (only) questions.splice(0, questions.length, ...questions.filter(([label]) => only.includes(label)));
    console.log("  report                          facts p50   facts p99   all-SQL p50   raw events   ratio (raw/facts p50)   (all-SQL/facts p50)   target: facts < 200 ms");
    // Every question from memory first: the baselines' garbage (the raw path builds millions of
    // objects) would otherwise be collected during the next question's timed runs.
    const fromMemory = new Map<string, number[]>();
    for (const [label, q] of questions) fromMemory.set(label, await timed(size.runs, () => runFactsReport(core, admin, q)));
    for (const [label, q] of questions) {
      const ours = fromMemory.get(label)!;
      const sqlDurations = await timed(size.sqlRuns, () => runFactsReport(sqlOnly, admin, q));
      const raw = await timed(size.referenceRuns, async () => {
        const run = await runReport(core, admin, q);
        reportFromObserved(run.observed, run.options);
      });
      const [p50, p99, s50, r50] = [percentile(ours, 50), percentile(ours, 99), percentile(sqlDurations, 50), percentile(raw, 50)];
      console.log(
        `  ${label.padEnd(30)}  ${fmt(p50, 1).padStart(7)} ms  ${fmt(p99, 1).padStart(7)} ms  ${fmt(s50, 0).padStart(11)} ms  ${fmt(r50, 0).padStart(8)} ms  ${fmt(r50 / p50, 1).padStart(8)}x   ${fmt(s50 / p50, 1).padStart(8)}x   ${p99 < 200 ? "met" : "MISSED"}`,
      );
    }

    const cost = await ingestCost(core, size.ingest, memory);
    console.log(`  ingest with the roller working alongside: ${fmt(cost.withRollup, 0)} commits/s, without it: ${fmt(cost.without, 0)} commits/s, ratio ${fmt(cost.withRollup / cost.without, 3)} (target >= 0.90)`);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
