/**
 * Canned responses and knowledge-base articles for the latest customer message, ranked on the
 * device (MiniSearch's BM25+ with the shared term rules) over the copy composer/content keeps,
 * so suggestions work offline and need no server route.
 */
import type { Article, CannedResponse } from "@inbox/shared/api/content";
import { rankingOptions, strongHits } from "@inbox/shared/domain/similar";
import MiniSearch from "minisearch";

export interface ContentSuggestions {
  canned: CannedResponse[];
  articles: Article[];
}

const NONE: ContentSuggestions = { canned: [], articles: [] };

function ranked<T extends { id: string }>(items: readonly T[], fields: string[], query: string, limit: number): T[] {
  if (items.length === 0) return [];
  const index = new MiniSearch<T>(rankingOptions<T>(fields));
  index.addAll(items);
  const byId = new Map(items.map((i) => [i.id, i]));
  return strongHits(index.search(query))
    .slice(0, limit)
    .flatMap((hit) => byId.get(String(hit.id)) ?? []);
}

/** The best canned responses and published articles for `query` (each list ranked on its own: their scores do not compare). */
export function suggestContent(
  content: { canned: readonly CannedResponse[]; articles: readonly Article[] },
  query: string,
  limits: { canned: number; articles: number } = { canned: 3, articles: 2 },
): ContentSuggestions {
  if (query.trim() === "") return NONE;
  return {
    canned: ranked(content.canned, ["title", "text", "shortcut"], query, limits.canned),
    // Drafts are not for customers, as in the knowledge panel.
    articles: ranked(
      content.articles.filter((a) => a.published),
      ["title", "body"],
      query,
      limits.articles,
    ),
  };
}
