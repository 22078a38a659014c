import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { customRoles, users } from "../../sync-server/src/db/schema.ts";
import { useInbox } from "./support/use-inbox.ts";

// An admin makes custom roles in Settings → Roles, gives one to Ana in People & teams (the table
// then calls her by it), changes and deletes another, and finds all of it in the audit log.

const app = useInbox();

describe("custom roles, in a real browser", () => {
  it("creates 'Assigned only', gives it to Ana, and changes and deletes another role", async () => {
    const admin = await app.signIn("admin@demo.inbox");
    await admin.goto(app.server.url + "/settings");
    const roles = admin.getByRole("region", { name: "Roles", exact: true });
    await roles.getByText("No custom roles yet").waitFor();

    // A new role starts from Agent; choosing a base fills in that role's permissions.
    await roles.getByRole("button", { name: "New role" }).click();
    const form = roles.getByRole("form", { name: "New role" });
    const check = (name: string) => form.getByRole("checkbox", { name, exact: true });
    expect(await check("Reply to customers").isChecked()).toBe(true);
    expect(await check("Edit and merge contacts").isChecked()).toBe(true);
    expect(await check("Supervise teams").isChecked()).toBe(false);
    await form.getByLabel("Based on").selectOption({ label: "Supervisor" });
    await expect.poll(() => check("Supervise teams").isChecked()).toBe(true);
    await form.getByLabel("Based on").selectOption({ label: "Agent" });
    await expect.poll(() => check("Supervise teams").isChecked()).toBe(false);

    // Without a name it is not sent, and the field says why.
    await form.getByRole("button", { name: "Save role" }).click();
    await form.getByText("Give the role a name.").waitFor();
    expect(await form.getByLabel("Role name").getAttribute("aria-invalid")).toBe("true");

    await form.getByLabel("Role name").fill("Assigned only");
    await form.getByLabel("Conversations they see").selectOption({ label: "Only conversations assigned to them" });
    await check("Edit and merge contacts").uncheck();
    await form.getByRole("button", { name: "Save role" }).click();
    await roles.getByRole("status").filter({ hasText: "The role Assigned only was saved." }).waitFor();
    const assignedOnly = roles.locator('tr[data-role="Assigned only"]');
    await assignedOnly.getByRole("cell", { name: "Agent", exact: true }).waitFor();
    await assignedOnly.getByRole("cell", { name: "Only conversations assigned to them" }).waitFor();
    await assignedOnly.getByRole("cell", { name: "reply", exact: true }).waitFor();
    const stored = await app.server.core.db.query.customRoles.findFirst({ where: eq(customRoles.name, "Assigned only") });
    expect(stored).toMatchObject({ base: "agent", permissions: { conversations: "assigned", reply: true, manageContacts: false, supervise: false } });

    // A second role, made the same way.
    await roles.getByRole("button", { name: "New role" }).click();
    await form.getByLabel("Role name").fill("Night shift");
    await form.getByLabel("Based on").selectOption({ label: "Supervisor" });
    await form.getByRole("button", { name: "Save role" }).click();
    await roles.locator('tr[data-role="Night shift"]').getByRole("cell", { name: "Supervisor", exact: true }).waitFor();

    // A name already taken is refused by the server, on the name field.
    await roles.getByRole("button", { name: "New role" }).click();
    await form.getByLabel("Role name").fill("assigned ONLY");
    await form.getByRole("button", { name: "Save role" }).click();
    await form.getByText("There is already a role with that name. Choose another.").waitFor();
    await form.getByRole("button", { name: "Cancel" }).click();
    await form.waitFor({ state: "detached" });

    // People & teams offers the custom roles after the built-in ones; Ana gets "Assigned only".
    const people = admin.getByRole("region", { name: "People & teams" });
    const ana = people.locator('tr[data-person="ana@demo.inbox"]');
    await ana.getByRole("cell", { name: "Agent", exact: true }).waitFor();
    await ana.getByRole("button", { name: "Edit Ana Souza" }).click();
    const editor = people.getByRole("form", { name: "Edit Ana Souza" });
    const roleSelect = editor.getByLabel("Role", { exact: true });
    const options = await roleSelect.locator("option").allTextContents();
    expect(options.slice(0, 3)).toEqual(["Admin", "Supervisor", "Agent"]);
    expect(options.slice(3)).toEqual(expect.arrayContaining(["Assigned only", "Night shift"]));
    await roleSelect.selectOption({ label: "Assigned only" });
    await editor.getByRole("button", { name: "Save" }).click();
    await people.getByRole("status").filter({ hasText: "Ana Souza was updated." }).waitFor();
    await ana.getByRole("cell", { name: "Assigned only", exact: true }).waitFor();
    const anaRow = await app.server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") });
    expect(anaRow).toMatchObject({ role: "agent", customRoleId: stored!.id });
    // The Roles table counts her.
    await assignedOnly.locator(".role-holders").getByText("1", { exact: true }).waitFor();

    // Editing her other fields keeps her custom role.
    await ana.getByRole("button", { name: "Edit Ana Souza" }).click();
    expect(await roleSelect.inputValue()).toBe(stored!.id);
    await editor.getByLabel("Capacity").fill("4");
    await editor.getByRole("button", { name: "Save" }).click();
    await ana.getByRole("cell", { name: /\/ 4$/ }).waitFor();
    await ana.getByRole("cell", { name: "Assigned only", exact: true }).waitFor();
    expect(await app.server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") })).toMatchObject({ customRoleId: stored!.id, maxConcurrentChats: 4 });

    // Changing a saved role's base keeps the permissions chosen.
    const night = roles.locator('tr[data-role="Night shift"]');
    await night.getByRole("button", { name: "Edit Night shift" }).click();
    const edit = roles.getByRole("form", { name: "Edit role Night shift" });
    expect(await edit.getByLabel("Role name").inputValue()).toBe("Night shift");
    await edit.getByLabel("Based on").selectOption({ label: "Agent" });
    expect(await edit.getByRole("checkbox", { name: "Supervise teams", exact: true }).isChecked()).toBe(true);
    await edit.getByRole("button", { name: "Save role" }).click();
    await night.getByRole("cell", { name: "Agent", exact: true }).waitFor();

    // Deleting it asks first and says where its holders go.
    const asked = new Promise<string>((resolve) =>
      admin.once("dialog", (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await night.getByRole("button", { name: "Delete Night shift" }).click();
    expect(await asked).toBe("Delete the role Night shift? The 0 person(s) who hold it go back to the Agent role.");
    await roles.getByRole("status").filter({ hasText: "The role Night shift was deleted." }).waitFor();
    await night.waitFor({ state: "detached" });
    await assignedOnly.waitFor();
    expect(await app.server.core.db.query.customRoles.findFirst({ where: eq(customRoles.name, "Night shift") })).toBeUndefined();

    // The audit log knows these actions by name and by group.
    const audit = admin.getByRole("region", { name: "Audit log" });
    const filters = audit.getByRole("form", { name: "Filters" });
    await audit.locator("tr[data-action]").first().waitFor();
    await filters.getByLabel("What").selectOption({ label: "All: Custom roles" });
    await audit.locator('tr[data-action="role.deleted"]').getByRole("rowheader", { name: "Deleted a custom role" }).waitFor();
    await audit.locator('tr[data-action="role.changed"]').getByRole("rowheader", { name: "Changed a custom role" }).waitFor();
    expect(await audit.locator('tr[data-action="role.created"]').getByRole("rowheader", { name: "Created a custom role" }).count()).toBe(2);
    expect(await audit.locator("tbody tr").count()).toBe(4);
  });
});
