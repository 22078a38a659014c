import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { offerPush } from "../../sync-server/src/push/push-words.ts";
import { DEMO_PASSWORD, waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";

// Web Push in a real browser (issue 16). Headless Chromium has no push service to subscribe with
// (its push manager registers with Google's FCM, unreachable here, and cannot be pointed at a
// local one), so the wire format and the subscription's server side are proven by
// sync-server/src/push/push.test.ts against a push service stand-in. Here: the Profile's switch
// and what the browser says; then a push delivered to the app's real service worker through the
// DevTools protocol (what the browser does when its push service hands one over), shown as a
// notification with the server's words, and its click opening the chat.

const app = useInbox();

/** The service worker registration's id, as the DevTools protocol names it. */
async function registrationId(page: Page): Promise<{ id: string; origin: string; cdp: Awaited<ReturnType<BrowserContext["newCDPSession"]>> }> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const found = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
      const reg = e.registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (reg) resolve(reg.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  return { id: await found, origin, cdp };
}

function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return (await reg.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data as { url: string; conversationId: string } }));
  });
}

describe("Web Push in the browser", () => {
  it("Profile → Notifications on this device: push choices are saved; the switch asks the browser, and a push manager that refuses is said in words with the switch left off", async () => {
    const context = await app.newContext();
    await context.grantPermissions(["notifications"], { origin: app.server.url });
    const page = await app.signIn("ana@demo.inbox", context);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(app.server.url + "/profile");
    const section = page.getByRole("region", { name: "Notifications on this device" });
    const state = section.locator("[data-push-state]");
    await waitFor("device state known", async () => (await state.getAttribute("data-push-state")) === "off", 10_000);
    await section.getByText("Off: this device shows nothing while the app is closed.").waitFor();
    // The kinds that ring a closed app are the person's choices, saved on the server.
    await section.getByRole("checkbox", { name: "A new chat is offered to you" }).uncheck();
    const token = await app.server.login("ana@demo.inbox");
    await waitFor("choice saved", async () => {
      const { profile } = (await (await app.server.api("/api/me/profile", { token })).json()) as { profile: { pushChoices: Record<string, boolean> } };
      return profile.pushChoices.offered === false;
    });

    await section.getByRole("switch", { name: "Notifications on this device" }).check();
    // Headless Chromium's push manager refuses to register (no push service): the failure is said in words, the switch stays off.
    await section.getByRole("alert").getByText("This device could not be subscribed: the browser's push service refused or could not be reached.", { exact: false }).waitFor();
    expect(await page.evaluate(() => Notification.permission)).toBe("granted");
    expect(await section.getByRole("switch", { name: "Notifications on this device" }).isChecked()).toBe(false);
  });

  it("a push delivered to the service worker with the app closed shows the server's words; its click opens the chat", async () => {
    const context = await app.newContext();
    await context.grantPermissions(["notifications"], { origin: app.server.url });
    const page = await app.signIn("ana@demo.inbox", context);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const { id, origin, cdp } = await registrationId(page);
    const token = await app.server.login("ana@demo.inbox");
    const list = (await (await app.server.api("/api/conversations", { token })).json()) as { conversations: { id: string; contactName: string; lastMessagePreview: string }[] };
    const maria = list.conversations.find((c) => c.contactName === "Maria Oliveira")!;
    // Exactly what the server encrypts for an offer of Maria's chat (push/push-words.ts).
    const payload = offerPush(maria, "en");

    // The app closed: no window of it is open when the push arrives.
    await page.goto("about:blank");
    await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId: id, data: JSON.stringify(payload) });
    await page.goto(app.server.url + "/");
    await page.getByRole("navigation", { name: "Conversations" }).waitFor();
    const shown = await waitFor("notification shown", async () => (await shownNotifications(page)).find((n) => n.tag === `conversation-${maria.id}`), 10_000);
    expect(shown).toEqual({ title: "New chat for you: Maria Oliveira", body: maria.lastMessagePreview, tag: `conversation-${maria.id}`, data: { url: `/?conversation=${maria.id}`, conversationId: maria.id } });

    // Its click, with the app open in a window: that window shows the chat and the notification goes.
    const worker = await waitFor("service worker running", () => context.serviceWorkers()[0]);
    await worker.evaluate(async (tag) => {
      const sw = self as unknown as ServiceWorkerGlobalScope;
      const [n] = await sw.registration.getNotifications({ tag });
      sw.dispatchEvent(new NotificationEvent("notificationclick", { notification: n! }));
    }, shown.tag);
    await page.getByRole("main", { name: "Chat" }).getByRole("heading", { name: /Maria Oliveira/ }).waitFor();
    await waitFor("notification closed", async () => (await shownNotifications(page)).every((n) => n.tag !== shown.tag));

    // With no window open the click opens the app at the notification's address: the chat shows, the address is the inbox's.
    const fresh = await context.newPage();
    await page.close();
    await fresh.goto(app.server.url + shown.data.url);
    await fresh.getByRole("main", { name: "Chat" }).getByRole("heading", { name: /Maria Oliveira/ }).waitFor();
    expect(new URL(fresh.url()).search).toBe("");
  });

  it("the end of the session takes this device's browser subscription with it: at sign-out without waiting on the push service, and when the session is ended elsewhere", async () => {
    const context = await app.newContext();
    await context.grantPermissions(["notifications"], { origin: app.server.url });
    // Headless Chromium cannot subscribe (no push service), so the page's push manager holds a
    // stand-in subscription whose push service never answers an unsubscribe: sign-out must not wait for it.
    await context.addInitScript(() => {
      const w = window as unknown as { unsubscribed: number };
      w.unsubscribed = 0;
      const sub = {
        endpoint: "https://fcm.googleapis.com/fcm/send/stand-in",
        options: { applicationServerKey: null, userVisibleOnly: true },
        toJSON: () => ({ endpoint: sub.endpoint, keys: {} }),
        unsubscribe: () => {
          w.unsubscribed += 1;
          return new Promise<boolean>(() => {});
        },
      };
      PushManager.prototype.getSubscription = () => Promise.resolve(sub as unknown as PushSubscription);
    });
    const page = await app.signIn("ana@demo.inbox", context);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const unsubscribed = () => page.evaluate(() => (window as unknown as { unsubscribed: number }).unsubscribed);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByRole("heading", { name: "Sign in to Inbox" }).waitFor();
    await waitFor("browser subscription dropped at sign-out", async () => (await unsubscribed()) === 1);

    // Signed in again, then signed out from another device: the open app drops to sign-in and lets go of the subscription too.
    await page.getByLabel("Email").fill("ana@demo.inbox");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation", { name: "Conversations" }).waitFor();
    const elsewhere = await app.server.login("ana@demo.inbox");
    expect((await app.server.api("/api/me/sessions/sign-out-others", { method: "POST", token: elsewhere })).status).toBe(200);
    await page.getByRole("heading", { name: "Sign in to Inbox" }).waitFor();
    await waitFor("browser subscription dropped when the session ended elsewhere", async () => (await unsubscribed()) === 2);
  });
});
