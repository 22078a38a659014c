import { describe, expect, it } from "vitest";
import { useInbox } from "./support/use-inbox.ts";

// Settings by role: supervisors write the canned responses and articles agents reuse, but
// channels and routing stay with admins; agents have no Settings at all. And the screen
// speaks Portuguese for a user who chose it, down to the channel's credential fields.

const app = useInbox();


describe("Settings by role, in a real browser", () => {
  it("a supervisor opens Settings, sees canned responses and articles but no channels or routing, and adds a canned response", async () => {
    const sup = await app.signIn("supervisor@demo.inbox");
    await sup.getByRole("button", { name: "Settings" }).click();
    await sup.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    const canned = sup.getByRole("region", { name: "Canned responses" });
    await canned.waitFor();
    await sup.getByRole("region", { name: "Knowledge base" }).waitFor();
    expect(await sup.getByRole("region", { name: "Channels" }).count()).toBe(0);
    expect(await sup.getByRole("form", { name: "Connect a channel" }).count()).toBe(0);
    expect(await sup.getByRole("heading", { name: "Routing" }).count()).toBe(0);
    expect(new URL(sup.url()).pathname).toBe("/settings");

    // The section works for them end to end: the server takes the supervisor's write.
    await canned.getByRole("button", { name: "Add canned response" }).click();
    const form = canned.getByRole("form", { name: "New canned response" });
    await form.getByLabel("Shortcut").fill("horario");
    await form.getByLabel("Title").fill("Opening hours");
    await form.getByLabel("Text").fill("We answer from 8:00 to 18:00, {{contact.first_name}}.");
    await form.getByRole("button", { name: "Save" }).click();
    await canned.getByRole("row", { name: /\/horario/ }).waitFor();

    // Editing one response, then choosing another: the form shows the one chosen last.
    await canned.getByRole("button", { name: "Edit /horario" }).click();
    const edit = canned.getByRole("form", { name: "Edit canned response" });
    expect(await edit.getByLabel("Shortcut").inputValue()).toBe("horario");
    await canned.getByRole("button", { name: "Edit /saudacao" }).click();
    await expect.poll(() => edit.getByLabel("Shortcut").inputValue()).toBe("saudacao");
    await edit.getByRole("button", { name: "Cancel" }).click();

    await sup.getByRole("button", { name: "Back to inbox" }).click();
    await sup.getByRole("navigation", { name: "Conversations" }).waitFor();
  });

  it("an agent has no Settings button, and an old /settings link lands in the inbox", async () => {
    const ana = await app.signIn("ana@demo.inbox");
    await ana.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await ana.getByRole("button", { name: "Settings" }).count()).toBe(0);
    await ana.goto(app.server.url + "/settings");
    await ana.getByRole("navigation", { name: "Conversations" }).waitFor();
    await ana.waitForURL((url) => url.pathname === "/");
    expect(await ana.getByRole("region", { name: "Canned responses" }).count()).toBe(0);
  });

  it("an admin who switches to Portuguese sees the whole Settings screen in Portuguese", async () => {
    const admin = await app.signIn("admin@demo.inbox");
    await admin.getByRole("button", { name: "Settings" }).click();
    await admin.getByRole("region", { name: "Channels" }).getByRole("table").waitFor();
    await admin.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");

    await admin.getByRole("heading", { level: 1, name: "Configurações de administração" }).waitFor();
    await admin.getByRole("region", { name: "Canais" }).getByText("Ativo").first().waitFor();
    const connect = admin.getByRole("form", { name: "Conectar um canal" });
    await connect.getByLabel("Token de acesso").waitFor();
    await connect.getByText("Painel de aplicativos da Meta → WhatsApp → Configuração da API.").waitFor();
    await connect.getByRole("button", { name: "Conectar canal" }).click();
    await connect.getByRole("alert").filter({ hasText: "Preencha os campos marcados abaixo." }).waitFor();
    await connect.getByText("Dê ao canal um nome que os atendentes reconheçam.").waitFor();
    await admin.getByRole("region", { name: "Respostas prontas" }).waitFor();
    await admin.getByRole("region", { name: "Base de conhecimento" }).waitFor();
    await admin.getByRole("heading", { name: "Distribuição" }).waitFor();
    await admin.getByRole("button", { name: /Voltar à caixa de entrada/ }).waitFor();
    for (const english of ["Connect a channel", "Channels", "Canned responses", "Advanced"]) {
      expect(await admin.getByText(english, { exact: true }).count(), english).toBe(0);
    }
  });
});
