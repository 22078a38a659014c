import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { events, messages } from "../../sync-server/src/db/schema.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, timeline } from "./support/inbox-page.ts";

// An admin writes a routing rule in Settings, tries it on a sample message before and after
// saving it, and a customer's message then lands where the rule says, with the rule in the
// conversation's history.

const app = useInbox();

describe("routing rules in a real browser", () => {
  it("text contains 'refund' → team Billing, priority urgent: tested in the UI, then applied to a customer's chat", async () => {
    const admin = await app.signIn("admin@demo.inbox");
    await admin.goto(app.server.url + "/settings");
    const section = admin.getByRole("region", { name: "Routing rules" });
    await section.getByText("No rules yet").waitFor();

    // Write the rule.
    await section.getByRole("button", { name: "New rule" }).click();
    const editor = section.getByRole("form", { name: "New rule" });
    await editor.getByLabel("Rule name").fill("Refunds");
    await editor.getByRole("combobox", { name: "Add a condition…" }).selectOption({ label: "Message contains any of" });
    await editor.getByRole("textbox", { name: "Message contains any of" }).fill("refund");
    await editor.getByRole("combobox", { name: "Add an action…" }).selectOption({ label: "Set team" });
    await editor.getByRole("combobox", { name: "Set team" }).selectOption({ label: "Billing" });
    await editor.getByRole("combobox", { name: "Add an action…" }).selectOption({ label: "Set priority" });
    await editor.getByRole("combobox", { name: "Set priority" }).selectOption({ label: "Urgent" });

    // Try it on a sample message before saving: the draft fires.
    const test = section.getByRole("form", { name: "Test a message" });
    await test.getByRole("combobox", { name: "Inbox" }).selectOption({ label: "Website chat" });
    await test.getByRole("textbox", { name: "Message" }).fill("Hi, I want a refund for my order");
    await test.getByRole("button", { name: "Test" }).click();
    const answer = section.locator(".rule-test-answer");
    await answer.getByText("1 rule(s) would fire:").waitFor();
    await answer.getByText("Outcome: team Billing, priority Urgent").waitFor();
    await answer.getByText("(being edited)").waitFor();

    // Save it: it is listed, in words.
    await editor.getByRole("button", { name: "Save rule" }).click();
    await section.getByRole("status").filter({ hasText: "The rule Refunds was saved." }).waitFor();
    const row = section.locator('tr[data-rule="Refunds"]');
    await row.getByText("Message contains any of “refund”").waitFor();
    await row.getByText("team Billing, priority Urgent").waitFor();

    // A message it does not match fires nothing.
    await test.getByRole("textbox", { name: "Message" }).fill("Where is my parcel?");
    await test.getByRole("button", { name: "Test" }).click();
    await answer.getByText("No rule would fire.").waitFor();

    // A customer writes through the widget API: the conversation lands in Billing, urgent.
    const inboxId = app.server.seed!.inboxIds.site!;
    const session = await app.server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name: "Rita Refund" } });
    const { token } = (await session.json()) as { token: string };
    const sent = await app.server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: "rules-e2e-refund-1", text: "I want a refund" } });
    expect(sent.status).toBe(201);
    const { message } = (await sent.json()) as { message: { id: string } };
    const stored = await app.server.core.db.query.messages.findFirst({ where: eq(messages.id, message.id) });
    const conversation = await app.server.core.db.query.conversations.findFirst({ where: (c, { eq: is }) => is(c.id, stored!.conversationId) });
    expect(conversation).toMatchObject({ teamId: app.server.seed!.teamIds.billing, priority: "urgent" });
    const fired = await app.server.core.db.select().from(events).where(and(eq(events.conversationId, conversation!.id), eq(events.type, "routing.rule_fired")));
    expect(fired.map((e) => e.data.name)).toEqual(["Refunds"]);

    // The admin opens it: the rule is in its history.
    await admin.goto(app.server.url + "/");
    await admin.getByRole("navigation", { name: "Conversations" }).waitFor();
    await openConversation(admin, "Rita Refund");
    await timeline(admin).getByText("Rule “Refunds” set team Billing, priority urgent").waitFor();
  });
});
