/**
 * The composer's AI tools (issue 15): the workspace's status (are the tools on, and why not) and
 * one request per tool. Every answer is a suggestion; nothing here sends anything to a customer.
 */
import { AiStatusSchema, AiSuggestionResponseSchema, type AiStatus, type AiSuggestion, type RewriteStyle } from "@inbox/shared/api/ai";
import { createSignal } from "solid-js";
import { request } from "../../api/http.ts";

const [status, setStatus] = createSignal<AiStatus | null>(null);
let loading: Promise<void> | null = null;
let loadedAt = 0;

/** The workspace's AI status as last read (null until read); read again when older than a minute. */
export function aiStatus(): AiStatus | null {
  if (!loading && Date.now() - loadedAt > 60_000) void refreshAiStatus();
  return status();
}

/** Reads the status now (Settings calls it after a change, so the composer follows at once). */
export function refreshAiStatus(): Promise<void> {
  loadedAt = Date.now();
  loading = request("/api/ai/status", { schema: AiStatusSchema }).then(
    (s) => void setStatus(s),
    () => void (loadedAt = 0),
  );
  void loading.finally(() => (loading = null));
  return loading;
}

const suggest = (path: string, body: unknown): Promise<AiSuggestion> =>
  request(`/api/ai/${path}`, { method: "POST", body, schema: AiSuggestionResponseSchema }).then((r) => r.suggestion);

export const aiApi = {
  rewrite: (conversationId: string, text: string, style: RewriteStyle) => suggest("rewrite", { conversationId, text, style }),
  translateDraft: (conversationId: string, text: string) => suggest("translate-draft", { conversationId, text }),
  translateMessage: (conversationId: string, messageId: string) => suggest("translate-message", { conversationId, messageId }),
  summarise: (conversationId: string) => suggest("summarise", { conversationId }),
  draftReply: (conversationId: string) => suggest("draft-reply", { conversationId }),
};
