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

describe("assessUrgency: calm words, topics and corroborating cues", () => {
  it("'not urgent', 'no big deal', 'just checking' or 'in case' calm the message", () => {
    expect(level("oi, não é urgente, mas queria mudar o email cadastrado")).toBe("normal");
    expect(level("not urgent but could you update my billing address?", "en")).toBe("normal");
    expect(level("nada grave, el repartidor solo olvidó la bebida", "es")).toBe("normal");
    expect(level("the app crashed once yesterday, no big deal", "en")).toBe("normal");
    expect(level("how do i dispute a charge, in case i ever need to?", "en")).toBe("normal");
    // Without the calm words the same reports stay high
    expect(level("urgente, preciso mudar o email cadastrado")).toBe("high");
    expect(level("the app crashed and none of our customers can pay", "en")).toBe("high");
  });
  it("fraud as a topic, a lawyer's paperwork and 'by accident' raise nothing", () => {
    expect(level("vcs têm algum produto contra fraude pra empresas?")).toBe("normal");
    expect(level("loved the video you shared about spotting scams", "en")).toBe("normal");
    expect(level("mi abogado me pidió una copia del contrato, me la pueden mandar?", "es")).toBe("normal");
    expect(level("my kid bought a game by accident, how do i request a refund?", "en")).toBe("normal");
    expect(level("vou passar o caso pro meu advogado")).toBe("high");
    expect(level("how do i report a scam email?", "en")).toBe("normal");
  });
  it("a problem solved counts half, and one report is not counted twice for its words", () => {
    expect(level("a cobrança duplicada da semana passada já foi estornada, obg!")).toBe("normal");
    expect(level("i was charged twice back in january but you fixed it fast, which is why i stay", "en")).toBe("normal");
    expect(level("the outage yesterday is fixed on my end, all working now thx", "en")).toBe("normal");
  });
  it("a partial cancellation that keeps the rest is no threat", () => {
    expect(level("vou cancelar o pacote extra pq nao uso mais, o plano principal eu mantenho")).toBe("normal");
    expect(level("vou cancelar tudo")).toBe("high");
  });
  it("two different weak cues of one reason add up; one alone does not", () => {
    expect(level("n consigo entra na conta, fala q ta bloqueada")).toBe("high");
    expect(level("minha conta está bloqueada?")).toBe("normal");
    expect(level("neta ya van 3 dias sin señal y nadie hace nada", "es")).toBe("high");
    expect(level("sin señal en el sótano, es normal?", "es")).toBe("normal");
  });
  it("a deadline with a loss or a set hour is high; 'today' in good news is not", () => {
    expect(level("preciso do comprovante até as 17h de hj senão perco o financiamento")).toBe("high");
    expect(level("i need the invoice before 5pm today or the payment gets rejected", "en")).toBe("high");
    expect(level("é o bolo da festa, a festa é hoje às 15h e não chegou")).toBe("high");
    expect(level("todas las cajas están caídas y abrimos en 15 min", "es")).toBe("high");
    expect(level("o entregador chegou às 15h certinho, obrigado")).toBe("normal");
    expect(level("the delivery arrived at 3pm today, thanks", "en")).toBe("normal");
  });
  it("money, safety and access reports in chat spelling and without keywords", () => {
    expect(level("kkkk q piada, paguei e cobraram d novo")).toBe("high");
    expect(level("jajaja q chistoso, pagué y me volvieron a cobrar", "es")).toBe("high");
    expect(level("mano, ja é o 3o dia sem net aki, trampo em home office")).toBe("high");
    expect(level("cant log in, it says account suspended and all my client files are in there", "en")).toBe("high");
    expect(level("my transfer never arrived and the rent is due today", "en")).toBe("high");
    expect(level("apareceu compra na steam no meu cartao, eu nem jogo videogame")).toBe("high");
    expect(level("someone just bought a $600 laptop with my card", "en")).toBe("high");
    expect(level("theres a gas smell since your tech left this morning", "en")).toBe("high");
    expect(level("the stroller wheel snapped off with my baby in it", "en")).toBe("high");
    expect(level("estoy embarazada y el chofer me dejó en medio de la carretera", "es")).toBe("high");
    expect(level("me cobraron 1500 en vez de 150, corrijan esto ya", "es")).toBe("high");
    expect(level("me dieron de baja la línea sin avisar", "es")).toBe("high");
  });
  it("a wish or a question is not the report", () => {
    expect(reasons("I don't want to be charged again", "en")).not.toContain("billing_error");
    expect(level("como faço pra bloquear meu cartão se eu perder?")).toBe("normal");
    expect(level("bloqueia meu cartão agora, fui roubado")).toBe("high");
    expect(level("qual o telefone da ouvidoria?")).toBe("normal");
    expect(level("vou reclamar na ouvidoria")).toBe("high");
    // A "what if" asked under a condition
    expect(level("what's the process if someone uses my card without permission?", "en")).toBe("normal");
    expect(level("someone used my card without permission", "en")).toBe("high");
  });
  it("look-alike words stay normal: a dented box, an emergency number, news in an app", () => {
    expect(level("el paquete llegó con la caja un poco golpeada pero todo bien", "es")).toBe("normal");
    expect(level("caí num golpe, me roubaram pelo pix")).toBe("high");
    expect(level("do you have a number for emergencies?", "en")).toBe("normal");
    expect(level("oi, vi que apareceu uma compra no app de cashback, como funciona?")).toBe("normal");
    expect(level("the app logged me out and says my account doesn't exist, all my money is there", "en")).toBe("high");
  });
});
