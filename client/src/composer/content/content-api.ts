/** REST calls for canned responses and the knowledge base (shared/src/api/content.ts). */
import {
  ArticleListResponseSchema,
  ArticleResponseSchema,
  CannedListResponseSchema,
  CannedResponseResponseSchema,
  type ArticleInput,
  type CannedResponseInput,
} from "@inbox/shared/api/content";
import { request } from "../../api/http.ts";

const canned = (id: string) => `/api/admin/canned-responses/${encodeURIComponent(id)}`;
const article = (id: string) => `/api/admin/kb/articles/${encodeURIComponent(id)}`;

export const contentApi = {
  cannedResponses: () => request("/api/canned-responses", { schema: CannedListResponseSchema }),
  createCanned: (body: CannedResponseInput) => request("/api/admin/canned-responses", { body, schema: CannedResponseResponseSchema }),
  updateCanned: (id: string, body: CannedResponseInput) => request(canned(id), { method: "PUT", body, schema: CannedResponseResponseSchema }),
  deleteCanned: (id: string) => request(canned(id), { method: "DELETE" }),

  articles: (q = "") => request(`/api/kb/articles${q ? `?q=${encodeURIComponent(q)}` : ""}`, { schema: ArticleListResponseSchema }),
  createArticle: (body: ArticleInput) => request("/api/admin/kb/articles", { body, schema: ArticleResponseSchema }),
  updateArticle: (id: string, body: ArticleInput) => request(article(id), { method: "PUT", body, schema: ArticleResponseSchema }),
  deleteArticle: (id: string) => request(article(id), { method: "DELETE" }),

};

/** Where a published article can be read by anyone (the link agents insert for customers); slugs are per workspace. */
export function articleUrl(workspaceId: string, slug: string, origin = location.origin): string {
  return `${origin}/kb/${encodeURIComponent(workspaceId)}/${encodeURIComponent(slug)}`;
}
