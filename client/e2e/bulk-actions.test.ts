import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { and, eq, inArray } from "drizzle-orm";
import { conversations, events, users } from "../../sync-server/src/db/schema.ts";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { serviceWorkerActive, waitForBadge } from "./support/inbox-page.ts";

// Bulk actions in a real browser: a supervisor picks several chats in the list (click, then
// shift-click a range) and gives them to an agent, who sees them as hers; an agent sets the
// priority of several and resolves them; offline, a bulk assignment waits in the outbox and,
// when it lands, reports per chat what a colleague changed meanwhile; on the board, picked
// queue rows are transferred to another team.

const app = useInbox();

/** A customer writes in through the website chat (the Support team's inbox); routing is manual in the demo. */
async function customerWrites(name: string): Promise<void> {
  const inbox = app.server.seed!.inboxIds.site!;
  const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const res = await app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `e2e-bulk-${name.replace(/\W/g, "-")}`, text: `hello from ${name}` } });
  expect(res.status).toBe(201);
}

async function conversationsOf(names: string[]) {
  return app.server.core.db.select().from(conversations).where(inArray(conversations.contactName, names));
}

function list(page: Page) {
  return page.getByRole("navigation", { name: "Conversations" });
}

async function showTab(page: Page, tab: "Mine" | "Unassigned" | "All"): Promise<void> {
  await page.getByRole("group", { name: "Filter conversations" }).getByRole("button", { name: new RegExp(`^${tab}`) }).click();
}

function row(page: Page, name: string) {
  return list(page).getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: `Select ${name}` }) });
}

function results(page: Page) {
  return page.getByRole("region", { name: "Bulk action results" });
}

describe("bulk actions, in a real browser", () => {
  it("a supervisor bulk-assigns chats from the list to an agent (over capacity only with an explicit override); the rows show her, and she sees them as hers", async () => {
    const names = ["Bulk Bea", "Bulk Caio", "Bulk Duda"];
    for (const name of names) await customerWrites(name);
    const sam = await app.signIn("supervisor@demo.inbox");
    await showTab(sam, "All");
    for (const name of names) await row(sam, name).waitFor();

    // Newest first: Duda, Caio, Bea. A click on one, a shift-click on another picks the range.
    await sam.getByRole("checkbox", { name: "Select Bulk Duda" }).click();
    await sam.getByRole("checkbox", { name: "Select Bulk Bea" }).click({ modifiers: ["Shift"] });
    const bar = sam.getByRole("toolbar", { name: "Bulk actions" });
    await bar.getByText("3 selected").waitFor();
    expect(await sam.getByRole("checkbox", { name: "Select Bulk Caio" }).isChecked()).toBe(true);

    // The picker shows each agent's load against capacity; going over needs an explicit override.
    // Ana's capacity is set to one more than she holds, so three chats put her over it.
    const token = await app.server.login("supervisor@demo.inbox");
    const loadOf = async () => {
      const { loads } = (await (await app.server.api("/api/assignees/load", { token })).json()) as { loads: { userId: string; load: number; capacity: number }[] };
      return loads.find((l) => l.userId === app.server.seed!.userIds.ana)!;
    };
    const before = await loadOf();
    await app.server.core.db.update(users).set({ maxConcurrentChats: before.load + 1 }).where(eq(users.id, app.server.seed!.userIds.ana!));
    await bar.getByRole("button", { name: "Assign" }).click();
    const picker = sam.getByRole("dialog", { name: "Assign to an agent" });
    await picker.getByRole("radio", { name: new RegExp(`Ana Souza.*${before.load} of ${before.load + 1} chats`) }).check();
    await picker.getByRole("alert").getByText(`Assigning 3 puts Ana Souza over capacity (${before.load + 3} of ${before.load + 1}).`).waitFor();
    expect(await picker.getByRole("button", { name: "Assign" }).isDisabled()).toBe(true);
    await picker.getByRole("checkbox", { name: "Assign anyway, over capacity" }).check();
    await picker.getByRole("button", { name: "Assign" }).click();

    await results(sam).getByText("3 assigned to Ana Souza").waitFor();
    for (const name of names) await row(sam, name).getByText("Assigned to Ana Souza").waitFor();
    expect(await bar.getByText(/selected/).count()).toBe(0);
    const stored = await conversationsOf(names);
    expect(stored.map((c) => c.assigneeId)).toEqual(names.map(() => app.server.seed!.userIds.ana));
    const overridden = await app.server.core.db.select().from(events).where(and(inArray(events.conversationId, stored.map((c) => c.id)), eq(events.type, "conversation.assigned")));
    expect(overridden.map((e) => e.data)).toEqual(names.map(() => expect.objectContaining({ to: app.server.seed!.userIds.ana, override: true })));

    const anaPage = await app.signIn("ana@demo.inbox");
    await showTab(anaPage, "Mine");
    for (const name of names) await row(anaPage, name).waitFor();
  });

  it("an agent sets the priority of several chats, labels them and resolves them, in one go each", async () => {
    const names = ["Bulk Eva", "Bulk Fabio"];
    for (const name of names) await customerWrites(name);
    const ana = await app.signIn("ana@demo.inbox");
    await showTab(ana, "All");
    for (const name of names) await row(ana, name).waitFor();
    // Keyboard: X on a focused row picks it.
    await row(ana, "Bulk Eva").getByRole("button").first().focus();
    await ana.keyboard.press("x");
    await row(ana, "Bulk Fabio").getByRole("checkbox").check();
    const bar = ana.getByRole("toolbar", { name: "Bulk actions" });
    await bar.getByText("2 selected").waitFor();
    // Agents do what they may do on one chat: no transfer, assign only to themselves.
    expect(await bar.getByRole("button", { name: "Transfer" }).count()).toBe(0);
    await bar.getByRole("button", { name: "Assign to me" }).waitFor();

    await bar.getByRole("button", { name: "Priority" }).click();
    await ana.getByRole("dialog", { name: "Priority" }).getByRole("button", { name: "Urgent" }).click();
    await results(ana).getByText("2 set to Urgent").waitFor();
    for (const name of names) await row(ana, name).getByText("Urgent").waitFor();

    // A label goes into each chat's shared work document; it counts once that has synced.
    await row(ana, "Bulk Eva").getByRole("checkbox").check();
    await row(ana, "Bulk Fabio").getByRole("checkbox").check();
    await bar.getByRole("button", { name: "Label" }).click();
    const labelForm = ana.getByRole("dialog", { name: "Add label" });
    await labelForm.getByLabel("Label to add").fill("bulk-vip");
    await labelForm.getByRole("button", { name: "Add label" }).click();
    await results(ana).getByText("2 labelled “bulk-vip”").waitFor();
    await waitFor("the label mirrored on the server", async () => (await conversationsOf(names)).every((c) => c.labels.includes("bulk-vip")));

    await row(ana, "Bulk Eva").getByRole("checkbox").check();
    await row(ana, "Bulk Fabio").getByRole("checkbox").check();
    await bar.getByRole("button", { name: "Resolve" }).click();
    await results(ana).getByText("2 resolved").waitFor();
    await waitFor("both resolved on the server", async () => (await conversationsOf(names)).every((c) => c.status === "resolved" && c.priority === "urgent"));
  });

  it("offline, a bulk assignment waits; when it lands, each chat reports its own outcome (one taken meanwhile)", async () => {
    const names = ["Bulk Gil", "Bulk Helo"];
    for (const name of names) await customerWrites(name);
    const context = await app.newContext();
    const sam = await app.signIn("supervisor@demo.inbox", context);
    await showTab(sam, "All");
    for (const name of names) await row(sam, name).waitFor();
    await waitForBadge(sam, /^Connection: Online$/);

    await serviceWorkerActive(sam);
    await context.setOffline(true);
    await waitForBadge(sam, /Offline/);
    for (const name of names) await row(sam, name).getByRole("checkbox").check();
    const bar = sam.getByRole("toolbar", { name: "Bulk actions" });
    await bar.getByRole("button", { name: "Assign" }).click();
    const picker = sam.getByRole("dialog", { name: "Assign to an agent" });
    // Offline the loads cannot be fetched: the people kept on the device are offered, and the
    // server checks capacity when the change lands. Sam takes them himself.
    await picker.getByText(/Loads could not be loaded/).waitFor();
    await picker.getByRole("radio", { name: /Sam Supervisor/ }).check();
    await picker.getByRole("button", { name: "Assign" }).click();
    await results(sam).getByText("Assign to Sam Supervisor: 2 waiting to send").waitFor();
    // The device remembers the action across a reload, still offline.
    await sam.reload();
    await results(sam).getByText("Assign to Sam Supervisor: 2 waiting to send").waitFor();

    // Meanwhile the admin takes Gil's chat.
    const [gil] = await conversationsOf(["Bulk Gil"]);
    const alice = await app.server.login("admin@demo.inbox");
    const taken = await app.server.api("/api/commands", {
      method: "POST",
      token: alice,
      json: { commands: [{ type: "assign", clientId: "e2e-bulk-alice-takes-gil", conversationId: gil!.id, assigneeId: app.server.seed!.userIds.admin }] },
    });
    expect(((await taken.json()) as { results: { ok: boolean }[] }).results[0]!.ok).toBe(true);

    await context.setOffline(false);
    const summary = results(sam).getByText("1 assigned to Sam Supervisor · 1 not: already changed by someone else");
    await summary.waitFor({ timeout: 20_000 });
    await results(sam).getByText("Not done (1)").click();
    await results(sam).getByText("Alice Admin already took this chat.").waitFor();
    const stored = await conversationsOf(names);
    const byName = new Map(stored.map((c) => [c.contactName, c.assigneeId]));
    expect(byName.get("Bulk Gil")).toBe(app.server.seed!.userIds.admin);
    expect(byName.get("Bulk Helo")).toBe(app.server.seed!.userIds.supervisor);
    // The device catches up: Gil's row shows who really has it.
    await row(sam, "Bulk Gil").getByText("Assigned to Alice Admin").waitFor();
    await results(sam).getByRole("button", { name: "Dismiss" }).click();
    await results(sam).waitFor({ state: "detached" });
  });

  it("a supervisor snoozes several chats until a preset time", async () => {
    const names = ["Bulk Kai", "Bulk Lia"];
    for (const name of names) await customerWrites(name);
    const sam = await app.signIn("supervisor@demo.inbox");
    await showTab(sam, "All");
    for (const name of names) await row(sam, name).getByRole("checkbox").check();
    const bar = sam.getByRole("toolbar", { name: "Bulk actions" });
    await bar.getByRole("button", { name: "Snooze" }).click();
    await sam.getByRole("dialog", { name: "Snooze" }).getByRole("button", { name: /For an hour/ }).click();
    await results(sam).getByText(/^2 snoozed until /).waitFor();
    await waitFor("both snoozed on the server", async () => (await conversationsOf(names)).every((c) => c.status === "snoozed" && (c.snoozedUntil ?? 0) > Date.now()));
  });

  it("on the supervision board, picked queue rows are transferred to another team", async () => {
    const names = ["Bulk Ivo", "Bulk Jade"];
    for (const name of names) await customerWrites(name);
    const sam = await app.signIn("supervisor@demo.inbox");
    await sam.getByRole("button", { name: "Supervision" }).click();
    const support = sam.getByRole("region", { name: "Support" });
    const sales = sam.getByRole("region", { name: "Sales" });
    for (const name of names) await support.getByRole("checkbox", { name: `Select ${name}` }).check();
    const bar = support.getByRole("toolbar", { name: "Bulk actions" });
    await bar.getByText("2 selected").waitFor();
    await bar.getByRole("button", { name: "Transfer" }).click();
    await support.getByRole("dialog", { name: "Transfer to a team" }).getByRole("button", { name: "Sales" }).click();
    await results(sam).getByText("2 transferred to Sales").waitFor();
    for (const name of names) {
      await sales.getByRole("button", { name }).waitFor();
      await support.getByRole("button", { name }).waitFor({ state: "detached" });
    }
    const stored = await conversationsOf(names);
    expect(stored.map((c) => c.teamId)).toEqual(names.map(() => app.server.seed!.teamIds.sales));
  });
});
