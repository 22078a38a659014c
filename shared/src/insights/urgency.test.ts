import { describe, expect, it } from "vitest";
import { assessUrgency, type UrgencyReason } from "./urgency.ts";

const reasons = (text: string, lang: "pt" | "en" | "es" = "pt") => assessUrgency({ text, language: lang }).reasons.map((r) => r.reason);
const level = (text: string, lang: "pt" | "en" | "es" = "pt") => assessUrgency({ text, language: lang }).level;

describe("assessUrgency: words", () => {
  it.each<[string, "pt" | "en" | "es", UrgencyReason]>([
    ["meu cartão foi clonado", "pt", "fraud"],
    ["não reconheço essa compra no meu extrato", "pt", "fraud"],
    ["vou acionar o Procon", "pt", "legal"],
    ["I'm calling my lawyer", "en", "legal"],
    ["fui cobrado duas vezes pelo mesmo pedido", "pt", "billing_error"],
    ["you charged me twice", "en", "billing_error"],
    ["o site está fora do ar", "pt", "outage"],
    ["estou com alergia depois do prato", "pt", "health"],
    ["urgente, preciso de ajuda", "pt", "explicit"],
    ["me cobraron dos veces", "es", "billing_error"],
  ])("%s → %s, high on its own", (text, lang, reason) => {
    const u = assessUrgency({ text, language: lang });
    expect(u.level).toBe("high");
    expect(u.reasons.map((r) => r.reason)).toContain(reason);
  });
  it("quotes the words that raised it", () => {
    const u = assessUrgency({ text: "Fui COBRADO duas vezes", language: "pt" });
    expect(u.reasons.find((r) => r.reason === "billing_error")?.words).toBe("COBRADO duas vezes");
  });
  it("'cancel' alone is not high; with a deadline it is", () => {
    expect(level("I want to cancel my subscription", "en")).toBe("normal");
    expect(reasons("I want to cancel my subscription", "en")).toContain("cancel");
    expect(level("please cancel my order today", "en")).toBe("high");
    expect(level("quero cancelar e pedir o reembolso", "pt")).toBe("high");
  });
  it("a threat to cancel or leave is high alone; a negated one is not", () => {
    expect(level("vou cancelar tudo")).toBe("high");
    expect(level("I'm cancelling. Done with you guys.", "en")).toBe("high");
    expect(level("switching to another provider next week", "en")).toBe("high");
    expect(level("me voy a cambiar de compañía", "es")).toBe("high");
    expect(level("se até sexta não resolverem eu cancelo")).toBe("high");
    expect(reasons("não vou cancelar, só mudar o plano")).not.toContain("cancel");
    expect(level("I'm not cancelling, just pausing for a month", "en")).toBe("normal");
  });
  it("short reports of money gone, a hacked account or a stopped business are high", () => {
    expect(level("meu dinheiro sumiu")).toBe("high");
    expect(level("fui hackeado")).toBe("high");
    expect(level("urgente!!!")).toBe("high");
    expect(level("sem internet há 3 dias, trabalho em casa")).toBe("high");
    expect(level("my paycheck vanished from my balance overnight", "en")).toBe("high");
    expect(level("mi negocio está parado, no funciona el sistema de cobro", "es")).toBe("high");
  });
  it("charged for something cancelled or free is a billing error, however far apart the words", () => {
    expect(reasons("me cobraram uma mensalidade que eu já tinha cancelado")).toContain("billing_error");
    expect(reasons("I was billed for a subscription I cancelled in May", "en")).toContain("billing_error");
    expect(reasons("I don't want to be charged again", "en")).not.toContain("billing_error");
  });
  it("plain return, refund and cancellation questions stay normal", () => {
    expect(level("how do I get a refund for an item I don't want anymore?", "en")).toBe("normal");
    expect(level("qual o prazo pra cair o reembolso no cartão?")).toBe("normal");
    expect(level("quero cancelar a assinatura do streaming, como faço?")).toBe("normal");
    expect(level("o app da loja não funciona no meu celular")).toBe("normal");
  });
  it("repeated contact in the words is high", () => {
    expect(level("é a terceira vez que escrevo", "pt")).toBe("high");
    expect(reasons("this is the third time I write", "en")).toContain("repeat_contact");
  });
  it("'uma vez'/'one time' is not a repeat contact; small words are not outages or legal threats", () => {
    expect(reasons("mais uma vez obrigado")).not.toContain("repeat_contact");
    expect(reasons("o dinheiro caiu na conta, valeu")).toEqual([]);
    expect(reasons("meu pedido está em processo de entrega")).toEqual([]);
    expect(reasons("feliz feriado!")).toEqual([]);
  });
  it("a polite question is normal", () => {
    expect(assessUrgency({ text: "qual o horário de atendimento?", language: "pt" })).toEqual({ level: "normal", score: 0, reasons: [] });
  });
  it("negative tone alone stays normal", () => {
    const u = assessUrgency({ text: "péssimo, horrível, odiei", language: "pt" });
    expect(u.level).toBe("normal");
    expect(u.reasons.map((r) => r.reason)).toEqual(["negative"]);
  });
});

describe("assessUrgency: context", () => {
  const base = { text: "quero cancelar", language: "pt" as const };
  it("SLA breached raises it to high together with another reason", () => {
    const u = assessUrgency({ ...base, waitedMs: 70 * 60_000, slaTargetMs: 60 * 60_000 });
    expect(u.reasons.map((r) => r.reason)).toContain("sla_breached");
    expect(u.level).toBe("high");
  });
  it("SLA at risk from 75% of the target", () => {
    expect(assessUrgency({ text: "oi", waitedMs: 45 * 60_000, slaTargetMs: 60 * 60_000 }).reasons.map((r) => r.reason)).toEqual(["sla_at_risk"]);
    expect(assessUrgency({ text: "oi", waitedMs: 30 * 60_000, slaTargetMs: 60 * 60_000 }).reasons).toEqual([]);
    expect(assessUrgency({ text: "oi", waitedMs: 30 * 60_000, slaTargetMs: null }).reasons).toEqual([]);
  });
  it("VIP and recent contacts add", () => {
    const vip = assessUrgency({ ...base, vip: true });
    expect(vip.reasons.map((r) => r.reason)).toContain("vip");
    expect(vip.score).toBeGreaterThan(assessUrgency(base).score);
    expect(assessUrgency({ ...base, recentConversations: 2 }).reasons.map((r) => r.reason)).toContain("recent_contacts");
    expect(assessUrgency({ ...base, recentConversations: 1 }).reasons.map((r) => r.reason)).not.toContain("recent_contacts");
  });
});

describe("assessUrgency: names, questions and problems already solved", () => {
  it("an urgency word in a product or service name raises nothing", () => {
    expect(level('vcs têm o produto "Urgente 24h" em estoque?')).toBe("normal");
    expect(level("do you sell the Urgent Care first aid kit?", "en")).toBe("normal");
    expect(level("quanto custa a entrega urgente?")).toBe("normal");
    expect(level("URGENTE: meu cartão foi bloqueado")).toBe("high");
  });
  it("a threat to leave or to dispute is a threat; asked about, it is a question", () => {
    expect(level("vou pra outra operadora")).toBe("high");
    expect(level("como funciona a portabilidade pra outra operadora?")).toBe("normal");
    expect(level("what's the deadline to dispute a charge?", "en")).toBe("normal");
  });
  it("a problem the customer says is solved counts half, unless it came back", () => {
    expect(level("the double charge got refunded, thanks for sorting it", "en")).toBe("normal");
    expect(level("o app caiu ontem mas já voltou")).toBe("normal");
    expect(level("they said it was refunded but I was charged twice again", "en")).toBe("high");
  });
  it("reports without keywords, in either order and far apart", () => {
    expect(level("o dinheiro saiu da minha conta e ninguém sabe me dizer onde foi parar")).toBe("high");
    expect(level("I can't pay my employees because your app froze all my payouts", "en")).toBe("high");
    expect(level("o remédio da minha mãe não chegou e ela toma todo dia")).toBe("high");
    expect(level("o plano de saúde negou a cirurgia marcada pra amanhã")).toBe("high");
    expect(level("la compañía de seguros no me paga y tengo la cirugía el jueves", "es")).toBe("high");
  });
});
