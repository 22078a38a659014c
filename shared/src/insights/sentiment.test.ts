import { describe, expect, it } from "vitest";
import { analyseSentiment } from "./sentiment.ts";

const label = (text: string, lang?: "pt" | "en" | "es") => analyseSentiment(text, lang).label;

describe("analyseSentiment: negation", () => {
  it("'não gostei nada do produto' is negative, and the cue quotes the customer", () => {
    const s = analyseSentiment("não gostei nada do produto", "pt");
    expect(s.label).toBe("negative");
    expect(s.cues[0]?.text).toBe("não gostei nada");
  });
  it("'não é ruim' is not negative", () => {
    expect(label("não é ruim", "pt")).not.toBe("negative");
    expect(label("not bad at all", "en")).toBe("positive");
  });
  it("'I don't love it' is negative", () => {
    expect(label("I don't love it", "en")).toBe("negative");
  });
  it("negated expectations are complaints", () => {
    expect(label("my package never arrived", "en")).toBe("negative");
    expect(label("nadie me responde", "es")).toBe("negative");
  });
  it("negation stops at punctuation and at 'mas'", () => {
    expect(label("não, adorei", "pt")).toBe("positive");
  });
  it("only real contractions negate, not every word ending in -nt", () => {
    expect(label("the payment page is down, terrible", "en")).toBe("negative");
    expect(label("the restaurant was amazing", "en")).toBe("positive");
  });
  it("reports of fraud or a wrong charge are complaints without feeling words", () => {
    expect(label("my bank shows a charge I don't recognize", "en")).toBe("negative");
  });
  it("a wish is not a feeling: 'preciso disso resolvido' is not praise", () => {
    expect(label("preciso disso resolvido hoje", "pt")).not.toBe("positive");
  });
  it("Portuguese 'no' (in the) does not negate", () => {
    expect(label("chegou no prazo, adorei", "pt")).toBe("positive");
  });
});

describe("analyseSentiment: reports and threats without feeling words", () => {
  it("money gone, a threat to leave or danger reads as a complaint", () => {
    expect(label("meu salário caiu e sumiu do saldo", "pt")).toBe("negative");
    expect(label("cancel everything. now.", "en")).toBe("negative");
    expect(label("the scooter battery caught fire in my garage", "en")).toBe("negative");
  });
  it("a negated threat or a double negative is not a complaint", () => {
    expect(label("não vou cancelar, relaxa", "pt")).not.toBe("negative");
    expect(label("no está nada mal", "es")).toBe("positive");
  });
  it("the customer's own slip or a quick question is neutral", () => {
    expect(label("hey, quick question about my invoice", "en")).toBe("neutral");
    expect(label("lol ok", "en")).toBe("neutral");
    expect(label("tá, vou esperar então", "pt")).toBe("neutral");
  });
  it("an upside-down smile is sarcasm", () => {
    expect(label("adorei a cobrança surpresa na fatura 🙃", "pt")).toBe("negative");
  });
});

describe("analyseSentiment: intensity", () => {
  it("intensifiers strengthen, diminishers soften", () => {
    const plain = analyseSentiment("bom", "pt").score;
    expect(analyseSentiment("muito bom", "pt").score).toBeGreaterThan(plain);
    expect(analyseSentiment("um pouco ruim", "pt").score).toBeGreaterThan(analyseSentiment("ruim", "pt").score);
  });
  it("shouting and '!!!' amplify", () => {
    expect(analyseSentiment("PÉSSIMO", "pt").score).toBeLessThan(analyseSentiment("péssimo", "pt").score);
    expect(analyseSentiment("adorei!!!", "pt").score).toBeGreaterThan(analyseSentiment("adorei", "pt").score);
  });
  it("the clause after 'but' counts more", () => {
    expect(label("produto bom mas a entrega atrasou", "pt")).toBe("negative");
    expect(label("the delivery was late but the product is amazing", "en")).toBe("positive");
  });
});

describe("analyseSentiment: emoji, chat and laughter", () => {
  it("reads emoji-only messages", () => {
    expect(label("😡😡")).toBe("negative");
    expect(label("👍")).toBe("positive");
    expect(label(":(")).toBe("negative");
  });
  it("'vc n resolveu nd pqp' is negative", () => {
    expect(label("vc n resolveu nd pqp", "pt")).toBe("negative");
  });
  it("'kkkk valeu' is positive; laughter does not soften a complaint", () => {
    expect(label("kkkk valeu", "pt")).toBe("positive");
    expect(label("kkkk de novo atrasou, péssimo", "pt")).toBe("negative");
  });
  it("a bare 'obrigado' or 'thanks' is positive, a greeting neutral", () => {
    expect(label("obrigado", "pt")).toBe("positive");
    expect(label("thanks", "en")).toBe("positive");
    expect(label("bom dia", "pt")).toBe("neutral");
    expect(label("qual o prazo de entrega?", "pt")).toBe("neutral");
  });
});

describe("analyseSentiment: sarcasm", () => {
  it("'que ótimo, mais uma semana sem resposta 🙄' is negative", () => {
    expect(label("que ótimo, mais uma semana sem resposta 🙄", "pt")).toBe("negative");
  });
  it("reads sarcastic openers followed by a complaint", () => {
    expect(label("great, another package that never arrived", "en")).toBe("negative");
    expect(label("parabéns pelo péssimo atendimento", "pt")).toBe("negative");
    expect(label("obrigado por nada", "pt")).toBe("negative");
    expect(label("thanks for nothing", "en")).toBe("negative");
  });
  it("keeps sincere praise positive", () => {
    expect(label("ótimo, chegou tudo certo", "pt")).toBe("positive");
  });
});

describe("analyseSentiment: shape", () => {
  it("keeps the score in -1…1 and at most five cues, strongest first", () => {
    const s = analyseSentiment("péssimo horrível ridículo lixo absurdo vergonha 😡 😡", "pt");
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.cues.length).toBeLessThanOrEqual(5);
    const weights = s.cues.map((c) => Math.abs(c.weight));
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });
  it("finishes on a 2,000-character message without pathological patterns", () => {
    const nasty = ("aaaaaaaaaa!!!???:::((((" + "k".repeat(40) + " nao ").repeat(40).slice(0, 2000);
    expect(analyseSentiment(nasty).score).toBeGreaterThanOrEqual(-1);
    const long = "não gostei, péssimo atendimento, mas o produto é bom. ".repeat(40).slice(0, 2000);
    expect(analyseSentiment(long, "pt").label).toBeDefined();
  });
});
