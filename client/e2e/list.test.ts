import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { listKit } from "../bench/list-kit-page.ts";
import { conversations, inboxes, users } from "../../sync-server/src/db/schema.ts";
import { useInbox } from "./support/use-inbox.ts";
import { serviceWorkerActive, waitForBadge } from "./support/inbox-page.ts";

// The conversation list an agent works in: filters, saved views (kept on the server and on the
// device), keyboard navigation and live reordering, in chromium against a real server.

const app = useInbox();

const list = (page: Page) => page.getByRole("navigation", { name: "Conversations" });
const rows = (page: Page) => list(page).getByRole("list", { name: "Conversation list" }).getByRole("button");

/** Contact names of the rows in the order they are shown. */
async function shownNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[aria-label="Conversation list"] [data-row-id]')]
      .sort((a, b) => Number(a.getAttribute("aria-posinset")) - Number(b.getAttribute("aria-posinset")))
      .map((li) => li.querySelector(".conv-item-name")?.textContent ?? ""),
  );
}

async function waitForNames(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => shownNames(page), { timeout: 10_000 }).toEqual(expected);
}

/**
 * Ana signed in at 1280 px with `count` bench conversations written into her device's database
 * (the app's own store) besides the demo's, and the page reloaded until the list holds them all.
 */
async function seededList(count: number) {
  const context = await app.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await app.signIn("ana@demo.inbox", context);
  await list(page).getByText("Maria Oliveira").waitFor();
  const ana = (await app.server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!;
  const site = (await app.server.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, app.server.seed!.inboxIds.site!) }))!;
  await listKit(page, "seed", { userId: ana.id, workspaceId: ana.workspaceId, inboxId: site.id, teamId: site.teamId, count });
  await page.reload();
  await page.waitForFunction((n) => Number(document.querySelector("[aria-setsize]")?.getAttribute("aria-setsize")) > n, count, { timeout: 20_000 });
  return { context, page, ana };
}

/** The contact name of the row that has keyboard focus. */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.querySelector(".conv-item-name")?.textContent ?? null);

const post = (path: string, body: unknown, token?: string) =>
  fetch(app.server.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** A web-chat customer writes; returns a function that writes again as them. */
async function customer(name: string, text: string): Promise<(text: string) => Promise<void>> {
  const inboxId = app.server.seed!.inboxIds.site!;
  const { token } = (await (await post(`/api/widget/${inboxId}/sessions`, { name })).json()) as { token: string };
  const write = async (t: string) => {
    expect((await post(`/api/widget/${inboxId}/messages`, { clientId: crypto.randomUUID(), text: t }, token)).status).toBe(201);
  };
  await write(text);
  return write;
}

describe("conversation list", () => {
  it("filters by channel and status, saves the view, and the view survives a reload, also offline", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await list(page).getByText("Maria Oliveira").waitFor();

    await list(page).getByRole("button", { name: "Filters" }).click();
    const panel = list(page).getByRole("group", { name: "Conversation filters" });
    await panel.getByRole("checkbox", { name: "WhatsApp" }).check();
    // Both WhatsApp conversations (the resolved one too) until the status is chosen.
    await waitForNames(page, ["Carlos Mendes", "M. Oliveira"]);
    await panel.getByRole("checkbox", { name: "Open" }).check();
    await waitForNames(page, ["Carlos Mendes"]);
    const chips = list(page).getByRole("group", { name: "Active filters" });
    await chips.getByRole("button", { name: "Remove filter Open" }).waitFor();
    await list(page).getByRole("button", { name: "Filters (2)" }).waitFor();

    await list(page).getByRole("button", { name: "+ Save view" }).click();
    await list(page).getByLabel("View name").fill("WhatsApp open");
    await list(page).getByRole("button", { name: "Save", exact: true }).click();
    const saved = list(page).getByRole("group", { name: "Saved views" }).getByRole("button", { name: "WhatsApp open", exact: true });
    await expect.poll(() => saved.getAttribute("aria-pressed")).toBe("true");

    // Removing one chip widens the list; clearing returns to the whole tab.
    await chips.getByRole("button", { name: "Remove filter Open" }).click();
    await waitForNames(page, ["Carlos Mendes", "M. Oliveira"]);
    await chips.getByRole("button", { name: "Clear filters" }).click();
    await list(page).getByText("Maria Oliveira").waitFor();
    expect(await saved.getAttribute("aria-pressed")).toBe("false");

    await page.reload();
    await list(page).getByText("Maria Oliveira").waitFor();
    await saved.click();
    await waitForNames(page, ["Carlos Mendes"]);
    await chips.getByRole("button", { name: "Remove filter WhatsApp" }).waitFor();

    // The view lives on this device too: offline, after a reload, it is listed and applies.
    await chips.getByRole("button", { name: "Clear filters" }).click();
    await waitForBadge(page, /^Connection: Online$/);
    await serviceWorkerActive(page);
    await context.setOffline(true);
    await page.reload();
    await list(page).getByText("Maria Oliveira").waitFor();
    await saved.click();
    await waitForNames(page, ["Carlos Mendes"]);
    // Changing views needs the server, and says so.
    await list(page).getByRole("button", { name: "Delete view WhatsApp open" }).click();
    await list(page).getByRole("alert").getByText(/needs a connection/).waitFor();
    await context.setOffline(false);

    // The server keeps it for Ana, and for nobody else.
    const token = await app.server.login("ana@demo.inbox");
    const views = (await (await app.server.api("/api/me/views", { token })).json()) as { views: { name: string; view: { channels: string[]; statuses: string[] } }[] };
    expect(views.views).toMatchObject([{ name: "WhatsApp open", view: { channels: ["whatsapp"], statuses: ["open"] } }]);
    const bruno = await app.server.login("bruno@demo.inbox");
    expect(((await (await app.server.api("/api/me/views", { token: bruno })).json()) as { views: unknown[] }).views).toEqual([]);
    await context.close();
  });

  it("sorts by oldest waiting: the customer who has waited longest comes first", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await list(page).getByText("Maria Oliveira").waitFor();
    await list(page).getByLabel("Sort conversations").selectOption({ label: "Oldest waiting" });
    // Nobody has answered these three yet: the one who wrote first waits longest.
    await expect
      .poll(async () => (await shownNames(page)).filter((n) => ["Maria Oliveira", "Carlos Mendes", "Yuki Tanaka"].includes(n)))
      .toEqual(["Yuki Tanaka", "Carlos Mendes", "Maria Oliveira"]);
    await context.close();
  });

  it("moves with the keyboard, opens with Enter, and keeps focus on its row while new chats arrive", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await list(page).getByText("M. Oliveira").waitFor();
    const order = await shownNames(page);
    expect(order.slice(0, 3)).toEqual(["Maria Oliveira", "Carlos Mendes", "João Pereira"]);

    // One tab stop for the whole list.
    expect(await rows(page).evaluateAll((els) => els.filter((el) => el.getAttribute("tabindex") === "0").length)).toBe(1);
    await rows(page).first().focus();
    await page.keyboard.press("j");
    expect(await focusedName(page)).toBe("Carlos Mendes");
    await page.keyboard.press("ArrowDown");
    expect(await focusedName(page)).toBe("João Pereira");
    await page.keyboard.press("k");
    expect(await focusedName(page)).toBe("Carlos Mendes");
    await page.keyboard.press("End");
    expect(await focusedName(page)).toBe(order[order.length - 1]);
    await page.keyboard.press("Home");
    expect(await focusedName(page)).toBe("Maria Oliveira");

    // New chats arrive on top; then the focused one writes again and jumps from fourth to
    // first: its row moves, keyboard focus stays on it.
    const nadia = await customer("Nadia Live", "Hello, anyone there?");
    for (const name of ["Omar Arrives", "Paula Arrives", "Quentin Arrives"]) await customer(name, "Hi");
    await waitForNames(page, ["Quentin Arrives", "Paula Arrives", "Omar Arrives", "Nadia Live", ...order]);
    await page.keyboard.press("End");
    for (let i = 0; i < order.length; i++) await page.keyboard.press("k");
    expect(await focusedName(page)).toBe("Nadia Live");
    await nadia("Still there?");
    await waitForNames(page, ["Nadia Live", "Quentin Arrives", "Paula Arrives", "Omar Arrives", ...order]);
    expect(await focusedName(page)).toBe("Nadia Live");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    expect(await focusedName(page)).toBe("Paula Arrives");

    await page.keyboard.press("End");
    await page.keyboard.press("k");
    const opened = order[order.length - 2]!;
    expect(await focusedName(page)).toBe(opened);
    await page.keyboard.press("Enter");
    await page.getByRole("main", { name: "Chat" }).getByRole("heading", { name: opened }).waitFor();
    await context.close();
  });

  it("keeps 2,000 conversations to a window of rows, reaches the last by keyboard, and holds the row in view still when the order changes", async () => {
    const { context, page, ana } = await seededList(2_000);
    const domRows = () => page.evaluate(() => document.querySelectorAll('[aria-label="Conversation list"] li').length);
    expect(await domRows()).toBeLessThan(60);

    await rows(page).first().focus();
    // The oldest activity is last; its row is drawn when the keyboard gets there. Rows may still
    // be arriving from the device's database after a reload: End reaches the last one loaded, so
    // press it until the list is whole (a loaded CI machine got End in before the last page).
    await expect
      .poll(async () => {
        await page.keyboard.press("End");
        return focusedName(page);
      })
      .toBe("Bench Customer 0");
    expect(await domRows()).toBeLessThan(60);

    // In the middle of the list, a conversation far below gets a new message and moves to the
    // top: the focused row stays where it is on screen.
    await page.keyboard.press("Home");
    for (let i = 0; i < 3; i++) await page.keyboard.press("PageDown");
    const focusedRow = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        const li = el.closest("[aria-posinset]")!;
        return { name: el.querySelector(".conv-item-name")?.textContent, top: el.getBoundingClientRect().top, position: Number(li.getAttribute("aria-posinset")) };
      });
    const before = await focusedRow();
    expect(before.name).toMatch(/Bench Customer/);
    await listKit(page, "touch", { userId: ana.id, id: "bench-000005" });
    // One more row above it now; it has not moved on screen, and it still has focus.
    await expect.poll(async () => (await focusedRow()).position).toBe(before.position + 1);
    expect(await focusedRow()).toEqual({ ...before, position: before.position + 1 });
    await page.keyboard.press("Home");
    expect(await focusedName(page)).toBe("Bench Customer 5");
    await context.close();
  });

  it("a burst of new messages, written here and in another tab, leaves the list in the order the device stores", async () => {
    const { context, page, ana } = await seededList(300);
    const topIds = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[aria-label="Conversation list"] [data-row-id]')]
          .sort((a, b) => Number(a.getAttribute("aria-posinset")) - Number(b.getAttribute("aria-posinset")))
          .slice(0, 8)
          .map((li) => li.dataset.rowId),
      );
    // This page's writes are applied as written, racing one another and the reads of others;
    // another tab's are read back. Either way the list ends as the device's database has it.
    const other = await context.newPage();
    await other.goto(app.server.url + "/");
    const ids = (from: number) => Array.from({ length: 12 }, (_, i) => `bench-${String(from + (i % 9)).padStart(6, "0")}`);
    await Promise.all([listKit(page, "touchAll", { userId: ana.id, ids: ids(40) }), listKit(other, "touchAll", { userId: ana.id, ids: ids(120) })]);
    await listKit(page, "touchAll", { userId: ana.id, ids: ids(200) });
    const stored = await listKit(page, "newestIds", { userId: ana.id, n: 8 });
    expect(stored.every((id) => id.startsWith("bench-0002"))).toBe(true);
    await expect.poll(topIds, { timeout: 10_000 }).toEqual(stored);
    await listKit(other, "touchAll", { userId: ana.id, ids: ["bench-000007", "bench-000008"] });
    const afterOther = await listKit(page, "newestIds", { userId: ana.id, n: 8 });
    expect(afterOther.slice(0, 2).sort()).toEqual(["bench-000007", "bench-000008"]);
    await expect.poll(topIds, { timeout: 10_000 }).toEqual(afterOther);
    await context.close();
  });

  it("shows how long each customer has waited, and an agent's reply ends the wait, live", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await list(page).getByText("Maria Oliveira").waitFor();
    await list(page).getByLabel("Sort conversations").selectOption({ label: "Oldest waiting" });
    const three = async () => (await shownNames(page)).filter((n) => ["Maria Oliveira", "Carlos Mendes", "Yuki Tanaka"].includes(n));
    await expect.poll(three).toEqual(["Yuki Tanaka", "Carlos Mendes", "Maria Oliveira"]);
    const row = (name: string) => rows(page).filter({ has: page.locator(".conv-item-name", { hasText: name }) });
    await expect.poll(() => row("Yuki Tanaka").locator(".conv-item-waiting").textContent()).toMatch(/^waiting 1 h$/);
    await expect.poll(() => row("Maria Oliveira").locator(".conv-item-waiting").textContent()).toMatch(/^waiting \d+ min$/);

    // Ana answers Yuki from another device: Yuki stops waiting and goes below everyone who still is.
    const yuki = (await app.server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, "Yuki Tanaka") }))!;
    const token = await app.server.login("ana@demo.inbox");
    const res = await app.server.api(`/api/conversations/${yuki.id}/messages`, { method: "POST", token, json: { clientId: crypto.randomUUID(), text: "Yes, back in stock!" } });
    expect(res.status).toBe(201);
    await expect.poll(three, { timeout: 10_000 }).toEqual(["Carlos Mendes", "Maria Oliveira", "Yuki Tanaka"]);
    expect(await row("Yuki Tanaka").locator(".conv-item-waiting").count()).toBe(0);
    await context.close();
  });
});
