import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, count, desc, eq, inArray, like } from "drizzle-orm";
import type { Command } from "@inbox/shared";
import type { BrowserContext, Page } from "playwright-core";
import { launchProfileBrowser, pageKitSource } from "../../client/bench/browser.ts";
import type { ApiRequest, BenchKit, LocalCounts } from "../../client/bench/page-kit.ts";
import { localDbName } from "../../client/src/local/db.ts";
import { MAX_CACHED_MESSAGES } from "../../client/src/local/eviction.ts";
import { MAX_BATCH } from "../../client/src/sync/outbox-replayer.ts";
import { PULL_PAGE_SIZE } from "../../client/src/sync/pull.ts";
import { conversations, messages, processedCommands, workspaces } from "../src/db/schema.ts";
import { DEMO_PASSWORD, startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { fillInbox } from "./big-workspace.ts";
import { firstLoadJs } from "./first-load-js.ts";
import { pageProfile } from "./page-profile.ts";
import { fmt } from "./stats.ts";

/**
 * "## (c) Offline PWA (issue 3)": the built PWA (client/dist, served by a real test server) in
 * chromium with a profile on disk, against a working set written by fillInbox into the Support
 * team's "site" inbox. Each figure comes with a baseline measured in the same run:
 *   1. offline start → first conversation row, ana's full cache vs bruno's near-empty one
 *      (bruno uses http://localhost:<port>, another origin, so his storage and service worker
 *      are his own; the two are reloaded in turn, and the medians compared);
 *   2. ana's first sync after sign-in vs fetching every pull page and bulkPut-ing the same rows
 *      into a scratch database with the app's stores (page-kit.ts rawDownload);
 *   3. reconnect with 500 actions queued offline through the app's own enqueue vs the same kind
 *      of 500 commands, on other conversations, POSTed straight to /api/commands;
 *   4. (issue 17) the JavaScript fetched before ana's first row on an offline start, gzipped,
 *      vs every script of the build.
 * Times come from the page's clocks (performance.now from navigation start, Date.now for
 * moments compared with the server's), recorded by an init script, not from polling.
 *
 * BENCH_PROFILE=<dir> also saves the page's CPU profiles of the first sync and the replay, and
 * the test server's (this process's) of the replay;
 * BENCH_OFFLINE_DEBUG=1 prints the replay's request timeline, badge history and IndexedDB
 * transaction counts.
 */

const CLIENT_DIST = fileURLToPath(new URL("../../client/dist", import.meta.url));
const CLIENT_SRC = fileURLToPath(new URL("../../client/src", import.meta.url));
const ACTIONS = 500;
const START_ROUNDS = 3;

interface BenchState {
  firstRowAt: number | null;
  firstRowCount: number;
  badge: { at: number; label: string | null }[];
  onlineAt: number[];
}

/**
 * Runs in every document before the app: notes (page clock) when the first conversation row
 * appears, (wall clock) every change of the connection badge, and when the browser goes online.
 * Plain JavaScript in a string: tsx would wrap a TypeScript function's inner functions in
 * helpers that don't exist in the page.
 */
const INSTRUMENT = `(() => {
  performance.setResourceTimingBufferSize(10000);
  const b = (window.__bench = { firstRowAt: null, firstRowCount: 0, badge: [], onlineAt: [] });
  addEventListener("online", () => b.onlineAt.push(Date.now()));
  let last;
  new MutationObserver(() => {
    if (b.firstRowAt === null) {
      const rows = document.querySelectorAll('nav[aria-label="Conversations"] .conv-item');
      if (rows.length > 0) {
        b.firstRowAt = performance.now();
        b.firstRowCount = rows.length;
      }
    }
    const badge = document.querySelector('[role="status"][aria-label^="Connection:"]');
    const label = badge ? badge.getAttribute("aria-label") : null;
    if (label !== last) {
      last = label;
      b.badge.push({ at: Date.now(), label });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });
})();`;

/** BENCH_OFFLINE_DEBUG only: counts the page's IndexedDB transactions, count() calls and puts per store. */
const IDB_STATS = `(() => {
  const stats = (window.__idbStats = { tx: {}, counts: 0, puts: {}, reset() { this.tx = {}; this.counts = 0; this.puts = {}; } });
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) { stats.puts[this.name] = (stats.puts[this.name] || 0) + 1; return put.apply(this, args); };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const tx = transaction.call(this, stores, mode, ...rest);
    const key = (mode || "readonly") + " " + [...tx.objectStoreNames].join(",");
    const t0 = performance.now();
    const stack = new Error().stack.split("\\n").slice(2, 12).map((l) => l.trim().replace(/https?:[^ )]*\\//g, "")).join(" | ");
    tx.addEventListener("complete", () => {
      const e = (stats.tx[key] ||= { n: 0, ms: 0, stack });
      e.n++;
      e.ms += performance.now() - t0;
    });
    return tx;
  };
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    const count = proto.count;
    proto.count = function (...args) { stats.counts++; return count.apply(this, args); };
  }
})();`;

/** Rejects after `ms` with a message naming what was awaited (a page.evaluate has no timeout of its own). */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${fmt(ms / 1000, ms < 10_000 ? 1 : 0)} s ${what}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${fmt(timeoutMs / 1000, timeoutMs < 10_000 ? 1 : 0)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const benchState = (page: Page) => page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);

type KitCall = { [K in keyof BenchKit]: BenchKit[K] extends (...args: infer A) => Promise<infer R> ? { args: A; result: R } : never };

/** Calls one of page-kit.ts's helpers in the page (installing the kit first when the document is new). */
async function kit<K extends keyof KitCall>(page: Page, name: K, ...args: KitCall[K]["args"]): Promise<KitCall[K]["result"]> {
  if (!(await page.evaluate(() => "__benchKit" in globalThis))) await page.evaluate(await pageKitSource());
  return page.evaluate(
    ([n, a]) => {
      const k = (globalThis as unknown as { __benchKit: Record<string, (...x: unknown[]) => Promise<unknown>> }).__benchKit;
      return k[n]!(...(a as unknown[]));
    },
    [name, args] as [string, unknown[]],
  ) as Promise<KitCall[K]["result"]>;
}

/** Fills the sign-in form and submits it from inside the page; returns the page's Date.now() at the click. */
async function signIn(page: Page, email: string): Promise<number> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  return page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('main[aria-label="Sign in"] button[type="submit"]');
    if (!button) throw new Error("no Sign in button");
    button.click();
    return Date.now();
  });
}

async function badgeLabel(page: Page): Promise<string | null> {
  return page.getByRole("status", { name: /^Connection:/ }).getAttribute("aria-label", { timeout: 5_000 }).catch(() => null);
}

/**
 * When the badge came to satisfy `ok`: the change that made it so if it already did at `since`
 * (the probe that noticed `since` may lag behind the app), else the first such change after.
 */
async function badgeAfter(page: Page, since: number, ok: (label: string) => boolean, what: string, timeoutMs: number): Promise<number> {
  let last: string | null | undefined;
  return poll(what, timeoutMs, async () => {
    const history = (await benchState(page)).badge;
    last = history.at(-1)?.label;
    const before = history.filter((e) => e.at <= since).at(-1);
    if (before?.label && ok(before.label)) return before.at;
    return history.find((e) => e.at > since && e.label !== null && ok(e.label))?.at;
  }).catch((err: unknown) => {
    // What the badge said instead is what tells a slow sync from a stuck one.
    throw new Error(`${err instanceof Error ? err.message : String(err)} (the badge last read ${JSON.stringify(last ?? null)})`);
  });
}

/** The service worker controls the page (so an offline reload gets the app shell). */
async function swControls(page: Page): Promise<void> {
  await within(30_000, "for the service worker to install", page.evaluate(() => navigator.serviceWorker.ready.then(() => true)));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  }
}

/** Reloads offline and returns the page clock (ms since navigation start) at the first rendered row. */
async function offlineStart(page: Page, who: string): Promise<{ ms: number; rows: number; scripts: string[] }> {
  await page.reload();
  await page
    .waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.firstRowAt !== null, undefined, { timeout: 20_000 })
    .catch(() => {
      throw new Error(`no conversation row rendered within 20 s of an offline start (${who})`);
    });
  const [state, online] = await Promise.all([benchState(page), page.evaluate(() => navigator.onLine)]);
  if (online) throw new Error("the page thinks it is online during an offline start");
  // Every script the document asked for before its first row (module scripts, modulepreloads
  // and dynamic imports alike; the service worker's answers are in the page's resource timing).
  const scripts = await page.evaluate(
    (before) =>
      performance
        .getEntriesByType("resource")
        .filter((e) => e.startTime <= before && new URL(e.name).pathname.endsWith(".js"))
        .map((e) => e.name),
    state.firstRowAt!,
  );
  return { ms: state.firstRowAt!, rows: state.firstRowCount, scripts };
}

/** The requests to `path` that started within [from, to]: how many, and their summed durations. */
function waited(requests: ApiRequest[], path: string, from: number, to: number): { n: number; ms: number } {
  const hits = requests.filter((r) => r.path === path && r.start >= from && r.start <= to);
  return { n: hits.length, ms: hits.reduce((sum, r) => sum + (r.end - r.start), 0) };
}

/**
 * With BENCH_PROFILE=<dir>, records this process's CPU profile (the test server runs in it) over
 * a phase into <dir>/server-<name>.cpuprofile.
 */
async function serverProfile(name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return async () => {};
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `server-${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function newestFile(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** One reply and one status change for each conversation, in that order (two commands each). */
function actions(conversationIds: string[]): Command[] {
  const now = Date.now();
  return conversationIds.flatMap((conversationId, i): Command[] => [
    { type: "reply", clientId: randomUUID(), conversationId, text: `Offline answer ${i}: your parcel is on its way.`, expectedAssigneeId: null, writtenAt: now + i },
    { type: "status", clientId: randomUUID(), conversationId, status: "pending" },
  ]);
}

async function repliesStored(server: TestServer, commands: Command[]): Promise<number> {
  const ids = commands.filter((c) => c.type === "reply").map((c) => c.clientId);
  const [row] = await server.core.db.select({ n: count() }).from(messages).where(inArray(messages.clientId, ids));
  return row?.n ?? 0;
}

async function processed(server: TestServer, commands: Command[]): Promise<{ count: number; ok: number; lastAt: number }> {
  const rows = await server.core.db
    .select({ result: processedCommands.result, at: processedCommands.at })
    .from(processedCommands)
    .where(inArray(processedCommands.clientId, commands.map((c) => c.clientId)));
  return {
    count: rows.length,
    ok: rows.filter((r) => (r.result as { ok?: boolean }).ok === true).length,
    lastAt: Math.max(0, ...rows.map((r) => r.at)),
  };
}

export async function offlinePwaSection(opts: { quick: boolean }): Promise<void> {
  console.log("\n## (c) Offline PWA (issue 3)");
  // Filled in as each part is measured, printed in order at the end (also after a failure).
  const report: Report = { setup: [], 1: [], 2: [], 3: [], 4: [] };
  const print = (failure?: unknown) => {
    for (const line of report.setup) console.log(line);
    const titles = {
      1: "1. offline start → first conversation row (reload with the network off; page clock from navigation start)",
      2: '2. first full sync: sign-in click → last pull page stored and badge "Connection: Online"',
      3: `3. reconnect with ${ACTIONS} actions queued offline (${ACTIONS / 2} replies + ${ACTIONS / 2} status changes) → all on the server, none waiting`,
      4: "4. first-load JavaScript: scripts fetched before the first conversation row of an offline start (ana), gzip",
    };
    for (const n of [1, 2, 3, 4] as const) {
      console.log(`  ${titles[n]}`);
      for (const line of report[n].length ? report[n] : ["     not measured (see the failure below)"]) console.log(line);
    }
    if (failure !== undefined) console.log(`  FAILED: ${failure instanceof Error ? failure.message : String(failure)}`);
  };
  try {
    await measure(opts.quick, report);
    print();
  } catch (err) {
    print(err);
    process.exitCode = 1;
  }
}

type Report = Record<"setup" | 1 | 2 | 3 | 4, string[]>;

async function measure(quick: boolean, report: Report): Promise<void> {
  const conversationCount = quick ? 1_000 : 10_000;
  const perConversation = 10;
  const syncTimeoutMs = quick ? 60_000 : 240_000;
  const ms = (x: number) => `${fmt(x, 0)} ms`;

  if (!existsSync(join(CLIENT_DIST, "index.html")) || !existsSync(join(CLIENT_DIST, "sw.js"))) {
    throw new Error("client/dist has no built PWA: run `npm run build` first");
  }
  if (newestFile(CLIENT_SRC) > statSync(join(CLIENT_DIST, "index.html")).mtimeMs) {
    report.setup.push("  warning: client/src changed after the last build; these figures are for the built app (npm run build)");
  }

  const server = await startTestServer();
  let browser: Awaited<ReturnType<typeof launchProfileBrowser>> | undefined;
  try {
    const seed = server.seed!;
    const workspace = (await server.core.db.select().from(workspaces).limit(1))[0]!;
    const target = { workspaceId: workspace.id, inboxId: seed.inboxIds.site!, teamId: seed.teamIds.support! };
    const anaId = seed.userIds.ana!;
    const fillStart = performance.now();
    await fillInbox(server.core.db, target, conversationCount, perConversation);
    const fillMs = performance.now() - fillStart;

    await pageKitSource();
    browser = await launchProfileBrowser();
    const context: BrowserContext = browser.context;
    context.setDefaultTimeout(30_000);
    await context.addInitScript(INSTRUMENT);
    if (process.env.BENCH_OFFLINE_DEBUG) await context.addInitScript(IDB_STATS);
    const errors: string[] = [];
    const watch = (page: Page, who: string) => page.on("pageerror", (e) => errors.push(`${who}: ${e.message}`));

    // ---- bruno on another origin (own storage and service worker): the near-empty cache ----
    const bruno = context.pages()[0] ?? (await context.newPage());
    watch(bruno, "bruno");
    await bruno.goto(server.url.replace("127.0.0.1", "localhost") + "/");
    await signIn(bruno, "bruno@demo.inbox");
    await bruno.getByRole("navigation", { name: "Conversations" }).locator(".conv-item").first().waitFor();
    await swControls(bruno);
    await badgeAfter(bruno, 0, (l) => l === "Connection: Online", "bruno's badge to read Online", 30_000);

    // ---- 2. baseline: the same pages fetched and stored without the app (no service worker here yet) ----
    const ana = await context.newPage();
    watch(ana, "ana");
    await ana.goto(server.url + "/healthz"); // same origin, not the app
    const token = await server.login("ana@demo.inbox");
    const raw = await within(
      syncTimeoutMs,
      "for the raw download baseline",
      kit(ana, "rawDownload", { token, limit: PULL_PAGE_SIZE, dbName: "bench-raw-download" }),
    );
    await kit(ana, "deleteDb", "bench-raw-download");
    report.setup.push(
      `  ana's working set: ${fmt(raw.conversations, 0)} conversations, ${fmt(raw.messages, 0)} messages ` +
        `(fillInbox ${fmt(conversationCount, 0)} × ${perConversation} in ${fmt(fillMs / 1000, 1)} s); built PWA in chromium, profile on disk`,
    );

    // ---- 2. the app's first sync ----
    await ana.goto(server.url + "/");
    const stopSyncProfile = await pageProfile(ana, "first-sync");
    const signedInAt = await signIn(ana, "ana@demo.inbox");
    const pulled = await within(
      syncTimeoutMs + 5_000,
      "for the app's first sync to store its last page",
      kit(ana, "waitForCursor", { dbName: localDbName(anaId), finalCursor: raw.cursor, timeoutMs: syncTimeoutMs }),
    );
    // As long as the sync itself may take: at full size the last pages can still be arriving.
    const onlineAt = await badgeAfter(ana, pulled.at, (l) => l === "Connection: Online", "the badge to read Online after the first sync", syncTimeoutMs);
    await stopSyncProfile();
    if (process.env.BENCH_OFFLINE_DEBUG) {
      console.log("  [debug] IndexedDB during the first sync:", JSON.stringify(await ana.evaluate(() => (window as unknown as { __idbStats: unknown }).__idbStats)));
    }
    const synced: LocalCounts = await kit(ana, "counts", anaId);
    const syncPulls = waited(await kit(ana, "apiRequests", signedInAt), "/api/sync/pull", signedInAt, pulled.at);
    const syncMs = onlineAt - signedInAt;
    const lastPageMs = Math.min(pulled.at, onlineAt) - signedInAt;
    report[2].push(
      `     raw fetch + JSON.parse + bulkPut, same ${raw.pages} pages of ${PULL_PAGE_SIZE}: ${ms(raw.ms).padStart(10)}  (baseline: ` +
        `server ${fmt(raw.fetchMs, 0)}, parse ${fmt(raw.parseMs, 0)}, map rows ${fmt(raw.mapMs, 0)}, bulkPut ${fmt(raw.storeMs, 0)})`,
      `     app:${" ".repeat(47 + String(raw.pages).length + String(PULL_PAGE_SIZE).length)}${ms(syncMs).padStart(10)}  ratio ${fmt(syncMs / raw.ms, 2)}x of raw  (target <= 1.3x, issue 17)`,
      `       last page stored at ${ms(lastPageMs)} (${ms(syncPulls.ms)} of it waiting for ${syncPulls.n} pull responses), ` +
        `badge Online ${ms(syncMs - lastPageMs)} later` +
        (synced.messages < pulled.messages ? ` (the pull then evicted ${fmt(pulled.messages - synced.messages, 0)} messages)` : ""),
    );
    if (synced.conversations !== raw.conversations) {
      report[2].push(`     warning: the app holds ${fmt(synced.conversations, 0)} conversations, the server sent ${fmt(raw.conversations, 0)}`);
    }
    await swControls(ana);

    // ---- 1. offline start: full cache (ana) vs near-empty cache (bruno), interleaved ----
    await context.setOffline(true);
    const full: number[] = [];
    const empty: number[] = [];
    let fullRows = 0;
    let emptyRows = 0;
    let fullScripts: string[] = [];
    for (let round = 0; round <= START_ROUNDS; round++) {
      const e = await offlineStart(bruno, "bruno, near-empty cache");
      const f = await offlineStart(ana, "ana, full cache");
      if (round === 0) continue; // warm-up: the first start after install also fills caches
      empty.push(e.ms);
      full.push(f.ms);
      emptyRows = e.rows;
      fullRows = f.rows;
      fullScripts = f.scripts;
    }
    const [fullMs, emptyMs] = [median(full), median(empty)];
    const samples = (xs: number[]) => `median of ${xs.length}: ${xs.map((x) => fmt(x, 0)).join(", ")}`;
    const cached = `${fmt(synced.conversations, 0)} conversations / ${fmt(synced.messages, 0)} messages cached`;
    const emptyLabel = `near-empty cache (bruno, ${emptyRows} conversations)`;
    const width = Math.max(cached.length, emptyLabel.length) + 1;
    report[1].push(
      `     ${(emptyLabel + ":").padEnd(width)} ${ms(emptyMs).padStart(8)}  (baseline; ${samples(empty)})`,
      `     ${(cached + ":").padEnd(width)} ${ms(fullMs).padStart(8)}  ratio ${fmt(fullMs / emptyMs, 2)}x of near-empty  (target < 1,000 ms; ${samples(full)}; ${fullRows} rows shown)`,
    );
    const js = firstLoadJs(CLIENT_DIST, fullScripts);
    const kb = (bytes: number) => `${fmt(bytes / 1000, 1)} KB`;
    const allLabel = `every script of the build (${js.allFiles} files):`;
    const firstLabel = `fetched before the first row (${js.files.length} files):`;
    const jsWidth = Math.max(allLabel.length, firstLabel.length) + 1;
    report[4].push(
      `     ${allLabel.padEnd(jsWidth)} ${kb(js.allGzip).padStart(9)}  (baseline)`,
      `     ${firstLabel.padEnd(jsWidth)} ${kb(js.gzip).padStart(9)}  ratio ${fmt(js.gzip / js.allGzip, 2)}x of all  (target <= 100.0 KB)`,
      `       ${js.files.map((f) => `${f.path.replace(/^\/assets\//, "")} ${kb(f.gzip)}`).join(", ")}`,
    );
    if (synced.messages < raw.messages) {
      report[1].push(
        `     note: the pull stored ${fmt(pulled.messages, 0)} messages, then the app evicted down to ${fmt(synced.messages, 0)} ` +
          `(MAX_CACHED_MESSAGES = ${fmt(MAX_CACHED_MESSAGES, 0)}): all ${fmt(raw.messages, 0)} are never cached at once`,
      );
    }

    // ---- 3. 500 actions queued offline, then reconnect ----
    const candidates = await server.core.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.inboxId, target.inboxId), eq(conversations.status, "open"), like(conversations.contactName, "Customer %")))
      .orderBy(desc(conversations.lastActivityAt))
      .limit(ACTIONS);
    if (candidates.length < ACTIONS) throw new Error(`only ${candidates.length} open conversations to act on`);
    // Two disjoint, interleaved halves: one for the app, one for the baseline.
    const appActions = actions(candidates.filter((_, i) => i % 2 === 0).map((c) => c.id));
    const directActions = actions(candidates.filter((_, i) => i % 2 === 1).map((c) => c.id));
    const queued = await within(60_000, `for ${ACTIONS} actions to be queued`, kit(ana, "enqueue", anaId, appActions));
    if (queued !== ACTIONS) throw new Error(`the outbox holds ${queued} entries, expected ${ACTIONS}`);
    await ana.reload(); // the app starts offline with its outbox full, as after closing the laptop
    const waitingLabel = `Connection: Offline · ${ACTIONS} changes waiting`;
    await poll(`the badge to read "${waitingLabel}"`, 20_000, async () => (await badgeLabel(ana)) === waitingLabel);
    const stopReplayProfile = await pageProfile(ana, "replay");
    const stopServerReplayProfile = await serverProfile("replay");
    if (process.env.BENCH_OFFLINE_DEBUG) await ana.evaluate(() => (window as unknown as { __idbStats: { reset(): void } }).__idbStats.reset());
    const beforeOnline = Date.now();
    await context.setOffline(false);
    const reconnectedAt = (await poll("the page's online event", 10_000, async () => (await benchState(ana)).onlineAt.at(-1))) ?? beforeOnline;
    const drainedAt = await badgeAfter(ana, reconnectedAt, (l) => !l.includes("waiting"), "the badge to show no changes waiting", 90_000);
    const acked = await poll(`the server to hold all ${ACTIONS} commands`, 30_000, async () => {
      const p = await processed(server, appActions);
      return p.count === ACTIONS ? p : null;
    });
    const settledAt = await badgeAfter(ana, drainedAt, (l) => l === "Connection: Online", "the badge to read Online after the replay", 60_000);
    await stopReplayProfile();
    await stopServerReplayProfile();
    const replayMs = Math.max(drainedAt, acked.lastAt) - reconnectedAt;
    const replayRequests = await kit(ana, "apiRequests", reconnectedAt - 1_000);
    const replayPosts = waited(replayRequests, "/api/commands", reconnectedAt - 1_000, drainedAt);
    if (process.env.BENCH_OFFLINE_DEBUG) {
      const rel = (x: number) => fmt(x - reconnectedAt, 0);
      console.log("  [debug] requests after reconnect:", replayRequests.map((r) => `${r.path} ${rel(r.start)}..${rel(r.end)}`).join(" | "));
      console.log("  [debug] IndexedDB during the replay:", JSON.stringify(await ana.evaluate(() => (window as unknown as { __idbStats: unknown }).__idbStats)));
      console.log("  [debug] badge:", (await benchState(ana)).badge.filter((e) => e.at >= reconnectedAt - 1_000).map((e) => `${rel(e.at)} ${e.label}`).join(" | "));
    }
    const replies = await repliesStored(server, appActions);

    // ---- 3. baseline: 500 comparable commands (other conversations) POSTed straight from the page ----
    await new Promise((r) => setTimeout(r, 500)); // let the app's catch-up pull finish
    const direct = await within(60_000, `for the direct POSTs of ${ACTIONS} commands`, kit(ana, "postCommands", directActions, MAX_BATCH));
    const directProcessed = await processed(server, directActions);
    if (directProcessed.count !== ACTIONS) throw new Error(`the server holds ${directProcessed.count} of the ${ACTIONS} direct commands`);
    const directLabel = `direct POSTs to /api/commands, ${Math.ceil(ACTIONS / MAX_BATCH)} × ${MAX_BATCH}, other conversations:`;
    report[3].push(
      `     ${directLabel} ${ms(direct.ms).padStart(9)}  (baseline)`,
      `     ${"app outbox replay:".padEnd(directLabel.length)} ${ms(replayMs).padStart(9)}  ratio ${fmt(replayMs / direct.ms, 2)}x of direct  (target <= 1.0x, and under 3,000 ms on a quiet machine)`,
      `       none waiting on the badge at ${ms(drainedAt - reconnectedAt)}, last acknowledged on the server at ${ms(acked.lastAt - reconnectedAt)}, ` +
        `badge Online at ${ms(settledAt - reconnectedAt)}; its ${replayPosts.n} POSTs took ${ms(replayPosts.ms)} of it`,
      `       server holds ${acked.count}/${ACTIONS} (${acked.ok} ok, ${replies}/${ACTIONS / 2} replies stored); direct: ${direct.ok}/${ACTIONS} ok`,
    );
    if (direct.failed.length) report[3].push(`     warning: refused direct commands: ${direct.failed.slice(0, 2).join("; ")}`);
    if (errors.length) report.setup.push(`  page errors: ${errors.slice(0, 3).join(" | ")}`);
  } finally {
    await within(20_000, "closing chromium", browser?.close() ?? Promise.resolve()).catch((err: Error) => console.log(`  warning: ${err.message}`));
    await within(20_000, "stopping the test server", server.stop()).catch((err: Error) => console.log(`  warning: ${err.message}`));
  }
}
