// Insights (issue 15: AI assistance that works offline): resolved conversations like the open
// one, ranked over the workspace's history in memory. The capability's public surface.
export { registerInsightRoutes } from "./insight-routes.ts";
export { MAX_RESOLVED, INDEX_TTL_MS, SimilarIndexes } from "./similar-index.ts";
