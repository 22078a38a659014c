import { describe, expect, it } from "vitest";
import { conversationInsight, messageInsight, type SaidMessage } from "./message-insights.ts";

const customer = (text: string): SaidMessage => ({ senderKind: "customer", text });
const agent = (text: string): SaidMessage => ({ senderKind: "agent", text });
const calm = { vip: false, recentConversations: 0, sla: null };

describe("conversationInsight", () => {
  it("says nothing before the customer has written", () => {
    expect(conversationInsight({ ...calm, said: [agent("Olá! Como posso ajudar?")] })).toEqual({ language: null, latest: null, trend: null, urgency: null });
  });

  it("reads the language from the customer's messages together, not from the last 'ok' alone", () => {
    const out = conversationInsight({ ...calm, said: [customer("Meu pedido chegou quebrado e eu preciso trocar"), agent("Sinto muito!"), customer("ok")] });
    expect(out.language).toBe("pt");
  });

  it("the customer's mood follows their latest message, and the trend their messages over time", () => {
    const out = conversationInsight({
      ...calm,
      said: [customer("Péssimo atendimento, estou furioso 😡"), agent("Vou resolver agora."), customer("Ainda não chegou, que demora"), agent("Enviado!"), customer("Chegou, muito obrigado! Adorei 😍")],
    });
    expect(out.latest?.label).toBe("positive");
    expect(out.trend).toBe("improving");
  });

  it("urgency weighs what still waits for an answer: a fraud report already answered no longer counts", () => {
    const fraud = customer("Não reconheço essa compra, isso é golpe!");
    const waiting = conversationInsight({ ...calm, said: [fraud] });
    expect(waiting.urgency?.level).toBe("high");
    expect(waiting.urgency?.reasons.map((r) => r.reason)).toContain("fraud");
    const answered = conversationInsight({ ...calm, said: [fraud, agent("Bloqueamos o cartão e estornamos."), customer("Obrigado pela ajuda")] });
    expect(answered.urgency?.reasons.map((r) => r.reason)).not.toContain("fraud");
  });

  it("a VIP, a breached SLA and repeated conversations are reasons of their own", () => {
    const out = conversationInsight({ vip: true, recentConversations: 3, sla: "breached", said: [customer("Where is my order?")] });
    expect(out.urgency?.reasons.map((r) => r.reason)).toEqual(expect.arrayContaining(["vip", "sla_breached", "recent_contacts"]));
    const plain = conversationInsight({ ...calm, said: [customer("Where is my order?")] });
    expect(plain.urgency?.reasons.map((r) => r.reason)).not.toEqual(expect.arrayContaining(["vip"]));
  });
});

describe("messageInsight", () => {
  it("gives the same answer for the same text (analysed once)", () => {
    expect(messageInsight("vc n resolveu nd, pqp")).toBe(messageInsight("vc n resolveu nd, pqp"));
    expect(messageInsight("vc n resolveu nd, pqp").sentiment.label).toBe("negative");
  });
});
