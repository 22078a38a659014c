/** Node side of list-kit.ts: bundles it once and calls its helpers in a page. */
import type { Page } from "playwright-core";
import { bundleForPage } from "./browser.ts";
import type { ListKit } from "./list-kit.ts";

type KitCall = { [K in keyof ListKit]: { args: Parameters<ListKit[K]>; result: Awaited<ReturnType<ListKit[K]>> } };

export async function listKit<K extends keyof ListKit>(page: Page, name: K, ...args: KitCall[K]["args"]): Promise<KitCall[K]["result"]> {
  const source = await bundleForPage("./list-kit.ts");
  if (!(await page.evaluate(() => "__listKit" in globalThis))) await page.evaluate(source);
  return page.evaluate(
    ([n, a]) => (globalThis as unknown as { __listKit: Record<string, (...x: unknown[]) => unknown> }).__listKit[n]!(...a),
    [name, args] as const,
  ) as Promise<KitCall[K]["result"]>;
}
