import { detectLanguage, type LanguageGuess } from "./language.ts";
import { analyseSentiment, type Sentiment } from "./sentiment.ts";
import { assessUrgency, type Urgency } from "./urgency.ts";

/** All three for one customer message from its text alone (urgency from the words only). */
export interface MessageInsight {
  language: LanguageGuess;
  sentiment: Sentiment;
  urgency: Urgency;
}

export function analyseMessage(text: string): MessageInsight {
  const language = detectLanguage(text);
  const sentiment = analyseSentiment(text, language.language);
  const urgency = assessUrgency({ text, language: language.language, sentiment });
  return { language, sentiment, urgency };
}
