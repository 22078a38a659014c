import { afterEach, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";

// Everyone's account, in a real browser: two-factor sign-in set up from the profile (the test
// reads the text key off the page and computes the app's code), sign-in in two steps, and the
// signed-in devices with "Sign out everywhere else" ending the other device's session at once.

const app = useInbox();
afterEach(() => {
  app.server.clock.offsetMs = 0;
});

/** What the person's authenticator app shows now, by the server's clock. */
const appCode = (key: string) => new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, "")) }).generate({ timestamp: app.server.core.now() });

describe("Account security, in a real browser", () => {
  it("sets up two-factor sign-in from the profile, signs in with password and code, and signs out everywhere else", async () => {
    const laptop = await app.signIn("ana@demo.inbox");
    const phone = await app.signIn("ana@demo.inbox");

    // Profile → set up two-factor sign-in: QR code, text key, a code from the app, recovery codes once.
    await laptop.getByRole("button", { name: "Profile" }).click();
    const profile = laptop.getByRole("main", { name: "Your profile" });
    await profile.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const setup = profile.getByRole("form", { name: "Set up two-factor sign-in" });
    await setup.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
    const key = (await setup.getByTestId("totp-key").textContent())!;
    expect(key).toMatch(/^[A-Z2-7 ]{32,}$/);
    await setup.getByLabel("Code from the app").fill(appCode(key));
    await setup.getByRole("button", { name: "Turn on" }).click();
    const codes = profile.getByRole("region", { name: "Your recovery codes" });
    await expect.poll(() => codes.getByRole("listitem").count()).toBe(10);
    await codes.getByRole("button", { name: "I have saved them" }).click();
    await profile.getByText(/^On\. Signing in also needs a code/).waitFor();

    // Sign out, then sign in: the password, then the app's code (of the next 30 seconds: a code is used once).
    await laptop.getByRole("button", { name: "Sign out", exact: true }).click();
    await laptop.getByRole("heading", { name: "Sign in to Inbox" }).waitFor();
    app.server.clock.offsetMs = 30_000;
    await laptop.getByLabel("Email").fill("ana@demo.inbox");
    await laptop.getByLabel("Password").fill(DEMO_PASSWORD);
    await laptop.getByRole("button", { name: "Sign in" }).click();
    await laptop.getByRole("heading", { name: "Two-factor sign-in" }).waitFor();
    await laptop.getByLabel("Code").fill("000000" === appCode(key) ? "111111" : "000000");
    await laptop.getByRole("button", { name: "Verify" }).click();
    await laptop.getByRole("alert").filter({ hasText: "That code is not right" }).waitFor();
    await laptop.getByLabel("Code").fill(appCode(key));
    await laptop.getByRole("button", { name: "Verify" }).click();
    // Signed in, back where she was: her profile, with two-factor sign-in on.
    await profile.getByText(/^On\. Signing in also needs a code/).waitFor();

    // The devices: this one marked, the phone too; sign out everywhere else.
    const devices = laptop.getByRole("list", { name: "Your signed-in devices" });
    await expect.poll(() => devices.getByRole("listitem").count()).toBe(2);
    await devices.getByRole("listitem").filter({ hasText: "This device" }).getByText("Chrome on Linux").waitFor();
    await laptop.getByRole("button", { name: "Sign out everywhere else" }).click();
    await laptop.getByRole("status").filter({ hasText: "Signed out on 1 other device(s)." }).waitFor();
    await expect.poll(() => devices.getByRole("listitem").count()).toBe(1);
    // The phone's open app drops to the sign-in screen without a reload.
    await phone.getByRole("heading", { name: "Sign in to Inbox" }).waitFor();
    // The laptop carries on.
    expect((await app.server.api("/api/me/sessions", { headers: { cookie: (await laptop.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } })).status).toBe(200);
  });

  it("an admin requires two-factor sign-in of everyone in Settings; someone without it is taken straight to setting it up", async () => {
    const alice = await app.signIn("admin@demo.inbox");
    // The admin sets up her own second factor first (the server refuses the requirement otherwise).
    const token = await app.server.login("admin@demo.inbox");
    const setup = (await (await app.server.api("/api/me/two-factor/setup", { method: "POST", token })).json()) as { setupToken: string; secret: string };
    expect((await app.server.api("/api/me/two-factor/enable", { method: "POST", token, json: { setupToken: setup.setupToken, code: appCode(setup.secret) } })).status).toBe(200);

    await alice.goto(app.server.url + "/settings");
    const security = alice.getByRole("region", { name: "Security", exact: true });
    await security.getByLabel("Require two-factor sign-in").selectOption("everyone");
    await security.getByRole("button", { name: "Save" }).click();
    await security.getByRole("status").filter({ hasText: "Security settings saved." }).waitFor();

    // Bruno signs in with his password and meets the set-up, nothing else.
    const bruno = await (await app.newContext()).newPage();
    await bruno.goto(app.server.url + "/");
    await bruno.getByLabel("Email").fill("bruno@demo.inbox");
    await bruno.getByLabel("Password").fill(DEMO_PASSWORD);
    await bruno.getByRole("button", { name: "Sign in" }).click();
    const card = bruno.getByRole("main", { name: "Set up two-factor sign-in" });
    await card.getByText("Acme Support requires two-factor sign-in. Set it up to continue.").waitFor();
    const key = (await card.getByTestId("totp-key").textContent())!;
    await card.getByLabel("Code from the app").fill(appCode(key));
    await card.getByRole("button", { name: "Turn on" }).click();
    await card.getByRole("button", { name: "I have saved them" }).click();
    await bruno.getByRole("navigation", { name: "Conversations" }).waitFor();
  });
});
