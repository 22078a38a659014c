import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { DEMO_PASSWORD, startTestServer, type TestServer } from "../../../sync-server/src/testing/test-server.ts";
import { launchBrowser } from "./browser.ts";
import { signIn } from "./inbox-page.ts";

/** The seeded server and chromium one e2e file runs against. */
export interface InboxUnderTest {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh browser context (another device), closed when the file is done. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Signs a demo user in with the demo password, in `context` or in a fresh one. */
  signIn(email: string, context?: BrowserContext): Promise<Page>;
}

/**
 * Starts a seeded server and a browser before the file's tests and stops both after. Call at the
 * top of the file; the getters are valid inside tests and in hooks registered after this call
 * (vitest runs beforeAll hooks in the order they were registered). `options.server`: more server
 * settings, read when it starts (e.g. a mail server started in a hook registered before).
 */
export function useInbox(options: { server?: () => Parameters<typeof startTestServer>[0] } = {}): InboxUnderTest {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    // The demo, turned on explicitly (a real server's defaults have neither): its seeded
    // workspace and logins, and the simulator the platform channels' tests drive.
    server = await startTestServer({ ...options.server?.(), seed: true, simulator: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`The ${what} is not started yet: use it inside a test or a later hook.`);
    return value;
  };
  const app: InboxUnderTest = {
    get server() {
      return started(server, "test server");
    },
    get browser() {
      return started(browser, "browser");
    },
    async newContext(options) {
      const context = await app.browser.newContext(options);
      contexts.push(context);
      return context;
    },
    async signIn(email, context) {
      return signIn(context ?? (await app.newContext()), app.server.url, email, DEMO_PASSWORD);
    },
  };
  return app;
}
