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
      await admin.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
      await admin.getByRole("region", { name: "Canais" }).getByRole("textbox", { name: /Telegram/ }).first().waitFor();
      problems.push(...(await check(admin, "/settings as admin in Portuguese")));
      await admin.getByRole("combobox", { name: "Idioma" }).selectOption("en");
      await admin.getByRole("region", { name: "Channels" }).waitFor();
      expect(problems).toEqual([]);
    });
  }
});
