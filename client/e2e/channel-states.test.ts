import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, reply, timeline } from "./support/inbox-page.ts";

// The seed's channel failure table, as an agent sees it in the browser. The platforms are the
// simulator's fakes, made to answer with each platform's documented errors.

const app = useInbox();
let admin: string;
beforeAll(async () => {
  admin = await app.server.login("admin@demo.inbox");
});

async function inbox(channel: string) {
  const rows = await app.server.core.db.query.inboxes.findMany();
  return rows.find((r) => r.channel === channel)!;
}

async function sim(inboxId: string, path: string, body: unknown) {
  const res = await app.server.simulatorApi(`/inboxes/${inboxId}/${path}`, body);
  expect(res.status).toBe(200);
}

/** A customer writes on `channel` through the simulator; returns the agent's page on that chat. */
async function customerWritesAndAgentOpens(channel: string, name: string, externalId: string, text: string): Promise<Page> {
  const row = await inbox(channel);
  await sim(row.id, "customer", { customer: { externalId, name }, action: { kind: "text", text } });
  const context = await app.newContext();
  const page = await app.signIn("ana@demo.inbox", context);
  const list = page.getByRole("navigation", { name: "Conversations" });
  await list.getByRole("button", { name: new RegExp(`${name}|${externalId}`) }).first().waitFor({ timeout: 15_000 });
  await openConversation(page, `${name}|${externalId}`);
  await timeline(page).getByText(text).waitFor();
  return page;
}

describe("channel failure states, as the agent sees them", () => {
  it("customer blocked the business: the message shows a delivery failure with the reason", async () => {
    const row = await inbox("whatsapp");
    const page = await customerWritesAndAgentOpens("whatsapp", "Blocking Bia", "5511955550001", "ok bye");
    await sim(row.id, "failure", { failure: "blocked" });
    await reply(page, "Can I help with anything else?");
    const bubble = timeline(page).getByText("Failed to send");
    await bubble.waitFor({ timeout: 15_000 });
    await timeline(page).getByText(/blocked/i).first().waitFor();
    await sim(row.id, "failure", { failure: "none" });
    await page.context().close();
  });

  it("customer blocked the business: the panel and the composer say so, the next reply is refused at once, and writing again clears it", async () => {
    const row = await inbox("whatsapp");
    const name = "Blocking Bruna";
    const externalId = "5511955550002";
    await sim(row.id, "customer", { customer: { externalId, name }, action: { kind: "text", text: "please stop" } });
    // Wide enough that the customer panel sits beside the chat.
    const page = await app.signIn("ana@demo.inbox", await app.newContext({ viewport: { width: 1440, height: 1000 } }));
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) }).first().waitFor({ timeout: 15_000 });
    await openConversation(page, name);
    await timeline(page).getByText("please stop").waitFor();

    await sim(row.id, "failure", { failure: "blocked" });
    await reply(page, "One last thing?");
    await timeline(page).getByText("Failed to send").waitFor({ timeout: 15_000 });
    await sim(row.id, "failure", { failure: "none" });

    const panel = page.getByRole("complementary", { name: "Customer info" });
    await panel.getByText("Blocked the business").waitFor({ timeout: 15_000 });
    const notice = page.getByRole("form", { name: "Reply" }).getByText(`${name} has blocked the business on WhatsApp: replies cannot reach them until they write again.`);
    await notice.waitFor();

    const sentBefore = ((await (await app.server.simulatorApi(`/inboxes/${row.id}/sent`)).json()) as { sent: unknown[] }).sent.length;
    await reply(page, "Are you there?");
    await page.getByText(/blocked the business on WhatsApp, so replies cannot reach them/).first().waitFor({ timeout: 15_000 });
    // Refused by the server before any call to the platform; the words go back to the draft.
    await waitFor("the refused reply back in the draft", async () => (await page.getByRole("form", { name: "Reply" }).getByRole("textbox").inputValue()).includes("Are you there?"));
    expect(((await (await app.server.simulatorApi(`/inboxes/${row.id}/sent`)).json()) as { sent: unknown[] }).sent.length).toBe(sentBefore);

    // The customer writes again: reachable again.
    await sim(row.id, "customer", { customer: { externalId, name }, action: { kind: "text", text: "ok, I'm back" } });
    await timeline(page).getByText("ok, I'm back").waitFor({ timeout: 15_000 });
    await waitFor("the marker to go", async () => (await panel.getByText("Blocked the business").count()) === 0 && (await notice.count()) === 0, 15_000);
    await page.context().close();
  });

  it("platform limits reached: agents see 'Channel temporarily unavailable' and the reply waits", async () => {
    const row = await inbox("messenger");
    const page = await customerWritesAndAgentOpens("messenger", "Limit Lia", "6021457710000001", "are you there?");
    await sim(row.id, "failure", { failure: "rate_limited" });
    await reply(page, "Yes! One moment.");
    await page.getByText(/Channel temporarily unavailable/).first().waitFor({ timeout: 15_000 });
    expect((await app.server.core.db.query.inboxes.findFirst({ where: (i, { eq }) => eq(i.id, row.id) }))!.status).toBe("rate_limited");
    await sim(row.id, "failure", { failure: "none" });
    await page.context().close();
  });

  it("integration token expired: agents see an error and cannot reply until an admin reconnects", async () => {
    const row = await inbox("telegram");
    const page = await customerWritesAndAgentOpens("telegram", "Token Tom", "735900001", "hello bot");
    await sim(row.id, "failure", { failure: "token_expired" });
    await reply(page, "Hi Tom!");
    const alert = page.getByRole("alert").filter({ hasText: /connection has expired/ });
    await alert.waitFor({ timeout: 15_000 });
    expect(await page.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Send" }).count()).toBe(0);

    // The admin reconnects (same credentials, now accepted again): agents can reply again, history kept.
    await sim(row.id, "failure", { failure: "none" });
    const credentials = await app.server.core.secrets.open(row.secretsEnc!);
    expect((await app.server.api(`/api/admin/inboxes/${row.id}/reconnect`, { method: "POST", token: admin, json: { credentials } })).status).toBe(200);
    await page.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Send" }).waitFor({ timeout: 15_000 });
    await timeline(page).getByText("hello bot").waitFor();
    await page.context().close();
  });

  it("admin disabled the channel: agents cannot reply, new messages are not shown, old ones stay", async () => {
    const row = await inbox("instagram");
    const page = await customerWritesAndAgentOpens("instagram", "Disabled Dora", "1254459150000001", "first message");
    expect((await app.server.api(`/api/admin/inboxes/${row.id}/enabled`, { method: "POST", token: admin, json: { enabled: false } })).status).toBe(200);
    await page.getByText(/disabled by an admin/).first().waitFor({ timeout: 15_000 });
    expect(await page.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Send" }).count()).toBe(0);
    await sim(row.id, "customer", { customer: { externalId: "1254459150000001", name: "Disabled Dora" }, action: { kind: "text", text: "written while disabled" } });
    await app.server.core.webhooks.idle();
    await new Promise((r) => setTimeout(r, 500));
    expect(await timeline(page).getByText("written while disabled").count()).toBe(0);
    await timeline(page).getByText("first message").waitFor();

    expect((await app.server.api(`/api/admin/inboxes/${row.id}/enabled`, { method: "POST", token: admin, json: { enabled: true } })).status).toBe(200);
    await timeline(page).getByText("written while disabled").waitFor({ timeout: 15_000 });
    await waitFor("composer back", async () => (await page.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Send" }).count()) === 1);
    await page.context().close();
  });

  it("an agent working in Portuguese reads the server's refusal in Portuguese (a reply after Messenger's 24 hours)", async () => {
    const row = await inbox("messenger");
    const name = "Janela Joana";
    await sim(row.id, "customer", { customer: { externalId: "6021457710000077", name }, action: { kind: "text", text: "oi, ainda estão aí?" } });
    await app.server.core.webhooks.idle();
    // Two days ago: past Messenger's window, inside the Human Agent tag's 7 days (off for this inbox).
    await app.server.core.db.run(sql`update messages set created_at = created_at - ${2 * 86_400_000} where text = 'oi, ainda estão aí?'`);

    const page = await app.signIn("ana@demo.inbox", await app.newContext());
    try {
      await openConversation(page, name);
      await page.getByRole("form", { name: "Reply" }).getByLabel("Reply message").fill("Olá Joana!");
      await page.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
      await page.getByRole("button", { name: "Enviar", exact: true }).click();
      // Worded on the device from the refusal's code and its hours, not the server's English sentence.
      await page.getByText(/Este cliente escreveu pela última vez há mais de 24 horas, .*etiqueta Human Agent/).first().waitFor({ timeout: 15_000 });
      expect(await page.getByText(/This customer last wrote more than/).count()).toBe(0);
    } finally {
      await app.server.core.db.run(sql`update users set locale = 'en' where email = 'ana@demo.inbox'`);
      await page.context().close();
    }
  });
});
