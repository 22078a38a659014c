import { writeFileSync } from "node:fs";
import type { CDPSession, Page } from "playwright-core";
import { launchProfileBrowser } from "../../client/bench/browser.ts";
import type { BoardAdapter } from "./board-adapter.ts";

/** The board's screen in chromium (built PWA, profile on disk), signed in as a supervisor. */
export async function openDisplay(url: string, adapter: BoardAdapter, login: { email: string; password: string }, waitingChats: number) {
  const browser = await launchProfileBrowser();
  const page = await browser.context.newPage();
  await page.goto(url + "/");
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Password").waitFor({ state: "detached", timeout: 60_000 });
  if (adapter.display.path !== "/") await page.goto(url + adapter.display.path);
  await adapter.display.ready(page, waitingChats);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return { page, cdp, close: () => browser.close() };
}

/** requestAnimationFrame intervals (ms) over `ms` of wall time. */
export function frameDeltas(page: Page, ms: number): Promise<number[]> {
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = 0;
    const end = performance.now() + ${Number(ms)};
    function frame(t) {
      if (last) deltas.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(frame);
      else resolve(deltas);
    }
    requestAnimationFrame(frame);
  })`) as Promise<number[]>;
}

/** Main-thread time the page spent (seconds, cumulative): scripts, style, layout, and all tasks. */
export async function mainThreadTimes(cdp: CDPSession): Promise<Record<"script" | "style" | "layout" | "tasks", number>> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { script: metric("ScriptDuration"), style: metric("RecalcStyleDuration"), layout: metric("LayoutDuration"), tasks: metric("TaskDuration") };
}

/** JS heap in use after a forced full GC, and DOM nodes, once the page has nothing left to do. */
export async function heapAfterGc(page: Page, cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await page.evaluate("new Promise((r) => requestIdleCallback(() => r(), { timeout: 2000 }))");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heapMb: metric("JSHeapUsedSize") / 1024 / 1024, nodes: metric("Nodes") };
}

/** The page's heap snapshot (for DevTools' Memory tab, or bench/heap-summary.ts) written to `file`. */
export async function saveHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  writeFileSync(file, chunks.join(""));
}

/** Least-squares slope of y over x, with its standard error. */
export function trend(xs: number[], ys: number[]): { slope: number; se: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ys[i]! - (my + slope * (xs[i]! - mx))) ** 2;
  return { slope, se: n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : NaN };
}
