import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { launchProfileBrowser } from "../../client/bench/browser.ts";
import { listKit as kit } from "../../client/bench/list-kit-page.ts";
import { inboxes, users } from "../src/db/schema.ts";
import { DEMO_PASSWORD, startTestServer } from "../src/testing/test-server.ts";
import { pageProfile } from "./page-profile.ts";
import { fmt, percentile } from "./stats.ts";

/**
 * "## (e) Conversation list (issue 5)": the built PWA in chromium (profile on disk), with
 * 10,000 conversations written into the agent's local database through the app's own store.
 * After a reload, the list is scrolled by a script (a fixed step every animation frame, so a
 * fast flick through the whole list) and the requestAnimationFrame deltas are recorded. Each
 * figure is compared with baselines measured in the same page and run: the page's frame cadence
 * with nothing scrolling, and a plain static list of as many rows (all in the DOM, no
 * framework) scrolled the same way.
 */

const CLIENT_DIST = process.env.CLIENT_DIST || fileURLToPath(new URL("../../client/dist", import.meta.url));
const ROW_HEIGHT = 66;
const STEP = ROW_HEIGHT * 2;
const LIST = 'nav[aria-label="Conversations"] .vlist';

interface Frames {
  p50: number;
  p95: number;
  max: number;
}
const summary = (deltas: number[]): Frames => ({ p50: percentile(deltas, 50), p95: percentile(deltas, 95), max: Math.max(...deltas) });

export async function listSection(opts: { quick: boolean }): Promise<void> {
  console.log("\n## (e) Conversation list: render and scroll a big local cache (issue 5)");
  if (!existsSync(join(CLIENT_DIST, "index.html"))) {
    console.log(`  skipped: no built client in ${CLIENT_DIST} (run \`npm run build -w client\`, or set CLIENT_DIST)`);
    return;
  }
  const count = opts.quick ? 2_000 : 10_000;
  const frames = opts.quick ? 180 : 600;
  const server = await startTestServer();
  const browser = await launchProfileBrowser();
  try {
    const ana = (await server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!;
    const site = (await server.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, server.seed!.inboxIds.site!) }))!;
    const page = await browser.context.newPage();
    await page.goto(server.url + "/");
    await page.getByLabel("Email").fill("ana@demo.inbox");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(`${LIST} .conv-item`).first().waitFor({ timeout: 30_000 });

    const seedMs = await kit(page, "seed", { userId: ana.id, workspaceId: ana.workspaceId, inboxId: site.id, teamId: site.teamId, count });
    const twinId = `${ana.id}-bench-twin`;
    await kit(page, "seed", { userId: twinId, workspaceId: ana.workspaceId, inboxId: site.id, teamId: site.teamId, count });
    await page.reload();
    // Ready: the first row on screen, then the whole cache read (the list's size says so).
    const firstRowAt = await page.waitForFunction(() => document.querySelector('nav[aria-label="Conversations"] .conv-item') && performance.now(), undefined, {
      timeout: 60_000,
      polling: "raf",
    });
    const firstRowMs = (await firstRowAt.jsonValue()) as number;
    const allAt = await page.waitForFunction(
      (n) => {
        const row = document.querySelector('nav[aria-label="Conversations"] [aria-setsize]');
        return row && Number(row.getAttribute("aria-setsize")) >= n && performance.now();
      },
      count,
      { timeout: 120_000, polling: "raf" },
    );
    const allMs = (await allAt.jsonValue()) as number;
    const total = await page.evaluate(() => Number(document.querySelector('nav[aria-label="Conversations"] [aria-setsize]')?.getAttribute("aria-setsize")));
    const read = await kit(page, "readAll", { userId: ana.id, runs: 5 });

    const idle = summary(await kit(page, "scrollFrames", { selector: null, frames, step: STEP }));
    const app = summary(await kit(page, "scrollFrames", { selector: LIST, frames, step: STEP }));
    const rendered = await page.evaluate((sel) => document.querySelectorAll(`${sel} li`).length, LIST);
    await page.getByLabel("Sort conversations").selectOption("oldest_waiting");
    await page.waitForTimeout(500);
    const sorted = summary(await kit(page, "scrollFrames", { selector: LIST, frames, step: STEP }));
    // Live reordering: a message arrives in a conversation far down the list (median of 9).
    await page.getByLabel("Sort conversations").selectOption("newest");
    await page.evaluate((sel) => document.querySelector(sel)!.scrollTo(0, 0), LIST);
    const live: { writeMs: number; domMs: number; shownMs: number }[] = [];
    const twin: number[] = [];
    const stopProfile = await pageProfile(page, "list-touch");
    for (let i = 0; i < 9; i++) {
      const id = `bench-${String(100 + i).padStart(6, "0")}`;
      twin.push(await kit(page, "touchTwin", { twinId, id }));
      live.push(await kit(page, "touchUntilFirst", { userId: ana.id, id, name: `Bench Customer ${100 + i}` }));
    }
    await stopProfile();
    const writeMs = percentile(twin, 50);
    const watchedWriteMs = percentile(live.map((l) => l.writeMs), 50);
    const shownMs = percentile(live.map((l) => l.shownMs), 50);
    const domMs = percentile(live.map((l) => l.domMs), 50);
    const selector = await kit(page, "staticList", { count: total, rowHeight: ROW_HEIGHT });
    const plain = summary(await kit(page, "scrollFrames", { selector, frames, step: STEP }));
    await kit(page, "removeStaticList");

    console.log(
      `  ana's local database: ${fmt(total, 0)} conversations (${fmt(count, 0)} written through the app's store in ${fmt(seedMs / 1000, 1)} s); built PWA in chromium, profile on disk`,
    );
    console.log(
      `  after a reload: first row at ${fmt(firstRowMs, 0)} ms, whole cache read and ordered at ${fmt(allMs, 0)} ms; ` +
        `reading every cached conversation (what a reload or a pull's page costs the list; a single write reads only its rows): ${fmt(read.ms, 0)} ms (median of 5)`,
    );
    console.log(`  rows in the DOM while scrolling: ${rendered} of ${fmt(total, 0)}`);
    console.log(
      `  a new message reorders the list (median of 9; target: on top within 2x the write): the write itself, in an unwatched twin of the database, ${fmt(writeMs, 1)} ms (base); ` +
        `on top in the list's DOM at ${fmt(domMs, 1)} ms (${fmt(domMs / writeMs, 2)}x); on screen at the next frame, ${fmt(shownMs, 1)} ms (${fmt(shownMs / writeMs, 2)}x, includes the wait for the display's frame); ` +
        `the write in the watched database returns at ${fmt(watchedWriteMs, 1)} ms (the list reorders in its commit's task)`,
    );
    console.log(`  requestAnimationFrame deltas over ${frames} frames, scrolled ${STEP} px (2 rows) per frame:`);
    console.log("                                        p50 ms   p95 ms   max ms   p95 vs idle   p95 vs static list");
    const line = (label: string, f: Frames) =>
      console.log(
        `  ${label.padEnd(36)}  ${fmt(f.p50, 1).padStart(6)}   ${fmt(f.p95, 1).padStart(6)}   ${fmt(f.max, 1).padStart(6)}   ${fmt(f.p95 / idle.p95, 2).padStart(9)}x   ${fmt(f.p95 / plain.p95, 2).padStart(9)}x`,
      );
    line("idle page, nothing scrolling (base)", idle);
    line(`plain static list, ${fmt(total, 0)} rows (base)`, plain);
    line("app list, newest first", app);
    line("app list, oldest waiting", sorted);
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await listSection({ quick: process.argv.includes("--quick") });
