import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, waitForBadge } from "./support/inbox-page.ts";

// The customer panel in a real browser: an agent edits who the customer is (others see it
// live), links a ticket, sees what the customer sent, and merges a duplicate contact.

const app = useInbox();

async function agent(email: string): Promise<{ context: BrowserContext; page: Page }> {
  // Wide enough that the customer panel sits beside the chat rather than in a drawer.
  const context = await app.newContext({ viewport: { width: 1440, height: 1000 } });
  return { context, page: await app.signIn(email, context) };
}

const list = (page: Page) => page.getByRole("navigation", { name: "Conversations" });
const info = (page: Page) => page.getByRole("complementary", { name: "Customer info" });
const chatTitle = (page: Page) => page.getByRole("main", { name: "Chat" }).getByRole("heading", { level: 2 });

async function customerSendsImage(externalId: string, name: string, caption: string): Promise<void> {
  const inbox = (await app.server.core.db.query.inboxes.findMany()).find((r) => r.channel === "whatsapp")!;
  const res = await app.server.simulatorApi(`/inboxes/${inbox.id}/customer`, { customer: { externalId, name }, action: { kind: "image", caption } });
  expect(res.status).toBe(200);
}

describe("customer info panel", () => {
  it("an agent renames a contact and marks them VIP: the list and header follow, and a colleague sees it live", async () => {
    const ana = await agent("ana@demo.inbox");
    const sam = await agent("supervisor@demo.inbox");
    await openConversation(ana.page, "Carlos Mendes");
    await openConversation(sam.page, "Carlos Mendes");

    const panel = info(ana.page);
    await panel.getByRole("button", { name: "Edit details" }).click();
    const form = panel.getByRole("form", { name: "Edit contact details" });
    await form.getByLabel("Email").fill("not an email");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Enter an email address like name@example.com.").waitFor();

    await form.getByLabel("Name").fill("Carlos A. Mendes");
    await form.getByLabel("Email").fill("carlos@example.com");
    await form.getByLabel("Company").fill("Mendes Calçados");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });

    await list(ana.page).getByRole("button", { name: /Carlos A\. Mendes/ }).waitFor();
    await chatTitle(ana.page).filter({ hasText: "Carlos A. Mendes" }).waitFor();
    await panel.getByText("carlos@example.com").waitFor();
    await panel.getByText("Mendes Calçados").waitFor();

    await panel.getByRole("button", { name: "Mark as VIP" }).click();
    await panel.getByRole("button", { name: "Remove VIP" }).waitFor();
    await panel.getByText("VIP", { exact: true }).waitFor();

    // The colleague did not reload: their list, header and panel follow.
    await list(sam.page).getByRole("button", { name: /Carlos A\. Mendes/ }).waitFor({ timeout: 15_000 });
    await chatTitle(sam.page).filter({ hasText: "Carlos A. Mendes" }).waitFor();
    await info(sam.page).getByText("VIP", { exact: true }).waitFor({ timeout: 15_000 });
    await info(sam.page).getByText("Mendes Calçados").waitFor();

    // The record has it, and the whole story is in the events.
    const row = await app.server.core.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.email, "carlos@example.com") });
    expect(row).toMatchObject({ name: "Carlos A. Mendes", vip: true, company: "Mendes Calçados" });
    await ana.context.close();
    await sam.context.close();
  });

  it("edits made offline show at once, wait in the outbox, and reach the server on reconnect", async () => {
    const ana = await agent("ana@demo.inbox");
    await openConversation(ana.page, "João Pereira");
    await waitForBadge(ana.page, /^Connection: Online$/);
    await ana.context.setOffline(true);
    await waitForBadge(ana.page, /Offline/);

    const panel = info(ana.page);
    await panel.getByRole("button", { name: "Edit details" }).click();
    const form = panel.getByRole("form", { name: "Edit contact details" });
    await form.getByLabel("Phone").fill("+55 19 99876-5432");
    await form.getByLabel("Notes").fill("Lives in Campinas.");
    await form.getByRole("button", { name: "Save" }).click();
    await panel.getByText("+55 19 99876-5432").waitFor();
    await panel.getByText("Lives in Campinas.").waitFor();
    // The merge needs the server: it says so instead of failing later.
    await panel.getByText("Merging needs a connection to the server.").waitFor();
    await waitForBadge(ana.page, /Offline · 1 change waiting/);
    const stored = async () => (await app.server.core.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.email, "joao@example.com") }))?.phone;
    expect(await stored()).toBeNull();

    await ana.context.setOffline(false);
    await waitForBadge(ana.page, /^Connection: Online$/, 20_000);
    await expect.poll(stored, { timeout: 15_000 }).toBe("+55 19 99876-5432");
    await panel.getByText("Lives in Campinas.").waitFor();
    await ana.context.close();
  });

  it("an agent links a ticket (web addresses only) and removes it", async () => {
    const ana = await agent("ana@demo.inbox");
    await openConversation(ana.page, "Yuki Tanaka");
    const panel = info(ana.page);
    await panel.getByLabel("Ticket title").fill("Backpack restock");
    await panel.getByLabel("Ticket address (https://…)").fill("javascript:alert(1)");
    await panel.getByRole("button", { name: "Link ticket" }).click();
    await panel.getByRole("alert").filter({ hasText: "http:// or https://" }).waitFor();

    await panel.getByLabel("Ticket address (https://…)").fill("https://tracker.example.com/STOCK-7");
    await panel.getByRole("button", { name: "Link ticket" }).click();
    const link = panel.getByRole("link", { name: "Backpack restock" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe("https://tracker.example.com/STOCK-7");

    await panel.getByRole("button", { name: "Remove ticket Backpack restock" }).click();
    await link.waitFor({ state: "detached" });
    await panel.getByText("No tickets linked.").waitFor();
    await ana.context.close();
  });

  it("attachments show with open and download, and merging a duplicate brings its conversation, channel and files", async () => {
    await customerSendsImage("5511955501043", "M. Oliveira", "Damaged box");
    const ana = await agent("ana@demo.inbox");
    const panel = info(ana.page);

    await openConversation(ana.page, "M\\. Oliveira");
    const files = panel.getByRole("list", { name: "Attachments" });
    await files.getByText("Damaged box").waitFor({ timeout: 15_000 });
    await files.getByText(/this conversation/).waitFor();
    await panel.getByRole("link", { name: "Open Damaged box" }).waitFor();
    await panel.getByRole("link", { name: "Download Damaged box" }).waitFor();

    await openConversation(ana.page, "Maria Oliveira");
    await panel.getByText("No attachments yet.").waitFor();
    await panel.getByRole("button", { name: "Merge with another contact" }).click();
    await panel.getByLabel("Search contacts to merge").fill("oliveira");
    await panel.getByRole("button", { name: "Merge M. Oliveira into this contact" }).click();
    await panel.getByText("Merge M. Oliveira into Maria Oliveira?", { exact: false }).waitFor();
    await panel.getByRole("button", { name: "Merge contacts" }).click();
    await panel.getByRole("status").filter({ hasText: "Merged M. Oliveira into Maria Oliveira." }).waitFor();

    // The duplicate's WhatsApp identity and conversation are Maria's now; its image too.
    await panel.getByRole("list", { name: "Channels" }).getByText("5511955501043").waitFor();
    const earlier = panel.getByRole("region", { name: "Earlier conversations" });
    await earlier.getByText("WhatsApp").waitFor();
    await files.getByText("Damaged box").waitFor({ timeout: 15_000 });
    await files.getByText(/earlier conversation/).waitFor();
    await list(ana.page).getByRole("button", { name: /M\. Oliveira/ }).waitFor({ state: "detached", timeout: 15_000 });
    expect(await list(ana.page).getByRole("button", { name: /Maria Oliveira/ }).count()).toBe(2);

    // Opening the earlier conversation from the panel shows it in the chat window.
    await earlier.getByRole("button").first().click();
    await ana.page.getByRole("main", { name: "Chat" }).getByText("Oi, sou a Maria do pedido #1043. Mudei de endereço.").waitFor();
    await ana.context.close();
  });
});
