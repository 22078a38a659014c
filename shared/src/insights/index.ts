/**
 * Local insights for customer messages (issue 15): language, sentiment, urgency and trend,
 * computed offline from the text alone in the browser, Node or a Worker (no Node APIs, no
 * network). The evaluation sets live in ./eval/index.ts so bundles do not carry them.
 */
export { detectLanguage, type InsightLanguage, type LanguageGuess } from "./language.ts";
export { analyseSentiment, type Sentiment, type SentimentCue, type SentimentLabel } from "./sentiment.ts";
export { assessUrgency, type Urgency, type UrgencyInput, type UrgencyReason } from "./urgency.ts";
export { sentimentTrend, type SentimentTrend } from "./trend.ts";
export { analyseMessage, type MessageInsight } from "./message.ts";
export { evaluate, type Evaluation } from "./evaluate.ts";
export type { LabelledMessage } from "./eval/labelled-message.ts";
