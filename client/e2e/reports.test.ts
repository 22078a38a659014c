import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { conversations, users } from "../../sync-server/src/db/schema.ts";
import { useInbox } from "./support/use-inbox.ts";
import { waitForDeviceCopy } from "./support/inbox-page.ts";

// The Reports screen in a real browser: an admin sees figures that include what the test did
// (a customer writes on the web chat, an agent answers), changes the period, drills down into
// first response and opens the chat, downloads a table as CSV; an agent sees only their own
// numbers; the last report opens offline, marked with its time.

const app = useInbox();

async function customerWritesAndAnaReplies(name: string): Promise<string> {
  const inbox = app.server.seed!.inboxIds.site!;
  const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const sent = await app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `e2e-reports-${name.replace(/\W/g, "-")}`, text: "Where is my order?" } });
  expect(sent.status).toBeLessThan(300);
  const conversation = (await app.server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, name) }))!;
  const token = await app.server.login("ana@demo.inbox");
  const reply = await app.server.api(`/api/conversations/${conversation.id}/messages`, { method: "POST", token, json: { clientId: crypto.randomUUID(), text: "On its way!" } });
  expect(reply.status).toBe(201);
  return conversation.id;
}

type Answer = { totals: { conversations: { attended: number }; times: { firstResponse: { count: number } } } };

describe("Reports, in a real browser", () => {
  it("shows an admin figures that include the test's chat, follows the period, drills down and exports CSV", async () => {
    await customerWritesAndAnaReplies("Report Rita");
    const admin = await app.server.login("admin@demo.inbox");
    const today = (await (await app.server.api("/api/reports?preset=today&granularity=hour", { token: admin })).json()) as Answer;
    expect(today.totals.conversations.attended).toBeGreaterThanOrEqual(1);
    expect(today.totals.times.firstResponse.count).toBeGreaterThanOrEqual(1);

    const alice = await app.signIn("admin@demo.inbox");
    await alice.getByRole("button", { name: "Reports" }).click();
    await alice.waitForURL((url) => url.pathname === "/reports");
    const reports = alice.getByRole("main", { name: "Reports" });
    await reports.getByText("Showing every conversation").waitFor();
    // The tile says what the server counted, which includes Ana's answer to Rita.
    const attended = reports.locator('[data-figure="conversations.attended"] .reports-tile-value');
    await expect.poll(() => attended.textContent()).toBe(String(today.totals.conversations.attended));
    await expect.poll(() => reports.locator('tr[data-metric="firstResponse"] td').last().textContent()).toBe(String(today.totals.times.firstResponse.count));
    // Charts draw (uPlot, loaded on this screen only), with a table for screen readers.
    await reports.locator(".reports-chart canvas").first().waitFor();
    expect(await reports.locator('table[data-table="series"] tbody tr').count()).toBeGreaterThan(0);
    expect(await reports.locator('table[data-table="heatmap"] tbody tr').count()).toBe(7);

    // Another period: the screen asks again and shows the new one.
    const last7 = alice.waitForResponse((res) => res.url().includes("/api/reports?") && res.url().includes("preset=last7") && res.ok());
    await reports.getByRole("combobox", { name: "Period" }).selectOption({ label: "Last 7 days" });
    await last7;
    await reports.getByRole("combobox", { name: "Granularity" }).selectOption({ label: "Day" });
    await expect.poll(() => reports.locator('table[data-table="series"] tbody tr').count()).toBeGreaterThanOrEqual(7);

    // Drill-down: the conversations behind first response, each opening the chat.
    await reports.locator('[data-figure="times.firstResponse"]').click();
    const drill = reports.getByRole("region", { name: "Conversations behind: First response" });
    const rita = drill.getByRole("button", { name: "Open the conversation with Report Rita" });
    await rita.waitFor();

    // CSV: the link answers a CSV with the same question.
    const href = await reports.locator('[data-csv="agents"]').getAttribute("href");
    expect(href).toContain("table=agents");
    expect(href).toContain("preset=last7");
    const csv = await alice.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
    }, href!);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect(csv.text.split("\n").length).toBeGreaterThan(1);

    await rita.click();
    await alice.waitForURL((url) => url.pathname === "/");
    await alice.getByRole("heading", { name: "Report Rita" }).first().waitFor();
  });

  it("shows an agent only their own numbers, without team or agent filters", async () => {
    await customerWritesAndAnaReplies("Report Rob");
    const ana = await app.signIn("ana@demo.inbox");
    await ana.getByRole("button", { name: "Reports" }).click();
    await ana.waitForURL((url) => url.pathname === "/reports");
    const reports = ana.getByRole("main", { name: "Reports" });
    await reports.getByText("Showing your own numbers").waitFor();
    expect(await reports.getByRole("combobox", { name: "Team" }).count()).toBe(0);
    expect(await reports.getByRole("combobox", { name: "Agent" }).count()).toBe(0);
    const anaId = (await app.server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!.id;
    const rows = reports.locator('table[data-table="agents"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-agent")))).toEqual([anaId]);
    // Her chats attended drill down to the chats she answered, Rob's among them.
    await rows.first().locator('[data-figure="agent.chatsAttended"]').click();
    await reports.getByRole("region", { name: "Conversations behind: Chats attended (Ana Souza)" }).getByRole("button", { name: "Open the conversation with Report Rob" }).waitFor();
  });

  it("opens the last report from the device's copy when offline, marked with its time", async () => {
    const context = await app.newContext();
    const sam = await app.signIn("supervisor@demo.inbox", context);
    await sam.goto(app.server.url + "/reports");
    const reports = sam.getByRole("main", { name: "Reports" });
    await reports.locator('[data-figure="conversations.total"]').waitFor();
    await waitForDeviceCopy(sam, "reports:last");

    await context.setOffline(true);
    await sam.reload();
    const cached = sam.getByRole("main", { name: "Reports" });
    await cached.getByRole("status").filter({ hasText: /Offline · as of/ }).waitFor();
    await cached.locator('[data-figure="conversations.total"]').waitFor();
    await context.setOffline(false);
  });
});
