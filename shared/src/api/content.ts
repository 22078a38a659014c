/**
 * Workspace content agents reuse while answering: canned responses (`/shortcut` in the
 * composer), knowledge-base articles, and the notifications colleagues' @mentions create.
 */
import { z } from "zod";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

export * from "./notification-room.ts";

/** What an agent types after `/`: lower-case letters, digits, `_` and `-`, at most 32. */
export const SHORTCUT_RE = /^[a-z0-9_-]{1,32}$/;

export const CannedResponseSchema = z.object({
  id: IdSchema,
  shortcut: z.string().regex(SHORTCUT_RE),
  title: z.string(),
  text: z.string(),
  /** Only this team's agents get it; null: everyone in the workspace. */
  teamId: IdSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;

export const CannedResponseInputSchema = z.object({
  shortcut: z
    .string()
    .trim()
    .regex(SHORTCUT_RE, SCHEMA_MESSAGES.shortcut_format),
  title: z.string().trim().min(1, SCHEMA_MESSAGES.title_required).max(120),
  text: z.string().trim().min(1, SCHEMA_MESSAGES.canned_text_required).max(4000),
  teamId: IdSchema.nullable(),
});
export type CannedResponseInput = z.infer<typeof CannedResponseInputSchema>;

export const CannedListResponseSchema = z.object({ cannedResponses: z.array(CannedResponseSchema) });
export const CannedResponseResponseSchema = z.object({ cannedResponse: CannedResponseSchema });

/** URL-safe article name, used at `/kb/<slug>`. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ArticleSchema = z.object({
  id: IdSchema,
  slug: z.string().regex(SLUG_RE),
  title: z.string(),
  /** Markdown-lite: paragraphs, `- ` lists, **bold**, *italic*; always shown as text. */
  body: z.string(),
  published: z.boolean(),
  updatedAt: TimestampSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

export const ArticleInputSchema = z.object({
  title: z.string().trim().min(1, SCHEMA_MESSAGES.article_title_required).max(200),
  body: z.string().trim().min(1, SCHEMA_MESSAGES.article_body_required).max(50_000),
  published: z.boolean(),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export const ArticleListResponseSchema = z.object({ articles: z.array(ArticleSchema) });
export const ArticleResponseSchema = z.object({ article: ArticleSchema });
export const ArticleSearchQuerySchema = z.object({ q: z.string().max(200).optional() });

/**
 * `mention`: a note @mentions you. Supervision (issue 12): a chat was `assigned` to you, taken
 * from you (`unassigned`) or `transferred` away; a supervisor `whisper`ed to you or `joined` your
 * chat; an agent of your team raised a hand (`hand_raised`). SLAs: a chat of your team (or
 * yours) is at risk of breaching its SLA (`sla_at_risk`) or breached it (`sla_breached`); then the
 * actor is the SLA policy and the excerpt names the target (a `SlaTarget`).
 */
export const NOTIFICATION_KINDS = ["mention", "assigned", "unassigned", "transferred", "whisper", "joined", "hand_raised", "sla_at_risk", "sla_breached"] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: NotificationKindSchema,
  conversationId: IdSchema,
  /** Who wrote the note, and with which words (the note's first 280 characters). */
  actorId: IdSchema,
  actorName: z.string(),
  contactName: z.string(),
  excerpt: z.string(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
});
export const NotificationListResponseSchema = z.object({ notifications: z.array(NotificationSchema) });
export const MarkNotificationsReadRequestSchema = z.object({
  /** Omit to mark every notification read. */
  ids: z.array(IdSchema).max(500).optional(),
});
export const MarkNotificationsReadResponseSchema = z.object({ marked: z.number().int().nonnegative() });

/** Lower case without accents, so "devolucoes" finds "devoluções" and "joao" finds "João". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * Article search, the same on the server and on a device offline: every word of the query
 * must appear in the title or body (accents and case ignored); title matches come first.
 */
export function searchArticleList<A extends Pick<Article, "title" | "body">>(articles: readonly A[], query: string): A[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const hits = articles.filter((a) => {
    const haystack = foldText(`${a.title}\n${a.body}`);
    return words.every((w) => haystack.includes(w));
  });
  const inTitle = (a: A) => words.length > 0 && words.every((w) => foldText(a.title).includes(w));
  return [...hits.filter(inTitle), ...hits.filter((a) => !inTitle(a))];
}
