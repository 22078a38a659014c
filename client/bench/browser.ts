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

const bundles = new Map<string, Promise<string>>();

/** A file next to this one bundled for a page (an IIFE), built once per process. */
export function bundleForPage(file: string): Promise<string> {
  let bundle = bundles.get(file);
  if (!bundle) {
    bundle = import("esbuild").then(async ({ build }) => {
      const result = await build({
        entryPoints: [fileURLToPath(new URL(file, import.meta.url))],
        bundle: true,
        format: "iife",
        platform: "browser",
        target: "es2022",
        minify: true,
        write: false,
        logLevel: "silent",
      });
      return result.outputFiles[0]!.text;
    });
    // A failed build is tried again on the next call.
    bundle.catch(() => bundles.delete(file));
    bundles.set(file, bundle);
  }
  return bundle;
}

/** page-kit.ts bundled for the page (sets `globalThis.__benchKit`). */
export const pageKitSource = (): Promise<string> => bundleForPage("./page-kit.ts");
