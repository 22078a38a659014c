import { and, desc, eq, ne } from "drizzle-orm";
import MiniSearch from "minisearch";
import type { AiSuggestion, RewriteStyle } from "@inbox/shared/api/ai";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import { kbArticles, messages } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound, refused } from "../http/http-error.ts";
import { messageLanguage } from "../routing/index.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import type { AiDeps } from "./ai-deps.ts";
import { aiChoiceOf } from "./ai-settings.ts";
import { draftReplyPrompt, rewritePrompt, summaryPrompt, translatePrompt } from "./prompts.ts";
import { AiError, type AiMessage } from "./provider.ts";
import { redact } from "./redact.ts";

export type AiTool = "rewrite" | "translate_draft" | "translate_message" | "summarise" | "draft_reply";

/** One use of a tool: who asked, on which chat, and whether the request was closed meanwhile. */
export interface ToolCall {
  user: SessionUser;
  actor: AuditActor;
  conversationId: string;
  signal?: AbortSignal;
}

const OFF_WORDS = {
  off: "AI assistance is turned off for this workspace. An admin can turn it on in Settings → AI assistance.",
  not_configured: "AI assistance is not set up yet. An admin can choose a provider in Settings → AI assistance.",
} as const;

/**
 * Runs a prompt for a person who may work on the conversation: access first (so nobody learns
 * whether AI is on for a chat they cannot see), then the workspace's switch, then redaction of
 * everything but the instructions, then the provider. Each use is recorded in the audit log
 * with who, which tool, which provider and how many characters went each way (never the text).
 */
async function run(core: AiDeps, call: ToolCall, tool: AiTool, build: () => Promise<AiMessage[]>): Promise<string> {
  await conversationForUser(core, call.user, call.conversationId);
  const chosen = await aiChoiceOf(core, call.user.workspaceId);
  if ("off" in chosen) throw new HttpError(409, "conflict", OFF_WORDS[chosen.off], { reason: `ai_${chosen.off}` });
  const provider = core.ai.build(chosen.choice);
  if (!provider) throw new HttpError(409, "conflict", OFF_WORDS.not_configured, { reason: "ai_not_configured" });
  let redactions = 0;
  const prompt = (await build()).map((m) => {
    if (m.role === "system" || !chosen.redact) return m;
    const r = redact(m.content);
    redactions += r.count;
    return { ...m, content: r.text };
  });
  const sentChars = prompt.reduce((n, m) => n + m.content.length, 0);
  const record = (data: Record<string, unknown>) =>
    core.writer.write([
      auditInsert(core, {
        ...call.actor,
        workspaceId: call.user.workspaceId,
        action: "ai.used",
        target: call.conversationId,
        data: { tool, provider: provider.kind, model: provider.model, sentChars, redactions, ...data },
        at: core.now(),
      }),
    ]);
  try {
    const answer = await provider.complete({ messages: prompt, signal: call.signal, timeoutMs: core.ai.timeoutMs });
    await record({ ok: true, receivedChars: answer.length });
    return answer;
  } catch (err) {
    if (!(err instanceof AiError)) throw err;
    await record({ ok: false, receivedChars: 0, error: err.kind });
    throw aiHttpError(err);
  }
}

/** A provider's failure as the API says it: the kind in `fields.reason`, a 429 keeps its wait. */
export function aiHttpError(err: AiError): HttpError {
  const fields = { reason: err.kind };
  if (err.kind === "rate_limited") return new HttpError(429, "rate_limited", err.message, fields, err.retryAfterSeconds !== undefined ? { "Retry-After": String(err.retryAfterSeconds) } : undefined);
  return new HttpError(err.kind === "timeout" ? 504 : 502, "ai_unavailable", err.message, fields);
}

const englishNames = new Intl.DisplayNames(["en"], { type: "language" });
function languageName(code: string): string {
  try {
    return englishNames.of(code) ?? code;
  } catch {
    return code;
  }
}
const agentLanguage = (user: SessionUser) => (user.locale === "pt-BR" ? "pt" : "en");
const suggestion = (text: string, extra: Partial<AiSuggestion> = {}): AiSuggestion => ({ text, language: null, languageName: null, sources: [], note: null, ...extra });

/** The conversation's messages oldest first (the latest `limit`), without system lines. */
async function timeline(core: AiDeps, conversationId: string, limit: number) {
  const rows = await core.db
    .select({ id: messages.id, senderKind: messages.senderKind, senderName: messages.senderName, text: messages.text })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), ne(messages.senderKind, "system")))
    .orderBy(desc(messages.position))
    .limit(limit);
  return rows.reverse();
}

/** The customer's language from their latest messages (tinyld, routing's rule of a clear winner). */
async function customerLanguage(core: AiDeps, conversationId: string): Promise<string | null> {
  const latest = (await timeline(core, conversationId, 40)).filter((m) => m.senderKind === "customer").slice(-5);
  return latest.length ? messageLanguage(latest.map((m) => m.text).join("\n")) : null;
}

/** The chat as text the model reads, cut to its latest part when long. */
function transcriptOf(rows: Awaited<ReturnType<typeof timeline>>, maxChars = 12_000): string {
  const lines = rows.map((m) => `${m.senderKind === "customer" ? "Customer" : m.senderKind === "bot" ? "Bot" : "Agent"} (${m.senderName}): ${m.text}`);
  let text = lines.join("\n");
  if (text.length > maxChars) text = text.slice(text.length - maxChars);
  return text;
}

export async function rewriteDraft(core: AiDeps, call: ToolCall, text: string, style: RewriteStyle): Promise<AiSuggestion> {
  return suggestion(await run(core, call, "rewrite", async () => rewritePrompt(call.user.locale, style, text)));
}

export async function translateDraft(core: AiDeps, call: ToolCall, text: string): Promise<AiSuggestion> {
  let language: string | null = null;
  const answer = await run(core, call, "translate_draft", async () => {
    language = await customerLanguage(core, call.conversationId);
    if (!language) throw refused(422, "bad_request", "language_unknown");
    return translatePrompt(call.user.locale, languageName(language), text);
  });
  return suggestion(answer, { language, languageName: language ? languageName(language) : null });
}

export async function translateMessage(core: AiDeps, call: ToolCall, messageId: string, target?: string): Promise<AiSuggestion> {
  const language = (target ?? agentLanguage(call.user)).split("-")[0]!;
  const answer = await run(core, call, "translate_message", async () => {
    const row = await core.db.query.messages.findFirst({ where: and(eq(messages.id, messageId), eq(messages.conversationId, call.conversationId)), columns: { text: true } });
    if (!row) throw notFound("message");
    if (row.text.trim() === "") throw refused(422, "bad_request", "no_text");
    return translatePrompt(call.user.locale, languageName(language), row.text);
  });
  return suggestion(answer, { language, languageName: languageName(language) });
}

export async function summarise(core: AiDeps, call: ToolCall): Promise<AiSuggestion> {
  const answer = await run(core, call, "summarise", async () => {
    const rows = await timeline(core, call.conversationId, 80);
    if (rows.length === 0) throw refused(422, "bad_request", "nothing_to_summarise");
    return summaryPrompt(call.user.locale, transcriptOf(rows));
  });
  return suggestion(answer, { language: agentLanguage(call.user), languageName: languageName(agentLanguage(call.user)) });
}

/** The most relevant few published articles for the customer's latest words (MiniSearch: BM25 with prefixes and fuzzy terms). */
const ARTICLES = 3;
async function relevantArticles(core: AiDeps, workspaceId: string, query: string) {
  const rows = await core.db.select({ id: kbArticles.id, title: kbArticles.title, body: kbArticles.body }).from(kbArticles).where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.published, true)));
  const index = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ["title", "body"], storeFields: [], searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2, combineWith: "OR" } });
  index.addAll(rows);
  const ids = index.search(query).slice(0, ARTICLES).map((r) => String(r.id));
  return { picked: ids.map((id) => rows.find((r) => r.id === id)!), published: rows.length };
}

export async function draftReply(core: AiDeps, call: ToolCall): Promise<AiSuggestion> {
  let sources: { id: string; title: string }[] = [];
  let note: string | null = null;
  let language: string | null = null;
  const answer = await run(core, call, "draft_reply", async () => {
    const rows = await timeline(core, call.conversationId, 40);
    const customer = rows.filter((m) => m.senderKind === "customer").slice(-3).map((m) => m.text).join("\n");
    if (customer.trim() === "") throw refused(422, "bad_request", "nothing_to_answer");
    const { picked, published } = await relevantArticles(core, call.user.workspaceId, customer);
    sources = picked.map((a) => ({ id: a.id, title: a.title }));
    note = `Based on ${picked.length} of ${published} published articles, picked by the words they share with the customer's latest messages.`;
    language = messageLanguage(customer);
    return draftReplyPrompt(call.user.locale, language ? languageName(language) : null, transcriptOf(rows, 6_000), picked.map((a) => ({ title: a.title, body: a.body.slice(0, 2_000) })));
  });
  return suggestion(answer, { sources, note, language, languageName: language ? languageName(language) : null });
}
