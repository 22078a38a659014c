/**
 * Help in the composer (issue 15): the workspace's AI settings and the tools' requests and
 * answers. The server (sync-server/src/ai/) and the PWA (client/src/composer/ai/) read these.
 */
import { z } from "zod";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** Where the model runs: any OpenAI-compatible endpoint, or the Workers AI binding of the edge build. */
export const AI_PROVIDERS = ["openai-compatible", "workers-ai"] as const;
export const AiProviderKindSchema = z.enum(AI_PROVIDERS);
export type AiProviderKind = z.infer<typeof AiProviderKindSchema>;

/** How the stored settings look in `workspaces.ai`: the key only sealed (secret box), never in clear. */
export interface StoredAiSettings {
  enabled: boolean;
  provider: AiProviderKind;
  baseUrl: string;
  model: string;
  redact: boolean;
  /** The API key sealed with the server's secret box; null: none set. */
  sealedKey: string | null;
}

/** What an admin reads: the key is never returned, only whether one is set. */
export const AiSettingsSchema = z.object({
  enabled: z.boolean(),
  provider: AiProviderKindSchema,
  /** e.g. https://api.openai.com/v1 (POST {baseUrl}/chat/completions); empty for Workers AI. */
  baseUrl: z.string().max(500),
  model: z.string().max(200),
  /** Emails, phone numbers and card numbers are replaced before text leaves the server. */
  redact: z.boolean(),
  hasKey: z.boolean(),
  /** Whether this server can run the provider (Workers AI only on the edge build). */
  workersAiAvailable: z.boolean(),
});
export type AiSettings = z.infer<typeof AiSettingsSchema>;
export const AiSettingsResponseSchema = z.object({ settings: AiSettingsSchema });

export const DEFAULT_AI_SETTINGS: Omit<AiSettings, "workersAiAvailable"> = { enabled: false, provider: "openai-compatible", baseUrl: "", model: "", redact: true, hasKey: false };

/**
 * An admin's change. `apiKey`: a new key (write-only); omitted keeps the stored one; `clearKey`
 * removes it. A URL is checked for shape here, and for where it points on the server.
 */
export const AiSettingsUpdateSchema = z
  .object({
    enabled: z.boolean(),
    provider: AiProviderKindSchema,
    baseUrl: z.string().trim().max(500),
    model: z.string().trim().max(200),
    redact: z.boolean(),
    apiKey: z.string().trim().min(1, SCHEMA_MESSAGES.ai_key_required).max(500).optional(),
    clearKey: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.provider === "openai-compatible" && v.baseUrl !== "" && !/^https?:\/\/[^\s]+$/i.test(v.baseUrl)) {
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: SCHEMA_MESSAGES.ai_base_url_format });
    }
    if (v.enabled && v.provider === "openai-compatible" && v.baseUrl === "") ctx.addIssue({ code: "custom", path: ["baseUrl"], message: SCHEMA_MESSAGES.ai_base_url_required });
    if (v.enabled && v.model === "") ctx.addIssue({ code: "custom", path: ["model"], message: SCHEMA_MESSAGES.ai_model_required });
  });
export type AiSettingsUpdate = z.infer<typeof AiSettingsUpdateSchema>;

/** "Test connection": a tiny request to the saved provider (or the form's values, key kept when omitted). */
export const AiTestResponseSchema = z.object({ ok: z.boolean(), message: z.string(), reply: z.string().optional(), tookMs: z.number().int().nonnegative() });
export type AiTestResponse = z.infer<typeof AiTestResponseSchema>;

/** Whether a signed-in person's tools are on, and why not (for the composer's menu). */
export const AiStatusSchema = z.object({
  available: z.boolean(),
  /** Why the tools are off, in words, when they are. */
  reason: z.enum(["off", "not_configured"]).nullable(),
  provider: AiProviderKindSchema.nullable(),
});
export type AiStatus = z.infer<typeof AiStatusSchema>;

export const REWRITE_STYLES = ["friendlier", "formal", "empathetic", "shorter", "longer", "fix"] as const;
export const RewriteStyleSchema = z.enum(REWRITE_STYLES);
export type RewriteStyle = z.infer<typeof RewriteStyleSchema>;

const Draft = z.string().trim().min(1, SCHEMA_MESSAGES.ai_draft_required).max(8000, SCHEMA_MESSAGES.ai_draft_too_long);

export const AiRewriteRequestSchema = z.object({ conversationId: z.string().min(1).max(64), text: Draft, style: RewriteStyleSchema });
export const AiTranslateDraftRequestSchema = z.object({ conversationId: z.string().min(1).max(64), text: Draft });
export const AiTranslateMessageRequestSchema = z.object({ conversationId: z.string().min(1).max(64), messageId: z.string().min(1).max(64), targetLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/).optional() });
export const AiSummariseRequestSchema = z.object({ conversationId: z.string().min(1).max(64) });
export const AiDraftReplyRequestSchema = z.object({ conversationId: z.string().min(1).max(64) });

/** Every tool's answer: the suggestion, and for translations which language it is in. */
export const AiSuggestionSchema = z.object({
  text: z.string(),
  /** ISO 639-1 code of the answer's language, when the tool chose one. */
  language: z.string().nullable(),
  /** The language's name in English, e.g. "Portuguese". */
  languageName: z.string().nullable(),
  /** What the suggestion was drawn from, e.g. the articles a drafted reply used. */
  sources: z.array(z.object({ id: z.string(), title: z.string() })).default([]),
  /** How the sources were picked, in words, when it matters. */
  note: z.string().nullable().default(null),
});
export type AiSuggestion = z.infer<typeof AiSuggestionSchema>;
export const AiSuggestionResponseSchema = z.object({ suggestion: AiSuggestionSchema });
