import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/**
 * With BENCH_PROFILE=<dir>, records the page's CPU profile over a phase into
 * <dir>/pwa-<name>.cpuprofile (open in Chrome DevTools); without it, does nothing.
 */
export async function pageProfile(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = await cdp.send("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `pwa-${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  };
}
