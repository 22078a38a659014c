/** The insights requests (shared/api/insights.ts). */
import { SimilarConversationsResponseSchema } from "@inbox/shared/api/insights";
import { request } from "../api/http.ts";

export const insightsApi = {
  similar: (conversationId: string, limit = 5) =>
    request(`/api/conversations/${encodeURIComponent(conversationId)}/similar?limit=${limit}`, { schema: SimilarConversationsResponseSchema }),
};
