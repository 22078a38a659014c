import {
  AiDraftReplyRequestSchema,
  AiRewriteRequestSchema,
  AiSettingsResponseSchema,
  AiSettingsUpdateSchema,
  AiStatusSchema,
  AiSuggestionResponseSchema,
  AiSummariseRequestSchema,
  AiTestResponseSchema,
  AiTranslateDraftRequestSchema,
  AiTranslateMessageRequestSchema,
  type AiStatus,
  type AiTestResponse,
} from "@inbox/shared/api/ai";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestActor } from "../http/audit-actor.ts";
import type { AiDeps } from "./ai-deps.ts";
import { aiChoiceOf, publicAiSettings, readStoredAi, saveAiSettings } from "./ai-settings.ts";
import { draftReply, rewriteDraft, summarise, translateDraft, translateMessage } from "./ai-tools.ts";
import { AiError } from "./provider.ts";
import { TEST_PROMPT } from "./prompts.ts";

/**
 * Help in the composer (issue 15). Settings for those who configure AI (admins, or a custom
 * role with `configureAI`); the tools for people who may reply, on chats they may work on.
 * Nothing here sends anything to a customer: every tool answers with a suggestion.
 */
export function registerAiRoutes(api: ApiRegistry, core: AiDeps): void {
  api.userRoute(
    { method: "get", path: "/api/admin/ai", summary: "The workspace's AI assistance settings (the API key never: only whether one is set)", tag: "admin", access: { permission: "configureAI" }, response: AiSettingsResponseSchema },
    async ({ user }) => ({ settings: publicAiSettings(await readStoredAi(core, user.workspaceId), core.ai.workersAiAvailable) }),
  );

  api.userRoute(
    { method: "put", path: "/api/admin/ai", summary: "Turn AI assistance on or off, choose the provider, model and key (write-only), and redaction", tag: "admin", access: { permission: "configureAI" }, body: AiSettingsUpdateSchema, response: AiSettingsResponseSchema },
    async ({ c, user, body }) => ({ settings: await saveAiSettings(core, user, requestActor(c, user), body) }),
  );

  api.userRoute(
    { method: "post", path: "/api/admin/ai/test", summary: "Test connection: a tiny request to the saved provider, answered in words", tag: "admin", access: { permission: "configureAI" }, response: AiTestResponseSchema },
    async ({ c, user }): Promise<AiTestResponse> => {
      const started = Date.now();
      const took = () => Date.now() - started;
      const chosen = await aiChoiceOf(core, user.workspaceId, { evenWhenOff: true });
      const provider = "off" in chosen ? null : core.ai.build(chosen.choice);
      if (!provider) return { ok: false, message: "Choose a provider, its address and a model, and save them first.", tookMs: took() };
      try {
        const reply = await provider.complete({ messages: TEST_PROMPT, signal: c.req.raw.signal, timeoutMs: core.ai.timeoutMs });
        return { ok: true, message: `Connected: ${provider.model} answered in ${took()} ms.`, reply: reply.slice(0, 200), tookMs: took() };
      } catch (err) {
        if (err instanceof AiError) return { ok: false, message: err.message, tookMs: took() };
        throw err;
      }
    },
  );

  api.userRoute(
    { method: "get", path: "/api/ai/status", summary: "Whether the composer's AI tools are on for this workspace, and why not", tag: "ai", access: "user", response: AiStatusSchema },
    async ({ user }): Promise<AiStatus> => {
      const chosen = await aiChoiceOf(core, user.workspaceId);
      return "off" in chosen ? { available: false, reason: chosen.off, provider: null } : { available: true, reason: null, provider: chosen.choice.provider };
    },
  );

  const tool = { tag: "ai", access: { permission: "reply" }, response: AiSuggestionResponseSchema } as const;
  api.userRoute(
    { ...tool, method: "post", path: "/api/ai/rewrite", summary: "A rewrite of the draft (friendlier, formal, empathetic, shorter, longer, fixed): a suggestion, never sent", body: AiRewriteRequestSchema },
    async ({ c, user, body }) => ({ suggestion: await rewriteDraft(core, { user, actor: requestActor(c, user), conversationId: body.conversationId, signal: c.req.raw.signal }, body.text, body.style) }),
  );
  api.userRoute(
    { ...tool, method: "post", path: "/api/ai/translate-draft", summary: "The draft translated into the customer's language (told from their latest messages)", body: AiTranslateDraftRequestSchema },
    async ({ c, user, body }) => ({ suggestion: await translateDraft(core, { user, actor: requestActor(c, user), conversationId: body.conversationId, signal: c.req.raw.signal }, body.text) }),
  );
  api.userRoute(
    { ...tool, method: "post", path: "/api/ai/translate-message", summary: "A message of the conversation translated into the agent's language (the original is kept)", body: AiTranslateMessageRequestSchema },
    async ({ c, user, body }) => ({ suggestion: await translateMessage(core, { user, actor: requestActor(c, user), conversationId: body.conversationId, signal: c.req.raw.signal }, body.messageId, body.targetLanguage) }),
  );
  api.userRoute(
    { ...tool, method: "post", path: "/api/ai/summarise", summary: "A handover note summarising the conversation", body: AiSummariseRequestSchema },
    async ({ c, user, body }) => ({ suggestion: await summarise(core, { user, actor: requestActor(c, user), conversationId: body.conversationId, signal: c.req.raw.signal }) }),
  );
  api.userRoute(
    { ...tool, method: "post", path: "/api/ai/draft-reply", summary: "A reply drafted from the knowledge base's most relevant published articles", body: AiDraftReplyRequestSchema },
    async ({ c, user, body }) => ({ suggestion: await draftReply(core, { user, actor: requestActor(c, user), conversationId: body.conversationId, signal: c.req.raw.signal }) }),
  );
}
