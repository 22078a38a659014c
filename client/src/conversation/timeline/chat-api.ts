/** The chat window's REST calls: history events, older messages, retrying a failed reply. */
import { DomainEventSchema } from "@inbox/shared";
import { MessagePageResponseSchema, RetryResponseSchema } from "@inbox/shared/api/chat";
import { z } from "zod";
import { request } from "../../api/http.ts";

const conv = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
const EventListSchema = z.object({ events: z.array(DomainEventSchema) });

export const chatApi = {
  events: (conversationId: string) => request(`${conv(conversationId)}/events`, { schema: EventListSchema }),
  /** The page of messages before `before` (`<createdAt>,<id>`), oldest first. */
  olderMessages: (conversationId: string, before: string | null, limit = 50) => {
    const q = new URLSearchParams({ limit: String(limit) });
    if (before) q.set("before", before);
    return request(`${conv(conversationId)}/messages?${q}`, { schema: MessagePageResponseSchema });
  },
  retry: (messageId: string) => request(`/api/messages/${encodeURIComponent(messageId)}/retry`, { method: "POST", schema: RetryResponseSchema }),
};
