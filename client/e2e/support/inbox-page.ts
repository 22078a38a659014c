import { expect } from "vitest";
import type { BrowserContext, Page } from "playwright-core";

/** What an agent does in the PWA, by role and accessible name, shared by the e2e files. */
export async function signIn(context: BrowserContext, baseUrl: string, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + "/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Conversations" }).waitFor();
  // Tests take the network away: before the worker has precached, an offline reload fails in the browser.
  await serviceWorkerActive(page);
  return page;
}

export function badge(page: Page) {
  return page.getByRole("status", { name: /^Connection/ });
}

/** Waits until the connection badge's accessible name matches (e.g. /Offline/, /^Connection: Online$/). */
export async function waitForBadge(page: Page, pattern: RegExp, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([source, flags]) => {
      const el = document.querySelector('[role="status"][aria-label^="Connection"]');
      return !!el && new RegExp(source, flags).test(el.getAttribute("aria-label") ?? "");
    },
    [pattern.source, pattern.flags] as const,
    { timeout },
  );
}

export async function openConversation(page: Page, contactName: string): Promise<void> {
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(contactName) }).click();
  await page.getByRole("main", { name: "Chat" }).getByRole("log", { name: "Messages" }).waitFor();
}

export function timeline(page: Page) {
  return page.getByRole("main", { name: "Chat" }).getByRole("log", { name: "Messages" });
}

export async function reply(page: Page, text: string): Promise<void> {
  const form = page.getByRole("form", { name: "Reply" });
  await form.getByLabel("Reply message").fill(text);
  await form.getByRole("button", { name: "Send" }).click();
}

export async function addNote(page: Page, text: string): Promise<void> {
  await page.getByRole("button", { name: "Note", exact: true }).click();
  const form = page.getByRole("form", { name: "Note" });
  await form.getByLabel("Note text").fill(text);
  await form.getByRole("button", { name: "Add note" }).click();
  await page.getByRole("button", { name: "Reply", exact: true }).click();
}

export async function addLabel(page: Page, label: string): Promise<void> {
  const info = page.getByRole("complementary", { name: "Customer info" });
  await info.getByLabel("New label").fill(label);
  await info.getByRole("button", { name: "Add label" }).click();
  await info.getByRole("button", { name: `Remove label ${label}` }).waitFor();
}

/** Names of the IndexedDB databases the page's origin holds. */
export function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ""));
}

/** Resolves once the signed-in user's device database holds `key` in its kv store (what offline screens render from). */
export async function waitForDeviceCopy(page: Page, key: string): Promise<void> {
  // Polled with page.evaluate, which awaits the check's promise (waitForFunction would take the
  // promise itself as a truthy answer and never wait).
  const stored = (kvKey: string) => page.evaluate(async (kvKey) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? "");
    // The user's database, not a conversation's work document (inbox-<user>-work.<id>).
    const name = names.find((n) => n.startsWith("inbox-") && !n.includes("-work."));
    if (!name) return false;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve) => {
      const req = db.transaction("kv").objectStore("kv").get(kvKey);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
    });
    db.close();
    return !!value;
  }, kvKey);
  await expect.poll(() => stored(key), { timeout: 15_000 }).toBe(true);
}

/**
 * Waits until the page's service worker is active and controls the page: only then do a reload
 * with the network off and the parts the app loads on use come from its precache (the worker
 * installs in the background after the first load, and the app can be online and synced before
 * it has finished precaching).
 */
export async function serviceWorkerActive(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
