import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { CommandResult, Conversation, Message, WidgetMessage } from "@inbox/shared";
import { events } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { connectFakeTelegram, startFakeTelegram, type FakeTelegramInbox, type StartedFakeTelegram } from "../testing/fake-telegram-inbox.ts";
import { connectFakeWhatsapp, startFakeWhatsapp, whatsappText, type FakeWhatsappInbox, type StartedFakeWhatsapp } from "../testing/fake-whatsapp-inbox.ts";

// CSAT (issue 14) end to end on a real server and libSQL: the question goes out through the
// outbox to the platforms' fakes (Telegram can show five choices, WhatsApp only three, so it
// asks in words), the answers come back as signed webhooks or from the web chat widget.

let server: TestServer;
let admin: string;
let tgStarted: StartedFakeTelegram;
let waStarted: StartedFakeWhatsapp;
let tg: FakeTelegramInbox;
let wa: FakeWhatsappInbox;
let customers = 0;

beforeAll(async () => {
  [tgStarted, waStarted] = await Promise.all([startFakeTelegram(), startFakeWhatsapp()]);
  server = await startTestServer({ platformApiUrls: { telegram: tgStarted.fake.baseUrl, whatsapp: waStarted.fake.baseUrl } });
  admin = await server.login("admin@demo.inbox");
  const team = server.seed!.teamIds.support!;
  tg = await connectFakeTelegram(server.url, admin, team, tgStarted, "Telegram CSAT");
  wa = await connectFakeWhatsapp(server.url, admin, team, waStarted, "WhatsApp CSAT");
  await setCsat(tg.inboxId, true);
  await setCsat(wa.inboxId, true);
});
afterAll(async () => {
  await server?.stop();
  await Promise.all([tgStarted?.fake.stop(), waStarted?.fake.stop()]);
});

async function setCsat(inboxId: string, on: boolean) {
  const res = await server.api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: admin, json: { csatEnabled: on } });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ inboxId, csatEnabled: on });
}

async function settle() {
  await server.core.webhooks.idle();
  await server.core.outbox.idle();
}

async function commands(list: object[]): Promise<CommandResult[]> {
  const res = await server.api("/api/commands", { method: "POST", token: admin, json: { commands: list } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results;
}

const reply = (conversationId: string, text: string) => commands([{ type: "reply", clientId: crypto.randomUUID(), conversationId, text }]);
const setStatus = (conversationId: string, status: string) => commands([{ type: "status", clientId: crypto.randomUUID(), conversationId, status }]);

async function conversationNamed(name: string): Promise<Conversation> {
  return waitFor(`${name}'s conversation`, async () => {
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === name);
  });
}

async function detail(id: string): Promise<{ conversation: Conversation; messages: Message[] }> {
  return (await (await server.api(`/api/conversations/${id}`, { token: admin })).json()) as { conversation: Conversation; messages: Message[] };
}

const eventsOf = (conversationId: string, type: string) =>
  server.core.db.select().from(events).where(and(eq(events.conversationId, conversationId), eq(events.type, type)));

/** A Telegram customer: each says their lines as signed updates. */
function telegramCustomer() {
  const n = ++customers;
  const name = `Tg Customer ${n}`;
  let messageId = n * 1000;
  return {
    name,
    async says(text: string) {
      expect(await tg.deliver(server.url, { from: 700_000 + n, name, messageId: ++messageId, text })).toBe(200);
      await settle();
    },
  };
}

function whatsappCustomer() {
  const n = ++customers;
  const name = `Wa Customer ${n}`;
  const from = `5511900${String(n).padStart(6, "0")}`;
  return {
    name,
    async says(text: string) {
      expect(await wa.deliver(server.url, whatsappText({ from, name, id: `wamid.csat-${crypto.randomUUID()}`, text }))).toBe(200);
      await settle();
    },
  };
}

/** What the fake Telegram was asked to send, with its reply keyboard. */
const telegramSends = () =>
  tgStarted.fake.requests
    .filter((r) => r.path.endsWith("/sendMessage"))
    .map((r) => r.json() as { text: string; reply_markup?: { keyboard?: { text: string }[][] } });

const whatsappTexts = () =>
  waStarted.fake.requests
    .filter((r) => r.method === "POST" && r.path.endsWith("/messages"))
    .map((r) => r.json() as { type?: string; text?: { body?: string } })
    .flatMap((b) => (b.type === "text" && b.text?.body ? [b.text.body] : []));

describe("CSAT: the question on resolving", () => {
  it("goes out through the outbox with five choices where the channel has them, and is recorded as csat.requested", async () => {
    const customer = telegramCustomer();
    await customer.says("Hello, my parcel has not arrived yet and it has been two weeks");
    const conv = await conversationNamed(customer.name);
    await reply(conv.id, "Sorry about that! It is on its way and arrives tomorrow.");
    await settle();
    const before = telegramSends().length;
    const [resolved] = await setStatus(conv.id, "resolved");
    expect(resolved).toMatchObject({ ok: true, conversation: { status: "resolved" } });
    await settle();

    const sent = telegramSends().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/How would you rate our help\?/);
    expect(sent[0]!.reply_markup?.keyboard?.map((row) => row[0]!.text)).toEqual(["1 😞", "2 🙁", "3 😐", "4 🙂", "5 😍"]);

    const { messages } = await detail(conv.id);
    const question = messages.at(-1)!;
    expect(question).toMatchObject({ direction: "outbound", senderKind: "bot", status: "sent", content: { kind: "quick_replies" } });
    const requested = await eventsOf(conv.id, "csat.requested");
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({ actorKind: "system", data: { messageId: question.id, inboxId: tg.inboxId, agentId: resolved!.ok ? resolved!.conversation!.assigneeId : null, language: "en" } });
    expect(requested[0]!.data.agentId).toEqual(expect.any(String));
    // The bot's question is no agent's reply.
    expect((await eventsOf(conv.id, "message.queued")).map((e) => e.data.messageId)).not.toContain(question.id);

    // Tapping "4 🙂" answers it: rated, still resolved, nothing unread, no message.received.
    const receivedBefore = (await eventsOf(conv.id, "message.received")).length;
    await customer.says("4 🙂");
    const rated = await eventsOf(conv.id, "csat.rated");
    expect(rated).toHaveLength(1);
    const after = await detail(conv.id);
    const answer = after.messages.at(-1)!;
    expect(answer).toMatchObject({ senderKind: "customer", content: { kind: "text", text: "4 🙂" } });
    expect(rated[0]).toMatchObject({
      actorKind: "customer",
      data: { rating: 4, comment: null, messageId: answer.id, requestMessageId: question.id, inboxId: tg.inboxId, agentId: requested[0]!.data.agentId },
    });
    expect(after.conversation).toMatchObject({ status: "resolved", unreadCount: 0 });
    expect(await eventsOf(conv.id, "message.received")).toHaveLength(receivedBefore);
  });

  it("is asked in words where the channel cannot show five buttons, in the customer's language; a number with a comment answers it, a second answer is a normal message", async () => {
    const customer = whatsappCustomer();
    await customer.says("Olá, meu pedido chegou quebrado e eu gostaria de trocar o produto, por favor");
    const conv = await conversationNamed(customer.name);
    await reply(conv.id, "Claro! Já enviamos um novo.");
    await settle();
    const before = whatsappTexts().length;
    await setStatus(conv.id, "resolved");
    await settle();
    expect(whatsappTexts().slice(before)).toEqual(["Como você avalia nosso atendimento? Responda com um número de 1 (ruim) a 5 (ótimo)."]);
    const question = (await detail(conv.id)).messages.at(-1)!;
    expect(question.content.kind).toBe("text");
    expect((await eventsOf(conv.id, "csat.requested"))[0]!.data).toMatchObject({ messageId: question.id, language: "pt-BR" });

    await customer.says("4 rápido e gentil");
    const [rated] = await eventsOf(conv.id, "csat.rated");
    expect(rated?.data).toMatchObject({ rating: 4, comment: "rápido e gentil", requestMessageId: question.id });
    expect((await detail(conv.id)).conversation.status).toBe("resolved");

    // Rated already: another number is a message like any other, and reopens the chat.
    await customer.says("5");
    expect(await eventsOf(conv.id, "csat.rated")).toHaveLength(1);
    expect((await detail(conv.id)).conversation).toMatchObject({ status: "open", unreadCount: 1 });
  });

  it("anything else the customer writes after the question reopens the chat as before", async () => {
    const customer = telegramCustomer();
    await customer.says("Hi, I need an invoice for my last order please");
    const conv = await conversationNamed(customer.name);
    await reply(conv.id, "Sent to your email!");
    await setStatus(conv.id, "resolved");
    await settle();
    expect(await eventsOf(conv.id, "csat.requested")).toHaveLength(1);
    await customer.says("Actually I need another one for March");
    expect(await eventsOf(conv.id, "csat.rated")).toHaveLength(0);
    const after = await detail(conv.id);
    expect(after.conversation).toMatchObject({ status: "open", unreadCount: 1 });
    const reopened = await eventsOf(conv.id, "conversation.status_changed");
    expect(reopened.at(-1)!.data).toMatchObject({ from: "resolved", to: "open", reason: "customer_wrote" });
    // The customer moved on: a number now is a message, not a late rating.
    await customer.says("3 of them, to be exact");
    expect(await eventsOf(conv.id, "csat.rated")).toHaveLength(0);
  });

  it("is not asked when no agent replied in this cycle, nor twice within 24 hours", async () => {
    const silent = telegramCustomer();
    await silent.says("Never mind, found it");
    const quiet = await conversationNamed(silent.name);
    const before = telegramSends().length;
    await setStatus(quiet.id, "resolved");
    await settle();
    expect(telegramSends().length).toBe(before);
    expect(await eventsOf(quiet.id, "csat.requested")).toHaveLength(0);

    const twice = telegramCustomer();
    await twice.says("Where is my order number 12345?");
    const conv = await conversationNamed(twice.name);
    await reply(conv.id, "It ships today.");
    await setStatus(conv.id, "resolved");
    await settle();
    await setStatus(conv.id, "open");
    await reply(conv.id, "One more thing: the tracking code is ABC.");
    await setStatus(conv.id, "resolved");
    await settle();
    expect(await eventsOf(conv.id, "csat.requested")).toHaveLength(1);
  });

  it("is not asked where the inbox has CSAT off", async () => {
    await setCsat(tg.inboxId, false);
    try {
      const customer = telegramCustomer();
      await customer.says("Can I change my delivery address?");
      const conv = await conversationNamed(customer.name);
      await reply(conv.id, "Done!");
      await settle();
      const before = telegramSends().length;
      await setStatus(conv.id, "resolved");
      await settle();
      expect(telegramSends().length).toBe(before);
      expect(await eventsOf(conv.id, "csat.requested")).toHaveLength(0);
      await customer.says("5");
      expect((await detail(conv.id)).conversation.status).toBe("open");
    } finally {
      await setCsat(tg.inboxId, true);
    }
  });
});

describe("CSAT in the web chat widget", () => {
  it("the visitor gets the question's buttons and a tap rates the chat", async () => {
    const inbox = server.seed!.inboxIds.site!;
    await setCsat(inbox, true);
    try {
      const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Widget Rater" } })).json()) as { token: string };
      const send = (body: object) => server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: crypto.randomUUID(), ...body } });
      expect((await send({ text: "Do you ship to Portugal?" })).status).toBe(201);
      const conv = await conversationNamed("Widget Rater");
      await reply(conv.id, "We do!");
      await setStatus(conv.id, "resolved");
      await settle();
      const history = async () => ((await (await server.api(`/api/widget/${inbox}/messages`, { token: session.token })).json()) as { messages: WidgetMessage[] }).messages;
      const question = (await history()).at(-1)!;
      expect(question).toMatchObject({ from: "bot", content: { kind: "quick_replies" } });
      expect(question.content.kind === "quick_replies" && question.content.replies.map((r) => r.id)).toEqual(["csat:1", "csat:2", "csat:3", "csat:4", "csat:5"]);

      expect((await send({ text: "4 🙂", choiceId: "csat:4" })).status).toBe(201);
      const [rated] = await eventsOf(conv.id, "csat.rated");
      expect(rated?.data).toMatchObject({ rating: 4, comment: null, requestMessageId: question.id });
      expect((await detail(conv.id)).conversation.status).toBe("resolved");
      expect((await history()).at(-1)).toMatchObject({ from: "customer", content: { text: "4 🙂", replyTo: { choiceId: "csat:4" } } });
    } finally {
      await setCsat(inbox, false);
    }
  });
});
