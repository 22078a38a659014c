import type { LabelledMessage } from "./eval/labelled-message.ts";
import { analyseMessage } from "./message.ts";
import type { SentimentLabel } from "./sentiment.ts";

export interface Evaluation {
  sentiment: { accuracy: number; macroF1: number };
  highUrgency: { precision: number; recall: number };
  language: { accuracy: number; accuracyFiveWordsOrMore: number; n: number; nFiveWordsOrMore: number };
}

const LABELS: readonly SentimentLabel[] = ["negative", "neutral", "positive"];

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Figures for the bench and the regression test; a labelled set is passed in, never imported here. */
export function evaluate(set: readonly LabelledMessage[]): Evaluation {
  let sentimentRight = 0;
  const perLabel = new Map(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  let tp = 0, fp = 0, fn = 0;
  let langRight = 0, longRight = 0, long = 0;
  for (const m of set) {
    const insight = analyseMessage(m.text);
    const got = insight.sentiment.label;
    if (got === m.sentiment) sentimentRight++;
    for (const l of LABELS) {
      const c = perLabel.get(l)!;
      if (got === l && m.sentiment === l) c.tp++;
      else if (got === l) c.fp++;
      else if (m.sentiment === l) c.fn++;
    }
    const high = insight.urgency.level === "high";
    if (high && m.urgency === "high") tp++;
    else if (high) fp++;
    else if (m.urgency === "high") fn++;
    const words = m.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    const langOk = insight.language.language === m.language;
    if (langOk) langRight++;
    if (words >= 5) {
      long++;
      if (langOk) longRight++;
    }
  }
  const f1s = LABELS.map((l) => {
    const c = perLabel.get(l)!;
    const p = ratio(c.tp, c.tp + c.fp);
    const r = ratio(c.tp, c.tp + c.fn);
    return ratio(2 * p * r, p + r);
  });
  return {
    sentiment: { accuracy: ratio(sentimentRight, set.length), macroF1: f1s.reduce((s, f) => s + f, 0) / LABELS.length },
    highUrgency: { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) },
    language: { accuracy: ratio(langRight, set.length), accuracyFiveWordsOrMore: ratio(longRight, long), n: set.length, nFiveWordsOrMore: long },
  };
}
