import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import WebSocket from "ws";
import { events, messages, replyEmails } from "../db/schema.ts";
import { startSmtpFake, type SmtpFake } from "../testing/smtp-fake.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// A visitor who leaves their email and goes gets the agent's reply by email (through a real
// SMTP conversation with a fake mail server on 127.0.0.1); one whose widget is open does not.

let smtp: SmtpFake;
let server: TestServer;
let site: string;
let ana: string;

beforeAll(async () => {
  smtp = await startSmtpFake({ user: "mailer", password: "mail-pw" });
  server = await startTestServer({ mail: { smtpUrl: smtp.url, from: "Acme <no-reply@acme.example>" } });
  site = server.seed!.inboxIds.site!;
  ana = await server.login("ana@demo.inbox");
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

async function visitorWrites(name: string, text: string): Promise<{ token: string; conversationId: string }> {
  const { token } = (await (await server.api(`/api/widget/${site}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  expect((await server.api(`/api/widget/${site}/messages`, { method: "POST", token, json: { clientId: crypto.randomUUID(), text } })).status).toBe(201);
  const row = await waitFor(`${name}'s message`, () => server.core.db.query.messages.findFirst({ where: eq(messages.text, text) }));
  return { token, conversationId: row.conversationId };
}

async function agentReplies(conversationId: string, text: string): Promise<string> {
  const res = await server.api(`/api/conversations/${conversationId}/messages`, { method: "POST", token: ana, json: { clientId: crypto.randomUUID(), text } });
  expect(res.status, await res.clone().text()).toBe(201);
  const sent = await waitFor("the reply settled", async () => {
    const m = await server.core.db.query.messages.findFirst({ where: eq(messages.text, text) });
    return m && m.status !== "queued" && m.status !== "sending" ? m : undefined;
  });
  return sent.id;
}

/** A minute and a bit later, the job's pass (as Node's loop or a Worker's alarm would run it). */
async function aMinuteLater(): Promise<void> {
  server.clock.offsetMs += 61_000;
  await server.core.replyMailer!.runDue();
}

describe("replies by email to visitors who left", () => {
  it("emails the reply in the visitor's language when no widget took it, once, and says so in the history", async () => {
    const { token, conversationId } = await visitorWrites("Lúcia Email", "Olá, meu pedido não chegou ainda, podem verificar?");
    expect((await server.api(`/api/widget/${site}/email`, { method: "POST", token, json: { email: "Lucia@Example.com" } })).status).toBe(200);

    const messageId = await agentReplies(conversationId, "Oi Lúcia! <b>Seu pedido</b> sai amanhã.");
    expect((await server.core.db.query.messages.findFirst({ where: eq(messages.id, messageId) }))!.status).toBe("sent");
    // Not before the visitor had a minute to come back.
    await server.core.replyMailer!.runDue();
    expect(smtp.received.filter((m) => m.to.includes("lucia@example.com"))).toHaveLength(0);

    await aMinuteLater();
    const mails = smtp.received.filter((m) => m.to.includes("lucia@example.com"));
    expect(mails).toHaveLength(1);
    // Portuguese, as the visitor wrote (the header is MIME-encoded).
    expect(mails[0]!.headers.get("subject")).toMatch(/respondeu/);
    expect(mails[0]!.text).toContain("Oi Lúcia! <b>Seu pedido</b> sai amanhã.");
    // The agent's text is never markup in the HTML part.
    expect(mails[0]!.html).toContain("&lt;b&gt;Seu pedido&lt;/b&gt;");
    expect(await server.core.db.select().from(replyEmails).where(eq(replyEmails.messageId, messageId))).toEqual([]);
    const emailed = await server.core.db.select().from(events).where(and(eq(events.conversationId, conversationId), eq(events.type, "message.emailed")));
    expect(emailed.map((e) => e.data)).toEqual([{ messageId }]);

    await aMinuteLater();
    expect(smtp.received.filter((m) => m.to.includes("lucia@example.com"))).toHaveLength(1);
  });

  it("sends nothing when the visitor's widget took the reply, or when they left no email", async () => {
    const present = await visitorWrites("Paulo Present", "Hi, is my order shipped?");
    expect((await server.api(`/api/widget/${site}/email`, { method: "POST", token: present.token, json: { email: "paulo@example.com" } })).status).toBe(200);
    const ws = new WebSocket(await server.widgetLiveUrl(site, present.token));
    const frames: { type: string }[] = [];
    ws.on("message", (data) => frames.push(JSON.parse(String(data)) as { type: string }));
    await waitFor("the widget is open", () => frames.some((f) => f.type === "ready"));
    const delivered = await agentReplies(present.conversationId, "Yes, it shipped today.");
    expect((await server.core.db.query.messages.findFirst({ where: eq(messages.id, delivered) }))!.status).toBe("delivered");
    ws.close();

    const silent = await visitorWrites("Nina Noemail", "Do you ship to Porto?");
    await agentReplies(silent.conversationId, "We do!");

    await aMinuteLater();
    expect(smtp.received.filter((m) => m.to.includes("paulo@example.com"))).toHaveLength(0);
    expect(await server.core.db.select().from(replyEmails)).toEqual([]);
  });
});
