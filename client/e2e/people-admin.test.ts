import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { CustomRole } from "@inbox/shared/api/roles";
import { BUILT_IN_PERMISSIONS } from "@inbox/shared";
import { users } from "../../sync-server/src/db/schema.ts";
import { startSmtpFake, type SmtpFake } from "../../sync-server/src/testing/smtp-fake.ts";
import { DEMO_PASSWORD } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";

// An admin runs the team from Settings: invites someone (by email too: a fake mail server on
// loopback) who joins through the link, invites someone into a custom role, and deactivates
// someone who is signed in (their session ends at once, their chats go back to the queue).

let smtp: SmtpFake;
beforeAll(async () => {
  smtp = await startSmtpFake({ user: "inbox", password: "mail-password" });
});
afterAll(() => smtp?.close());
const app = useInbox({ server: () => ({ mail: { smtpUrl: smtp.url, from: "Acme Support <no-reply@acme.example>" } }) });

describe("People & teams, in a real browser", () => {
  it("invites someone by email; they open the link, set name and password, and land in the inbox", async () => {
    const alice = await app.signIn("admin@demo.inbox");
    await alice.goto(app.server.url + "/settings");
    const people = alice.getByRole("region", { name: "People & teams" });
    const invite = people.getByRole("form", { name: "Invite someone" });
    // An address that already has an account is refused in words.
    await invite.getByLabel("Email").fill("ana@demo.inbox");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await people.getByRole("alert").filter({ hasText: "That email address already has an account." }).waitFor();

    await invite.getByLabel("Email").fill("nina.souza@example.com");
    await invite.getByLabel("Role").selectOption("agent");
    await invite.getByRole("checkbox", { name: "Support" }).check();
    await invite.getByRole("button", { name: "Send invitation" }).click();
    const linkBox = invite.getByRole("textbox", { name: /Invitation link for nina.souza@example.com/ });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(new URL(link).pathname).toBe("/invite");
    await people.locator('[data-invitation="nina.souza@example.com"]').getByText("Pending").waitFor();
    // It went by email too, with the same link.
    await invite.getByRole("status").getByText("Sent to nina.souza@example.com by email.").waitFor();
    expect(smtp.received.find((m) => m.to.includes("nina.souza@example.com"))?.text).toContain(link);

    // The invitee, on their own device.
    const device = await app.newContext();
    const nina = await device.newPage();
    await nina.goto(link);
    await nina.getByRole("heading", { name: "Join Acme Support" }).waitFor();
    await nina.getByText("You were invited as Agent with nina.souza@example.com.").waitFor();
    await nina.getByLabel("Your name").fill("Nina Souza");
    await nina.getByLabel("Choose a password").fill("short");
    await nina.getByLabel("Repeat the password").fill("short");
    await nina.getByRole("button", { name: "Create my account" }).click();
    await nina.getByRole("alert").filter({ hasText: "at least 12 characters" }).waitFor();
    await nina.getByLabel("Choose a password").fill("a long enough password");
    await nina.getByLabel("Repeat the password").fill("a long enough password");
    await nina.getByRole("button", { name: "Create my account" }).click();
    await nina.getByRole("navigation", { name: "Conversations" }).waitFor();
    // The token left the address bar.
    expect(new URL(nina.url()).hash).toBe("");
    // The link works once.
    const again = await (await app.newContext()).newPage();
    await again.goto(link);
    await again.getByRole("alert").filter({ hasText: "no longer valid" }).waitFor();

    // The admin sees the new person in the team and the invitation accepted.
    await alice.reload();
    const row = people.locator('tr[data-person="nina.souza@example.com"]');
    await row.getByText("Nina Souza").waitFor();
    await expect.poll(() => row.locator("td").nth(2).textContent()).toContain("Support");
    await people.locator('[data-invitation="nina.souza@example.com"]').getByText("Accepted").waitFor();
  });

  it("invites someone into a custom role; they join holding it", async () => {
    const made = await app.server.api("/api/admin/roles", {
      method: "POST",
      token: await app.server.login("admin@demo.inbox"),
      json: { name: "Queue keeper", base: "agent", permissions: { ...BUILT_IN_PERMISSIONS.agent, conversations: "assigned_or_unassigned" } },
    });
    const { role } = (await made.json()) as { role: CustomRole };
    const alice = await app.signIn("admin@demo.inbox");
    await alice.goto(app.server.url + "/settings");
    const people = alice.getByRole("region", { name: "People & teams" });
    const invite = people.getByRole("form", { name: "Invite someone" });
    await invite.getByLabel("Email").fill("lia.prado@example.com");
    await invite.getByLabel("Role").selectOption({ label: "Queue keeper" });
    await invite.getByRole("button", { name: "Send invitation" }).click();
    const link = await invite.getByRole("textbox", { name: /Invitation link for lia.prado@example.com/ }).inputValue();
    await people.locator('[data-invitation="lia.prado@example.com"]').getByText("Queue keeper").waitFor();

    const lia = await (await app.newContext()).newPage();
    await lia.goto(link);
    await lia.getByText("You were invited as Queue keeper with lia.prado@example.com.").waitFor();
    await lia.getByLabel("Your name").fill("Lia Prado");
    await lia.getByLabel("Choose a password").fill("a long enough password");
    await lia.getByLabel("Repeat the password").fill("a long enough password");
    await lia.getByRole("button", { name: "Create my account" }).click();
    await lia.getByRole("navigation", { name: "Conversations" }).waitFor();
    expect(await app.server.core.db.query.users.findFirst({ where: eq(users.email, "lia.prado@example.com") })).toMatchObject({ role: "agent", customRoleId: role.id });

    await alice.reload();
    await people.locator('tr[data-person="lia.prado@example.com"]').getByRole("cell", { name: "Queue keeper", exact: true }).waitFor();
  });

  it("deactivating someone who is signed in ends their session at once and puts their chats back in the queue", async () => {
    const ana = await app.signIn("ana@demo.inbox");
    const anaId = (await app.server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!.id;
    // A chat Ana holds.
    const inbox = app.server.seed!.inboxIds.site!;
    const session = (await (await app.server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Deactivation Dora" } })).json()) as { token: string };
    const sent = await app.server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: "e2e-people-dora", text: "Is anyone there?" } });
    const { message } = (await sent.json()) as { message: { id: string } };
    const conversationId = (await app.server.core.db.query.messages.findFirst({ where: (m, { eq: is }) => is(m.id, message.id) }))!.conversationId;
    const anaToken = await app.server.login("ana@demo.inbox");
    expect((await app.server.api(`/api/conversations/${conversationId}/assign`, { method: "POST", token: anaToken, json: { assigneeId: anaId } })).status).toBe(200);

    const alice = await app.signIn("admin@demo.inbox");
    await alice.goto(app.server.url + "/settings");
    const people = alice.getByRole("region", { name: "People & teams" });
    alice.once("dialog", (d) => void d.accept());
    await people.locator('tr[data-person="ana@demo.inbox"]').getByRole("button", { name: "Deactivate" }).click();
    await people.getByRole("status").filter({ hasText: "was deactivated" }).waitFor();
    await people.locator('tr[data-person="ana@demo.inbox"]').getByText("Deactivated").waitFor();

    // Ana's open app drops to the sign-in screen without a reload, and she cannot sign in again.
    await ana.getByRole("heading", { name: "Sign in to Inbox" }).waitFor();
    await ana.getByLabel("Email").fill("ana@demo.inbox");
    await ana.getByLabel("Password").fill(DEMO_PASSWORD);
    await ana.getByRole("button", { name: "Sign in" }).click();
    await ana.getByRole("alert").filter({ hasText: "Wrong email or password" }).waitFor();

    // Her chat is back in the queue, with the reason in its history.
    const conversation = await app.server.core.db.query.conversations.findFirst({ where: (c, { eq: is }) => is(c.id, conversationId) });
    expect(conversation!.assigneeId).toBeNull();
    const history = await app.server.core.db.query.events.findMany({ where: (e, { and: both, eq: is }) => both(is(e.conversationId, conversationId), is(e.type, "conversation.assigned")) });
    expect(history.at(-1)!.data).toMatchObject({ from: anaId, to: null });

    // Reactivated, she can sign in again.
    await people.locator('tr[data-person="ana@demo.inbox"]').getByRole("button", { name: "Reactivate" }).click();
    await people.getByRole("status").filter({ hasText: "can sign in again" }).waitFor();
    await ana.getByRole("button", { name: "Sign in" }).click();
    await ana.getByRole("navigation", { name: "Conversations" }).waitFor();
  });
});
