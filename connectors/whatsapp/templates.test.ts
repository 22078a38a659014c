import { describe, expect, it } from "vitest";
import { renderTemplate, templateVariables, type MessageContent, type MessageTemplate } from "@inbox/shared";
import type { ConnectorContext, OutboundMessage } from "../src/connector.ts";
import {
  FAKE_CUSTOMER,
  FAKE_TEMPLATES,
  FAKE_WABA_ID,
  FAKE_WHATSAPP_CREDENTIALS as creds,
  buildWebhook,
  templateStatusUpdate,
  toWebhookRequest,
  type FakeTemplate,
  type FakeWhatsapp,
} from "./fake.ts";
import { whatsappConnector as wa } from "./index.ts";
import { useFakeWhatsapp } from "./use-fake.ts";

let fake: FakeWhatsapp;
let ctx: ConnectorContext;

useFakeWhatsapp(
  (f, c) => {
    fake = f;
    ctx = c;
  },
  () => FAKE_TEMPLATES.map((t) => structuredClone(t)),
);

const DAY = 24 * 3600_000;

function templateMessage(template: Extract<MessageContent, { kind: "text" }>["template"], lastInboundAt: number | null = Date.now() - 3 * DAY): OutboundMessage {
  return {
    messageId: "msg_tpl",
    conversationId: "conv_01",
    recipient: FAKE_CUSTOMER.waId,
    content: { kind: "text", text: "rendered", template },
    senderName: "Sam",
    createdAt: Date.now(),
    lastInboundAt,
  };
}

describe("template sync", () => {
  it("lists every template of the account with status, category, components and the rejection reason", async () => {
    const res = await wa.templates!.list(FAKE_WABA_ID, creds, ctx);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.templates.map((t) => `${t.name}/${t.language}/${t.status}`)).toEqual([
      "order_update/en_US/APPROVED",
      "order_update/pt_BR/APPROVED",
      "follow_up/en_US/APPROVED",
      "delivery_photo/en_US/APPROVED",
      "spring_sale/en_US/REJECTED",
      "appointment_reminder/en_US/PENDING",
    ]);
    const order = res.templates[0]!;
    expect(order).toMatchObject({ category: "UTILITY", parameterFormat: "POSITIONAL", reason: null });
    expect(templateVariables(order)).toEqual({ header: ["1"], body: ["1", "2", "3"] });
    expect(res.templates[4]!.reason).toBe("PROMOTIONAL");
    const [req] = fake.requests;
    expect(req!.path).toBe(`/${FAKE_WABA_ID}/message_templates`);
    expect(req!.query.get("fields")).toContain("components");
    expect(req!.headers.authorization).toBe(`Bearer ${creds.accessToken}`);
  });

  it("follows the cursors until Meta gives no next page", async () => {
    const many: FakeTemplate[] = Array.from({ length: 230 }, (_, i) => ({
      id: String(5_000_000 + i),
      name: `notice_${String(i).padStart(3, "0")}`,
      language: "en_US",
      status: "APPROVED",
      category: "UTILITY",
      components: [{ type: "BODY", text: `Notice ${i} for {{1}}` }],
    }));
    fake.setTemplates(FAKE_WABA_ID, many);
    const res = await wa.templates!.list(FAKE_WABA_ID, creds, ctx);
    expect(res.ok && res.templates.length).toBe(230);
    expect(res.ok && new Set(res.templates.map((t) => t.name)).size).toBe(230);
    const pages = fake.requests.filter((r) => r.path.endsWith("/message_templates"));
    expect(pages).toHaveLength(3);
    expect(pages[0]!.query.get("after")).toBeNull();
    expect(pages[1]!.query.get("after")).toEqual(expect.any(String));
  });

  it("an unknown account, or an expired token, is said in words", async () => {
    const unknown = await wa.templates!.list("999999999", creds, ctx);
    expect(unknown).toMatchObject({ ok: false, kind: "rejected", reason: expect.stringContaining("business account id") });
    const expired = await wa.templates!.list(FAKE_WABA_ID, { ...creds, accessToken: "wrong" }, ctx);
    expect(expired).toMatchObject({ ok: false, kind: "token_expired" });
  });

  it("skips a template it cannot read instead of failing the list", async () => {
    fake.setTemplates(FAKE_WABA_ID, [structuredClone(FAKE_TEMPLATES[0]!), { id: "1", name: "", language: "en_US", status: "APPROVED", category: "UTILITY", components: [] }]);
    const res = await wa.templates!.list(FAKE_WABA_ID, creds, ctx);
    expect(res.ok && res.templates.map((t) => t.name)).toEqual(["order_update"]);
  });
});

describe("template send", () => {
  it("sends type template with the header and body parameters, even with the window closed", async () => {
    const res = await wa.send(
      templateMessage({ name: "order_update", language: "en_US", header: [{ text: "#4521" }], body: [{ text: "Ana" }, { text: "#4521" }, { text: "on Friday" }] }),
      creds,
      ctx,
    );
    expect(res).toMatchObject({ ok: true, externalId: expect.stringMatching(/^wamid\./) });
    const body = fake.requests.find((r) => r.path.endsWith("/messages"))!.json();
    expect(body).toMatchObject({
      messaging_product: "whatsapp",
      to: FAKE_CUSTOMER.waId,
      type: "template",
      biz_opaque_callback_data: "msg_tpl",
      template: {
        name: "order_update",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "text", text: "#4521" }] },
          { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "#4521" }, { type: "text", text: "on Friday" }] },
        ],
      },
    });
  });

  it("a template without variables has no components; named parameters carry their names", async () => {
    fake.setTemplates(FAKE_WABA_ID, [
      { id: "1", name: "hello", language: "en", status: "APPROVED", category: "UTILITY", components: [{ type: "BODY", text: "Hello!" }] },
      { id: "2", name: "named", language: "en", status: "APPROVED", category: "UTILITY", parameter_format: "NAMED", components: [{ type: "BODY", text: "Hi {{first_name}}" }] },
    ]);
    expect((await wa.send(templateMessage({ name: "hello", language: "en", header: [], body: [] }), creds, ctx)).ok).toBe(true);
    expect((await wa.send(templateMessage({ name: "named", language: "en", header: [], body: [{ name: "first_name", text: "Ana" }] }), creds, ctx)).ok).toBe(true);
    expect(fake.sentTemplates()).toEqual([
      { name: "hello", language: { code: "en" } },
      { name: "named", language: { code: "en" }, components: [{ type: "body", parameters: [{ type: "text", parameter_name: "first_name", text: "Ana" }] }] },
    ]);
  });

  it("maps Meta's template errors to reasons an agent understands", async () => {
    const wrongCount = await wa.send(templateMessage({ name: "order_update", language: "en_US", header: [{ text: "#1" }], body: [{ text: "Ana" }] }), creds, ctx);
    expect(wrongCount).toMatchObject({ ok: false, kind: "rejected", platformCode: "132000", reason: expect.stringContaining("number of values") });
    const unknown = await wa.send(templateMessage({ name: "no_such", language: "en_US", header: [], body: [] }), creds, ctx);
    expect(unknown).toMatchObject({ ok: false, kind: "rejected", platformCode: "132001", reason: expect.stringContaining("does not know this template") });
    fake.setTemplateStatus("follow_up", "en_US", "PAUSED");
    const paused = await wa.send(templateMessage({ name: "follow_up", language: "en_US", header: [], body: [{ text: "Ana" }] }), creds, ctx);
    expect(paused).toMatchObject({ ok: false, kind: "rejected", platformCode: "132015", reason: expect.stringContaining("paused") });
  });

  it("free text with the window closed is still refused without calling WhatsApp", async () => {
    const res = await wa.send({ ...templateMessage(undefined), content: { kind: "text", text: "Hi" } }, creds, ctx);
    expect(res).toMatchObject({ ok: false, kind: "window_closed" });
    expect(fake.requests).toHaveLength(0);
  });
});

describe("template status webhook", () => {
  const parse = (payload: object) => wa.parse(toWebhookRequest(buildWebhook(payload, creds)), creds);

  it("reads approvals and rejections with Meta's reason", async () => {
    expect(await parse(templateStatusUpdate({ name: "spring_sale", language: "en_US", event: "REJECTED", reason: "INVALID_FORMAT", templateId: "3309287336480002" }))).toEqual([
      { type: "template_status", accountId: FAKE_WABA_ID, templateId: "3309287336480002", name: "spring_sale", language: "en_US", status: "REJECTED", reason: "INVALID_FORMAT", at: expect.any(Number) },
    ]);
    const [approved] = await parse(templateStatusUpdate({ name: "appointment_reminder", language: "en_US", event: "APPROVED" }));
    expect(approved).toMatchObject({ type: "template_status", status: "APPROVED" });
    expect(approved).not.toHaveProperty("reason");
  });

  it("paused and disabled templates say why where Meta says it", async () => {
    const payload = templateStatusUpdate({ name: "follow_up", language: "en_US", event: "PAUSED" });
    const value = (payload.entry as { changes: { value: Record<string, unknown> }[] }[])[0]!.changes[0]!.value;
    value.other_info = { title: "FIRST_PAUSE", description: "Your template has been paused for 3 hours due to low quality." };
    const [paused] = await parse(payload);
    expect(paused).toMatchObject({ status: "PAUSED", reason: "FIRST_PAUSE: Your template has been paused for 3 hours due to low quality." });
  });
});

describe("rendering (shared with the composer's preview)", () => {
  const order = { components: FAKE_TEMPLATES[0]!.components } as unknown as MessageTemplate;
  it("puts the values in place and keeps missing ones visible", () => {
    expect(renderTemplate(order, { header: [{ text: "#4521" }], body: [{ text: "Ana" }, { text: "#4521" }, { text: "on Friday" }] })).toBe(
      "Order #4521\n\nHi Ana, your order #4521 has shipped and should arrive on Friday.\n\nAcme Support",
    );
    expect(renderTemplate(order, { body: [{ text: "Ana" }] })).toContain("your order {{2}}");
  });
});
