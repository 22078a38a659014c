import type { Context, Hono } from "hono";
import { z } from "zod";
import {
  ArticleInputSchema,
  ArticleListResponseSchema,
  ArticleResponseSchema,
  ArticleSearchQuerySchema,
  CannedListResponseSchema,
  CannedResponseInputSchema,
  CannedResponseResponseSchema,
} from "@inbox/shared/api/content";
import type { Writes } from "../db/record.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import type { AppEnv } from "../http/app-env.ts";
import { requestOrigin } from "../http/audit-actor.ts";
import { deleteCanned, listCanned, saveCanned } from "./canned.ts";
import { deleteArticle, legacyArticleWorkspace, publishedArticle, saveArticle, searchArticles } from "./knowledge.ts";
import { articlePage, escapeHtml } from "./knowledge-page.ts";

/** Admins and supervisors write the workspace's canned responses and articles; agents use them. */
const EDITORS = { permission: "manageContent" } as const;
const Deleted = z.null();

/** Canned responses and the knowledge base (and its public article pages). */
export function registerContentRoutes(api: ApiRegistry, app: Hono<AppEnv>, core: Writes): void {
  api.userRoute(
    { method: "get", path: "/api/canned-responses", summary: "Canned responses you may use: the workspace's and your teams'", tag: "content", access: "user", response: CannedListResponseSchema },
    async ({ user }) => ({ cannedResponses: await listCanned(core, user) }),
  );
  api.userRoute(
    { method: "post", path: "/api/admin/canned-responses", summary: "Add a canned response (its shortcut must be free)", tag: "content", access: EDITORS, body: CannedResponseInputSchema, response: CannedResponseResponseSchema, status: 201 },
    async ({ c, user, body }) => ({ cannedResponse: await saveCanned(core, user, null, body, requestOrigin(c)) }),
  );
  api.userRoute(
    { method: "put", path: "/api/admin/canned-responses/:id", summary: "Change a canned response", tag: "content", access: EDITORS, body: CannedResponseInputSchema, response: CannedResponseResponseSchema },
    async ({ c, user, params, body }) => ({ cannedResponse: await saveCanned(core, user, params.id!, body, requestOrigin(c)) }),
  );
  api.userRoute(
    { method: "delete", path: "/api/admin/canned-responses/:id", summary: "Delete a canned response", tag: "content", access: EDITORS, response: Deleted, status: 204 },
    async ({ c, user, params }) => {
      await deleteCanned(core, user, params.id!, requestOrigin(c));
      return null;
    },
  );

  api.userRoute(
    { method: "get", path: "/api/kb/articles", summary: "Search the knowledge base (agents see published articles; editors drafts too)", tag: "content", access: "user", query: ArticleSearchQuerySchema, response: ArticleListResponseSchema },
    async ({ user, query }) => ({ articles: await searchArticles(core, user, query.q ?? "") }),
  );
  api.userRoute(
    { method: "post", path: "/api/admin/kb/articles", summary: "Write a knowledge-base article", tag: "content", access: EDITORS, body: ArticleInputSchema, response: ArticleResponseSchema, status: 201 },
    async ({ c, user, body }) => ({ article: await saveArticle(core, user, null, body, requestOrigin(c)) }),
  );
  api.userRoute(
    { method: "put", path: "/api/admin/kb/articles/:id", summary: "Change an article (its link stays the same)", tag: "content", access: EDITORS, body: ArticleInputSchema, response: ArticleResponseSchema },
    async ({ c, user, params, body }) => ({ article: await saveArticle(core, user, params.id!, body, requestOrigin(c)) }),
  );
  api.userRoute(
    { method: "delete", path: "/api/admin/kb/articles/:id", summary: "Delete an article", tag: "content", access: EDITORS, response: Deleted, status: 204 },
    async ({ c, user, params }) => {
      await deleteArticle(core, user, params.id!, requestOrigin(c));
      return null;
    },
  );

  // What a customer opens from an inserted link: read-only, escaped, published articles only.
  app.get("/kb/:workspaceId/:slug", async (c) => {
    const article = await publishedArticle(core, c.req.param("workspaceId"), c.req.param("slug"));
    return article ? c.html(articlePage(article)) : articleGone(c);
  });
  // Links sent before slugs were per workspace keep working: they lead to the article's page.
  app.get("/kb/:slug", async (c) => {
    const slug = c.req.param("slug");
    const workspaceId = await legacyArticleWorkspace(core, slug);
    return workspaceId ? c.redirect(`/kb/${encodeURIComponent(workspaceId)}/${encodeURIComponent(slug)}`, 301) : articleGone(c);
  });
}

function articleGone(c: Context<AppEnv>): Response {
  return c.html(`<!doctype html><meta charset="utf-8"><title>Not found</title><p>${escapeHtml("This article does not exist or is no longer published.")}</p>`, 404);
}
