import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { conversations, users } from "../../sync-server/src/db/schema.ts";
import { useInbox } from "./support/use-inbox.ts";
import { serviceWorkerActive, waitForDeviceCopy } from "./support/inbox-page.ts";

// The Reports screen in a real browser: an admin sees figures that include what the test did
// (a customer writes on the web chat, an agent answers), changes the period, drills down into
// first response and opens the chat, downloads a table as CSV; an agent sees only their own
// numbers; the last report opens offline, marked with its time; a custom period and an inbox
// filter change the figures and the page's address (a link that reopens the same report), with
// the per-team, per-inbox and per-channel tables; a customer's rating shows as CSAT.

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

    // A point of the series drills down too: today's conversations (Rita's among them).
    const todayPoint = reports.locator('table[data-table="series"] tbody tr').last();
    const todayLabel = (await todayPoint.locator("th").textContent())!;
    await todayPoint.getByRole("button").focus();
    await alice.keyboard.press("Enter");
    const bucket = reports.getByRole("region", { name: `Conversations behind: Total (${todayLabel})` });
    await bucket.getByRole("button", { name: "Open the conversation with Report Rita" }).waitFor();
    await reports.locator('[data-figure="times.firstResponse"]').click();
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

  it("moves today's counters as customers write, without reloading", async () => {
    const alice = await app.signIn("admin@demo.inbox");
    await alice.getByRole("button", { name: "Reports" }).click();
    await alice.waitForURL((url) => url.pathname === "/reports");
    const reports = alice.getByRole("main", { name: "Reports" });
    await reports.getByText("Showing every conversation").waitFor();
    await reports.getByRole("combobox", { name: "Period" }).selectOption({ label: "Today" });
    const received = reports.locator('[data-figure="messages.received"] .reports-tile-value');
    const admin = await app.server.login("admin@demo.inbox");
    const count = async () => ((await (await app.server.api("/api/reports?preset=today&granularity=hour", { token: admin })).json()) as { totals: { messages: { received: number } } }).totals.messages.received;
    const before = await count();
    await expect.poll(() => received.textContent()).toBe(String(before));

    // A customer writes: the chat reaches this device through its rooms, and the report follows.
    const inbox = app.server.seed!.inboxIds.site!;
    const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Live Lia" } })).json()) as { token: string };
    expect((await app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: "e2e-reports-live", text: "Hello?" } })).status).toBeLessThan(300);
    expect(await count()).toBe(before + 1);
    await expect.poll(() => received.textContent(), { timeout: 30_000 }).toBe(String(before + 1));
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

    await serviceWorkerActive(sam);
    await context.setOffline(true);
    await sam.reload();
    const cached = sam.getByRole("main", { name: "Reports" });
    await cached.getByRole("status").filter({ hasText: /Offline · as of/ }).waitFor();
    await cached.locator('[data-figure="conversations.total"]').waitFor();
    // CSV tables come from the server: none is offered offline.
    expect(await cached.locator("[data-csv]").count()).toBe(0);
    await context.setOffline(false);
  });

  it("asks for a custom period and one inbox, keeps both in the address, and shows the breakdown tables", async () => {
    await customerWritesAndAnaReplies("Report Rui");
    const site = app.server.seed!.inboxIds.site!;
    const admin = await app.signIn("admin@demo.inbox");
    await admin.goto(app.server.url + "/reports");
    const reports = admin.getByRole("main", { name: "Reports" });
    await reports.locator('[data-figure="conversations.total"]').waitFor();
    const zone = (await reports.locator("[data-zone]").textContent())!;
    const today = DateTime.now().setZone(zone).toISODate()!;
    const longAgo = DateTime.now().setZone(zone).minus({ days: 400 }).toISODate()!;
    const total = reports.locator('[data-figure="conversations.total"] .reports-tile-value');
    /** The answer the screen got for a request matching `wanted`, and the figures it shows. */
    type Body = { period: { from: number; to: number }; totals: { conversations: { total: number } }; byInbox: Record<string, { conversations: { total: number } }>; byChannel: Record<string, unknown>; byTeam: Record<string, unknown> };
    // The body is read while matching: a live refresh of the report on screen may answer the
    // same question just before a reload, and its body is gone once the page navigates.
    const answered = (wanted: (url: URL) => boolean) => {
      let body: Body | undefined;
      return admin
        .waitForResponse(async (res) => {
          if (!(res.ok() && res.url().includes("/api/reports?") && wanted(new URL(res.url())))) return false;
          body = (await res.json().catch(() => undefined)) as Body | undefined;
          return body !== undefined;
        })
        .then((res) => ({ url: new URL(res.url()), body: body! }));
    };
    const dayStart = (day: string) => DateTime.fromISO(day, { zone }).startOf("day").toMillis();

    // A custom period starts from the days on screen (today), then moves to a day long before
    // the server existed: nothing was counted then.
    const custom = answered((u) => u.searchParams.get("from") === String(dayStart(today)));
    await reports.getByRole("combobox", { name: "Period" }).selectOption({ label: "Custom period" });
    await custom;
    const nextDay = (day: string) => DateTime.fromISO(day, { zone }).plus({ days: 1 }).toMillis();
    const past = answered((u) => u.searchParams.get("from") === String(dayStart(longAgo)) && u.searchParams.get("to") === String(nextDay(longAgo)));
    await reports.getByLabel("To", { exact: true }).fill(longAgo);
    const empty = await past;
    expect(empty.body.totals.conversations.total).toBe(0);
    await expect.poll(() => total.textContent()).toBe("0");
    await admin.waitForURL((url) => url.searchParams.get("from") === longAgo && url.searchParams.get("to") === longAgo);

    // Today again, only the website's inbox: Rui's chat counts, and the address says so.
    // A first day after the last moves both: the period is that one day.
    const back = answered((u) => u.searchParams.get("from") === String(dayStart(today)) && u.searchParams.get("to") === String(nextDay(today)));
    await reports.getByLabel("From", { exact: true }).fill(today);
    await back;
    const siteName = (await reports.getByRole("combobox", { name: "Inbox" }).locator(`option[value="${site}"]`).textContent())!;
    const filtered = answered((u) => u.searchParams.get("inbox") === site && u.searchParams.get("from") === String(dayStart(today)));
    await reports.getByRole("combobox", { name: "Inbox" }).selectOption({ label: siteName });
    const answer = await filtered;
    expect(answer.body.period.from).toBe(dayStart(today));
    expect(answer.body.totals.conversations.total).toBeGreaterThanOrEqual(1);
    expect(Object.keys(answer.body.byInbox)).toEqual([site]);
    await expect.poll(() => total.textContent()).toBe(String(answer.body.totals.conversations.total));
    await admin.waitForURL((url) => url.searchParams.get("inbox") === site && url.searchParams.get("from") === today && url.searchParams.get("to") === today);

    // The breakdown tables: per inbox (with its CSV link asking the same question), channel, team.
    const inboxes = reports.getByRole("table", { name: "Per inbox" });
    await expect.poll(() => inboxes.locator(`tr[data-row="${site}"] td[data-col="total"]`).textContent()).toBe(String(answer.body.byInbox[site]!.conversations.total));
    expect(await inboxes.getByRole("rowheader").allTextContents()).toEqual([siteName]);
    await reports.getByRole("table", { name: "Per channel" }).getByRole("rowheader", { name: "Web chat" }).waitFor();
    expect(await reports.getByRole("table", { name: "Per team" }).locator("tbody tr").count()).toBe(Object.keys(answer.body.byTeam).length);
    const href = new URL((await reports.locator('[data-csv="inboxes"]').getAttribute("href"))!, app.server.url);
    expect(href.searchParams.get("inbox")).toBe(site);
    expect(href.searchParams.get("from")).toBe(String(dayStart(today)));

    // The address is a link: opened afresh, it asks the same question.
    const again = answered((u) => u.searchParams.get("inbox") === site && u.searchParams.get("from") === String(dayStart(today)));
    await admin.reload();
    expect((await again).body.totals.conversations.total).toBe(answer.body.totals.conversations.total);
    await expect.poll(() => admin.getByRole("main", { name: "Reports" }).getByRole("combobox", { name: "Inbox" }).inputValue()).toBe(site);
    await expect.poll(() => admin.getByRole("main", { name: "Reports" }).getByRole("combobox", { name: "Period" }).inputValue()).toBe("custom");
  });

  it("shows how first responses spread over duration bands, and lists the conversations of one band", async () => {
    await customerWritesAndAnaReplies("Band Bea");
    const admin = await app.server.login("admin@demo.inbox");
    type Banded = { totals: { times: Record<string, { count: number; bands: number[] }> } };
    const today = (await (await app.server.api("/api/reports?preset=today&granularity=hour", { token: admin })).json()) as Banded;
    // Ana answered within seconds: Bea's first response is in the first band.
    expect(today.totals.times.firstResponse!.bands[0]).toBeGreaterThanOrEqual(1);

    const alice = await app.signIn("admin@demo.inbox");
    await alice.getByRole("button", { name: "Reports" }).click();
    const reports = alice.getByRole("main", { name: "Reports" });
    const table = reports.locator('table[data-table="distribution"]');
    await expect.poll(() => table.locator('tr[data-band="0"] td').first().textContent()).toBe(String(today.totals.times.firstResponse!.bands[0]));
    // Every band is a row, and the rows add up to the metric's samples.
    const counts = async () => (await table.locator("tbody tr td:nth-child(2)").allTextContents()).map(Number);
    expect(await counts()).toHaveLength(8);
    expect((await counts()).reduce((a, b) => a + b, 0)).toBe(today.totals.times.firstResponse!.count);
    expect(await reports.locator('[data-csv="distribution"]').getAttribute("href")).toContain("table=distribution");

    const shownInBand = (await table.locator('tr[data-band="0"] td').first().textContent())!;
    await table.getByRole("button", { name: "under 1 min" }).click();
    const drill = reports.getByRole("region", { name: "Conversations behind: First response (under 1 min)" });
    await drill.getByRole("button", { name: "Open the conversation with Band Bea" }).waitFor();
    // The list holds as many as the bar counts.
    await drill.getByText(`${shownInBand} counted`, { exact: true }).waitFor();

    // Another metric shows its own bands (or says it has none in the period).
    await reports.getByRole("combobox", { name: "Time", exact: true }).selectOption({ label: "Resolution" });
    await expect.poll(async () => ((await table.count()) ? await table.getAttribute("data-metric") : "none")).toMatch(/^(resolution|none)$/);
  });

  it("shows a customer's rating as CSAT: satisfaction, average, response rate, the spread and the agent's column", async () => {
    const inbox = app.server.seed!.inboxIds.site!;
    const adminToken = await app.server.login("admin@demo.inbox");
    const setCsat = async (on: boolean) => expect((await app.server.api(`/api/admin/inboxes/${inbox}/routing`, { method: "POST", token: adminToken, json: { csatEnabled: on } })).status).toBe(200);
    await setCsat(true);
    try {
      // A visitor writes on the web chat, Ana answers and resolves, the visitor taps 5.
      const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Rating Report Rosa" } })).json()) as { token: string };
      const send = (body: object) => app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: crypto.randomUUID(), ...body } });
      expect((await send({ text: "Can I pay by card?" })).status).toBe(201);
      const conversation = (await app.server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, "Rating Report Rosa") }))!;
      const ana = await app.server.login("ana@demo.inbox");
      expect((await app.server.api(`/api/conversations/${conversation.id}/messages`, { method: "POST", token: ana, json: { clientId: crypto.randomUUID(), text: "Yes, any card." } })).status).toBe(201);
      const resolved = await app.server.api("/api/commands", { method: "POST", token: ana, json: { commands: [{ type: "status", clientId: crypto.randomUUID(), conversationId: conversation.id, status: "resolved" }] } });
      expect(resolved.status).toBe(200);
      type WidgetMessage = { id: string; from: string; content: { kind: string } };
      const history = async () => ((await (await app.server.api(`/api/widget/${inbox}/messages`, { token: session.token })).json()) as { messages: WidgetMessage[] }).messages;
      await expect.poll(async () => (await history()).at(-1)?.content.kind, { timeout: 15_000 }).toBe("quick_replies");
      expect((await send({ text: "5 😀", choiceId: "csat:5" })).status).toBe(201);

      type Csat = { asked: number; rated: number; ratings: number[]; average: number | null };
      const report = async () => (await (await app.server.api("/api/reports?preset=today&granularity=hour", { token: adminToken })).json()) as { totals: { csat: Csat }; byAgent: Record<string, { csat: Csat }> };
      await expect.poll(async () => (await report()).totals.csat.rated, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      const { totals } = await report();
      const anaId = (await app.server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!.id;

      const page = await app.signIn("admin@demo.inbox");
      await page.goto(app.server.url + "/reports");
      const csat = page.getByRole("main", { name: "Reports" }).getByRole("region", { name: "Customer satisfaction" });
      const percent = (n: number) => `${Math.round(n * 100)}%`;
      await expect.poll(() => csat.locator('[data-figure="csat.satisfaction"] .reports-tile-value').textContent()).toBe(percent((totals.csat.ratings[3]! + totals.csat.ratings[4]!) / totals.csat.rated));
      expect(await csat.locator('[data-figure="csat.average"] .reports-tile-value').textContent()).toBe(totals.csat.average!.toFixed(1));
      expect(await csat.locator('[data-figure="csat.responseRate"] .reports-tile-value').textContent()).toBe(percent(totals.csat.rated / totals.csat.asked));
      // The spread: bars for the eye, a table for screen readers, with the same counts.
      expect(await csat.getByRole("table", { name: "Ratings from 1 to 5" }).locator('tr[data-rating="5"] td').first().textContent()).toBe(String(totals.csat.ratings[4]));
      expect(await csat.locator('.reports-csat-fill[data-rating="5"]').getAttribute("style")).toContain(`width: ${Math.round((totals.csat.ratings[4]! / totals.csat.rated) * 100)}%`);
      expect(await csat.getByText("No ratings in this period.").count()).toBe(0);
      // Ana resolved the chat: the rating is hers in the agents table.
      const anaCsat = (await report()).byAgent[anaId]!.csat;
      expect(anaCsat.rated).toBeGreaterThanOrEqual(1);
      await expect
        .poll(() => page.getByRole("main", { name: "Reports" }).locator(`table[data-table="agents"] tr[data-agent="${anaId}"] td[data-csat]`).textContent())
        .toBe(`${anaCsat.average!.toFixed(1)} (${anaCsat.rated})`);
      // The ratings drill down to the chats they were given on, each with its score.
      await csat.locator('[data-figure="csat.rated"]').click();
      const rated = page.getByRole("main", { name: "Reports" }).getByRole("region", { name: "Conversations behind: Ratings" });
      await rated.getByRole("button", { name: "Open the conversation with Rating Report Rosa" }).waitFor();
      expect(await rated.getByRole("button", { name: "Open the conversation with Rating Report Rosa" }).locator(".reports-drill-value").textContent()).toBe("5");
    } finally {
      await setCsat(false);
    }
  });
});
