import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { CommandResult, Conversation, Message } from "@inbox/shared";
import { AdminTemplatesResponseSchema, ConversationTemplatesResponseSchema } from "@inbox/shared/api/templates";
import { FAKE_WABA_ID, buildWebhook, templateStatusUpdate } from "@inbox/connectors/whatsapp/fake.ts";
import { auditLog, events } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { connectInbox, deliverWebhook } from "../testing/connect-inbox.ts";
import { startFakeWhatsapp, whatsappText, type StartedFakeWhatsapp } from "../testing/fake-whatsapp-inbox.ts";

// WhatsApp templates (issue 16) on a real server and libSQL against the Graph fake: the
// business account's templates are synced, offered for a chat whose 24 h window is closed, sent
// through the outbox exactly once with the values the agent gave, shown as the rendered text,
// and Meta's review webhooks change a template's status.

let server: TestServer;
let admin: string;
let wa: StartedFakeWhatsapp;
let inboxId: string;

beforeAll(async () => {
  wa = await startFakeWhatsapp();
  server = await startTestServer({ platformApiUrls: { whatsapp: wa.fake.baseUrl } });
  admin = await server.login("admin@demo.inbox");
  // Connected without the business account id: templates cannot be loaded yet, and Settings says why.
  inboxId = await connectInbox(server.url, admin, { name: "WhatsApp templates", channel: "whatsapp", teamId: server.seed!.teamIds.support!, credentials: wa.credentials });
});
afterAll(async () => {
  await server?.stop();
  await wa?.fake.stop();
});

const DAY = 24 * 3600_000;

async function adminTemplates() {
  const res = await server.api(`/api/admin/inboxes/${inboxId}/templates`, { token: admin });
  expect(res.status).toBe(200);
  return AdminTemplatesResponseSchema.parse(await res.json());
}

async function commands(list: object[]): Promise<CommandResult[]> {
  const res = await server.api("/api/commands", { method: "POST", token: admin, json: { commands: list } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results;
}

async function detail(id: string): Promise<{ conversation: Conversation; messages: Message[] }> {
  return (await (await server.api(`/api/conversations/${id}`, { token: admin })).json()) as { conversation: Conversation; messages: Message[] };
}

async function customerWroteDaysAgo(name: string, from: string, days: number): Promise<Conversation> {
  const payload = whatsappText({ from, name, id: `wamid.${crypto.randomUUID()}`, text: "Where is my order?", timestamp: Math.floor((Date.now() - days * DAY) / 1000) });
  expect(await deliverWebhook(`${server.url}/webhooks/whatsapp/${inboxId}`, buildWebhook(payload, wa.credentials))).toBe(200);
  await server.core.webhooks.idle();
  return waitFor(`${name}'s conversation`, async () => {
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === name);
  });
}

describe("syncing an inbox's templates", () => {
  it("without the business account id, Settings says what to enter; with it, every template and its status is listed", async () => {
    const before = await adminTemplates();
    expect(before).toMatchObject({ businessAccountId: null, templates: [], syncError: expect.stringContaining("WhatsApp Business Account ID") });

    const res = await server.api(`/api/admin/inboxes/${inboxId}/templates/sync`, { method: "POST", token: admin, json: { businessAccountId: FAKE_WABA_ID } });
    expect(res.status).toBe(200);
    const after = AdminTemplatesResponseSchema.parse(await res.json());
    expect(after.businessAccountId).toBe(FAKE_WABA_ID);
    expect(after.syncError).toBeNull();
    expect(after.syncedAt).toEqual(expect.any(Number));
    expect(after.templates.map((t) => `${t.name}/${t.language}/${t.status}`).sort()).toEqual([
      "appointment_reminder/en_US/PENDING",
      "delivery_photo/en_US/APPROVED",
      "follow_up/en_US/APPROVED",
      "order_update/en_US/APPROVED",
      "order_update/pt_BR/APPROVED",
      "spring_sale/en_US/REJECTED",
    ]);
    expect(after.templates.find((t) => t.name === "spring_sale")!.reason).toBe("PROMOTIONAL");
    const [audit] = await server.core.db.select().from(auditLog).where(and(eq(auditLog.target, inboxId), eq(auditLog.action, "inbox.whatsapp_account_changed")));
    expect(audit?.data).toMatchObject({ from: null, to: FAKE_WABA_ID });
    const synced = await server.core.db.select().from(events).where(eq(events.type, "template.synced"));
    expect(synced.at(-1)?.data).toMatchObject({ inboxId, count: 6, added: 6 });
  });

  it("a wrong account id is refused by WhatsApp and said in words; the templates already loaded stay", async () => {
    const res = await server.api(`/api/admin/inboxes/${inboxId}/templates/sync`, { method: "POST", token: admin, json: { businessAccountId: "999999999" } });
    const answer = AdminTemplatesResponseSchema.parse(await res.json());
    expect(answer.syncError).toContain("does not know this business account id");
    expect(answer.templates).toHaveLength(6);
    // Back to the right account for the rest of the file.
    await server.api(`/api/admin/inboxes/${inboxId}/templates/sync`, { method: "POST", token: admin, json: { businessAccountId: FAKE_WABA_ID } });
  });

  it("an account id that is not a number is refused before anything is saved", async () => {
    const res = await server.api(`/api/admin/inboxes/${inboxId}/templates/sync`, { method: "POST", token: admin, json: { businessAccountId: "waba-1" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Business Account ID is a number");
  });
});

describe("sending a template when the window is closed", () => {
  let conv: Conversation;
  beforeAll(async () => {
    conv = await customerWroteDaysAgo("Olivia Late", "4915100000001", 3);
  });

  it("free text is refused, and the composer gets the approved templates of the chat's inbox", async () => {
    const [refused] = await commands([{ type: "reply", clientId: crypto.randomUUID(), conversationId: conv.id, text: "Hi again" }]);
    expect(refused).toMatchObject({ ok: false, keepAsDraft: true, message: expect.stringContaining("send an approved template") });

    const res = await server.api(`/api/conversations/${conv.id}/templates`, { token: admin });
    const list = ConversationTemplatesResponseSchema.parse(await res.json());
    expect(list.inboxId).toBe(inboxId);
    expect(list.templates.map((t) => `${t.name}/${t.language}`)).toEqual(["delivery_photo/en_US", "follow_up/en_US", "order_update/en_US", "order_update/pt_BR"]);
  });

  it("goes out once through the outbox with the agent's values, and the timeline shows the rendered text", async () => {
    const command = {
      type: "reply",
      clientId: crypto.randomUUID(),
      conversationId: conv.id,
      text: "",
      template: { name: "order_update", language: "en_US", header: [{ text: "#4521" }], body: [{ text: "Olivia" }, { text: "#4521" }, { text: "on Friday" }] },
    };
    const [first] = await commands([command]);
    expect(first).toMatchObject({ ok: true });
    // The replayer sends it again after a dropped answer: the same message, nothing sent twice.
    const [again] = await commands([command]);
    expect(again).toEqual(first);
    await server.core.outbox.idle();

    expect(wa.fake.sentTemplates()).toEqual([
      {
        name: "order_update",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "text", text: "#4521" }] },
          { type: "body", parameters: [{ type: "text", text: "Olivia" }, { type: "text", text: "#4521" }, { type: "text", text: "on Friday" }] },
        ],
      },
    ]);
    const sentTo = wa.fake.requests.filter((r) => r.path.endsWith("/messages")).map((r) => (r.json() as { to: string }).to);
    expect(sentTo).toEqual(["4915100000001"]);

    const { messages, conversation } = await detail(conv.id);
    const mine = messages.find((m) => m.clientId === command.clientId)!;
    expect(mine.status).toBe("sent");
    expect(mine.content).toMatchObject({
      kind: "text",
      text: "Order #4521\n\nHi Olivia, your order #4521 has shipped and should arrive on Friday.\n\nAcme Support",
      template: { name: "order_update", language: "en_US" },
    });
    expect(conversation.lastMessagePreview).toContain("Order #4521");
  });

  it("a template with the wrong number of values, or one not approved, is refused in words and not sent", async () => {
    const sentBefore = wa.fake.sentTemplates().length;
    const [wrong, pending, rejected, unknown] = await commands([
      { type: "reply", clientId: crypto.randomUUID(), conversationId: conv.id, text: "", template: { name: "order_update", language: "en_US", body: [{ text: "Olivia" }] } },
      { type: "reply", clientId: crypto.randomUUID(), conversationId: conv.id, text: "", template: { name: "appointment_reminder", language: "en_US", body: [{ text: "Monday" }] } },
      { type: "reply", clientId: crypto.randomUUID(), conversationId: conv.id, text: "", template: { name: "spring_sale", language: "en_US", body: [{ text: "Olivia" }] } },
      { type: "reply", clientId: crypto.randomUUID(), conversationId: conv.id, text: "", template: { name: "nope", language: "en_US", body: [] } },
    ]);
    expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining("needs 4 values; 1 were given") });
    expect(pending).toMatchObject({ ok: false, message: expect.stringContaining("is not approved by WhatsApp"), fields: { reason: "template_not_approved" } });
    // WhatsApp's own reason stays in the English sentence; the PWA words the reason code.
    expect(rejected).toMatchObject({ ok: false, message: 'The template "spring_sale" (en_US) is not approved by WhatsApp (PROMOTIONAL).', fields: { reason: "template_not_approved" } });
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining("Sync the templates") });
    await server.core.outbox.idle();
    expect(wa.fake.sentTemplates()).toHaveLength(sentBefore);
  });
});

describe("Meta's review webhooks", () => {
  async function deliver(payload: Record<string, unknown>) {
    expect(await deliverWebhook(`${server.url}/webhooks/whatsapp/${inboxId}`, buildWebhook(payload, wa.credentials))).toBe(200);
    await server.core.webhooks.idle();
  }

  it("a rejection changes the template's status with Meta's reason, records it, and takes it off the composer's list", async () => {
    await deliver(templateStatusUpdate({ name: "follow_up", language: "en_US", event: "REJECTED", reason: "INCORRECT_CATEGORY", templateId: "2209287336480001" }));
    const { templates } = await adminTemplates();
    expect(templates.find((t) => t.name === "follow_up")).toMatchObject({ status: "REJECTED", reason: "INCORRECT_CATEGORY" });
    const changed = await server.core.db.select().from(events).where(eq(events.type, "template.status_changed"));
    expect(changed.at(-1)?.data).toMatchObject({ inboxId, name: "follow_up", from: "APPROVED", to: "REJECTED", reason: "INCORRECT_CATEGORY" });

    const conv = await customerWroteDaysAgo("Rita Review", "4915100000002", 2);
    const list = ConversationTemplatesResponseSchema.parse(await (await server.api(`/api/conversations/${conv.id}/templates`, { token: admin })).json());
    expect(list.templates.map((t) => t.name)).not.toContain("follow_up");
  });

  it("an approval of a pending template makes it sendable; another account's webhook changes nothing", async () => {
    await deliver(templateStatusUpdate({ name: "spring_sale", language: "en_US", event: "APPROVED", accountId: "555555555" }));
    expect((await adminTemplates()).templates.find((t) => t.name === "spring_sale")!.status).toBe("REJECTED");
    await deliver(templateStatusUpdate({ name: "appointment_reminder", language: "en_US", event: "APPROVED" }));
    expect((await adminTemplates()).templates.find((t) => t.name === "appointment_reminder")).toMatchObject({ status: "APPROVED", reason: null });
  });
});
