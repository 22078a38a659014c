import { describe, expect, it } from "vitest";
import { DEV_SET, DEV_SET_2, DEV_SET_3, DEV_SET_4 } from "./eval/index.ts";
import { evaluate } from "./evaluate.ts";
import { analyseMessage } from "./message.ts";

// Figures reached on the four dev sets together (952 messages) when the rules were re-tuned,
// minus a small margin: a rule change that loses more than a handful of messages fails here.
// DEV_SET_3 and DEV_SET_4 were each written before their rules were read; on them the rules of
// the time reached sentiment macro-F1 0.836 / 0.797 and high-urgency recall 0.712 / 0.783 at
// precision 0.908 / 0.799.
// Language over all messages is lower than over five words or more because emoji-only and
// one-word replies ("👍", "hacked") have no language to find.
const MARGIN = 0.02;
const DEV = { sentimentMacroF1: 0.915, urgencyRecall: 1, urgencyPrecision: 0.998, language: 0.968, languageFiveWords: 0.987 };
const UNION = [...DEV_SET, ...DEV_SET_2, ...DEV_SET_3, ...DEV_SET_4];

describe("evaluate(DEV_SET ∪ DEV_SET_2 ∪ DEV_SET_3 ∪ DEV_SET_4)", () => {
  const r = evaluate(UNION);
  it("keeps sentiment, urgency and language figures", () => {
    expect(r.sentiment.macroF1).toBeGreaterThanOrEqual(DEV.sentimentMacroF1 - MARGIN);
    expect(r.highUrgency.recall).toBeGreaterThanOrEqual(DEV.urgencyRecall - MARGIN);
    expect(r.highUrgency.precision).toBeGreaterThanOrEqual(DEV.urgencyPrecision - MARGIN);
    expect(r.language.accuracy).toBeGreaterThanOrEqual(DEV.language - MARGIN);
    expect(r.language.accuracyFiveWordsOrMore).toBeGreaterThanOrEqual(DEV.languageFiveWords - MARGIN);
    expect(r.language.n).toBe(UNION.length);
  });
  it("keeps each set above the targets on its own", () => {
    for (const set of [DEV_SET, DEV_SET_2, DEV_SET_3, DEV_SET_4]) {
      const e = evaluate(set);
      // DEV_SET_4's sentiment (0.825) was not re-tuned here: only its urgency was.
      expect(e.sentiment.macroF1).toBeGreaterThanOrEqual(set === DEV_SET_4 ? 0.8 : 0.9);
      expect(e.highUrgency.recall).toBeGreaterThanOrEqual(0.95);
      expect(e.highUrgency.precision).toBeGreaterThanOrEqual(0.95);
    }
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
  it("answers the same when a text is analysed again (the last message's tokens are reused)", () => {
    const a = analyseMessage("meu dinheiro sumiu da conta");
    analyseMessage("ok obg");
    expect(analyseMessage("meu dinheiro sumiu da conta")).toEqual(a);
    expect(analyseMessage("meu dinheiro sumiu da conta")).toEqual(a);
  });
  it("finishes on a 2,000-character message", () => {
    const text = "Olá, já liguei três vezes e nada! ".repeat(70).slice(0, 2000);
    expect(analyseMessage(text).urgency.level).toBe("high");
  });
});
