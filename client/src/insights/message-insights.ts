/**
 * The local insights (shared/insights) as the screen reads them: one customer message's
 * language, sentiment and urgency, and a conversation's language, mood, trend and urgency.
 * Pure and on the device, so they show offline and cost no request.
 */
import {
  analyseMessage,
  analyseSentiment,
  assessUrgency,
  detectLanguage,
  sentimentTrend,
  type InsightLanguage,
  type MessageInsight,
  type Sentiment,
  type SentimentTrend,
  type Urgency,
} from "@inbox/shared/insights/index";
import type { SlaLiveState } from "@inbox/shared/domain/sla-summary";

// A timeline re-renders its bubbles as messages arrive: each text is analysed once. Bounded,
// oldest first out, so a tab left open all day does not keep every message it ever showed.
const CACHE_MAX = 2_000;
const cache = new Map<string, MessageInsight>();

/** One customer message's insight, analysed once per text. */
export function messageInsight(text: string): MessageInsight {
  const hit = cache.get(text);
  if (hit) return hit;
  const insight = analyseMessage(text);
  cache.set(text, insight);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return insight;
}

export interface SaidMessage {
  senderKind: string;
  text: string;
}

export interface ConversationInsightInput {
  /** The conversation's messages with text, in time order. */
  said: readonly SaidMessage[];
  vip: boolean;
  /** The contact's other conversations active in the last 7 days. */
  recentConversations: number;
  /** The SLA's live state now, if one runs. */
  sla: SlaLiveState | null;
}

export interface ConversationInsight {
  language: InsightLanguage | null;
  /** The customer's latest message's sentiment. */
  latest: Sentiment | null;
  trend: SentimentTrend | null;
  urgency: Urgency | null;
}

/** How many of the customer's latest messages tell the conversation's language and urgency. */
const RECENT = 5;

export function conversationInsight(input: ConversationInsightInput): ConversationInsight {
  const customer = input.said.filter((m) => m.senderKind === "customer" && m.text.trim() !== "");
  if (customer.length === 0) return { language: null, latest: null, trend: null, urgency: null };
  // Several messages together say more about the language than the last "ok" alone.
  const language = detectLanguage(customer.slice(-RECENT).map((m) => m.text).join("\n")).language;
  const scores = customer.map((m) => messageInsight(m.text).sentiment.score);
  const latestText = customer.at(-1)!.text;
  // Urgency is about what still waits for an answer: the customer's words since an agent last
  // replied (all of them, if no one has).
  const lastReply = input.said.findLastIndex((m) => m.senderKind === "agent");
  const waiting = input.said.slice(lastReply + 1).filter((m) => m.senderKind === "customer" && m.text.trim() !== "");
  const text = (waiting.length ? waiting : customer).slice(-RECENT).map((m) => m.text).join("\n");
  const urgency = assessUrgency({
    text,
    language,
    sentiment: analyseSentiment(text, language),
    vip: input.vip,
    recentConversations: input.recentConversations,
    sla: input.sla,
  });
  return { language, latest: messageInsight(latestText).sentiment, trend: sentimentTrend(scores), urgency };
}
