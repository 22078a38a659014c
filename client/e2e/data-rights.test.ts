import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { eq, inArray } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { newId, roomName } from "@inbox/shared";
import { toConversation } from "../../sync-server/src/db/read-model.ts";
import { contacts, conversations, messages } from "../../sync-server/src/db/schema.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, timeline } from "./support/inbox-page.ts";

// Customers' data rights in a real browser: an admin downloads a customer's archive from the
// customer panel, erases the customer (typing their name; a colleague with the chat open sees it
// erased at once), and runs the retention policy from Settings: a dry run, then a run.

const app = useInbox();
const DAY_MS = 24 * 3600_000;

async function person(email: string): Promise<{ context: BrowserContext; page: Page }> {
  // Wide enough that the customer panel sits beside the chat rather than in a drawer.
  const context = await app.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  return { context, page: await app.signIn(email, context) };
}

const info = (page: Page) => page.getByRole("complementary", { name: "Customer info" });

/** How many of these conversations the device's database holds, and how many messages of the first. */
function deviceHolds(page: Page, ids: string[]): Promise<{ conversations: number; messages: number }> {
  return page.evaluate(async (wanted) => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? "").find((n) => n.startsWith("inbox-") && !n.includes("-work."));
    if (!name) return { conversations: -1, messages: -1 };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(["conversations", "messages"]);
    const ask = <T,>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    // Every request is made before the first await: the transaction stays active for all of them.
    const held = wanted.map((id) => ask(tx.objectStore("conversations").getKey(id)));
    const messages = ask(tx.objectStore("messages").index("[conversationId+position]").count(IDBKeyRange.bound([wanted[0], -Infinity], [wanted[0], Infinity])));
    const result = { conversations: (await Promise.all(held)).filter((k) => k !== undefined).length, messages: await messages };
    db.close();
    return result;
  }, ids);
}

async function customerWrites(externalId: string, name: string, text: string): Promise<void> {
  const inbox = (await app.server.core.db.query.inboxes.findMany()).find((r) => r.channel === "whatsapp")!;
  const res = await app.server.simulatorApi(`/inboxes/${inbox.id}/customer`, { customer: { externalId, name }, action: { kind: "text", text } });
  expect(res.status).toBe(200);
}

describe("customers' data rights, in a real browser", () => {
  it("an admin exports a customer's data as a zip, then erases them; a colleague's open chat shows it erased", async () => {
    await customerWrites("5511955550001", "Dana Rights", "Please delete everything about me, my CPF is 123");
    const alice = await person("admin@demo.inbox");
    const ana = await person("ana@demo.inbox");
    await openConversation(alice.page, "Dana Rights");
    await openConversation(ana.page, "Dana Rights");
    await timeline(ana.page).getByText("my CPF is 123").waitFor();
    // Agents are not offered what they may not do.
    expect(await info(ana.page).getByRole("button", { name: "Export data" }).count()).toBe(0);
    expect(await info(ana.page).getByRole("button", { name: "Erase contact…" }).count()).toBe(0);

    const panel = info(alice.page);
    const [download] = await Promise.all([alice.page.waitForEvent("download"), panel.getByRole("button", { name: "Export data" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^contact-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.zip$/);
    const zip = await readFile((await download.path())!);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4": a zip archive
    await panel.getByRole("status").filter({ hasText: "Downloaded contact-" }).waitFor();

    await panel.getByRole("button", { name: "Erase contact…" }).click();
    const form = panel.getByRole("form", { name: "Erase this contact" });
    const confirm = form.getByRole("button", { name: "Erase permanently" });
    await form.getByLabel("Type Dana Rights to confirm").fill("Dana");
    expect(await confirm.isDisabled()).toBe(true);
    await form.getByLabel("Type Dana Rights to confirm").fill("dana rights");
    await confirm.click();
    await panel.getByRole("status").filter({ hasText: "Erased. Messages: 1, conversations: 1, files: 0." }).waitFor();
    await panel.getByRole("note").filter({ hasText: "This customer's data was erased on" }).waitFor();

    // Both screens show the message erased, without a reload; the words are gone.
    for (const page of [alice.page, ana.page]) {
      await timeline(page).getByText("This message was erased with the customer's data.").waitFor({ timeout: 15_000 });
      expect(await timeline(page).getByText("my CPF is 123").count()).toBe(0);
    }
    // The list shows the anonymous name; after a reload the device's copy is erased too.
    const erased = (await app.server.core.db.query.contacts.findFirst({ where: (c, { isNotNull }) => isNotNull(c.erasedAt) }))!;
    const anonymous = `Visitor ${erased.id.slice(0, 6)}`;
    const list = ana.page.getByRole("navigation", { name: "Conversations" });
    await list.getByRole("button", { name: new RegExp(anonymous) }).waitFor({ timeout: 15_000 });
    await ana.page.reload();
    await openConversation(ana.page, anonymous);
    await timeline(ana.page).getByText("This message was erased with the customer's data.").waitFor();
    expect(await ana.page.getByText("my CPF is 123").count()).toBe(0);
    expect(await list.getByText("Dana Rights").count()).toBe(0);
  });

  it("an admin turns the retention policy on, runs a dry run (nothing deleted), then a run", async () => {
    // Five web chat conversations resolved 40 days ago.
    const { db, writer } = app.server.core;
    const inbox = (await db.query.inboxes.findFirst({ where: (i, { eq: is }) => is(i.id, app.server.seed!.inboxIds.site!) }))!;
    const at = app.server.core.now() - 40 * DAY_MS;
    const contactId = newId();
    const ids = Array.from({ length: 5 }, () => newId());
    await writer.write([
      db.insert(contacts).values({ id: contactId, workspaceId: inbox.workspaceId, name: "Old Olivia", email: null, phone: null, createdAt: at }),
      db.insert(conversations).values(ids.map((id) => ({ id, workspaceId: inbox.workspaceId, inboxId: inbox.id, channel: "webchat", contactId, contactName: "Old Olivia", teamId: inbox.teamId, status: "resolved", labels: [], lastActivityAt: at, createdAt: at }))),
      db.insert(messages).values(ids.map((conversationId) => ({ id: newId(), workspaceId: inbox.workspaceId, conversationId, inboxId: inbox.id, direction: "inbound", senderKind: "customer", senderId: contactId, senderName: "Old Olivia", content: { kind: "text", text: "old" }, text: "old", status: "delivered", createdAt: at }))),
    ]);
    // As they were when they were live: in the team's list.
    const rows = await db.select().from(conversations).where(inArray(conversations.id, ids));
    app.server.core.live.apply(roomName({ kind: "team", id: inbox.teamId }), [{ kind: "team.conversations", conversations: rows.map(toConversation) }]);

    const { page } = await person("admin@demo.inbox");
    // The device pulled them with everything else.
    await expect.poll(() => deviceHolds(page, ids), { timeout: 15_000 }).toEqual({ conversations: 5, messages: 1 });
    await page.goto(app.server.url + "/settings");
    const section = page.getByRole("region", { name: "Data retention" });
    const form = section.getByRole("form", { name: "Retention policy" });
    await form.getByLabel("Delete conversations resolved more than N days ago").check();
    await form.getByLabel("Days after being resolved").fill("30");
    await form.getByRole("button", { name: "Save" }).click();
    await section.getByRole("status").filter({ hasText: "Saved: conversations resolved more than 30 days ago are deleted." }).waitFor();

    await form.getByRole("button", { name: "Dry run" }).click();
    await section.getByRole("status").filter({ hasText: /^Would delete now\. Conversations: \d+, messages: \d+, files: \d+; last active between / }).waitFor();
    expect(await db.select({ id: conversations.id }).from(conversations).where(inArray(conversations.id, ids))).toHaveLength(5);

    page.once("dialog", (d) => void d.accept());
    await form.getByRole("button", { name: "Run now" }).click();
    await section.getByRole("status").filter({ hasText: /^Deleted\. Conversations: \d+, messages: \d+, files: \d+\.$/ }).waitFor();
    expect(await db.select({ id: conversations.id }).from(conversations).where(inArray(conversations.id, ids))).toEqual([]);
    expect(await db.select({ id: messages.id }).from(messages).where(inArray(messages.conversationId, ids))).toEqual([]);
    // The device drops them (and their messages) at its next pull, which their leaving the team's list starts.
    await expect.poll(() => deviceHolds(page, ids), { timeout: 15_000 }).toEqual({ conversations: 0, messages: 0 });
    await form.getByRole("button", { name: "Dry run" }).click();
    await section.getByRole("status").filter({ hasText: "Nothing would be deleted" }).waitFor();
    // Saving and the run are in the audit log.
    const audit = await db.query.auditLog.findMany({ where: (a, { eq: is }) => is(a.workspaceId, inbox.workspaceId) });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["retention.policy_changed", "retention.run", "contact.exported", "contact.erased"]));
    expect((await db.query.contacts.findFirst({ where: eq(contacts.id, contactId) }))!.name).toBe("Old Olivia");
  });
});
