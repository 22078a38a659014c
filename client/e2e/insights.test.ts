import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { conversations } from "../../sync-server/src/db/schema.ts";
import { DEMO_PASSWORD } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, serviceWorkerActive, timeline, waitForBadge } from "./support/inbox-page.ts";

// Local insights (issue 15) in a real browser: a customer reports a card fraud in Portuguese;
// the message shows its language, that it is negative (the words that decided it on hover) and
// urgent (why, on hover); the customer panel says the same for the conversation; a routing rule
// "message is urgent → priority urgent" raised the chat on the server; and offline, after a
// reload, all of it still shows (it is judged on the device).

const app = useInbox();

describe("insights on messages and in the customer panel", () => {
  it("shows language, sentiment with its words, and urgency with its reasons; a rule raises the priority; still shown offline", async () => {
    const server = app.server;
    const post = (path: string, body: unknown, token?: string) =>
      fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const admin = ((await (await post("/api/auth/login", { email: "admin@demo.inbox", password: DEMO_PASSWORD })).json()) as { token: string }).token;
    const rule = await post(
      "/api/admin/routing-rules",
      { name: "Urgent first", enabled: true, triggers: ["conversation_created", "customer_message"], conditions: [{ type: "urgency", high: true }], actions: [{ type: "set_priority", priority: "urgent" }] },
      admin,
    );
    expect(rule.status).toBe(201);

    const inboxId = server.seed!.inboxIds.site!;
    const { token } = (await (await post(`/api/widget/${inboxId}/sessions`, { name: "Lucas Souza" })).json()) as { token: string };
    const text = "Não reconheço essa compra no meu cartão, isso é golpe! Não gostei nada disso 😡";
    expect((await post(`/api/widget/${inboxId}/messages`, { clientId: crypto.randomUUID(), text }, token)).status).toBe(201);
    const lucas = await server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, "Lucas Souza") });
    expect(lucas!.priority).toBe("urgent");

    const context = await app.newContext();
    const ana = await app.signIn("ana@demo.inbox", context);
    await openConversation(ana, "Lucas Souza");
    const bubble = timeline(ana).getByRole("listitem").filter({ hasText: "Não reconheço essa compra" });
    await bubble.getByText("Written in Portuguese").waitFor({ state: "attached" });

    const sentiment = bubble.locator(".insight-sentiment");
    expect(await sentiment.getAttribute("data-sentiment")).toBe("negative");
    await sentiment.hover();
    const why = bubble.getByRole("tooltip").filter({ hasText: "Decided by" });
    await why.waitFor();
    expect(await why.textContent()).toMatch(/golpe|não gostei nada|😡/);

    const urgent = bubble.locator(".insight-urgent");
    await urgent.focus();
    await bubble.getByRole("tooltip").filter({ hasText: "Why it is urgent" }).getByText(/Possible fraud/).waitFor();

    const panel = ana.getByRole("complementary", { name: "Customer info" }).getByRole("region", { name: "Insights" });
    await panel.locator('[data-insight="language"]').filter({ hasText: "Portuguese" }).waitFor();
    await panel.locator('[data-insight="sentiment"]').filter({ hasText: "Negative" }).waitFor();
    await panel.locator('[data-insight="urgency"]').filter({ hasText: "High" }).waitFor();
    await panel.getByRole("list", { name: "Why it is urgent" }).getByText(/Possible fraud/).waitFor();

    // Offline, after a reload, from the device's copy: judged on the device, so still shown.
    await serviceWorkerActive(ana);
    await context.setOffline(true);
    await ana.reload();
    await waitForBadge(ana, /Offline/);
    await openConversation(ana, "Lucas Souza");
    const offlineBubble = timeline(ana).getByRole("listitem").filter({ hasText: "Não reconheço essa compra" });
    await offlineBubble.locator('.insight-sentiment[data-sentiment="negative"]').waitFor();
    await offlineBubble.locator(".insight-urgent").waitFor();
    await ana.getByRole("complementary", { name: "Customer info" }).getByRole("region", { name: "Insights" }).locator('[data-insight="urgency"]').filter({ hasText: "High" }).waitFor();
    await context.setOffline(false);
  });
});
