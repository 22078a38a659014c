import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";

// A first visit shows sign-in without asking the server who this is (a certain 401 the
// browser would log on every visit); a signed-in reload asks and opens the inbox; after
// signing out, a reload is a clean sign-in page again.

const app = useInbox();

describe("the first visit", () => {
  it("shows sign-in with no failed request in the console, and asks /api/me only once a session may exist", async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    const meAnswers: number[] = [];
    const failures: string[] = [];
    page.on("response", (res) => {
      if (new URL(res.url()).pathname === "/api/me") meAnswers.push(res.status());
    });
    page.on("console", (msg) => {
      if (msg.type() === "error") failures.push(msg.text());
    });

    await page.goto(app.server.url + "/");
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(meAnswers).toEqual([]);
    expect(failures).toEqual([]);

    await page.getByLabel("Email").fill("ana@demo.inbox");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation", { name: "Conversations" }).waitFor();
    expect(meAnswers).toEqual([200]);

    await page.reload();
    await page.getByRole("navigation", { name: "Conversations" }).waitFor();
    await expect.poll(() => meAnswers.length).toBe(2);
    expect(meAnswers).toEqual([200, 200]);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    // Requests still in flight as the session ends may be refused: only the next visit counts.
    failures.length = 0;
    const before = meAnswers.length;
    await page.reload();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(meAnswers.length).toBe(before);
    expect(failures).toEqual([]);
  });
});
