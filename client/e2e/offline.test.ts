import { afterAll, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { startChild, type Child } from "../../sync-server/src/testing/child-process.ts";
import { DEMO_PASSWORD, waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { addLabel, addNote, databaseNames, openConversation, reply, serviceWorkerActive, signIn, timeline, waitForBadge } from "./support/inbox-page.ts";

// Offline-first in a real browser: chromium's own offline switch (context.setOffline) cuts the
// network; the service worker, IndexedDB and the outbox have to carry the agent through.

const app = useInbox();

/** A customer writes in through the widget API; returns their token to read what they received. */
async function customer(base: string, inboxId: string, name: string, text: string): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(base + path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const { token } = (await (await post(`/api/widget/${inboxId}/sessions`, { name })).json()) as { token: string };
  expect((await post(`/api/widget/${inboxId}/messages`, { clientId: crypto.randomUUID(), text }, token)).status).toBe(201);
  return token;
}

/** The agent replies the customer's widget has received, in order. */
async function receivedReplies(base: string, inboxId: string, token: string): Promise<string[]> {
  const res = await fetch(`${base}/api/widget/${inboxId}/messages`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { messages: { from: string; content: { text?: string } }[] };
  return body.messages.filter((m) => m.from === "agent").map((m) => m.content.text ?? "");
}

describe("offline-first PWA", () => {
  it("opens with no network after a reload and shows the list, timelines and search from the device", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await openConversation(page, "João Pereira");
    await timeline(page).getByText("Vocês entregam em Campinas?").waitFor();
    await waitForBadge(page, /^Connection: Online$/);

    await serviceWorkerActive(page);
    await context.setOffline(true);
    await page.reload();
    const list = page.getByRole("navigation", { name: "Conversations" });
    await list.getByText("Maria Oliveira").waitFor();
    await waitForBadge(page, /Offline/);
    // A conversation never opened before is readable too: the first sync brought it.
    await openConversation(page, "Maria Oliveira");
    await timeline(page).getByText("hasn't arrived yet").waitFor();
    // Full-text search over what is cached, with no network.
    await list.getByLabel("Search conversations").fill("campinas");
    await list.getByRole("list", { name: "Search results" }).getByText("João Pereira").waitFor();
    await context.close();
  });

  it("offline, the live rooms try no new sockets (a chat opened offline makes none); back online they connect", async () => {
    const context = await app.newContext();
    // Every socket the page makes, to see what the rooms do with no network (each failed try is a console error).
    await context.addInitScript(() => {
      const made: WebSocket[] = [];
      (window as unknown as { madeSockets: WebSocket[] }).madeSockets = made;
      window.WebSocket = new Proxy(window.WebSocket, {
        construct(target, args: ConstructorParameters<typeof WebSocket>) {
          const ws = new target(...args);
          made.push(ws);
          return ws;
        },
      });
    });
    const page = await app.signIn("ana@demo.inbox", context);
    await waitForBadge(page, /^Connection: Online$/);
    const states = () => page.evaluate(() => (window as unknown as { madeSockets: WebSocket[] }).madeSockets.map((ws) => ws.readyState));
    const made = (await states()).length;
    expect(made).toBeGreaterThan(0);

    await context.setOffline(true);
    await waitForBadge(page, /Offline/);
    // Opening a chat opens its rooms: offline they wait for the network instead of trying it.
    await openConversation(page, "João Pereira");
    await timeline(page).getByText("Vocês entregam em Campinas?").waitFor();
    await reply(page, "Written with no sockets trying");
    await waitForBadge(page, /Offline · 1 change waiting/);
    expect((await states()).length).toBe(made);

    await context.setOffline(false);
    await waitForBadge(page, /^Connection: Online$/, 20_000);
    const OPEN = 1; // WebSocket.OPEN, in the page
    await expect.poll(async () => (await states()).slice(made).filter((s) => s === OPEN).length).toBeGreaterThanOrEqual(2);
    await timeline(page).getByText("Written with no sockets trying").waitFor();
    await timeline(page).getByText("Will send when online").waitFor({ state: "detached" });
    await context.close();
  });

  it("back online after a reload, what was done offline is sent before the team list catches up", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await waitForBadge(page, /^Connection: Online$/);
    await serviceWorkerActive(page);
    await context.setOffline(true);
    await page.reload();
    await openConversation(page, "João Pereira");
    await reply(page, "Sent before the list catches up");
    await waitForBadge(page, /Offline · 1 change waiting/);

    // The reload left no socket: back online, the team list's first state is the whole list.
    const order: string[] = [];
    page.on("websocket", (ws) => {
      if (/\/sync\/(team|mine)\./.test(ws.url())) order.push("team list socket");
    });
    page.on("request", (req) => {
      if (req.method() === "POST" && new URL(req.url()).pathname === "/api/commands") order.push("outbox sent");
    });
    await context.setOffline(false);
    await waitForBadge(page, /^Connection: Online$/, 20_000);
    expect(order.slice(0, 2)).toEqual(["outbox sent", "team list socket"]);
    await timeline(page).getByText("Will send when online").waitFor({ state: "detached" });
    await context.close();
  });

  it("answers offline; on reconnect the customer gets each reply once, in the order written, and triage applies once", async () => {
    const inbox = app.server.seed!.inboxIds.site!;
    const token = await customer(app.server.url, inbox, "Offline Olivia", "Is my refund done?");
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await openConversation(page, "Offline Olivia");
    await waitForBadge(page, /^Connection: Online$/);

    await context.setOffline(true);
    await waitForBadge(page, /Offline/);
    for (const n of [1, 2, 3]) await reply(page, `Offline answer ${n}`);
    await timeline(page).getByText("Offline answer 3").waitFor();
    expect(await timeline(page).getByText("Will send when online").count()).toBe(3);
    const chat = page.getByRole("main", { name: "Chat" });
    await chat.getByLabel("Priority").selectOption("high");
    await addLabel(page, "refund");
    await addNote(page, "Refund approved by finance");
    await waitForBadge(page, /Offline · 4 changes waiting/);
    expect(await receivedReplies(app.server.url, inbox, token)).toEqual([]);

    await context.setOffline(false);
    await waitForBadge(page, /^Connection: Online$/, 20_000);
    await waitFor("replies delivered", async () => (await receivedReplies(app.server.url, inbox, token)).length >= 3, 10_000);
    expect(await receivedReplies(app.server.url, inbox, token)).toEqual(["Offline answer 1", "Offline answer 2", "Offline answer 3"]);
    // Each shows once in the agent's timeline, no longer pending.
    await waitFor("pending cleared", async () => (await timeline(page).getByText("Will send when online").count()) === 0);
    expect(await timeline(page).getByText("Offline answer 2").count()).toBe(1);
    const admin = await app.server.login("admin@demo.inbox");
    const list = (await (await app.server.api("/api/conversations", { token: admin })).json()) as { conversations: { contactName: string; priority: string; labels: string[]; id: string }[] };
    const conv = await waitFor("triage applied", async () => {
      const l = (await (await app.server.api("/api/conversations", { token: admin })).json()) as typeof list;
      const c = l.conversations.find((x) => x.contactName === "Offline Olivia");
      return c && c.priority === "high" && c.labels.includes("refund") ? c : null;
    });
    const events = await app.server.core.db.query.events.findMany({ where: (e, { eq }) => eq(e.conversationId, conv.id) });
    expect(events.filter((e) => e.type === "conversation.priority_changed")).toHaveLength(1);
    expect(events.filter((e) => e.type === "note.added")).toHaveLength(1);
    await context.close();
  });

  it("keeps offline replies when the tab is closed and reopened before reconnecting", async () => {
    const inbox = app.server.seed!.inboxIds.site!;
    const token = await customer(app.server.url, inbox, "Tab Tina", "Hello?");
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await openConversation(page, "Tab Tina");
    await waitForBadge(page, /^Connection: Online$/);
    await serviceWorkerActive(page);
    await context.setOffline(true);
    await reply(page, "Written before closing the tab");
    await reply(page, "And a second one");
    await timeline(page).getByText("And a second one").waitFor();
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(app.server.url + "/");
    await waitForBadge(reopened, /Offline · 2 changes waiting/);
    await context.setOffline(false);
    await waitFor("delivered", async () => (await receivedReplies(app.server.url, inbox, token)).length >= 2, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await receivedReplies(app.server.url, inbox, token)).toEqual(["Written before closing the tab", "And a second one"]);
    await context.close();
  });

  it("a reply written offline to a chat a colleague took meanwhile is kept as a draft, with the reason", async () => {
    const inbox = app.server.seed!.inboxIds.site!;
    const token = await customer(app.server.url, inbox, "Race Rachel", "Anyone?");
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await openConversation(page, "Race Rachel");
    await waitForBadge(page, /^Connection: Online$/);
    await context.setOffline(true);
    await reply(page, "I'll take this one!");

    const admin = await app.server.login("admin@demo.inbox");
    const users = (await (await app.server.api("/api/users", { token: admin })).json()) as { users: { id: string; email: string }[] };
    const list = (await (await app.server.api("/api/conversations", { token: admin })).json()) as { conversations: { id: string; contactName: string }[] };
    const conv = list.conversations.find((c) => c.contactName === "Race Rachel")!;
    const sam = users.users.find((u) => u.email === "supervisor@demo.inbox")!;
    expect((await app.server.api(`/api/conversations/${conv.id}/assign`, { method: "POST", token: admin, json: { assigneeId: sam.id } })).status).toBe(200);

    await context.setOffline(false);
    const alert = page.getByRole("alert").filter({ hasText: "Conversation was taken by Sam while you were offline; your reply was kept as a draft." });
    await alert.waitFor({ timeout: 15_000 });
    await waitFor("text back in the draft", async () => (await page.getByRole("form", { name: "Reply" }).getByLabel("Reply message").inputValue()).includes("I'll take this one!"));
    expect(await receivedReplies(app.server.url, inbox, token)).toEqual([]);
    await context.close();
  });

  it("two agents who edit the same conversation offline converge when both reconnect", async () => {
    const inbox = app.server.seed!.inboxIds.site!;
    await customer(app.server.url, inbox, "Merge Mia", "Two of you?");
    const ctxA = await app.newContext();
    const ctxB = await app.newContext();
    const a = await app.signIn("ana@demo.inbox", ctxA);
    const b = await app.signIn("supervisor@demo.inbox", ctxB);
    for (const p of [a, b]) {
      await openConversation(p, "Merge Mia");
      await waitForBadge(p, /^Connection: Online$/);
    }
    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    await addNote(a, "Ana's note: she ordered twice");
    await addLabel(a, "duplicate-order");
    await addNote(b, "Sam's note: refund one of them");
    await addLabel(b, "refund");
    await a.getByRole("form", { name: "Reply" }).getByLabel("Reply message").fill("Draft by Ana");

    await ctxA.setOffline(false);
    await ctxB.setOffline(false);
    for (const p of [a, b]) {
      await timeline(p).getByText("Ana's note: she ordered twice").waitFor({ timeout: 15_000 });
      await timeline(p).getByText("Sam's note: refund one of them").waitFor({ timeout: 15_000 });
      const info = p.getByRole("complementary", { name: "Customer info" });
      await info.getByRole("button", { name: "Remove label duplicate-order" }).waitFor({ timeout: 15_000 });
      await info.getByRole("button", { name: "Remove label refund" }).waitFor({ timeout: 15_000 });
    }
    await waitFor("shared draft", async () => (await b.getByRole("form", { name: "Reply" }).getByLabel("Reply message").inputValue()) === "Draft by Ana", 15_000);
    await ctxA.close();
    await ctxB.close();
  });

  it("sign-out leaves nothing in IndexedDB, and the next user sees none of the previous user's data", async () => {
    const context = await app.newContext();
    const page = await app.signIn("ana@demo.inbox", context);
    await page.getByRole("navigation", { name: "Conversations" }).getByText("Maria Oliveira").waitFor();
    await openConversation(page, "Maria Oliveira");
    await waitForBadge(page, /^Connection: Online$/);
    expect((await databaseNames(page)).some((n) => n.startsWith("inbox-"))).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Email").waitFor();
    await waitFor("databases gone", async () => (await databaseNames(page)).length === 0);
    // Sign-out clears the app's localStorage last, after the databases and caches.
    await waitFor("local storage cleared", async () => (await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("inbox")))).length === 0);

    // Bruno (Sales) signs in on the same browser, offline: he must not see Ana's conversations.
    await page.getByLabel("Email").fill("bruno@demo.inbox");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const list = page.getByRole("navigation", { name: "Conversations" });
    await list.getByText("Lucas Martin").waitFor();
    await serviceWorkerActive(page);
    await context.setOffline(true);
    await page.reload();
    await list.getByText("Lucas Martin").waitFor();
    expect(await list.getByText("Maria Oliveira").count()).toBe(0);
    await context.close();
  });
});

/** A free loopback port, so a restarted server comes back at the same origin. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("server crash during sync", () => {
  const children: Child<{ url: string; dir: string; inboxId: string }>[] = [];
  afterAll(async () => {
    for (const c of children) await c.stop();
  });

  it("the server is killed while offline replies are being sent, restarts, and the customer still gets each once, in order", async () => {
    const port = String(await freePort());
    const entry = new URL("../../sync-server/src/testing/server-process.ts", import.meta.url);
    const first = await startChild<{ url: string; dir: string; inboxId: string }>(entry, { PORT: port, SEED_PASSWORD: DEMO_PASSWORD });
    children.push(first);
    const { url, dir, inboxId } = first.info;
    const token = await customer(url, inboxId, "Crash Cora", "Are you there?");
    const context = await app.newContext();
    const page = await signIn(context, url, "ana@demo.inbox", DEMO_PASSWORD);
    await openConversation(page, "Crash Cora");
    await waitForBadge(page, /^Connection: Online$/);

    await context.setOffline(true);
    const texts = Array.from({ length: 12 }, (_, i) => `Crash-safe reply ${i + 1}`);
    for (const t of texts) await reply(page, t);
    await waitForBadge(page, /Offline · 12 changes waiting/);

    // Kill the server the moment the replay reaches it.
    const killed = new Promise<void>((resolve) => {
      page.on("request", (req) => {
        if (req.url().endsWith("/api/commands")) void first.kill().then(resolve);
      });
    });
    await context.setOffline(false);
    await killed;
    await new Promise((r) => setTimeout(r, 500));
    const second = await startChild<{ url: string; dir: string; inboxId: string }>(entry, { PORT: port, INBOX_DIR: dir, SEED_PASSWORD: DEMO_PASSWORD });
    children.push(second);

    await waitFor("all replies delivered", async () => (await receivedReplies(url, inboxId, token)).length >= texts.length, 30_000);
    await waitForBadge(page, /^Connection: Online$/, 20_000);
    expect(await receivedReplies(url, inboxId, token)).toEqual(texts);
    await context.close();
  });
});
