import { describe, expect, it } from "vitest";
import { useInbox } from "./support/use-inbox.ts";
import { serviceWorkerActive, waitForDeviceCopy } from "./support/inbox-page.ts";

// The supervisor's live board in a real browser: it moves when a customer writes (no reload),
// shows a supervisor only the teams they lead, has a wall display that rotates teams in large
// type, and agents get their own numbers instead.

const app = useInbox();

async function customerWrites(name: string): Promise<void> {
  const inbox = app.server.seed!.inboxIds.site!;
  const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const res = await app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `e2e-board-${name.replace(/\W/g, "-")}`, text: "hello" } });
  expect(res.status).toBeLessThan(300);
}

describe("Supervision board, in a real browser", () => {
  it("updates live when a customer writes, and shows the supervisor only the teams they lead", async () => {
    const sam = await app.signIn("supervisor@demo.inbox");
    await sam.getByRole("button", { name: "Supervision" }).click();
    await sam.waitForURL((url) => url.pathname === "/supervision");
    const support = sam.getByRole("region", { name: "Support" });
    await support.getByRole("heading", { name: "Agents" }).waitFor();
    await sam.getByRole("region", { name: "Sales" }).waitFor();
    expect(await sam.getByRole("region", { name: "Billing" }).count()).toBe(0);
    const options = await sam.getByRole("combobox", { name: "Team" }).locator("option").allTextContents();
    expect([...options].sort()).toEqual(["All teams", "Sales", "Support"]);

    // A customer writes: the board shows the chat without a reload (queue row or an agent's open chat).
    await customerWrites("Board Watcher Wendy");
    await support.getByRole("button", { name: "Board Watcher Wendy" }).waitFor();

    // Click-through opens the conversation in the inbox.
    await support.getByRole("button", { name: "Board Watcher Wendy" }).click();
    await sam.waitForURL((url) => url.pathname === "/");
    await sam.getByRole("heading", { name: "Board Watcher Wendy" }).first().waitFor();
  });

  it("an admin sees every team, and the wall display shows large type without controls and rotates teams", async () => {
    const alice = await app.signIn("admin@demo.inbox");
    await alice.goto(app.server.url + "/supervision/wall?every=2");
    const first = alice.locator("section.board");
    await first.waitFor();
    const firstTeam = await first.getAttribute("data-team");
    expect(await alice.getByRole("combobox", { name: "Team" }).count()).toBe(0);
    expect(await alice.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    const size = await alice.locator(".board-tile-value").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);
    // Rotation: another team's board replaces the first (one board open at a time).
    await alice.locator(`section.board:not([data-team="${firstTeam}"])`).waitFor({ timeout: 15_000 });
    expect(await alice.locator("section.board").count()).toBe(1);
  });

  it("the board's Wall display link turns the same screen into a rotating wall display", async () => {
    const alice = await app.signIn("admin@demo.inbox");
    await alice.goto(app.server.url + "/supervision?every=2");
    await alice.locator("section.board").first().waitFor();
    await alice.getByRole("link", { name: "Wall display" }).click();
    await alice.waitForURL((url) => url.pathname === "/supervision/wall");
    const first = alice.locator(".supervision-wall section.board");
    await first.waitFor();
    const firstTeam = await first.getAttribute("data-team");
    await alice.locator(`.supervision-wall section.board:not([data-team="${firstTeam}"])`).waitFor({ timeout: 15_000 });
  });

  it("an agent has no Supervision, an old link lands in the inbox, and My day shows their numbers", async () => {
    const ana = await app.signIn("ana@demo.inbox");
    await ana.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await ana.getByRole("button", { name: "Supervision" }).count()).toBe(0);
    await ana.getByRole("button", { name: "My day" }).click();
    const popover = ana.getByRole("dialog", { name: "Your numbers for today" });
    await popover.getByText(/Handled today: \d+/).waitFor();
    await popover.getByText(/Open chats: \d+ of \d+/).waitFor();
    await ana.goto(app.server.url + "/supervision");
    await ana.waitForURL((url) => url.pathname === "/");
  });

  it("renders the board from the device's copy when the network drops, marked with its time", async () => {
    const context = await app.newContext();
    const sam = await app.signIn("supervisor@demo.inbox", context);
    await sam.goto(app.server.url + "/supervision");
    const support = sam.getByRole("region", { name: "Support" });
    await support.getByRole("heading", { name: "Agents" }).waitFor();
    expect(await support.getByRole("status").filter({ hasText: "Offline" }).count()).toBe(0);
    // The live board is kept on the device as it arrives; wait until the copy is there.
    const key = `board:${app.server.seed!.teamIds.support!}`;
    await waitForDeviceCopy(sam, key);

    await serviceWorkerActive(sam);
    await context.setOffline(true);
    await sam.reload();
    const cached = sam.getByRole("region", { name: "Support" });
    await cached.getByRole("status").filter({ hasText: /Offline · as of \d{1,2}:\d{2}/ }).waitFor();
    await cached.getByRole("heading", { name: "Agents" }).waitFor();
    await context.setOffline(false);
    // Back online, the board is live again: the "as of" mark goes away.
    await cached.getByRole("status").filter({ hasText: "Offline" }).waitFor({ state: "detached", timeout: 30_000 });
  });
});
