import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation } from "./support/inbox-page.ts";
import { layoutProblems, seriousA11yViolations } from "./support/layout-checks.ts";

// Every screen at a laptop, a small laptop and a phone width (issue 16): no sideways scrolling,
// no control covered by another, and no serious or critical accessibility violation (axe-core).

const app = useInbox();

const WIDTHS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "1024", width: 1024, height: 768 },
  { name: "390", width: 390, height: 844 },
] as const;

async function check(page: Page, screen: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of await layoutProblems(page)) out.push(`${screen}: ${p.kind}: ${p.detail}`);
  for (const v of await seriousA11yViolations(page)) out.push(`${screen}: a11y ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(" ")}`);
  return out;
}

/** The header's menu button: on a phone the language, the user's places and Sign out are behind it. */
function menuButton(page: Page) {
  return page.getByRole("banner").getByRole("button", { name: "Menu", exact: true });
}

/** The panel the menu button controls (by its aria-controls, so the test follows what a screen reader does). */
async function menuPanel(page: Page) {
  const id = await menuButton(page).getAttribute("aria-controls");
  expect(id).toBeTruthy();
  return page.locator(`#${id}`);
}

/** Picks the UI language from the header: in its row on wide screens, from its menu on a phone. */
async function chooseLanguage(page: Page, label: string, value: "en" | "pt-BR"): Promise<void> {
  const phone = (await menuButton(page).count()) > 0;
  if (phone) await menuButton(page).click();
  await page.getByRole("banner").getByRole("combobox", { name: label }).selectOption(value);
  if (phone) {
    // The words change in place; the menu stays open until dismissed.
    await page.getByRole("banner").getByRole("button", { name: value === "en" ? "Sign out" : "Sair" }).waitFor();
    await page.keyboard.press("Escape");
    await expectMenuClosed(page);
  }
}

async function expectMenuClosed(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('header [aria-controls][aria-expanded="false"]') !== null);
  await (await menuPanel(page)).waitFor({ state: "hidden" });
}

/** Each role's places behind the menu, in each language (what the wide header shows in its row). */
const ROLES = [
  { email: "ana@demo.inbox", en: ["Reports", "My day", "Profile", "Sign out"], pt: ["Relatórios", "Meu dia", "Perfil", "Sair"] },
  { email: "supervisor@demo.inbox", en: ["Supervision", "Reports", "Settings", "Profile", "Sign out"], pt: ["Supervisão", "Relatórios", "Configurações", "Perfil", "Sair"] },
  { email: "admin@demo.inbox", en: ["Supervision", "Reports", "Settings", "Profile", "Sign out"], pt: ["Supervisão", "Relatórios", "Configurações", "Perfil", "Sair"] },
] as const;

describe("the header on a phone (390 px)", () => {
  for (const role of ROLES) {
    it(`${role.email}: one row in English and Portuguese; the menu holds the rest and works`, async () => {
      const page = await app.signIn(role.email, await app.newContext({ viewport: { width: 390, height: 844 } }));
      for (const lang of ["en", "pt-BR"] as const) {
        const words = lang === "en" ? role.en : role.pt;
        if (lang === "pt-BR") await chooseLanguage(page, "Language", "pt-BR");
        // One row: a second one would add at least another control's height (the bell is in every role's header).
        const header = await page.getByRole("banner").boundingBox();
        const bell = await page.getByRole("banner").getByRole("button", { name: lang === "en" ? /^Notifications/ : /^Notificações/ }).boundingBox();
        expect(header && bell, "header and bell are drawn").toBeTruthy();
        expect(header!.height, `${lang}: header ${header!.height}px high, a control ${bell!.height}px`).toBeLessThan(2 * bell!.height);
        expect(header!.width).toBeLessThanOrEqual(390);

        // Closed, the places are not in the header's row; open, they are in the menu.
        const button = menuButton(page);
        const panel = await menuPanel(page);
        await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
        await expect(panel.isVisible()).resolves.toBe(false);
        await button.click();
        await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
        for (const name of words) await panel.getByRole("button", { name, exact: true }).waitFor();
        await panel.getByRole("combobox", { name: lang === "en" ? "Language" : "Idioma" }).waitFor();

        // Escape closes it and gives focus back to the button; Tab reaches into it from the button.
        await panel.getByRole("button", { name: words[0], exact: true }).focus();
        await page.keyboard.press("Escape");
        await expectMenuClosed(page);
        await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
        await page.keyboard.press("Enter");
        await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
        await page.keyboard.press("Tab");
        await expect(panel.evaluate((el) => el.contains(document.activeElement))).resolves.toBe(true);

        // A click elsewhere closes it.
        await page.getByRole("navigation", { name: lang === "en" ? "Conversations" : "Conversas" }).click({ position: { x: 10, y: 10 } });
        await expectMenuClosed(page);
      }
      // The shortcuts list opens from the menu; Escape closes the list, then (focus back in the menu) the menu.
      await menuButton(page).click();
      await (await menuPanel(page)).getByRole("button", { name: "Atalhos de teclado" }).click();
      const shortcuts = page.getByRole("dialog", { name: "Atalhos de teclado" });
      await shortcuts.waitFor();
      await page.keyboard.press("Escape");
      await shortcuts.waitFor({ state: "hidden" });
      await expect(menuButton(page).getAttribute("aria-expanded")).resolves.toBe("true");
      await page.keyboard.press("Escape");
      await expectMenuClosed(page);

      // An action works from the menu: Profile opens the profile (whose header's menu starts closed).
      await menuButton(page).click();
      await (await menuPanel(page)).getByRole("button", { name: "Perfil", exact: true }).click();
      await page.getByRole("heading", { name: "Seu perfil" }).waitFor();
      await expectMenuClosed(page);
      await chooseLanguage(page, "Idioma", "en");
    });
  }
});

describe("layout and accessibility at 1280, 1024 and 390 px", () => {
  for (const size of WIDTHS) {
    it(`${size.name} px: the inbox with a chat open, Settings, Reports, Supervision and Profile`, async () => {
      // bypassCSP: axe-core is injected as a script the app's own policy (rightly) refuses.
      const context = await app.newContext({ viewport: { width: size.width, height: size.height }, bypassCSP: true });
      const page = await app.signIn("supervisor@demo.inbox", context);
      const problems: string[] = [];
      problems.push(...(await check(page, "inbox")));
      await openConversation(page, "Maria Oliveira");
      await page.getByRole("form", { name: "Reply" }).waitFor();
      problems.push(...(await check(page, "conversation")));
      for (const [path, ready] of [
        ["/settings", () => page.getByRole("heading", { name: "Settings" }).first().waitFor()],
        ["/reports", () => page.getByRole("heading", { name: "Reports" }).first().waitFor()],
        ["/supervision", () => page.getByRole("main", { name: "Supervision" }).getByRole("heading").first().waitFor()],
        ["/profile", () => page.getByRole("heading", { name: "Your profile" }).waitFor()],
      ] as const) {
        await page.goto(app.server.url + path);
        await ready();
        problems.push(...(await check(page, path)));
      }
      // Settings as an admin: the channels with their webhook URLs, routing, ratings and widgets.
      const admin = await app.signIn("admin@demo.inbox", await app.newContext({ viewport: { width: size.width, height: size.height }, bypassCSP: true }));
      await admin.goto(app.server.url + "/settings");
      await admin.getByRole("textbox", { name: "Webhook URL for Telegram" }).waitFor();
      problems.push(...(await check(admin, "/settings as admin")));
      // Portuguese words run longer (the audit log's action list was wider than a phone).
      await chooseLanguage(admin, "Language", "pt-BR");
      await admin.getByRole("region", { name: "Canais" }).getByRole("textbox", { name: /Telegram/ }).first().waitFor();
      problems.push(...(await check(admin, "/settings as admin in Portuguese")));
      await chooseLanguage(admin, "Idioma", "en");
      await admin.getByRole("region", { name: "Channels" }).waitFor();
      expect(problems).toEqual([]);
    });
  }
});
