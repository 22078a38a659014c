import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { conversations } from "../../sync-server/src/db/schema.ts";
import { DEMO_PASSWORD } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, serviceWorkerActive, timeline, waitForBadge, waitForDeviceCopy } from "./support/inbox-page.ts";

// AI assistance that works offline (issue 15), in the customer panel: a customer writes about a
// problem an earlier, resolved chat was about (Chen Wei's password reset, seeded), and the panel
// shows that chat with how it was answered, and a canned response that fits, inserted into the
// reply in one click with its variables filled. Offline, both still show.

const app = useInbox();

const replyText = () => (document.querySelector('textarea[aria-label="Reply message"]') as HTMLTextAreaElement | null)?.value ?? "";

describe("suggestions in the customer panel", () => {
  it("lists the similar resolved chat, inserts a suggested canned response, and still shows both offline", async () => {
    const server = app.server;
    const post = (path: string, body: unknown, token?: string) =>
      fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    // A canned response about the problem, saved by the admin before Ana signs in (her device copies it then).
    const admin = ((await (await post("/api/auth/login", { email: "admin@demo.inbox", password: DEMO_PASSWORD })).json()) as { token: string }).token;
    const saved = await post(
      "/api/admin/canned-responses",
      { shortcut: "reset-link", title: "Password reset link", text: "Hi {{contact.first_name}}, use Forgot password on the sign-in page: the reset link works for one hour.", teamId: null },
      admin,
    );
    expect(saved.status).toBe(201);

    // A new customer writes about a password reset on the web chat.
    const inboxId = server.seed!.inboxIds.site!;
    const { token } = (await (await post(`/api/widget/${inboxId}/sessions`, { name: "Pedro Alves" })).json()) as { token: string };
    const sent = await post(`/api/widget/${inboxId}/messages`, { clientId: crypto.randomUUID(), text: "Hello, I can't reset my password. The reset link never works." }, token);
    expect(sent.status).toBe(201);
    const pedro = await server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, "Pedro Alves") });

    const context = await app.newContext();
    const ana = await app.signIn("ana@demo.inbox", context);
    await openConversation(ana, "Pedro Alves");
    const info = ana.getByRole("complementary", { name: "Customer info" });

    // Similar conversations: Chen Wei's resolved chat, with the agent's answer, opening on click.
    const similar = info.getByRole("list", { name: "Similar conversations" });
    const chen = similar.getByRole("button", { name: /Chen Wei/ });
    await chen.waitFor();
    expect(await chen.textContent()).toContain("Use 'Forgot password' on the sign-in page");

    // Suggested replies: the canned response, inserted in one click with Pedro's first name.
    const replies = info.getByRole("list", { name: "Suggested replies" });
    await replies.getByRole("button", { name: "Insert canned response “Password reset link” into the reply" }).click();
    const filled = "Hi Pedro, use Forgot password on the sign-in page: the reset link works for one hour.";
    await ana.waitForFunction((text) => (document.querySelector('textarea[aria-label="Reply message"]') as HTMLTextAreaElement | null)?.value.includes(text) ?? false, filled);
    expect(await ana.evaluate(replyText)).not.toContain("{{");
    // The article about the same problem is offered too.
    await replies.getByRole("button", { name: "Insert a link to the article “Resetting your password” into the reply" }).waitFor();

    await chen.click();
    await timeline(ana).getByText("How do I reset my password?").waitFor();

    // Offline: the last answer kept on the device, and the replies ranked from the device's copy.
    await waitForDeviceCopy(ana, `insights:similar:${pedro!.id}`);
    await waitForDeviceCopy(ana, "content:canned");
    await serviceWorkerActive(ana);
    await context.setOffline(true);
    await ana.reload();
    await waitForBadge(ana, /Offline/);
    await openConversation(ana, "Pedro Alves");
    const offlineInfo = ana.getByRole("complementary", { name: "Customer info" });
    await offlineInfo.getByRole("list", { name: "Similar conversations" }).getByRole("button", { name: /Chen Wei/ }).waitFor();
    await offlineInfo.getByText(/^Offline: as found when last online/).waitFor();
    await offlineInfo.getByRole("list", { name: "Suggested replies" }).getByRole("button", { name: "Insert canned response “Password reset link” into the reply" }).waitFor();

    // A chat whose similar conversations were never asked online: ranked on the device, and said so.
    await openConversation(ana, "Maria Oliveira");
    await ana.getByRole("complementary", { name: "Customer info" }).getByText("Offline: ranked from the conversations this device holds.").waitFor();
    await context.setOffline(false);
  });
});
