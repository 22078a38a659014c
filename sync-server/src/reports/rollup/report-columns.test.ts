import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, type SQLWrapper } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportEvent } from "@inbox/shared/domain/reports/index";
import { Chat, HOUR, merge, MIN } from "@inbox/shared/domain/reports/test-support";
import type { Database } from "../../db/database.ts";
import { contacts, conversations, events, inboxes, reportFacts, slaPolicies, teams, workspaces } from "../../db/schema.ts";
import { WriteQueue } from "../../db/write-queue.ts";
import { KeyedMutex } from "../../lib/keyed-mutex.ts";
import { migrateDatabase } from "../../node/migrate.ts";
import { openNodeDatabase } from "../../node/open-database.ts";
import { ChatDims } from "./chat-dims.ts";
import { ContactTable } from "./contact-stats.ts";
import { ReportColumns } from "./report-columns.ts";
import type { DurationGroup } from "./report-memory.ts";
import { durationTimeRows } from "./duration-stats.ts";
import { FactTable } from "./fact-table.ts";
import { contactRows, countRows, receivedPerSlot, splitAtHours, timeRows, unreadRows, type ContactRow, type CountRow, type FactScope, type TimeRow, type UnreadRow, type Win } from "./fact-queries.ts";
import { markNewEvents } from "./mark-new-events.ts";
import { rollDirtyConversations } from "./roll-conversations.ts";

// The in-memory columns (durations, unread pieces, contacts, count hour sums) against SQL over the same
// `report_facts`: loaded, patched by rolls (a chat rolled again replaces its rows), dropped and reloaded,
// always the same answer.

const WS = "wd";
const START = Date.parse("2026-05-04T08:00:00Z");
const TEAMS = ["t-a", "t-b"];
const AGENTS = ["ana", "bruno", "carla"];

let dir: string;
let db: Database;
let close: () => void;
const core = () => ({ db, writer: new WriteQueue(db), now: () => START + 30 * 24 * HOUR, locks: new KeyedMutex() });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "report-durations-"));
  ({ db, close } = await openNodeDatabase(`file:${join(dir, "t.db")}`));
  await migrateDatabase(db);
  await db.insert(workspaces).values({ id: WS, name: WS, createdAt: START });
  await db.insert(teams).values(TEAMS.map((id) => ({ id, workspaceId: WS, name: id })));
  await db.insert(inboxes).values(TEAMS.map((teamId, i) => ({ id: `i-${i}`, workspaceId: WS, name: `i-${i}`, channel: i ? "whatsapp" : "webchat", teamId, settings: {}, createdAt: START })));
  // SLA outcomes are counted too (met and breached, by team and inbox).
  await db.insert(slaPolicies).values({ id: "wd-p1", workspaceId: WS, name: "All", inboxId: null, priority: null, firstResponseMinutes: 5, nextResponseMinutes: 8, resolutionMinutes: 60, businessHours: false, atRisk: { unit: "minutes", value: 1 }, updatedAt: 0 });
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

/** A chat of team `k % 2` with a few exchanges, its durations varied by `k`. */
function chat(k: number): Chat {
  const team = k % 2;
  const c = new Chat(`dc${k}`, `dk${k % 3}`, { inboxId: `i-${team}`, channel: team ? "whatsapp" : "webchat" });
  let t = START + k * 37 * MIN;
  c.opens(t);
  const agent = AGENTS[k % AGENTS.length]!;
  c.offer(agent, (t += (k % 4) * MIN));
  c.pickUp(agent, (t += (k % 3) * MIN + 20_000));
  for (let x = 0; x < 1 + (k % 3); x++) {
    if (x) c.customer((t += 7 * MIN));
    c.reply(agent, (t += ((k * 7 + x) % 11) * MIN + 5_000));
  }
  c.resolve((t += (k % 5) * 13 * MIN), agent);
  return c;
}

async function write(list: readonly ReportEvent[]): Promise<void> {
  for (const e of list) await db.insert(events).values({ ...e, workspaceId: WS });
}

async function open(c: Chat, k: number): Promise<void> {
  await db.insert(contacts).values({ id: c.contactId, workspaceId: WS, name: "x", createdAt: START }).onConflictDoNothing();
  await db.insert(conversations).values({ id: c.id, workspaceId: WS, inboxId: c.inbox.inboxId, channel: c.inbox.channel, contactId: c.contactId, contactName: "x", teamId: TEAMS[k % 2]!, priority: k % 4 ? "normal" : "high", labels: k % 3 ? [] : ["vip"], lastActivityAt: START, createdAt: START });
  await write(c.events);
}

async function roll(memory: ReportColumns): Promise<void> {
  const c = core();
  while (!(await markNewEvents(c)));
  while ((await rollDirtyConversations(c, 7, undefined, memory)) > 0);
}

const scopes: FactScope[] = [
  { workspaceId: WS, filters: {}, visible: null },
  { workspaceId: WS, filters: { teamIds: ["t-b"], priorities: ["normal"] }, visible: null },
  { workspaceId: WS, filters: { agentIds: ["ana", "carla"], labels: ["vip"] }, visible: null },
  { workspaceId: WS, filters: { channels: ["webchat"] }, visible: null, visibleTeams: ["t-a"] },
];
const period: Win = { i: 0, from: START + 2 * HOUR, to: START + 40 * HOUR };
const wins: Win[] = [period, { i: 1, from: period.from, to: START + 10 * HOUR }, { i: 2, from: START + 10 * HOUR, to: period.to }];
const groups: DurationGroup[] = ["none", "agent", "team", "inbox", "channel"];

const canonContacts = (rows: readonly ContactRow[]) => [...rows].sort((a, b) => `${a.i}|${a.g}`.localeCompare(`${b.i}|${b.g}`));
const canon = (rows: readonly TimeRow[]) => [...rows].sort((a, b) => `${a.i}|${a.g}|${a.metric}`.localeCompare(`${b.i}|${b.g}|${b.metric}`));
/** Unread rows as the report adds them up: a sum per window and combination, zeros left out. */
function unreadSums(rows: readonly UnreadRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.i}|${r.g}`] = (out[`${r.i}|${r.g}`] ?? 0) + r.n;
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0).sort());
}

/** Every grouping over the windows, as one question asks them (so the scan shares rows between them). */
const groupings = groups.map((g) => ({ wins, g }));
const countGroupings = (["none", "agent", "combo"] as const).map((g) => ({ wins, g }));
/** A question of memory: every grouping of durations, contacts and counts, the unread pieces at `before`, and the heatmap's hours. */
const ask = (memory: ReportColumns, scope: FactScope, business = false, before = period.from) =>
  memory.answer({ db }, scope, { business, durations: groupings, contacts: groupings, unread: { before, wins }, counts: { groupings: countGroupings, sla: true }, received: period });
/** Count rows added up per key (SQL may split a key between the hour sums and the facts). */
const countSums = (rows: ReadonlyArray<CountRow | { slot: number; n: number }>) => {
  const out: Record<string, number> = {};
  for (const { n, ...key } of rows) out[JSON.stringify(key)] = (out[JSON.stringify(key)] ?? 0) + n;
  return Object.fromEntries(Object.entries(out).sort());
};

/** Every scope, grouping and clock asked of memory (loaded first), checked against SQL; the answers, for comparing copies. */
async function expectLikeSql(memory: ReportColumns): Promise<unknown[]> {
  expect(await memory.ready({ db }, WS)).toBe(true);
  const answers: unknown[] = [];
  for (const scope of scopes) {
    // Instants where pieces begin and end too: a piece counts at T when at < T <= until.
    const edges = await db.select({ at: reportFacts.at, until: reportFacts.until }).from(reportFacts).where(and(eq(reportFacts.workspaceId, WS), eq(reportFacts.kind, "unread"))).limit(3);
    for (const before of [period.from, START + 20 * HOUR, ...edges.flatMap((e) => [e.at, e.until ?? e.at])]) {
      const got = await ask(memory, scope, false, before);
      expect(got?.unread).toBeTruthy();
      expect(unreadSums(got!.unread!)).toEqual(unreadSums(await unreadRows({ db }, scope, before, wins, "combo")));
      answers.push(unreadSums(got!.unread!));
    }
    // The windows are whole hours: memory's count rows are the whole answer.
    const got = await ask(memory, scope);
    expect(got?.counts).toHaveLength(countGroupings.length);
    for (const [k, { g }] of countGroupings.entries()) {
      expect(countSums(got!.counts![k]!), `counts ${g} ${JSON.stringify(scope.filters)}`).toEqual(countSums(await countRows({ db }, scope, wins, g, true)));
      answers.push(countSums(got!.counts![k]!));
    }
    // A slot read from the facts is the time over the hour, not rounded (the heatmap maps it to its hour).
    const hours = (rows: ReadonlyArray<{ slot: number; n: number }>) => countSums(rows.map((r) => ({ slot: Math.floor(r.slot), n: r.n })));
    expect(hours(got!.received!)).toEqual(hours(await receivedPerSlot({ db }, scope, period, HOUR)));
    for (const business of [false, true]) {
      const got = await ask(memory, scope, business);
      expect(got?.durations).toHaveLength(groups.length);
      expect(got?.contacts).toHaveLength(groups.length);
      for (const [k, g] of groups.entries()) {
        expect(canon(got!.durations![k]!), `${g} ${JSON.stringify(scope.filters)}`).toEqual(canon(await timeRows({ db }, scope, wins, g, business)));
        expect(canonContacts(got!.contacts![k]!), `contacts ${g} ${JSON.stringify(scope.filters)}`).toEqual(canonContacts(await contactRows({ db }, scope, wins, g)));
        answers.push(canon(got!.durations![k]!), canonContacts(got!.contacts![k]!));
      }
    }
  }
  return answers;
}

const chats = Array.from({ length: 40 }, (_, k) => chat(k));
const late = new Chat("dc-late", "dk-late", { inboxId: "i-1", channel: "whatsapp" })
  .opens(START + 15 * HOUR)
  .offer("ana", START + 15 * HOUR + MIN)
  .pickUp("ana", START + 15 * HOUR + 2 * MIN)
  .reply("ana", START + 15 * HOUR + 5 * MIN);

/** Each chat hears from its customer again, is answered and resolved: its rows change when rolled. */
async function more(list: readonly Chat[]): Promise<void> {
  for (const c of list) {
    const from = c.events.length;
    const at = Math.max(...c.events.map((e) => e.at));
    c.customer(at + 3 * MIN).reply("bruno", at + 9 * MIN).resolve(at + 12 * MIN, "bruno");
    await write(c.events.slice(from));
  }
}

const rowsOf = (kind: string) => db.$count(reportFacts, and(eq(reportFacts.workspaceId, WS), eq(reportFacts.kind, kind)));
const durationRows = () => rowsOf("duration");
/** Fact rows of each kind memory holds (counts as the facts their hour rows sum). */
const rowsHeld = async () => ({ durations: await rowsOf("duration"), unread: await rowsOf("unread"), contacts: await rowsOf("contact"), counts: (await rowsOf("count")) + (await rowsOf("sla")) });

describe("in-memory report columns", () => {
  it("load, follow every roll, and reload to the same answer", async () => {
    const memory = new ReportColumns();
    for (const [k, c] of chats.slice(0, 30).entries()) await open(c, k);
    // A person who first writes in the second window: new there, returning nowhere.
    await open(late, 1);
    await roll(memory);
    // The first question is SQL's and starts the load.
    expect(await ask(memory, scopes[0]!)).toBeNull();
    await expectLikeSql(memory);
    // People new in the second window (of the whole report: none grouping).
    const fresh = async () => (await ask(memory, scopes[0]!))?.contacts?.[0]?.find((r) => r.i === 2)?.fresh;
    expect(await fresh()).toBe(1);
    expect(memory.size(WS)).toMatchObject(await rowsHeld());
    expect(await durationRows()).toBeGreaterThan(50);
    expect((await rowsHeld()).unread).toBeGreaterThan(10);
    expect(await rowsOf("sla")).toBeGreaterThan(10);

    // New chats arrive and are rolled: the rolls hand their rows over.
    for (const [k, c] of chats.slice(30).entries()) await open(c, k + 30);
    // Chats rolled before get more: rolled again, their old rows are replaced, not kept beside the new.
    const before = await durationRows();
    await more(chats.slice(0, 10));
    // An earlier person merged into the late one: the rolls move the merged person's rows to them,
    // so their first contact comes earlier (returning in the second window) and the merged one has none.
    const at = Math.max(...late.events.map((e) => e.at)) + MIN;
    await write([merge(late.contactId, "dk0", at)]);
    await db.update(conversations).set({ contactId: late.contactId }).where(and(eq(conversations.workspaceId, WS), eq(conversations.contactId, "dk0")));
    await roll(memory);
    expect(await durationRows()).toBeGreaterThan(before);
    expect(memory.size(WS)).toMatchObject(await rowsHeld());
    const patched = await expectLikeSql(memory);
    expect(await fresh()).toBe(0);

    // Dropped, it reloads to the same answer; a new copy loaded from scratch agrees too.
    memory.drop(WS);
    expect(memory.size(WS)).toBeNull();
    expect(await expectLikeSql(memory)).toEqual(patched);
    // Loaded in pages of a few rows, the copy is the same.
    expect(await expectLikeSql(new ReportColumns(7))).toEqual(patched);
    // Some hundred queries on both sides: slow on a busy machine.
  }, 120_000);

  it("takes the rolls that commit while it loads, forgets a load dropped meanwhile, and leaves scopes it cannot read to SQL", async () => {
    // The load reads its first page (the earliest chats' rows as they were), then waits while
    // those chats are rolled again; its later pages see the new rows.
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let pages = 0;
    const held = new Proxy(db, {
      get: (target, key, receiver) => (key === "values" ? async (q: SQLWrapper) => (pages++ > 0 && (await gate), target.values(q)) : Reflect.get(target, key, receiver)),
    });
    const memory = new ReportColumns(40);
    const loading = memory.ready({ db: held }, WS);
    await more(chats.slice(0, 6));
    await roll(memory);
    open();
    expect(await loading).toBe(true);
    expect(pages).toBeGreaterThan(2);
    expect(memory.size(WS)).toMatchObject(await rowsHeld());
    await expectLikeSql(memory);

    const dropped = new ReportColumns(5);
    const overtaken = dropped.ready({ db }, WS);
    dropped.drop(WS);
    expect(await overtaken).toBe(false);
    expect(dropped.size(WS)).toBeNull();

    expect(await ask(memory, { workspaceId: WS, filters: {}, visible: null, visibleByConversation: true })).toBeNull();
    expect(await ask(memory, scopes[0]!)).not.toBeNull();
  }, 120_000);

  it("notices another process's roll (several servers share a database): SQL answers, and the copy reloads", async () => {
    const here = new ReportColumns();
    await expectLikeSql(here);
    // Another server's roller: its own memory (or none) takes the change, this one's does not.
    await more(chats.slice(10, 14));
    await roll(new ReportColumns());
    expect(await ask(here, scopes[0]!)).toBeNull();
    // Reloaded, it is the table again; and this process's own rolls keep it current.
    await expectLikeSql(here);
    await more(chats.slice(14, 16));
    await roll(here);
    expect(await ask(here, scopes[0]!)).not.toBeNull();
    await expectLikeSql(here);
  }, 120_000);

  it("keeps each person's first contact as rolls add and remove their rows", () => {
    const chats = new ChatDims();
    const contacts = new ContactTable(chats);
    const chat = (id: string) => chats.set(id, { teamId: "", inboxId: "", channel: "", priority: "normal" });
    const row = (conversationId: string, personId: string, at: number) => ({ conversation: chat(conversationId), personId, at, metric: "", agentId: "" });
    const gone = (id: string) => chats.flags([id])!;
    contacts.add([row("c1", "p", 100), row("c2", "p", 50), row("c3", "q", 70)]);
    const first = (person: string) => contacts.firstContacts()[contacts.persons.find(person)];
    expect([first("p"), first("q")]).toEqual([50, 70]);
    // The chat with p's first contact is rolled again without it (a merge moved it to q): p's first is their next.
    contacts.remove(gone("c2"));
    contacts.add([row("c2", "q", 50)]);
    expect([first("p"), first("q")]).toEqual([100, 50]);
    contacts.remove(gone("c1"));
    expect(first("p")).toBe(Number.POSITIVE_INFINITY);
    expect(contacts.length).toBe(2);
  });

  it("gives the same durations whether the values are radix-sorted or not", () => {
    // Whole non-negative values (any up to 2^53) are radix-sorted; a fraction makes the scan sort natively.
    let seed = 11;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const chats = new ChatDims();
    const table = (extra: number[]) => {
      const t = new FactTable(chats, ["ms", "businessMs"]);
      seed = 11;
      const rows = Array.from({ length: 400 }, (_, k) => ({ conversation: chats.set(`c${k % 30}`, { teamId: `t${k % 3}`, inboxId: "i", channel: "webchat", priority: "normal" }), metric: k % 2 ? "firstResponse" : "resolution", at: 1000 + Math.floor(next() * 1000), agentId: AGENTS[k % 3]!, ms: Math.floor(next() * (k % 5 ? 100_000 : 5)), businessMs: 0 }));
      t.add([...rows, ...extra.map((ms) => ({ ...rows[0]!, at: 2500, ms }))]);
      return t;
    };
    const wins: Win[] = [{ i: 1, from: 1000, to: 1500 }, { i: 2, from: 1500, to: 2000 }];
    const asked = (["none", "agent", "team"] as const).map((g) => ({ wins, g }));
    const late = { wins: [{ i: 3, from: 2000, to: 3000 }], g: "none" as const };
    const radix = durationTimeRows(table([]), () => true, asked, false);
    const huge = 2 ** 53 - 1;
    const whole = durationTimeRows(table([huge, 7]), () => true, [...asked, late], false);
    const native = durationTimeRows(table([huge, 7.5]), () => true, [...asked, late], false);
    expect(whole.slice(0, 3).map(canon)).toEqual(radix.map(canon));
    expect(native.slice(0, 3).map(canon)).toEqual(radix.map(canon));
    expect(whole[3]).toEqual([{ i: 3, g: "", metric: "resolution", n: 2, s: huge + 7, p50: 7, p90: huge, bands: [1, 0, 0, 0, 0, 0, 0, 1] }]);
    expect(native[3]).toEqual([{ i: 3, g: "", metric: "resolution", n: 2, s: huge + 7.5, p50: 7.5, p90: huge, bands: [1, 0, 0, 0, 0, 0, 0, 1] }]);
  });
});

describe("counts over partial hours", () => {
  // Whole hours come from the hour sums and the ends from the facts: together the facts' own counts.
  const cut: Win[] = [
    { i: 0, from: START + 2 * HOUR + 17 * MIN, to: START + 20 * HOUR + 41 * MIN },
    { i: 1, from: START + 3 * HOUR + 5 * MIN, to: START + 3 * HOUR + 50 * MIN },
    { i: 2, from: START + 5 * HOUR, to: START + 9 * HOUR + 35 * MIN },
  ];
  const sums = (rows: ReadonlyArray<CountRow | { slot: number; n: number }>) => {
    const out: Record<string, number> = {};
    for (const { n, ...key } of rows) out[JSON.stringify(key)] = (out[JSON.stringify(key)] ?? 0) + n;
    return Object.fromEntries(Object.entries(out).sort());
  };
  // A visibility read per conversation keeps the hour sums out: every row from the facts.
  const factsOnly = (scope: FactScope): FactScope => ({ ...scope, visibleByConversation: true });

  it("splits windows at whole hours", () => {
    expect(splitAtHours(cut)).toEqual({
      hours: [
        { i: 0, from: START + 3 * HOUR, to: START + 20 * HOUR },
        { i: 2, from: START + 5 * HOUR, to: START + 9 * HOUR },
      ],
      facts: [
        { i: 0, from: START + 2 * HOUR + 17 * MIN, to: START + 3 * HOUR },
        { i: 0, from: START + 20 * HOUR, to: START + 20 * HOUR + 41 * MIN },
        cut[1],
        { i: 2, from: START + 9 * HOUR, to: START + 9 * HOUR + 35 * MIN },
      ],
    });
  });

  it("counts as the facts do", async () => {
    for (const scope of scopes.slice(0, 2)) {
      for (const g of ["none", "agent", "combo"] as const) {
        const rows = await countRows({ db }, scope, cut, g, true);
        expect(sums(rows)).toEqual(sums(await countRows({ db }, factsOnly(scope), cut, g, true)));
      }
      // A slot read from the facts is the time over the slot length, not rounded (the heatmap maps it to its hour).
      const hours = async (s: FactScope) => sums((await receivedPerSlot({ db }, s, cut[0]!, HOUR)).map((r) => ({ slot: Math.floor(r.slot), n: r.n })));
      expect(await hours(scope)).toEqual(await hours(factsOnly(scope)));
    }
  });
});
