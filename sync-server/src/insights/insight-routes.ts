import { SimilarConversationsResponseSchema, SimilarQuerySchema } from "@inbox/shared/api/insights";
import type { ApiRegistry } from "../http/api-registry.ts";
import type { Reads } from "../db/record.ts";
import { similarConversations } from "./similar.ts";
import { SimilarIndexes } from "./similar-index.ts";

/** AI assistance that works offline (issue 15): what the server ranks over the workspace's history. */
export function registerInsightRoutes(api: ApiRegistry, core: Reads & { now(): number }): SimilarIndexes {
  const indexes = new SimilarIndexes(core, { now: () => core.now() });
  api.userRoute(
    {
      method: "get",
      path: "/api/conversations/:id/similar",
      summary: "Resolved conversations like this one (ranked over the workspace's recent history), each with how it was answered",
      tag: "conversations",
      access: "user",
      query: SimilarQuerySchema,
      response: SimilarConversationsResponseSchema,
    },
    async ({ user, params, query }) => similarConversations(core, indexes, user, params.id!, query.limit),
  );
  return indexes;
}
