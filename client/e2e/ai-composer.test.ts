import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { contacts, conversations, messages } from "../../sync-server/src/db/schema.ts";
import { FAKE_OPENAI_KEY, startFakeOpenAi, type FakeOpenAi } from "../../sync-server/src/testing/fake-openai.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, timeline } from "./support/inbox-page.ts";

// AI assistance in a real browser against a real server and a fake OpenAI-compatible provider on
// loopback (the server allows private AI addresses here, as AI_ALLOW_PRIVATE_URLS does): an admin
// configures it in Settings; an agent asks for a more formal draft, accepts it (the draft
// changes, nothing is sent), translates a customer's message under the original; offline the
// tools are disabled and say why.

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.answerWith((req) => {
    const instructions = req.messages[0]?.content ?? "";
    if (instructions.includes("more formal")) return "Dear João, your order will be shipped tomorrow.";
    if (instructions.includes("into English")) return "Hello! Do you deliver to Campinas?";
    return "OK";
  });
});
afterAll(() => fake?.close());
const app = useInbox({ server: () => ({ aiAllowPrivateUrls: true }) });

let context: BrowserContext;
let agent: Page;

async function messagesOfJoao(): Promise<number> {
  const db = app.server.core.db;
  const joao = await db.query.contacts.findFirst({ where: eq(contacts.name, "João Pereira") });
  const conv = await db.query.conversations.findFirst({ where: eq(conversations.contactId, joao!.id) });
  return (await db.select().from(messages).where(eq(messages.conversationId, conv!.id))).length;
}

describe("AI assistance in the composer", () => {
  it("an admin turns it on in Settings with the fake provider, and the connection test answers", async () => {
    const admin = await app.signIn("admin@demo.inbox");
    await admin.goto(app.server.url + "/settings");
    const section = admin.getByRole("region", { name: "AI assistance", exact: true });
    await section.getByLabel("Turn on AI assistance for this workspace").check();
    await section.getByLabel("Address (base URL)").fill(fake.baseUrl);
    await section.getByLabel("Model").fill("gpt-fake");
    await section.getByLabel("API key").fill(FAKE_OPENAI_KEY);
    await section.getByRole("button", { name: "Save" }).click();
    await section.getByRole("status").filter({ hasText: "AI settings saved." }).waitFor();
    // The key is never shown again: the field is empty and says one is saved.
    expect(await section.getByLabel("API key").inputValue()).toBe("");
    await section.getByText("A key is saved. Leave empty to keep it.", { exact: false }).first().waitFor();
    await section.getByRole("button", { name: "Test connection" }).click();
    await section.getByRole("status").filter({ hasText: "Connected: gpt-fake answered" }).waitFor();
    expect(fake.received.at(-1)!.authorization).toBe(`Bearer ${FAKE_OPENAI_KEY}`);
  });

  it("an agent asks for a more formal draft and accepts it: the draft changes, nothing is sent", async () => {
    context = await app.newContext();
    agent = await app.signIn("ana@demo.inbox", context);
    await openConversation(agent, "João Pereira");
    const form = agent.getByRole("form", { name: "Reply" });
    const box = form.getByLabel("Reply message");
    await box.fill("hey joão, ships tomorrow");
    const before = await messagesOfJoao();

    await form.getByRole("button", { name: "AI assistance" }).click();
    await form.getByRole("menu", { name: "AI assistance" }).getByRole("menuitem", { name: "More formal" }).click();
    const suggestion = form.getByRole("region", { name: "Suggestion" });
    await suggestion.getByText("Dear João, your order will be shipped tomorrow.").waitFor();
    // The provider got the draft, with the formal instruction.
    expect(fake.received.at(-1)!.messages.at(-1)!.content).toBe("hey joão, ships tomorrow");
    // Until accepted, the draft is the agent's own.
    expect(await box.inputValue()).toBe("hey joão, ships tomorrow");

    await suggestion.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => box.inputValue()).toBe("Dear João, your order will be shipped tomorrow.");
    expect(await form.getByRole("region", { name: "Suggestion" }).count()).toBe(0);
    expect(await messagesOfJoao()).toBe(before);
    expect(await timeline(agent).getByText("Dear João, your order will be shipped tomorrow.").count()).toBe(0);
  });

  it("shows a translation of a customer's message under the original", async () => {
    const bubble = timeline(agent).getByRole("listitem").filter({ hasText: "Vocês entregam em Campinas?" });
    await bubble.getByRole("button", { name: "Translate" }).click();
    await bubble.getByText("Translation (English)").waitFor();
    await bubble.getByText("Hello! Do you deliver to Campinas?").waitFor();
    // The original stays.
    await bubble.getByText("Olá! Vocês entregam em Campinas?").waitFor();
  });

  it("offline, the AI tools are disabled and say why", async () => {
    await context.setOffline(true);
    const form = agent.getByRole("form", { name: "Reply" });
    await form.getByText("You're offline: AI tools need a connection.").waitFor();
    expect(await form.getByRole("button", { name: "AI assistance" }).isDisabled()).toBe(true);
    await context.setOffline(false);
  });
});
