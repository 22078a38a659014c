import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import type { CommandResult } from "@inbox/shared";
import { conversations, users } from "../../sync-server/src/db/schema.ts";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { openConversation, timeline, waitForBadge } from "./support/inbox-page.ts";
import { useInbox } from "./support/use-inbox.ts";

// A supervisor intervening, in real browsers against a real server: reassigning to a chosen agent
// (load shown, over capacity asks first, a chat moved meanwhile is reported when the outbox
// lands), transferring to another team, whispering to the agent (who is told; the customer's
// widget never shows it), and an agent's raised hand appearing live on the supervisor's board.

const app = useInbox();

const seed = () => app.server.seed!;
let adminToken: string | undefined;
const admin = async () => (adminToken ??= await app.server.login("admin@demo.inbox"));

/** A web-chat customer writes (widget API); resolves with their conversation's id. */
async function customerWrites(name: string, text = "hello"): Promise<string> {
  const inbox = seed().inboxIds.site!;
  const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const res = await app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `e2e-intervene-${crypto.randomUUID()}`, text } });
  expect(res.status).toBeLessThan(300);
  return conversationOf(name);
}

async function conversationOf(contactName: string): Promise<string> {
  const row = await waitFor(`${contactName}'s conversation`, () => app.server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, contactName) }));
  return row.id;
}

/** The admin, through the API: stands for a second supervisor (or a colleague) acting elsewhere. */
async function adminAssigns(conversationId: string, assigneeId: string | null): Promise<void> {
  const res = await app.server.api("/api/commands", {
    method: "POST",
    token: await admin(),
    json: { commands: [{ clientId: crypto.randomUUID(), type: "assign", conversationId, assigneeId, override: true }] },
  });
  const [result] = ((await res.json()) as { results: CommandResult[] }).results;
  expect(result).toMatchObject({ ok: true });
}

async function loadOf(userId: string): Promise<number> {
  const rows = await app.server.core.db.select().from(conversations).where(eq(conversations.assigneeId, userId));
  return rows.filter((r) => r.status === "open" || r.status === "pending").length;
}

const setCapacity = (userId: string, capacity: number) => app.server.core.db.update(users).set({ maxConcurrentChats: capacity }).where(eq(users.id, userId));

async function openChat(page: Page, contactName: string): Promise<void> {
  await page.getByRole("group", { name: "Filter conversations" }).getByRole("button", { name: "All" }).click();
  await openConversation(page, contactName);
  await page.getByRole("heading", { name: contactName }).first().waitFor();
}

/** The header shows a queued change at once; the record has it once the outbox has landed. */
async function heldOnServer(contactName: string, assigneeId: string | null): Promise<void> {
  await waitFor(
    `${contactName} assigned to ${assigneeId} on the server`,
    async () => (await app.server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, contactName) }))?.assigneeId === assigneeId,
    15_000,
  );
}

const header = (page: Page) => page.getByRole("main", { name: "Chat" }).locator("header.chat-header");
const assigneeIs = (page: Page, name: string) => header(page).locator(".chat-assignee", { hasText: name }).waitFor();

async function openNotifications(page: Page) {
  await page.getByRole("button", { name: /^Notifications/ }).click();
  return page.getByRole("dialog", { name: "Notifications" });
}

describe("a supervisor intervening, in real browsers", () => {
  it("reassigns to a chosen agent with a reason, asks before going over capacity, and reports a chat moved meanwhile", async () => {
    const anaId = seed().userIds.ana!;
    const ana = await app.signIn("ana@demo.inbox");
    const samContext = await app.newContext();
    const sam = await app.signIn("supervisor@demo.inbox", samContext);

    // Assign to Ana with a reason: the picker shows her load, the history keeps the reason, Ana is told.
    await customerWrites("Reassign Rita", "My order is late");
    await openChat(sam, "Reassign Rita");
    await header(sam).getByRole("button", { name: "Assign…" }).click();
    let picker = sam.getByRole("dialog", { name: "Assign this chat" });
    const anaBefore = await loadOf(anaId);
    await picker.getByRole("radio", { name: new RegExp(`Ana Souza.*${anaBefore} of 5 chats`) }).check();
    await picker.getByLabel("Reason (optional)").fill("Knows this customer");
    await picker.getByRole("button", { name: "Assign", exact: true }).click();
    await assigneeIs(sam, "Ana Souza");
    await timeline(sam).getByText("Sam Supervisor assigned the chat to Ana Souza").waitFor();
    await timeline(sam).getByText("Knows this customer").waitFor();
    const bell = await openNotifications(ana);
    const told = bell.locator(".notif-item", { hasText: "Sam Supervisor assigned you the chat with Reassign Rita" });
    await told.getByText("Knows this customer").waitFor();

    // Ana is at her capacity: the picker says so and asks before going over it.
    const full = await loadOf(anaId);
    await setCapacity(anaId, full);
    await customerWrites("Over Otto", "Anyone there?");
    await openChat(sam, "Over Otto");
    await header(sam).getByRole("button", { name: "Assign…" }).click();
    picker = sam.getByRole("dialog", { name: "Assign this chat" });
    await picker.getByRole("radio", { name: new RegExp(`Ana Souza.*${full} of ${full} chats`) }).check();
    await picker.getByRole("button", { name: "Assign", exact: true }).click();
    await picker.getByRole("alert").getByText(`Ana Souza has ${full} of ${full} chats. Assign anyway?`).waitFor();
    expect(await app.server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, "Over Otto") })).toMatchObject({ assigneeId: null });
    await picker.getByRole("button", { name: "Assign anyway" }).click();
    await assigneeIs(sam, "Ana Souza");
    await heldOnServer("Over Otto", anaId);

    // The picker's numbers were right when read, but Ana filled up before the command landed:
    // the server refuses, and the supervisor is asked again, from the notice.
    const room = (await loadOf(anaId)) + 1;
    await setCapacity(anaId, room);
    await customerWrites("Stale Stella", "hi");
    const filler = await customerWrites("Filler Fred", "hi");
    await openChat(sam, "Stale Stella");
    await header(sam).getByRole("button", { name: "Assign…" }).click();
    picker = sam.getByRole("dialog", { name: "Assign this chat" });
    const anaOption = picker.getByRole("radio", { name: new RegExp(`Ana Souza.*${room - 1} of ${room} chats`) });
    await anaOption.waitFor();
    await adminAssigns(filler, anaId);
    await anaOption.check();
    await picker.getByRole("button", { name: "Assign", exact: true }).click();
    const notice = sam.locator(".notice", { hasText: `Ana Souza has ${room} of ${room} chats. Assign anyway?` });
    await notice.getByRole("button", { name: "Assign anyway" }).click();
    await assigneeIs(sam, "Ana Souza");
    await heldOnServer("Stale Stella", anaId);

    // Offline, Sam gives a chat to Ana while Alice (elsewhere) gives it to Sam: when Sam's outbox
    // lands, nothing is overwritten and Sam is told who moved it. The picker draws offline from
    // the device's copy of the numbers.
    const raced = await customerWrites("Race Rosa", "hi");
    await setCapacity(anaId, 50);
    await openChat(sam, "Race Rosa");
    await waitForBadge(sam, /^Connection: Online$/);
    await samContext.setOffline(true);
    await waitForBadge(sam, /Offline/);
    await header(sam).getByRole("button", { name: "Assign…" }).click();
    picker = sam.getByRole("dialog", { name: "Assign this chat" });
    await picker.getByText(/Numbers as of \d/).waitFor();
    await picker.getByRole("radio", { name: /Ana Souza/ }).check();
    await picker.getByRole("button", { name: "Assign", exact: true }).click();
    await adminAssigns(raced, seed().userIds.supervisor!);
    await samContext.setOffline(false);
    await sam.locator(".notice", { hasText: "Already reassigned to Sam Supervisor by Alice Admin." }).waitFor();
    await assigneeIs(sam, "You");
    expect(await app.server.core.db.query.conversations.findFirst({ where: eq(conversations.id, raced) })).toMatchObject({ assigneeId: seed().userIds.supervisor });

    // Back to the queue, with a reason.
    await header(sam).getByRole("button", { name: "Assign…" }).click();
    picker = sam.getByRole("dialog", { name: "Assign this chat" });
    await picker.getByLabel("Reason (optional)").fill("Shift is over");
    await picker.getByRole("button", { name: "Send back to queue" }).click();
    await assigneeIs(sam, "Unassigned");
    await timeline(sam).getByText("Sam Supervisor unassigned the chat").waitFor();
    await timeline(sam).getByText("Shift is over").waitFor();
  });

  it("transfers a chat to another team with a reason, kept in the history and told to the agent", async () => {
    const ana = await app.signIn("ana@demo.inbox");
    const sam = await app.signIn("supervisor@demo.inbox");
    const id = await customerWrites("Transfer Tina", "How much is the premium plan?");
    await adminAssigns(id, seed().userIds.ana!);
    await openChat(sam, "Transfer Tina");
    await header(sam).getByRole("button", { name: "Transfer…" }).click();
    const panel = sam.getByRole("dialog", { name: "Transfer to another team" });
    await panel.getByLabel("Team").selectOption({ label: "Sales" });
    await panel.getByLabel("Reason (optional)").fill("Asks about pricing");
    await panel.getByRole("button", { name: "Transfer", exact: true }).click();
    await timeline(sam).getByText("Sam Supervisor transferred the chat to Sales").waitFor();
    await timeline(sam).getByText("Asks about pricing").waitFor();
    await assigneeIs(sam, "Unassigned");
    expect(await app.server.core.db.query.conversations.findFirst({ where: eq(conversations.id, id) })).toMatchObject({ teamId: seed().teamIds.sales, assigneeId: null });
    const bell = await openNotifications(ana);
    await bell.locator(".notif-item", { hasText: "Sam Supervisor transferred the chat with Transfer Tina to another team" }).getByText("Asks about pricing").waitFor();
  });

  it("whispers to the assigned agent: the agent sees it and is told, the customer's widget never shows it", async () => {
    const customerContext: BrowserContext = await app.newContext();
    const customer = await customerContext.newPage();
    await customer.goto(app.server.url + "/demo");
    await customer.getByRole("button", { name: "Open chat" }).click();
    const widget = customer.getByRole("dialog");
    await widget.getByLabel("Name").fill("Whisper Wanda");
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget.getByRole("textbox", { name: "Message" }).fill("Can I get a refund?");
    await widget.getByRole("button", { name: "Send" }).click();
    const id = await conversationOf("Whisper Wanda");
    await adminAssigns(id, seed().userIds.ana!);

    const ana = await app.signIn("ana@demo.inbox");
    const sam = await app.signIn("supervisor@demo.inbox");
    await openChat(sam, "Whisper Wanda");
    const secret = "Offer the refund, she is a long-time customer";
    await sam.getByRole("group", { name: "Reply to the customer or write an internal note" }).getByRole("button", { name: "Whisper" }).click();
    const form = sam.getByRole("form", { name: "Whisper to Ana Souza" });
    await form.getByLabel("Whisper text").fill(secret);
    await form.getByRole("button", { name: "Send whisper" }).click();
    const bubble = timeline(sam).locator(".msg-whisper", { hasText: secret });
    await bubble.getByText("Whisper from Sam Supervisor to Ana Souza · agents only").waitFor();

    // Ana is told, opens the chat from the notification and sees the whisper.
    const bell = await openNotifications(ana);
    const item = bell.locator(".notif-item", { hasText: "Sam Supervisor whispered to you on Whisper Wanda" });
    await item.getByText(secret).waitFor();
    await item.getByRole("button", { name: "Open the conversation with Whisper Wanda" }).click();
    await timeline(ana).locator(".msg-whisper", { hasText: secret }).waitFor();

    // Ana answers; once the answer (written after the whisper) is in the widget, the widget is
    // up to date, and the whisper is not there.
    const reply = ana.getByRole("form", { name: "Reply" });
    await reply.getByLabel("Reply message").fill("Your refund is approved.");
    await reply.getByRole("button", { name: "Send" }).click();
    const log = widget.getByRole("log", { name: "Messages" });
    await log.getByText("Your refund is approved.").waitFor();
    expect(await customer.getByText(secret).count()).toBe(0);
    expect(await customer.getByText(/whisper/i).count()).toBe(0);
  });

  it("an agent's raised hand appears on the supervisor's board live, and clicks through to the chat", async () => {
    const id = await customerWrites("Hand Hugo", "It does not work");
    await adminAssigns(id, seed().userIds.ana!);
    const sam = await app.signIn("supervisor@demo.inbox");
    await sam.getByRole("button", { name: "Supervision" }).click();
    const support = sam.getByRole("region", { name: "Support" });
    await support.getByRole("heading", { name: "Agents" }).waitFor();
    const hands = support.getByRole("list", { name: "Agents asking for help" });
    expect(await hands.getByRole("button", { name: "Hand Hugo" }).count()).toBe(0);

    const ana = await app.signIn("ana@demo.inbox");
    await openChat(ana, "Hand Hugo");
    await header(ana).getByRole("button", { name: "Ask for help" }).click();

    const row = hands.locator(".board-hand", { hasText: "Hand Hugo" });
    await row.getByText(/Ana Souza asked for help/).waitFor();
    await row.getByRole("button", { name: "Hand Hugo" }).click();
    await sam.waitForURL((url) => url.pathname === "/");
    await sam.getByRole("heading", { name: "Hand Hugo" }).first().waitFor();
    await header(sam).getByText("Help requested").waitFor();

    // Joining answers the hand: it is lowered for the agent too.
    await header(sam).getByRole("button", { name: "Join" }).click();
    await header(ana).getByRole("button", { name: "Ask for help" }).waitFor();
    expect(await header(ana).getByText("Help requested").count()).toBe(0);
  });
});
