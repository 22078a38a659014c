import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { BUILT_IN_PERMISSIONS } from "@inbox/shared";
import { conversations } from "../../sync-server/src/db/schema.ts";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, reply, timeline } from "./support/inbox-page.ts";

// A custom role that sees only the chats assigned to its holder: Ana's list holds just those,
// follows assignments live both ways, and what she may not see stays out of her browser.

const app = useInbox();

async function customerWrites(name: string, text: string): Promise<string> {
  const inboxId = app.server.seed!.inboxIds.site!;
  const session = await app.server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name } });
  const { token } = (await session.json()) as { token: string };
  const sent = await app.server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: `e2e-narrow-${name.replace(/\W/g, "")}`, text } });
  expect(sent.status).toBe(201);
  return waitFor(`${name}'s conversation`, async () => (await app.server.core.db.select().from(conversations).where(eq(conversations.contactName, name)))[0]?.id);
}

describe("a custom role that sees only assigned chats, in a real browser", () => {
  it("shows Ana only her chats; one given to her appears and one taken from her goes, live", async () => {
    const admin = await app.server.login("admin@demo.inbox");
    const anaId = app.server.seed!.userIds.ana!;
    const created = await app.server.api("/api/admin/roles", {
      method: "POST",
      token: admin,
      json: { name: "Assigned only", base: "agent", permissions: { ...BUILT_IN_PERMISSIONS.agent, conversations: "assigned", manageContacts: false } },
    });
    expect(created.status).toBe(201);
    const { role } = (await created.json()) as { role: { id: string } };
    const assign = async (id: string, assigneeId: string | null) =>
      expect((await app.server.api(`/api/conversations/${id}/assign`, { method: "POST", token: admin, json: { assigneeId, override: true } })).status).toBe(200);

    const hers = await customerWrites("Narrow Nora", "My parcel is late");
    const notHers = await customerWrites("Other Otto", "Where is my refund?");
    await assign(hers, anaId);

    // Ana is signed in as an agent of the team and sees both chats.
    const ana = await app.signIn("ana@demo.inbox");
    const list = ana.getByRole("navigation", { name: "Conversations" });
    await ana.getByRole("group", { name: "Filter conversations" }).getByRole("button", { name: /^All/ }).click();
    await list.getByRole("button", { name: /Other Otto/ }).waitFor();

    // The admin gives her the role while she works: her screen follows without a reload.
    expect((await app.server.api(`/api/admin/people/${anaId}`, { method: "PATCH", token: admin, json: { customRoleId: role.id } })).status).toBe(200);
    await ana.locator(".current-user-role").getByText("Assigned only").waitFor();
    await list.getByRole("button", { name: /Other Otto/ }).waitFor({ state: "detached" });
    await list.getByRole("button", { name: /Narrow Nora/ }).waitFor();

    // She answers her chat as usual.
    await openConversation(ana, "Narrow Nora");
    await reply(ana, "Let me look at your parcel.");
    await timeline(ana).getByText("Let me look at your parcel.").waitFor();
    // The role does not edit contacts: the profile is there to read, without its edit buttons.
    const panel = ana.getByRole("complementary", { name: "Customer info" });
    await panel.locator(".profile-name").getByText("Narrow Nora").waitFor();
    expect(await panel.getByRole("button", { name: "Edit details" }).count()).toBe(0);

    // The admin gives her Otto's chat: it appears without a reload.
    await assign(notHers, anaId);
    await list.getByRole("button", { name: /Other Otto/ }).waitFor();
    // And takes Nora's back to the queue: it leaves her list and her device.
    await assign(hers, null);
    await list.getByRole("button", { name: /Narrow Nora/ }).waitFor({ state: "detached" });
    await expect
      .poll(() => ana.evaluate(async (id) => {
        const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("inbox"));
        for (const name of names) {
          const db = await new Promise<IDBDatabase>((ok, ko) => {
            const req = indexedDB.open(name);
            req.onsuccess = () => ok(req.result);
            req.onerror = () => ko(req.error);
          });
          if (!db.objectStoreNames.contains("conversations")) continue;
          const found = await new Promise<unknown>((ok) => {
            const req = db.transaction("conversations").objectStore("conversations").get(id);
            req.onsuccess = () => ok(req.result);
          });
          db.close();
          if (found) return true;
        }
        return false;
      }, hers))
      .toBe(false);

    // The team's list room is not hers to open; the server refuses it.
    const refused = await ana.evaluate(async (teamId) => {
      const ws = new WebSocket(`${location.origin.replace("http", "ws")}/sync/team.${teamId}`);
      return new Promise<string>((done) => {
        ws.onopen = () => done("opened");
        ws.onerror = () => done("refused");
      });
    }, app.server.seed!.teamIds.support!);
    expect(refused).toBe("refused");
  });
});
