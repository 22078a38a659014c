/**
 * AI assistance that works offline (issue 15), in the customer panel: suggested canned
 * responses and articles for the latest customer message (ranked on the device) and resolved
 * conversations like the open one (the server's ranking, or the device's when offline).
 */
export { Suggestions } from "./Suggestions.tsx";
export { MessageInsightChips } from "./MessageInsightChips.tsx";
export { ConversationInsights } from "./ConversationInsights.tsx";
