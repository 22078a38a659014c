import { analyseMessage, evaluate, type Evaluation } from "@inbox/shared/insights/index";
import { DEV_SET, DEV_SET_2, DEV_SET_3, DEV_SET_4, TEST_SET, type LabelledMessage } from "@inbox/shared/insights/eval/index";
import { tokenize } from "@inbox/shared/insights/tokenize";
import { fmt } from "./stats.ts";

/**
 * "## (j) Local insights (issue 15)": language, sentiment and urgency computed on the device,
 * scored against the hand-labelled held-out TEST_SET (the development sets the rules were tuned on,
 * printed for reference). Throughput is printed as a ratio against bare tokenising of the same
 * texts in this run, because the machine is shared and absolute rates drift.
 */

const TARGETS = { sentimentMacroF1: 0.75, highUrgencyRecall: 0.85, languageFiveWords: 0.95 };

function met(value: number, target: number): string {
  return `(target >= ${fmt(target, 2)}: ${value >= target ? "met" : "missed"})`;
}

function printFigures(name: string, set: readonly LabelledMessage[], r: Evaluation): void {
  console.log(`  ${name} (${set.length} messages)`);
  console.log(`    sentiment accuracy:              ${fmt(r.sentiment.accuracy, 3)}`);
  console.log(`    sentiment macro-F1:              ${fmt(r.sentiment.macroF1, 3)}  ${met(r.sentiment.macroF1, TARGETS.sentimentMacroF1)}`);
  console.log(`    high-urgency precision:          ${fmt(r.highUrgency.precision, 3)}`);
  console.log(`    high-urgency recall:             ${fmt(r.highUrgency.recall, 3)}  ${met(r.highUrgency.recall, TARGETS.highUrgencyRecall)}`);
  console.log(`    language accuracy, all:          ${fmt(r.language.accuracy, 3)}  (${r.language.n} messages)`);
  console.log(
    `    language accuracy, >= 5 words:   ${fmt(r.language.accuracyFiveWordsOrMore, 3)}  (${r.language.nFiveWordsOrMore} messages) ${met(r.language.accuracyFiveWordsOrMore, TARGETS.languageFiveWords)}`,
  );
}

/** Messages per second of `fn` over the texts, repeated for at least `minMs`. */
function rate(texts: readonly string[], fn: (t: string) => unknown, minMs: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const t of texts) fn(t);
    n += texts.length;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

export async function insightsSection(opts: { quick: boolean }): Promise<void> {
  console.log("\n## (j) Local insights: language, sentiment, urgency on the device (issue 15)");
  try {
    const test = evaluate(TEST_SET);
    if (test.language.n !== TEST_SET.length) throw new Error("evaluate skipped messages");
    printFigures("TEST_SET, held out", TEST_SET, test);
    const dev = [...DEV_SET, ...DEV_SET_2];
    const devAll = [...dev, ...DEV_SET_3, ...DEV_SET_4];
    printFigures("DEV_SET + DEV_SET_2 + DEV_SET_3 + DEV_SET_4, tuned on (reference)", devAll, evaluate(devAll));

    // Throughput keeps the texts of earlier runs (DEV_SET_3 and _4 left out) so ratios stay comparable.
    const texts = [...TEST_SET, ...dev].map((m) => m.text);
    const minMs = opts.quick ? 300 : 2000;
    // Warm up both paths (JIT, tinyld's tables) before measuring; not counted.
    rate(texts, tokenize, 100);
    rate(texts, analyseMessage, 100);
    const baseline = rate(texts, tokenize, minMs);
    const ours = rate(texts, analyseMessage, minMs);
    console.log(`  throughput over ${texts.length} texts:`);
    console.log(`    bare tokenize:                   ${fmt(baseline, 0)} msg/s (baseline)`);
    console.log(`    analyseMessage (all three):      ${fmt(ours, 0)} msg/s  ratio ${fmt(ours / baseline, 3)} of bare tokenize`);
  } catch (err) {
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
