import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation } from "./support/inbox-page.ts";

// Working together in real browsers: who else is on a conversation, snoozing and reopening,
// the keyboard shortcuts, and the app in Portuguese.

const app = useInbox();


const chat = (page: Page) => page.getByRole("main", { name: "Chat" });
const presence = (page: Page) => chat(page).getByRole("status", { name: "Colleagues on this conversation" });
const list = (page: Page) => page.getByRole("navigation", { name: "Conversations" });
const statusBadge = (page: Page) => chat(page).locator(".chat-subtitle .status-badge");

async function openWidget(): Promise<Page> {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + "/demo");
  await page.getByRole("button", { name: "Open chat" }).click();
  return page;
}

async function customerSays(widget: Page, text: string): Promise<void> {
  const dialog = widget.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Message" }).fill(text);
  await dialog.getByRole("button", { name: "Send" }).click();
  await dialog.getByRole("log", { name: "Messages" }).getByText(text).waitFor();
}

describe("working together", () => {
  it("shows who else is viewing or typing on a conversation, and clears it when they leave", async () => {
    const sam = await app.signIn("supervisor@demo.inbox");
    const ana = await app.signIn("ana@demo.inbox");
    await openConversation(sam, "Maria Oliveira");
    await openConversation(ana, "Maria Oliveira");

    await expect.poll(() => presence(sam).textContent(), { timeout: 10_000 }).toBe("Ana Souza is viewing");
    await expect.poll(() => presence(ana).textContent(), { timeout: 10_000 }).toBe("Sam Supervisor is viewing");

    // Ana types: Sam sees it in the header and on the conversation's row in the list.
    await ana.getByRole("form", { name: "Reply" }).getByLabel("Reply message").pressSequentially("Let me check your order");
    await expect.poll(() => presence(sam).textContent(), { timeout: 10_000 }).toBe("Ana Souza is typing a reply");
    await list(sam).getByRole("button", { name: /Maria Oliveira.*Ana Souza is typing a reply/ }).waitFor({ timeout: 10_000 });

    // Ana moves to another conversation: Maria's no longer shows her.
    await openConversation(ana, "João Pereira");
    await expect.poll(() => presence(sam).textContent(), { timeout: 10_000 }).toBe("");
    expect(await list(sam).getByRole("button", { name: /Maria Oliveira.*Ana Souza/ }).count()).toBe(0);

    // Sam follows her there; then Ana closes her tab: the socket closes and she is gone.
    await openConversation(sam, "João Pereira");
    await expect.poll(() => presence(sam).textContent(), { timeout: 10_000 }).toBe("Ana Souza is viewing");
    await ana.close();
    await expect.poll(() => presence(sam).textContent(), { timeout: 10_000 }).toBe("");
  });

  it("snoozes a conversation until a time; the server wakes it when the time comes", async () => {
    const sam = await app.signIn("supervisor@demo.inbox");
    await openConversation(sam, "Carlos Mendes");
    // The list shows open conversations only: a snoozed one leaves it until it wakes.
    await list(sam).getByRole("button", { name: "Filters" }).click();
    await list(sam).getByRole("group", { name: "Conversation filters" }).getByRole("checkbox", { name: "Open" }).check();
    await list(sam).getByRole("button", { name: "Filters (1)" }).click();
    const carlosRow = list(sam).locator(".conv-item-name", { hasText: "Carlos Mendes" });
    await carlosRow.waitFor();
    await chat(sam).getByRole("button", { name: "Snooze" }).click();
    const menu = chat(sam).getByRole("menu", { name: "Snooze until" });
    for (const choice of ["In 1 hour", "Tomorrow morning", "Next week", "Pick a date and time"]) {
      await menu.getByRole("menuitem", { name: new RegExp(choice) }).waitFor();
    }
    await menu.getByRole("menuitem", { name: "Pick a date and time" }).click();
    // Ten minutes from now on the browser's clock, as the field shows it.
    const soon = await sam.evaluate(() => {
      const d = new Date(Date.now() + 10 * 60_000);
      const p = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    });
    await chat(sam).getByLabel("Date and time").fill(soon);
    await chat(sam).getByRole("button", { name: "Snooze", exact: true }).last().click();
    await expect.poll(() => statusBadge(sam).textContent(), { timeout: 10_000 }).toBe("Snoozed");
    await chat(sam).getByText(/^Snoozed until /).waitFor();
    await expect.poll(() => carlosRow.count(), { timeout: 10_000 }).toBe(0);
    await list(sam).getByText("Maria Oliveira").waitFor(); // the rest of the open list stays

    // The server's clock moves past the snooze: the waker reopens it, live.
    app.server.clock.offsetMs += 15 * 60_000;
    await expect.poll(() => statusBadge(sam).textContent(), { timeout: 20_000 }).toBe("Open");
    expect(await chat(sam).getByText(/^Snoozed until /).count()).toBe(0);
    await expect.poll(() => carlosRow.count(), { timeout: 10_000 }).toBe(1);
  });

  it("keyboard: resolve with e (never while typing), help with ?, and a customer writing again reopens it", async () => {
    const widget = await openWidget();
    const dialog = widget.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Tess Together");
    await dialog.getByRole("button", { name: "Start chat" }).click();
    await customerSays(widget, "Is anyone there?");

    const sam = await app.signIn("supervisor@demo.inbox");
    await openConversation(sam, "Tess Together");
    await expect.poll(() => statusBadge(sam).textContent(), { timeout: 10_000 }).toBe("Open");

    // Typing "e" in the reply box is just a letter.
    const box = sam.getByRole("form", { name: "Reply" }).getByLabel("Reply message");
    await box.click();
    await box.press("e");
    await expect.poll(() => box.inputValue()).toBe("e");
    expect(await statusBadge(sam).textContent()).toBe("Open");
    await box.fill("");

    // Outside a field, "e" resolves.
    await chat(sam).getByRole("heading", { name: "Tess Together" }).click();
    await sam.keyboard.press("e");
    await expect.poll(() => statusBadge(sam).textContent(), { timeout: 10_000 }).toBe("Resolved");

    // "?" lists the shortcuts, the list's own keys too; Escape closes it.
    await sam.keyboard.press("?");
    const help = sam.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    for (const action of ["Write a reply", "Resolve (or reopen) the conversation", "Snooze the conversation", "Next conversation", "Move through the list"]) {
      await help.getByText(action).waitFor();
    }
    await sam.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });

    // The customer writes again: the conversation is open again for everyone.
    await customerSays(widget, "Sorry, one more question.");
    await expect.poll(() => statusBadge(sam).textContent(), { timeout: 10_000 }).toBe("Open");
  });

  it("switches the app to Brazilian Portuguese for this user, and it stays after a reload", async () => {
    const bruno = await app.signIn("bruno@demo.inbox");
    await openConversation(bruno, "Priya Nair");
    await bruno.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
    await bruno.getByRole("button", { name: "Sair" }).waitFor();
    await expect.poll(() => statusBadge(bruno).textContent()).toBe("Aberta");
    await chat(bruno).getByRole("button", { name: "Resolver" }).waitFor();

    // Stored with the user on the server: a reload (and another device) comes back in Portuguese.
    await expect
      .poll(async () => ((await (await app.server.api("/api/me", { token: await app.server.login("bruno@demo.inbox") })).json()) as { user: { locale: string } }).user.locale)
      .toBe("pt-BR");
    await bruno.reload();
    await bruno.getByRole("button", { name: "Sair" }).waitFor({ timeout: 10_000 });
    expect(await bruno.evaluate(() => document.documentElement.lang)).toBe("pt-BR");
    await bruno.getByRole("combobox", { name: "Idioma" }).waitFor();

    // And back to English.
    await bruno.getByRole("combobox", { name: "Idioma" }).selectOption("en");
    await bruno.getByRole("button", { name: "Sign out" }).waitFor();
  });
});
