import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openConversation } from "./support/inbox-page.ts";
import { useInbox } from "./support/use-inbox.ts";

// SLAs in a real browser: a chat's countdown turns at risk and then breached in the list row,
// the chat header and the supervisor's board (with the board's count tiles), moved by the
// server's clock and its SLA keeper, not by waiting; and an admin sets business hours and SLA
// policies in Settings, with mistakes explained in words, and sees them offline from the device.

const app = useInbox();

async function customerWrites(name: string): Promise<void> {
  const inbox = app.server.seed!.inboxIds.site!;
  const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const res = await app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `e2e-sla-${name.replace(/\W/g, "-")}`, text: "anyone there?" } });
  expect(res.status).toBeLessThan(300);
}

const tileValue = (page: Page, key: string) => page.getByRole("region", { name: "Support" }).locator(`[data-count="${key}"] .board-tile-value`).textContent();

describe("SLAs, in a real browser", () => {
  it("SLA countdown turning to breached: list row, chat header and board move to at risk, then breached", async () => {
    // The board's queue is what this test watches: no routing takes the chat off it.
    app.server.core.router.scheduler.stop();
    const admin = await app.server.login("admin@demo.inbox");
    const policy = {
      name: "One minute",
      inboxId: app.server.seed!.inboxIds.site!,
      // Urgent only: the seeded chats of the inbox (normal) stay out of the board's counts.
      priority: "urgent",
      firstResponseMinutes: 1,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: false,
      atRisk: { unit: "percent", value: 50 },
    };
    expect((await app.server.api("/api/admin/sla-policies", { method: "POST", token: admin, json: { policy } })).status).toBe(200);

    const inbox = await app.signIn("supervisor@demo.inbox");
    const board = await app.signIn("supervisor@demo.inbox");
    await board.getByRole("button", { name: "Supervision" }).click();
    await board.getByRole("region", { name: "Support" }).getByRole("heading", { name: "Agents" }).waitFor();
    expect(await tileValue(board, "slaAtRisk")).toBe("0");
    await board.getByRole("region", { name: "Support" }).getByText("SLA breached", { exact: true }).waitFor();

    // The chat starts once everyone is looking, so the browsers' own clocks stay well inside the minute.
    await customerWrites("Sla Bea");
    const sam = await app.server.login("supervisor@demo.inbox");
    const list = (await (await app.server.api("/api/conversations", { token: sam })).json()) as { conversations: Array<{ id: string; contactName: string }> };
    const bea = list.conversations.find((c) => c.contactName === "Sla Bea")!;
    expect((await app.server.api(`/api/conversations/${bea.id}/priority`, { method: "POST", token: sam, json: { priority: "urgent" } })).status).toBe(200);
    await openConversation(inbox, "Sla Bea");
    const row = inbox.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Sla Bea/ });
    const header = inbox.getByRole("main", { name: "Chat" });
    const queueRow = board.getByRole("region", { name: "Support" }).locator("table.board-queue tr", { hasText: "Sla Bea" });
    const countdownIn = (where: typeof row, state: string) => where.locator(`.sla-countdown[data-sla-state="${state}"]`).first().waitFor();
    await countdownIn(row, "running");
    await countdownIn(header, "running");
    await countdownIn(queueRow, "running");

    try {
      // Past half the minute on the server's clock: the keeper records "at risk" and republishes.
      app.server.clock.offsetMs = 40_000;
      await app.server.core.sla.runDue(app.server.core.now());
      await countdownIn(row, "at_risk");
      await countdownIn(header, "at_risk");
      await countdownIn(queueRow, "at_risk");
      await expect.poll(() => tileValue(board, "slaAtRisk"), { timeout: 15_000 }).toBe("1");
      await header.getByText("SLA at risk").first().waitFor({ state: "attached" });

      // Past the minute: breached everywhere, and the board's tiles move the chat across.
      app.server.clock.offsetMs = 2 * 60_000;
      await app.server.core.sla.runDue(app.server.core.now());
      await countdownIn(row, "breached");
      await countdownIn(header, "breached");
      await countdownIn(queueRow, "breached");
      await expect.poll(() => tileValue(board, "slaBreached"), { timeout: 15_000 }).toBe("1");
      expect(await tileValue(board, "slaAtRisk")).toBe("0");
      await header.getByText("breached just now").first().waitFor();
    } finally {
      app.server.clock.offsetMs = 0;
    }

    // The supervisor was told, in the bell.
    await inbox.getByRole("button", { name: /^Notifications/ }).click();
    await inbox.getByText("The chat with Sla Bea breached its SLA (One minute)").waitFor();
    await inbox.getByText("The chat with Sla Bea is at risk of breaching its SLA (One minute)").waitFor();
  });

  it("an admin sets business hours, holidays and an SLA policy in Settings, is told what is wrong in words, and sees them offline", async () => {
    const context = await app.newContext();
    const page = await app.signIn("admin@demo.inbox", context);
    await page.getByRole("button", { name: "Settings" }).click();
    const section = page.getByRole("region", { name: "Business hours & SLAs" });
    const hours = section.getByRole("form", { name: "Business hours" });
    await hours.waitFor();

    await hours.getByLabel("Time zone").selectOption("America/Sao_Paulo");
    // Monday with a lunch break; Saturday mornings; Friday typed the wrong way round first.
    await hours.getByLabel("Monday: closes at (interval 1)").fill("12:00");
    await hours.getByRole("button", { name: "Add hours on Monday" }).click();
    await hours.getByLabel("Monday: opens at (interval 2)").fill("13:00");
    await hours.getByLabel("Monday: closes at (interval 2)").fill("18:00");
    await hours.getByRole("button", { name: "Add hours on Saturday" }).click();
    await hours.getByLabel("Saturday: closes at (interval 1)").fill("13:00");
    await hours.getByLabel("Friday: closes at (interval 1)").fill("08:00");
    await hours.getByRole("button", { name: "Add holiday" }).click();
    await hours.getByLabel("Holiday 1: date").fill("2026-12-25");
    await hours.getByLabel("Holiday 1: name").fill("Christmas");
    await hours.getByRole("button", { name: "Save business hours" }).click();
    await hours.getByRole("alert").filter({ hasText: "Friday: each interval must end after it starts." }).waitFor();

    await hours.getByLabel("Friday: closes at (interval 1)").fill("17:00");
    await hours.getByRole("button", { name: "Save business hours" }).click();
    await section.getByRole("status").filter({ hasText: "Business hours saved." }).waitFor();
    const admin = await app.server.login("admin@demo.inbox");
    const saved = (await (await app.server.api("/api/admin/sla", { token: admin })).json()) as { calendar: { timezone: string; hours: Record<string, unknown>; holidays: unknown } };
    expect(saved.calendar.timezone).toBe("America/Sao_Paulo");
    expect(saved.calendar.hours.mon).toEqual([{ start: "09:00", end: "12:00" }, { start: "13:00", end: "18:00" }]);
    expect(saved.calendar.hours.fri).toEqual([{ start: "09:00", end: "17:00" }]);
    expect(saved.calendar.hours.sat).toEqual([{ start: "09:00", end: "13:00" }]);
    expect(saved.calendar.holidays).toEqual([{ date: "2026-12-25", name: "Christmas" }]);

    // A policy: a mistake first, then a valid one, then edited and the first test's one deleted.
    const form = section.getByRole("form", { name: "New SLA policy" });
    await form.getByLabel("First response target").fill("15");
    await form.getByRole("button", { name: "Add policy" }).click();
    await form.getByRole("alert").filter({ hasText: "Give the policy a name (at most 80 characters)." }).waitFor();
    await form.getByLabel("Name").fill("High web chat");
    await form.getByLabel("Inbox").selectOption({ label: "Website chat" });
    await form.getByLabel("Priority").selectOption("high");
    await form.getByLabel("Resolution target").fill("4");
    await form.getByLabel("Resolution unit").selectOption("hours");
    await form.getByRole("button", { name: "Add policy" }).click();
    const policyRow = section.getByRole("row", { name: /High web chat/ });
    await policyRow.getByRole("cell", { name: "15 min" }).waitFor();
    await policyRow.getByRole("cell", { name: "4 h", exact: true }).waitFor();

    await section.getByRole("button", { name: "Edit High web chat" }).click();
    const edit = section.getByRole("form", { name: "Edit High web chat" });
    expect(await edit.getByLabel("Resolution target").inputValue()).toBe("4");
    await edit.getByLabel("First response target").fill("10");
    await edit.getByRole("button", { name: "Save policy" }).click();
    await policyRow.getByRole("cell", { name: "10 min" }).waitFor();

    page.once("dialog", (d) => void d.accept());
    await section.getByRole("button", { name: "Delete One minute" }).click();
    await section.getByRole("status").filter({ hasText: "Deleted One minute." }).waitFor();
    expect(await section.getByRole("row", { name: /One minute/ }).count()).toBe(0);

    // Offline: Settings shows the device's copy, and says saving waits for the connection.
    await page.getByRole("button", { name: "Back to inbox" }).click();
    await page.getByRole("navigation", { name: "Conversations" }).waitFor();
    await context.setOffline(true);
    try {
      await page.getByRole("button", { name: "Settings" }).click();
      await section.getByText("You are offline: showing the copy on this device.", { exact: false }).waitFor();
      await section.getByRole("row", { name: /High web chat/ }).getByRole("cell", { name: "10 min" }).waitFor();
      expect(await hours.getByLabel("Time zone").inputValue()).toBe("America/Sao_Paulo");
      expect(await hours.getByRole("button", { name: "Save business hours" }).isDisabled()).toBe(true);
    } finally {
      await context.setOffline(false);
    }

    // In Portuguese, the section and its mistakes speak Portuguese too.
    await page.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
    const secao = page.getByRole("region", { name: "Horário de atendimento e SLAs" });
    const nova = secao.getByRole("form", { name: "Nova política de SLA" });
    await nova.getByRole("button", { name: "Adicionar política" }).click();
    await nova.getByRole("alert").filter({ hasText: "Dê um nome à política (no máximo 80 caracteres)." }).waitFor();
    await nova.getByRole("alert").filter({ hasText: "Defina ao menos uma meta" }).waitFor();
    await secao.getByRole("form", { name: "Horário de atendimento" }).getByText("Sábado").waitFor();
  });
});
