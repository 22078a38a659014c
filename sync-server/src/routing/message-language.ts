import { detectAll } from "tinyld";

/**
 * The language a customer wrote in, as a two-letter code ("pt", "en"), or null when the text
 * says too little. No channel tells the customer's language, so routing rules' language
 * condition reads it from the message itself. A library (tinyld: n-gram profiles of 60+
 * languages, no network) does the detection; only the decision of when to trust it is ours:
 * a clear winner, since one-word greetings ("oi", "ok") are shared across languages.
 */
export function messageLanguage(text: string): string | null {
  const letters = text.replace(/[^\p{L}]+/gu, "");
  if (letters.length < 4) return null;
  const [first, second] = detectAll(text);
  if (!first || first.accuracy < 0.1) return null;
  if (second && second.accuracy * 2 > first.accuracy) return null;
  return first.lang;
}
