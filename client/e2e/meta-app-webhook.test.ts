import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { useInbox } from "./support/use-inbox.ts";

// Meta configures one callback URL per app: Settings → Channels shows it beside each WhatsApp,
// Messenger and Instagram channel's own webhook URL (the demo's three are one app's).

const app = useInbox();

describe("the Meta app's callback URL in Settings", () => {
  it("an admin sees the app's one URL next to each Meta channel's own, and which verify token it takes", async () => {
    const row = await app.server.core.db.query.inboxes.findFirst({ where: (i, { eq }) => eq(i.channel, "messenger") });
    const appId = row!.metaAppId!;
    const admin = await app.signIn("admin@demo.inbox");
    await admin.getByRole("button", { name: "Settings" }).click();
    const channels = admin.getByRole("region", { name: "Channels" });
    await channels.getByRole("table").waitFor();

    for (const name of ["WhatsApp", "Messenger", "Instagram"]) {
      const appUrl = channels.getByRole("textbox", { name: `Callback URL of Meta app ${appId} (for ${name})` });
      await appUrl.waitFor({ timeout: 15_000 });
      expect(await appUrl.inputValue()).toBe(`${app.server.url}/webhooks/meta/${appId}`);
      expect(await channels.getByRole("textbox", { name: `Webhook URL for ${name}` }).inputValue()).toMatch(/\/webhooks\/(whatsapp|messenger|instagram)\/[\w-]+$/);
    }
    await channels.getByText(/Verify token: the one entered for any of them\./).first().waitFor();
    expect(await channels.getByRole("textbox", { name: /Callback URL of Meta app/ }).count()).toBe(3);
  });
});

describe("Settings → Channels offline", () => {
  it("shows the channels as the device last saw them, says so, and asks the server again when the connection returns", async () => {
    const context = await app.newContext();
    const admin = await app.signIn("admin@demo.inbox", context);
    await admin.getByRole("button", { name: "Settings" }).click();
    const channels = admin.getByRole("region", { name: "Channels" });
    await channels.getByRole("textbox", { name: "Webhook URL for Telegram" }).waitFor({ timeout: 15_000 });
    await admin.getByRole("button", { name: "Back to inbox" }).click();
    await admin.getByRole("navigation", { name: "Conversations" }).waitFor();

    await context.setOffline(true);
    try {
      await admin.getByRole("button", { name: "Settings" }).click();
      await channels.getByText("You are offline: showing the channels as this device last saw them.", { exact: false }).waitFor();
      expect(await channels.getByRole("textbox", { name: "Webhook URL for Telegram" }).inputValue()).toMatch(/\/webhooks\/telegram\//);
      await channels.getByText("Webhook: checked with the platform when you are connected").waitFor();
      expect(await channels.getByRole("alert").count()).toBe(0);
    } finally {
      await context.setOffline(false);
    }
    await channels.getByText("You are offline", { exact: false }).waitFor({ state: "detached" });
    await channels.getByRole("button", { name: "Register again: the webhook of Telegram" }).waitFor();
    await context.close();
  });

  it("its actions are disabled while offline, each saying why, and enabled again when the connection returns", async () => {
    const context = await app.newContext();
    const admin = await app.signIn("admin@demo.inbox", context);
    await admin.getByRole("button", { name: "Settings" }).click();
    const channels = admin.getByRole("region", { name: "Channels" });
    // Telegram: disable and reconnect; WhatsApp: its templates' sync; Messenger: the Human Agent switch; and connecting a new one.
    const actions = [
      channels.getByRole("button", { name: "Disable Telegram" }),
      channels.getByRole("button", { name: "Reconnect Telegram" }),
      channels.getByRole("button", { name: "Disable WhatsApp" }),
      channels.getByRole("checkbox", { name: /Human Agent/ }).first(),
      admin.getByRole("button", { name: "Connect channel" }),
    ];
    for (const a of actions) await a.waitFor({ timeout: 15_000 });
    const description = (a: Locator) =>
      a.evaluate((el) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
    for (const a of actions) expect(await a.isEnabled()).toBe(true);

    await context.setOffline(true);
    try {
      for (const a of actions) {
        await expect.poll(() => a.isDisabled()).toBe(true);
        expect(await description(a)).toContain("You're offline");
      }
      expect(await channels.getByText("You're offline", { exact: true }).first().isVisible()).toBe(true);
    } finally {
      await context.setOffline(false);
    }
    for (const a of actions) await expect.poll(() => a.isEnabled()).toBe(true);
    expect(await channels.getByText("You're offline", { exact: true }).count()).toBe(0);
    await context.close();
  });
});
