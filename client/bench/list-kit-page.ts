/** Node side of list-kit.ts: bundles it once and calls its helpers in a page. */
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import type { ListKit } from "./list-kit.ts";

type KitCall = { [K in keyof ListKit]: { args: Parameters<ListKit[K]>; result: Awaited<ReturnType<ListKit[K]>> } };

let source: string | undefined;

export async function listKit<K extends keyof ListKit>(page: Page, name: K, ...args: KitCall[K]["args"]): Promise<KitCall[K]["result"]> {
  if (!source) {
    const { build } = await import("esbuild");
    const out = await build({
      entryPoints: [fileURLToPath(new URL("./list-kit.ts", import.meta.url))],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2022",
      minify: true,
      write: false,
      logLevel: "silent",
    });
    source = out.outputFiles[0]!.text;
  }
  if (!(await page.evaluate(() => "__listKit" in globalThis))) await page.evaluate(source);
  return page.evaluate(
    ([n, a]) => (globalThis as unknown as { __listKit: Record<string, (...x: unknown[]) => unknown> }).__listKit[n]!(...a),
    [name, args] as const,
  ) as Promise<KitCall[K]["result"]>;
}
