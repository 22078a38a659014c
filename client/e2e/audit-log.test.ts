import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { useInbox } from "./support/use-inbox.ts";

// The admin audit log in a real browser: a change an admin makes is there with their name, the
// viewer's filters and search find it, the CSV export holds it (and is itself recorded), the
// integrity check says the chain is intact, and after someone edits the entry in the database
// file behind the server's back, the check names that entry.

const app = useInbox();

describe("the audit log, in a real browser", () => {
  it("an admin finds their change by action, exports it as CSV, checks the chain, and sees where a tampered entry breaks it", async () => {
    const context = await app.newContext({ acceptDownloads: true });
    const page = await app.signIn("admin@demo.inbox", context);
    await page.getByRole("button", { name: "Settings" }).click();

    // Something audited, through the UI: a new SLA policy.
    const sla = page.getByRole("region", { name: "Business hours & SLAs" });
    const form = sla.getByRole("form", { name: "New SLA policy" });
    await form.getByLabel("Name").fill("Audited policy");
    await form.getByLabel("First response target").fill("20");
    await form.getByRole("button", { name: "Add policy" }).click();
    await sla.getByRole("status").filter({ hasText: "Saved Audited policy." }).waitFor();

    // The viewer, filtered by what was done: the entry, with the admin's name and where from.
    const audit = page.getByRole("region", { name: "Audit log" });
    const filters = audit.getByRole("form", { name: "Filters" });
    await audit.locator("tr[data-action]").first().waitFor();
    await filters.getByLabel("What").selectOption({ label: "Saved an SLA policy" });
    const row = audit.locator('tr[data-action="sla.policy_saved"]').filter({ hasText: "Audited policy" });
    await row.waitFor();
    expect(await audit.locator("tbody tr").count()).toBe(await audit.locator('tr[data-action="sla.policy_saved"]').count());
    expect(await row.getByRole("cell", { name: "Alice Admin" }).count()).toBe(1);
    await row.getByRole("rowheader", { name: "Saved an SLA policy" }).waitFor();
    await row.getByRole("cell", { name: "127.0.0.1" }).waitFor();
    const entryId = Number(await row.getAttribute("data-audit-id"));
    expect(entryId).toBeGreaterThan(0);

    // The search box finds it by the policy's name too.
    await filters.getByLabel("What").selectOption({ label: "Any action" });
    await filters.getByLabel("Search").fill("Audited policy");
    await filters.getByRole("button", { name: "Show entries" }).click();
    await audit.locator(`tr[data-audit-id="${entryId}"]`).waitFor();
    await filters.getByLabel("Search").fill("no such thing anywhere");
    await filters.getByRole("button", { name: "Show entries" }).click();
    await audit.getByText("No entries match these filters.").waitFor();
    await filters.getByRole("button", { name: "Clear filters" }).click();
    await audit.locator(`tr[data-audit-id="${entryId}"]`).waitFor();

    // CSV export of the SLA entries: the downloaded file holds the entry; the export is recorded.
    await filters.getByLabel("What").selectOption({ label: "All: SLA policies" });
    await audit.locator("tbody tr").first().waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), audit.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,time_utc,actor_id,actor_name,action,target,ip,user_agent,change");
    const line = lines.find((l) => l.startsWith(`${entryId},`))!;
    expect(line).toContain(",Alice Admin,sla.policy_saved,");
    expect(line).toContain("Audited policy");
    expect(line).toContain("Chrome");
    await audit.getByRole("status").filter({ hasText: /Downloaded audit-log-.*\.csv/ }).waitFor();
    await filters.getByLabel("What").selectOption({ label: "Exported the audit log" });
    await audit.locator('tr[data-action="audit.exported"]').filter({ hasText: "entries as CSV" }).waitFor();

    // The chain is intact.
    await audit.getByRole("button", { name: "Check integrity" }).click();
    await audit.getByRole("status").filter({ hasText: /^Chain intact: \d+ entries checked\.$/ }).waitFor();

    // Someone with the database file edits the entry, past the append-only trigger.
    const db = createClient({ url: `file:${join(app.server.dir, "inbox.db")}` });
    try {
      await db.execute("drop trigger audit_log_no_update");
      await db.execute({ sql: "update audit_log set data = json_set(data, '$.after.firstResponseMinutes', 600) where id = ?", args: [entryId] });
    } finally {
      db.close();
    }
    await audit.getByRole("button", { name: "Check integrity" }).click();
    const broken = audit.getByRole("alert").filter({ hasText: `Broken at entry #${entryId} (` });
    await broken.waitFor();
    expect(await broken.textContent()).toMatch(/\): it was changed after it was written\.$/);
  });
});
