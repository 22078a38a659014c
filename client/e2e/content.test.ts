import { describe, expect, it } from "vitest";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, serviceWorkerActive, timeline, waitForDeviceCopy } from "./support/inbox-page.ts";

// What agents reuse and how colleagues reach each other: a canned response typed as
// /shortcut with the contact's name filled in, and an @mention in a note that reaches the
// mentioned colleague's browser (bell and tab title) live.

const app = useInbox();


describe("canned responses and mentions in a real browser", () => {
  it("an agent types /saud, picks the canned response, and the customer's first name is filled in", async () => {
    const ana = await app.signIn("ana@demo.inbox");
    await openConversation(ana, "Maria Oliveira");
    const form = ana.getByRole("form", { name: "Reply" });
    const box = form.getByLabel("Reply message");
    await box.click();
    await box.pressSequentially("/saud");
    const picker = ana.getByRole("listbox", { name: "Canned responses" });
    await picker.getByRole("option", { name: /\/saudacao/ }).waitFor();
    await ana.keyboard.press("Enter");

    const filled = "Olá Maria, aqui é Ana da Acme. Como posso ajudar?";
    await ana.waitForFunction(
      (text) => (document.querySelector('textarea[aria-label="Reply message"]') as HTMLTextAreaElement | null)?.value.includes(text),
      filled,
    );
    expect(await box.inputValue()).not.toContain("{{");
    expect(await picker.count()).toBe(0);
    await form.getByRole("button", { name: "Send" }).click();
    await timeline(ana).getByText(filled).waitFor({ timeout: 10_000 });
  });

  it("an agent searches the knowledge base and inserts an article's public link, which anyone can open", async () => {
    const ana = await app.signIn("ana@demo.inbox");
    await openConversation(ana, "João Pereira");
    const form = ana.getByRole("form", { name: "Reply" });
    await form.getByRole("button", { name: "Search the knowledge base" }).click();
    await ana.getByRole("searchbox", { name: "Search articles" }).fill("devolucoes");
    const results = ana.getByRole("list", { name: "Articles" });
    // Wait for the state the search leads to (one result), not for the first render of a title
    // that the unfiltered list also shows.
    await ana.waitForFunction(() => {
      const items = [...document.querySelectorAll('[aria-label="Articles"] li')];
      return items.length === 1 && items[0]!.textContent!.includes("Trocas e devoluções");
    });
    expect(await results.getByRole("listitem").count()).toBe(1);
    await results.getByRole("button", { name: "Insert a link to Trocas e devoluções" }).click();
    const link = `Trocas e devoluções: ${app.server.url}/kb/${app.server.seed!.workspaceId}/trocas-e-devolucoes`;
    await ana.waitForFunction(
      (text) => (document.querySelector('textarea[aria-label="Reply message"]') as HTMLTextAreaElement | null)?.value.includes(text),
      link,
    );
    const page = await fetch(`${app.server.url}/kb/${app.server.seed!.workspaceId}/trocas-e-devolucoes`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<h1>Trocas e devoluções</h1>");
  });

  it("works offline from the copy on the device: /shortcuts and article search", async () => {
    const context = await app.newContext();
    const ana = await app.signIn("ana@demo.inbox", context);
    await openConversation(ana, "João Pereira");
    // Signing in stored the workspace's content on the device; wait until it is there.
    await waitForDeviceCopy(ana, "content:articles");

    await serviceWorkerActive(ana);
    await context.setOffline(true);
    await ana.reload();
    await openConversation(ana, "João Pereira");
    const form = ana.getByRole("form", { name: "Reply" });
    const box = form.getByLabel("Reply message");
    // The shared draft may hold an earlier test's text; a shortcut starts a word.
    await box.fill("");
    await box.pressSequentially("/hel");
    await ana.getByRole("listbox", { name: "Canned responses" }).getByRole("option", { name: /\/hello/ }).waitFor();
    await ana.keyboard.press("Enter");
    await ana.waitForFunction(
      (text) => (document.querySelector('textarea[aria-label="Reply message"]') as HTMLTextAreaElement | null)?.value.includes(text),
      "Hi João, this is Ana from Acme.",
    );

    await form.getByRole("button", { name: "Search the knowledge base" }).click();
    await ana.getByText("Offline: searching the copy on this device.").waitFor();
    await ana.getByRole("searchbox", { name: "Search articles" }).fill("spam");
    await ana.getByRole("list", { name: "Articles" }).getByText("Resetting your password").waitFor();
    await context.setOffline(false);
  });

  it("a new chat waiting in the agent's team rings the bell and the tab title until it is opened", async () => {
    const sam = await app.signIn("supervisor@demo.inbox");
    // Chats already there when Sam's device finished its first sync are not new.
    await sam.locator('button[data-watching="true"]').waitFor();
    expect(await sam.title()).toBe("Inbox");
    const inboxId = app.server.seed!.inboxIds.site!;
    const post = (path: string, body: unknown, token?: string) =>
      fetch(app.server.url + path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const { token } = (await (await post(`/api/widget/${inboxId}/sessions`, { name: "Nadia New" })).json()) as { token: string };
    expect((await post(`/api/widget/${inboxId}/messages`, { clientId: crypto.randomUUID(), text: "Hello, anyone there?" }, token)).status).toBe(201);

    await sam.waitForFunction(() => document.title === "(1) Inbox", undefined, { timeout: 10_000 });
    await sam.getByRole("button", { name: "Notifications, 1 new" }).click();
    await sam.getByRole("dialog", { name: "Notifications" }).getByText("1 new chat waiting").waitFor();
    await sam.keyboard.press("Escape");
    await openConversation(sam, "Nadia New");
    await sam.waitForFunction(() => document.title === "Inbox");
  });

  it("an admin adds a canned response in Settings, a bad shortcut is explained, and agents can use it", async () => {
    const admin = await app.signIn("admin@demo.inbox");
    await admin.getByRole("button", { name: "Settings" }).click();
    const section = admin.getByRole("region", { name: "Canned responses" });
    await section.getByRole("button", { name: "Add canned response" }).click();
    const form = section.getByRole("form", { name: "New canned response" });
    await form.getByLabel("Shortcut").fill("Bad Shortcut");
    await form.getByLabel("Title").fill("Refund sent");
    await form.getByLabel("Text").fill("Hi {{contact.first_name}}, your refund is on its way.");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Use 1–32 lower-case letters, digits, '-' or '_' (no spaces).").waitFor();
    await form.getByLabel("Shortcut").fill("refund");
    await form.getByRole("button", { name: "Save" }).click();
    await section.getByRole("row", { name: /\/refund/ }).waitFor();

    const ana = await app.signIn("ana@demo.inbox");
    await openConversation(ana, "Maria Oliveira");
    const box = ana.getByRole("form", { name: "Reply" }).getByLabel("Reply message");
    await box.fill("");
    await box.pressSequentially("/refu");
    await ana.getByRole("listbox", { name: "Canned responses" }).getByRole("option", { name: /\/refund/ }).waitFor();
    await ana.keyboard.press("Enter");
    expect(await box.inputValue()).toContain("Hi Maria, your refund is on its way.");
  });

  it("a note that @mentions a colleague shows up in their bell and tab title at once, and opens the chat", async () => {
    const sam = await app.signIn("supervisor@demo.inbox");
    const bell = sam.getByRole("button", { name: /^Notifications/ });
    await bell.waitFor();
    const before = await sam.title();
    expect(before).toBe("Inbox");

    const ana = await app.signIn("ana@demo.inbox");
    await openConversation(ana, "Maria Oliveira");
    // The colleague is picked from the suggestions @ opens in a note.
    await ana.getByRole("button", { name: "Note", exact: true }).click();
    const note = ana.getByRole("form", { name: "Note" });
    const noteBox = note.getByLabel("Note text");
    await noteBox.click();
    await noteBox.pressSequentially("@Sa");
    await ana.getByRole("listbox", { name: "Mention a colleague" }).getByRole("option", { name: "Sam Supervisor" }).waitFor();
    await ana.keyboard.press("Enter");
    await noteBox.pressSequentially("can you approve a refund for order #1043?");
    const noteText = "@Sam Supervisor can you approve a refund for order #1043?";
    expect(await noteBox.inputValue()).toBe(noteText);
    await note.getByRole("button", { name: "Add note" }).click();

    // No reload on Sam's side: the mention arrives live.
    await sam.getByRole("button", { name: /^Notifications, \d+ new$/ }).waitFor({ timeout: 10_000 });
    await sam.waitForFunction(() => /^\(\d+\) Inbox$/.test(document.title));
    await bell.click();
    const panel = sam.getByRole("dialog", { name: "Notifications" });
    const mention = panel.getByRole("listitem").filter({ hasText: "Ana Souza mentioned you on Maria Oliveira" });
    await mention.getByText(noteText).waitFor();

    await mention.getByRole("button", { name: "Open the conversation with Maria Oliveira" }).click();
    await sam.getByRole("main", { name: "Chat" }).getByText(noteText).waitFor();
    // Read: the count drops out of the title.
    await sam.waitForFunction(() => document.title === "Inbox");
  });
});
