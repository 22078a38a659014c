import { describe, expect, it } from "vitest";
import { DEV_SET } from "./eval/index.ts";
import { evaluate } from "./evaluate.ts";
import { analyseMessage } from "./message.ts";

// Figures reached on the dev set when the rules were written, minus a small margin: a rule
// change that loses more than a message or two here fails this test.
const MARGIN = 0.03;
const DEV = { sentimentMacroF1: 0.96, urgencyRecall: 0.96, urgencyPrecision: 0.96, language: 1, languageFiveWords: 1 };

describe("evaluate(DEV_SET)", () => {
  const r = evaluate(DEV_SET);
  it("keeps sentiment, urgency and language figures", () => {
    expect(r.sentiment.macroF1).toBeGreaterThanOrEqual(DEV.sentimentMacroF1 - MARGIN);
    expect(r.highUrgency.recall).toBeGreaterThanOrEqual(DEV.urgencyRecall - MARGIN);
    expect(r.highUrgency.precision).toBeGreaterThanOrEqual(DEV.urgencyPrecision - MARGIN);
    expect(r.language.accuracy).toBeGreaterThanOrEqual(DEV.language - MARGIN);
    expect(r.language.accuracyFiveWordsOrMore).toBeGreaterThanOrEqual(DEV.languageFiveWords - MARGIN);
    expect(r.language.n).toBe(DEV_SET.length);
  });
});

describe("analyseMessage", () => {
  it("gives all three insights at once", () => {
    const m = analyseMessage("fui cobrada duas vezes no cartão, que absurdo");
    expect(m.language.language).toBe("pt");
    expect(m.sentiment.label).toBe("negative");
    expect(m.urgency.level).toBe("high");
    expect(m.urgency.reasons.map((r) => r.reason)).toContain("negative");
  });
  it("finishes on a 2,000-character message", () => {
    const text = "Olá, já liguei três vezes e nada! ".repeat(70).slice(0, 2000);
    expect(analyseMessage(text).urgency.level).toBe("high");
  });
});
