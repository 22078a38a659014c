import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { users } from "../../sync-server/src/db/schema.ts";
import { waitForBadge } from "./support/inbox-page.ts";
import { useInbox } from "./support/use-inbox.ts";

// The first vertical slice in a real browser: a customer on a website writes in the widget,
// an agent sees it live in the PWA, answers, and the customer sees the answer.

const app = useInbox();

async function openWidget(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(app.server.url + "/demo");
  await page.getByRole("button", { name: "Open chat" }).click();
  return page;
}

describe("web live chat in a real browser", () => {
  it("customer writes, the agent sees it live and answers, the customer sees the answer, and it survives a reload", async () => {
    const agentContext = await app.newContext();
    const agent = await app.signIn("ana@demo.inbox", agentContext);
    const conversations = agent.getByRole("navigation", { name: "Conversations" });
    await conversations.getByText("Maria Oliveira").waitFor();

    const customerContext = await app.newContext();
    const customer = await openWidget(customerContext);
    const chat = customer.getByRole("dialog");
    await chat.getByLabel("Name").fill("Rita Customer");
    await chat.getByRole("button", { name: "Start chat" }).click();
    await chat.getByRole("textbox", { name: "Message" }).fill("Hi! My parcel arrived damaged.");
    await chat.getByRole("button", { name: "Send" }).click();

    // No reload on the agent's side: the list updates live.
    const item = conversations.getByRole("button", { name: /Rita Customer/ });
    await item.waitFor({ timeout: 10_000 });
    await item.click();
    const timeline = agent.getByRole("main", { name: "Chat" }).getByRole("log", { name: "Messages" });
    await timeline.getByText("Hi! My parcel arrived damaged.").waitFor();

    const reply = agent.getByRole("form", { name: "Reply" });
    await reply.getByLabel("Reply message").fill("Sorry to hear that, Rita! I'll send a replacement today.");
    await reply.getByRole("button", { name: "Send" }).click();

    const log = chat.getByRole("log", { name: "Messages" });
    await log.getByText("Sorry to hear that, Rita! I'll send a replacement today.").waitFor({ timeout: 10_000 });
    await log.getByText("Ana Souza").first().waitFor();

    // The customer reloads the page: the conversation is still there.
    await customer.reload();
    await customer.getByRole("button", { name: "Open chat" }).click();
    const again = customer.getByRole("dialog").getByRole("log", { name: "Messages" });
    await again.getByText("Hi! My parcel arrived damaged.").waitFor();
    await again.getByText("Sorry to hear that, Rita! I'll send a replacement today.").waitFor();
    expect(await again.getByText("Hi! My parcel arrived damaged.").count()).toBe(1);

    await agentContext.close();
    await customerContext.close();
  });

  it("customer markup shows as text on both sides and never runs", async () => {
    const customerContext = await app.newContext();
    const customer = await openWidget(customerContext);
    const dialogs: string[] = [];
    customer.on("dialog", (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    const chat = customer.getByRole("dialog");
    await chat.getByLabel("Name").fill("<b>Mallory</b>");
    await chat.getByRole("button", { name: "Start chat" }).click();
    const payload = `<img src=x onerror="alert('pwned')"><script>alert('x')</script>`;
    await chat.getByRole("textbox", { name: "Message" }).fill(payload);
    await chat.getByRole("button", { name: "Send" }).click();
    await chat.getByRole("log", { name: "Messages" }).getByText(payload).waitFor();

    const agentContext = await app.newContext();
    const agent = await app.signIn("ana@demo.inbox", agentContext);
    agent.on("dialog", (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    const item = agent.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /<b>Mallory<\/b>/ });
    await item.click();
    await agent.getByRole("main", { name: "Chat" }).getByText(payload).first().waitFor();
    expect(await agent.locator("img[src=x]").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await agentContext.close();
    await customerContext.close();
  });
});

describe("sign-in and permissions in the browser", () => {
  it("refuses a wrong password with a clear message and stays on the sign-in screen", async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    await page.goto(app.server.url + "/");
    await page.getByLabel("Email").fill("ana@demo.inbox");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Wrong email or password.");
    expect(await page.getByRole("navigation", { name: "Conversations" }).count()).toBe(0);
    await context.close();
  });

  it("an agent whose account is deactivated while working is taken to the sign-in screen by the server's socket check", async () => {
    const context = await app.newContext();
    const page = await app.signIn("bruno@demo.inbox", context);
    await waitForBadge(page, /^Connection: Online$/);
    const bruno = app.server.seed!.userIds.bruno!;
    await app.server.core.db.update(users).set({ deactivatedAt: Date.now() }).where(eq(users.id, bruno));
    try {
      // The rooms close with 4401 at the next check (seconds), and the app signs out as on a 401.
      await page.getByLabel("Password").waitFor({ timeout: 30_000 });
      expect(await page.getByRole("navigation", { name: "Conversations" }).count()).toBe(0);
    } finally {
      await app.server.core.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, bruno));
      await context.close();
    }
  });

  it("an agent never sees, and cannot open, a conversation of a team they are not in", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    const list = page.getByRole("navigation", { name: "Conversations" });
    await list.getByText("Maria Oliveira").waitFor();
    // Priya wrote to the Sales team's inbox; Ana is in Support only.
    expect(await list.getByText("Priya Nair").count()).toBe(0);

    const admin = await app.server.login("admin@demo.inbox");
    const all = (await (await app.server.api("/api/conversations", { token: admin })).json()) as { conversations: { id: string; contactName: string }[] };
    const priya = all.conversations.find((c) => c.contactName === "Priya Nair")!;
    // Even asking the server directly with Ana's session cookie is refused.
    const status = await page.evaluate(async (id) => (await fetch(`/api/conversations/${id}`)).status, priya.id);
    expect(status).toBe(403);
    await context.close();
  });
});

/** Controls (in the page and in open shadow roots) that have no accessible name. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>("button, input:not([type=hidden]), textarea, select, a[href]")) {
        const labelled = el.getAttribute("aria-labelledby");
        const name =
          el.getAttribute("aria-label") ||
          (labelled && labelled.split(" ").map((id) => root.getElementById?.(id)?.textContent ?? "").join(" ").trim()) ||
          ("labels" in el && (el as HTMLInputElement).labels?.[0]?.textContent?.trim()) ||
          el.textContent?.trim() ||
          el.getAttribute("title") ||
          el.querySelector("img[alt]")?.getAttribute("alt");
        if (!name) out.push(el.outerHTML.slice(0, 120));
      }
      for (const host of root.querySelectorAll("*")) if (host.shadowRoot) visit(host.shadowRoot);
    };
    visit(document);
    return out;
  });
}

describe("accessible names", () => {
  it("every control in the inbox and the widget has one, so screen readers and tests find it by role", async () => {
    const context = await app.newContext();
    const agent = await app.signIn("ana@demo.inbox", context);
    await agent.getByRole("navigation", { name: "Conversations" }).getByText("Maria Oliveira").click();
    await agent.getByRole("form", { name: "Reply" }).waitFor();
    expect(await unnamedControls(agent)).toEqual([]);
    const customer = await openWidget(context);
    await customer.getByRole("dialog").getByLabel("Name").waitFor();
    expect(await unnamedControls(customer)).toEqual([]);
    await context.close();
  });
});

describe("installable PWA", () => {
  it("has a manifest with icons and a service worker that takes control", async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    await page.goto(app.server.url + "/");
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = (await (await fetch(new URL(manifestHref!, app.server.url))).json()) as { name: string; display: string; icons: { sizes: string }[] };
    expect(manifest.display).toBe("standalone");
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.close();
  });
});
