import { and, desc, eq, type SQL } from "drizzle-orm";
import { isEditor, newId } from "@inbox/shared";
import { foldText, searchArticleList, type Article, type ArticleInput } from "@inbox/shared/api/content";
import type { Reads, Writes } from "../db/record.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { kbArticles } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound } from "../http/http-error.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";

type ArticleRow = typeof kbArticles.$inferSelect;

/** Searched per request; far above any real knowledge base. */
const MAX_ARTICLES = 2000;

export function toArticle(row: ArticleRow): Article {
  return { id: row.id, slug: row.slug, title: row.title, body: row.body, published: row.published, updatedAt: row.updatedAt };
}

/** "Trocas e devoluções!" → "trocas-e-devolucoes": readable, URL-safe, accents dropped. */
export function slugify(title: string): string {
  const slug = foldText(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "article";
}

/**
 * Articles for this user, newest first. Agents see published ones only; admins and supervisors
 * (who write them) see drafts too. `q`: every word must appear in the title or body, accents
 * and case ignored, title matches first (searchArticleList, shared with the offline search).
 * A knowledge base holds hundreds of articles, not millions: reading them and filtering here
 * gives accent-insensitive matching that SQLite's LIKE cannot.
 */
export async function searchArticles(core: Writes, user: SessionUser, q = "", limit = 200): Promise<Article[]> {
  const conditions: SQL[] = [eq(kbArticles.workspaceId, user.workspaceId)];
  if (!isEditor(user)) conditions.push(eq(kbArticles.published, true));
  const rows = await core.db
    .select()
    .from(kbArticles)
    .where(and(...conditions))
    .orderBy(desc(kbArticles.updatedAt))
    .limit(MAX_ARTICLES);
  return searchArticleList(rows, q).slice(0, limit).map(toArticle);
}

/** A published article of this workspace, for its public page `/kb/<workspaceId>/<slug>`. */
export async function publishedArticle(core: Reads, workspaceId: string, slug: string): Promise<Article | null> {
  const row = await core.db.query.kbArticles.findFirst({
    where: and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.slug, slug), eq(kbArticles.published, true)),
  });
  return row ? toArticle(row) : null;
}

/**
 * An old `/kb/<slug>` link (from when slugs were unique across the server): only articles that
 * existed then answer it, so a newer article with the same slug in another workspace never does.
 */
export async function legacyArticleWorkspace(core: Reads, slug: string): Promise<string | null> {
  const row = await core.db.query.kbArticles.findFirst({
    where: and(eq(kbArticles.slug, slug), eq(kbArticles.legacyLink, true), eq(kbArticles.published, true)),
    columns: { workspaceId: true },
  });
  return row?.workspaceId ?? null;
}

/** Creates (id null) or replaces an article. Its slug is set once, so links already sent keep working. */
export async function saveArticle(core: Writes, user: SessionUser, id: string | null, input: ArticleInput, from: RequestOrigin | null): Promise<Article> {
  const at = core.now();
  const existing = id ? await findArticle(core, user, id) : null;
  const base: Omit<ArticleRow, "slug"> = {
    id: existing?.id ?? newId(),
    workspaceId: user.workspaceId,
    title: input.title,
    body: input.body,
    published: input.published,
    createdBy: existing?.createdBy ?? user.id,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    legacyLink: existing?.legacyLink ?? false,
  };
  const record = (row: ArticleRow) => [
    eventInsert(core, { workspaceId: user.workspaceId, type: "article.saved", actorKind: "agent", actorId: user.id, data: { id: row.id, slug: row.slug, published: row.published, created: !existing }, at }),
    auditInsert(core, {
      workspaceId: user.workspaceId,
      ...auditActor(user, from),
      action: existing ? "article.updated" : "article.created",
      target: row.id,
      data: { ...(existing ? { before: { title: existing.title, published: existing.published } } : {}), after: { title: row.title, published: row.published } },
      at,
    }),
  ] as const;
  if (existing) {
    const row = { ...base, slug: existing.slug };
    await core.writer.write([
      core.db.update(kbArticles).set({ title: row.title, body: row.body, published: row.published, updatedAt: at }).where(eq(kbArticles.id, row.id)),
      ...record(row),
    ]);
    return toArticle(row);
  }
  // Slugs are unique in the workspace (the public path is /kb/<workspaceId>/<slug>).
  const wanted = slugify(input.title);
  for (const slug of [wanted, `${wanted}-${base.id.slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, "0")}`]) {
    const row = { ...base, slug };
    try {
      await core.writer.write([core.db.insert(kbArticles).values(row), ...record(row)]);
      return toArticle(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new Error("could not find a free slug");
}

export async function deleteArticle(core: Writes, user: SessionUser, id: string, from: RequestOrigin | null): Promise<void> {
  const existing = await findArticle(core, user, id);
  const at = core.now();
  await core.writer.write([
    core.db.delete(kbArticles).where(eq(kbArticles.id, existing.id)),
    eventInsert(core, { workspaceId: user.workspaceId, type: "article.deleted", actorKind: "agent", actorId: user.id, data: { id, slug: existing.slug }, at }),
    auditInsert(core, { workspaceId: user.workspaceId, ...auditActor(user, from), action: "article.deleted", target: id, data: { before: { title: existing.title, published: existing.published } }, at }),
  ]);
}

async function findArticle(core: Writes, user: SessionUser, id: string): Promise<ArticleRow> {
  const row = await core.db.query.kbArticles.findFirst({ where: and(eq(kbArticles.id, id), eq(kbArticles.workspaceId, user.workspaceId)) });
  if (!row) throw notFound("article");
  return row;
}
