import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";

/**
 * Debian's chromium with the flags of ../e2e/support/browser.ts, but with a profile on disk:
 * an ordinary (incognito) context keeps IndexedDB in memory, which would flatter every figure
 * of a local-first app. The profile folder is deleted by `close()`.
 */
export async function launchProfileBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "inbox-bench-profile-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Two apps on two origins share this profile; neither may be throttled as "hidden".
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
      ],
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start /usr/bin/chromium (see scripts/ensure-chromium.sh): ${(err as Error).message}`);
  }
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let kitSource: string | undefined;

/** page-kit.ts bundled for the page (an IIFE that sets `globalThis.__benchKit`). */
export async function pageKitSource(): Promise<string> {
  if (kitSource) return kitSource;
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./page-kit.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  kitSource = result.outputFiles[0]!.text;
  return kitSource;
}
