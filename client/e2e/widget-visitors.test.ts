import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEFAULT_CALENDAR } from "@inbox/shared";
import { openConversation, timeline } from "./support/inbox-page.ts";
import { useInbox } from "./support/use-inbox.ts";

// The web chat widget for visitors (issue 16) in real browsers: in the visitor's language
// (pt-BR, es), typing shown both ways, and outside business hours the leave-a-message form an
// admin turned on in Settings, which becomes a conversation the agent sees.

const app = useInbox();

async function openWidget(locale: string): Promise<Page> {
  const page = await (await app.newContext({ locale })).newPage();
  await page.goto(app.server.url + "/demo");
  return page;
}

async function adminToken(): Promise<string> {
  return app.server.login("admin@demo.inbox");
}

describe("the widget in the visitor's language", () => {
  it("speaks Brazilian Portuguese to a pt-BR browser, errors included", async () => {
    const page = await openWidget("pt-BR");
    await page.getByRole("button", { name: "Abrir chat" }).click();
    const chat = page.getByRole("dialog");
    await chat.getByText("Diga quem você é, para podermos dar retorno").waitFor();
    await chat.getByLabel("E-mail").fill("sem-arroba");
    await chat.getByRole("button", { name: "Iniciar conversa" }).click();
    await chat.getByRole("alert").getByText("Informe um e-mail válido ou deixe o campo em branco.").waitFor();
    await chat.getByLabel("Nome").fill("Paula Brasil");
    await chat.getByLabel("E-mail").fill("");
    await chat.getByRole("button", { name: "Iniciar conversa" }).click();
    await chat.getByRole("textbox", { name: "Mensagem" }).fill("Olá, meu pedido atrasou.");
    await chat.getByRole("button", { name: "Enviar" }).click();
    await chat.getByRole("log", { name: "Mensagens" }).getByText("Olá, meu pedido atrasou.").waitFor();
    await page.context().close();
  });

  it("speaks Spanish to an es browser, with the admin's Spanish greeting", async () => {
    const admin = await adminToken();
    const site = app.server.seed!.inboxIds.site!;
    const look = { color: "#facc15", greeting: "Hi! Ask us anything.", greetings: { es: "¡Hola! ¿En qué te ayudamos?" }, position: "bottom-left", avatar: null, teamName: "Equipo Acme", leaveMessage: false };
    expect((await app.server.api(`/api/admin/inboxes/${site}/widget`, { method: "POST", token: admin, json: look })).status).toBe(200);

    const page = await openWidget("es-MX");
    const launcher = page.getByRole("button", { name: "Abrir chat" });
    await launcher.click();
    const chat = page.getByRole("dialog");
    await chat.getByText("¡Hola! ¿En qué te ayudamos?").first().waitFor();
    await chat.getByRole("heading", { name: "Equipo Acme" }).waitFor();
    await chat.getByRole("button", { name: "Iniciar chat" }).waitFor();
    await chat.getByLabel("Correo electrónico").waitFor();
    // Yellow: the header's text is black, and the launcher sits on the left.
    const header = await chat.locator("header").evaluate((el) => getComputedStyle(el).color);
    expect(header).toBe("rgb(0, 0, 0)");
    const box = await launcher.boundingBox();
    expect(box!.x).toBeLessThan(100);
    await page.context().close();
  });
});

describe("typing, both ways", () => {
  it("the agent sees the visitor typing, and the visitor sees the agent typing", async () => {
    const page = await openWidget("en-US");
    await page.getByRole("button", { name: "Open chat" }).click();
    const chat = page.getByRole("dialog");
    await chat.getByLabel("Name").fill("Tobias Typer");
    await chat.getByRole("button", { name: "Start chat" }).click();
    const box = chat.getByRole("textbox", { name: "Message" });
    await box.fill("Hi there");
    await chat.getByRole("button", { name: "Send" }).click();
    await chat.getByRole("log", { name: "Messages" }).getByText("Hi there").waitFor();

    const agent = await app.signIn("ana@demo.inbox");
    await openConversation(agent, "Tobias Typer");
    await timeline(agent).getByText("Hi there").waitFor();

    await box.pressSequentially("I have a question about", { delay: 30 });
    const header = agent.getByRole("main", { name: "Chat" });
    await header.getByText("Tobias Typer is typing…").waitFor({ timeout: 10_000 });
    // They send: it stops at once.
    await chat.getByRole("button", { name: "Send" }).click();
    await header.getByText("Tobias Typer is typing…").waitFor({ state: "hidden", timeout: 10_000 });

    await agent.getByRole("form", { name: "Reply" }).getByLabel("Reply message").pressSequentially("Sure, go ahead", { delay: 30 });
    await chat.getByText("Ana Souza is typing…").waitFor({ timeout: 10_000 });
    await agent.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Send" }).click();
    await chat.getByRole("log", { name: "Messages" }).getByText("Sure, go ahead").waitFor();
    await chat.getByText("Ana Souza is typing…").waitFor({ state: "hidden" });
    await page.context().close();
    await agent.context().close();
  });
});

describe("leave a message outside business hours", () => {
  it("an admin turns it on; a visitor leaves a message in Spanish; the agent sees the chat marked as left, with the email", async () => {
    const token = await adminToken();
    const closed = { ...DEFAULT_CALENDAR, hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect((await app.server.api("/api/admin/business-hours", { method: "PUT", token, json: { calendar: closed } })).status).toBe(200);

    const admin = await app.signIn("admin@demo.inbox");
    await admin.goto(app.server.url + "/settings");
    const form = admin.getByRole("region", { name: "Web chat widget" }).getByRole("form", { name: "Widget of Website chat" });
    await form.getByLabel("Primary colour").fill("#1d4ed8");
    await form.getByRole("checkbox", { name: /leave a message/ }).check();
    await form.getByRole("button", { name: "Save widget" }).click();
    await admin.getByText("The widget of Website chat is saved.", { exact: false }).waitFor();

    const page = await openWidget("es-ES");
    await page.getByRole("button", { name: "Abrir chat" }).click();
    const chat = page.getByRole("dialog");
    // Saving dropped the server's cached copy: the widget opened after it shows the form.
    await chat.getByText("Ahora estamos cerrados. Déjanos un mensaje y te responderemos por correo.").waitFor();
    await chat.getByLabel("Nombre").fill("Lucía Noche");
    await chat.getByLabel("Correo electrónico").fill("lucia@");
    await chat.getByLabel("Tu mensaje").fill("¿Pueden llamarme mañana por mi devolución?");
    await chat.getByRole("button", { name: "Enviar mensaje" }).click();
    await chat.getByRole("alert").getByText("Escribe un correo electrónico válido.").waitFor();
    await chat.getByLabel("Correo electrónico").fill("lucia@example.com");
    await chat.getByRole("button", { name: "Enviar mensaje" }).click();
    await chat.getByRole("status").getByText("¡Gracias! Recibimos tu mensaje y te responderemos a lucia@example.com.").waitFor();
    await chat.getByRole("log", { name: "Mensajes" }).getByText("¿Pueden llamarme mañana por mi devolución?").waitFor();

    const agent = await app.signIn("ana@demo.inbox");
    await openConversation(agent, "Lucía Noche");
    await timeline(agent).getByText("¿Pueden llamarme mañana por mi devolución?").waitFor();
    const panel = agent.getByRole("complementary", { name: "Customer info" });
    await panel.getByText("left-message").first().waitFor();
    await panel.getByText("lucia@example.com").first().waitFor();
    await panel.getByText("Left by the visitor in the chat widget", { exact: false }).waitFor();
    await page.context().close();
  });
});
