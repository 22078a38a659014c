import { searchArticleList, type Article } from "@inbox/shared/api/content";

/** Article search over the device's copy (offline): the server's rules (shared). */
export function searchArticlesLocally(articles: readonly Article[], query: string): Article[] {
  return searchArticleList(articles, query);
}

/** The article's opening as plain text, without markdown-lite marks, for an excerpt. */
export function articleExcerpt(body: string, maxChars = 300): string {
  const plain = body
    .replace(/\r\n?/g, "\n")
    .replace(/^#{1,3} /gm, "")
    .replace(/^[-*] /gm, "• ")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\*([^*]+)\*/g, "$1")
    .replace(/\n{2,}/g, "\n")
    .trim();
  if (plain.length <= maxChars) return plain;
  const cut = plain.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
