import { beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { eq } from "drizzle-orm";
import { conversations, teamMembers } from "../../sync-server/src/db/schema.ts";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, reply } from "./support/inbox-page.ts";

// Routing in a real browser: the admin turns on round robin for the website chat, Bruno sets
// himself away, customers write, and only Ana (available) is offered the chats; she picks one up.

const app = useInbox();
beforeAll(async () => {
  // Bruno joins Support too, so round robin has two agents to choose between.
  await app.server.core.db.insert(teamMembers).values({ teamId: app.server.seed!.teamIds.support!, userId: app.server.seed!.userIds.bruno! });
});

async function customerWritesInWidget(context: BrowserContext, name: string, text: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${app.server.url}/demo?inbox=${app.server.seed!.inboxIds.site}`);
  await page.getByRole("button", { name: "Open chat" }).click();
  const chat = page.getByRole("dialog");
  await chat.getByLabel("Name").fill(name);
  await chat.getByRole("button", { name: "Start chat" }).click();
  await chat.getByRole("textbox", { name: "Message" }).fill(text);
  await chat.getByRole("button", { name: "Send" }).click();
  await chat.getByRole("log", { name: "Messages" }).getByText(text).waitFor();
}

/** A second customer through the widget API (no second browser needed for the same path). */
async function customerWritesViaApi(name: string, text: string): Promise<void> {
  const inboxId = app.server.seed!.inboxIds.site!;
  const session = await app.server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name } });
  const { token } = (await session.json()) as { token: string };
  const sent = await app.server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: "routing-e2e-0000001", text } });
  expect(sent.status).toBe(201);
}

async function conversationOf(contactName: string) {
  return waitFor(`${contactName}'s conversation`, async () =>
    (await app.server.core.db.select().from(conversations).where(eq(conversations.contactName, contactName)))[0],
  );
}

describe("routing in the browser", () => {
  it("round robin offers chats only to available agents; the agent picks one up; the decision says why", async () => {
    // The admin sets the website chat to round robin with a pickup timeout.
    const adminContext = await app.newContext();
    const admin = await app.signIn("admin@demo.inbox", adminContext);
    await admin.getByRole("button", { name: "Settings" }).click();
    const routing = admin.getByRole("region", { name: "Routing", exact: true });
    await routing.getByRole("combobox", { name: "Routing mode for Website chat" }).selectOption({ label: "Round robin" });
    await routing.getByRole("spinbutton", { name: "Pickup timeout in seconds for Website chat" }).fill("600");
    await routing.getByRole("button", { name: "Save routing for Website chat" }).click();
    await routing.getByText("Routing for Website chat saved.").waitFor();
    await adminContext.close();

    // Bruno goes away. Offline the switch is disabled and says why; back online he can change it.
    const brunoContext = await app.newContext();
    const bruno = await app.signIn("bruno@demo.inbox", brunoContext);
    const brunoSwitch = bruno.getByRole("combobox", { name: "Availability" });
    await brunoContext.setOffline(true);
    await bruno.getByText("Offline: availability can be changed only when connected").waitFor();
    expect(await brunoSwitch.isDisabled()).toBe(true);
    await brunoContext.setOffline(false);
    await waitFor("the switch enabled again", () => brunoSwitch.isEnabled());
    await brunoSwitch.selectOption({ label: "Away" });
    await waitFor("Bruno away on the server", async () => {
      const me = await app.server.api("/api/me", { token: await app.server.login("bruno@demo.inbox") });
      return ((await me.json()) as { user: { availability: string } }).user.availability === "away";
    });

    const anaContext = await app.newContext();
    const ana = await app.signIn("ana@demo.inbox", anaContext);
    expect(await ana.getByRole("combobox", { name: "Availability" }).inputValue()).toBe("available");

    // Two customers write: with Bruno away, round robin offers both to Ana.
    const customerContext = await app.newContext();
    await customerWritesInWidget(customerContext, "Rosa Routed", "Hello, is anyone there?");
    await customerWritesViaApi("Otto Second", "Me too, please.");
    const anaId = app.server.seed!.userIds.ana!;
    const rosa = await waitFor("Rosa's chat offered", async () => {
      const c = await conversationOf("Rosa Routed");
      return c.assigneeId ? c : null;
    });
    const otto = await waitFor("Otto's chat offered", async () => {
      const c = await conversationOf("Otto Second");
      return c.assigneeId ? c : null;
    });
    expect(rosa.assigneeId).toBe(anaId);
    expect(otto.assigneeId).toBe(anaId);

    // Ana sees the chat offered in her list and in the chat, with the countdown, and picks it up.
    const list = ana.getByRole("navigation", { name: "Conversations" });
    const offeredItem = list.getByRole("button", { name: /Rosa Routed.*Offered to you, not picked up yet/ });
    await offeredItem.waitFor({ timeout: 10_000 });
    await offeredItem.click();
    const banner = ana.getByRole("main", { name: "Chat" }).getByRole("region", { name: "This chat was offered to you" });
    await banner.waitFor();
    await banner.getByText(/Goes to a colleague in \d+:\d\d if not picked up\./).waitFor();
    await banner.getByRole("button", { name: "Pick up" }).click();
    await banner.waitFor({ state: "detached" });
    await waitFor("the offer cleared on the server", async () => (await conversationOf("Rosa Routed")).offeredTo === null);
    await list.getByRole("button", { name: /Rosa Routed/ }).waitFor();
    await offeredItem.waitFor({ state: "detached" });

    // The history says why, with names; the pickup is recorded.
    const token = await app.server.login("ana@demo.inbox");
    const res = await app.server.api(`/api/conversations/${rosa.id}/events`, { token });
    const { events } = (await res.json()) as { events: { type: string; actorName: string | null; names: Record<string, string>; data: Record<string, unknown> }[] };
    const decision = events.find((e) => e.type === "conversation.assigned")!;
    expect(decision.data).toMatchObject({ reason: "routing", mode: "round_robin", to: anaId });
    expect(decision.data.why).toMatch(/^Round robin: offered to Ana Souza/);
    expect(decision.names[anaId]).toBe("Ana Souza");
    const pickup = events.find((e) => e.type === "conversation.picked_up")!;
    expect(pickup).toMatchObject({ actorName: "Ana Souza", data: { via: "button" } });

    // Otto's chat is offered too; replying takes it at once (no waiting for the 10-minute timeout).
    await openConversation(ana, "Otto Second");
    await banner.waitFor();
    await reply(ana, "Hello Otto, I'm on it.");
    await banner.waitFor({ state: "detached" });
    expect((await conversationOf("Otto Second")).offeredTo).toBeNull();
    const ottoEvents = await app.server.api(`/api/conversations/${otto.id}/events`, { token });
    const ottoPickup = ((await ottoEvents.json()) as { events: { type: string; data: Record<string, unknown> }[] }).events.find(
      (e) => e.type === "conversation.picked_up",
    );
    expect(ottoPickup?.data).toMatchObject({ via: "reply" });

    // Bruno, away, was offered nothing.
    expect(await bruno.getByRole("region", { name: "This chat was offered to you" }).count()).toBe(0);
    const brunoToken = await app.server.login("bruno@demo.inbox");
    const mine = await app.server.api("/api/conversations?filter=mine", { token: brunoToken });
    const { conversations: brunos } = (await mine.json()) as { conversations: { contactName: string }[] };
    expect(brunos.map((c) => c.contactName)).not.toContain("Rosa Routed");
    expect(brunos.map((c) => c.contactName)).not.toContain("Otto Second");

    await anaContext.close();
    await brunoContext.close();
    await customerContext.close();
  });
});
