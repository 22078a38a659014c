/**
 * The server's side of saved views (GET, POST, PATCH, DELETE /api/me/views), with their classic
 * zod response schemas: a chunk loaded on demand by saved-views.ts, so the list's first rows
 * (drawn from the device's copy) do not wait for it (issue 17).
 */
import { SavedViewListResponseSchema, SavedViewResponseSchema, type ListView, type SavedView } from "@inbox/shared/domain/list-view";
import { request } from "../api/http.ts";

const viewPath = (id: string) => `/api/me/views/${encodeURIComponent(id)}`;

export const savedViewsApi = {
  list: async (): Promise<SavedView[]> => (await request("/api/me/views", { schema: SavedViewListResponseSchema })).views,
  create: async (name: string, view: ListView): Promise<SavedView> =>
    (await request("/api/me/views", { body: { name, view }, schema: SavedViewResponseSchema })).view,
  rename: async (id: string, name: string): Promise<SavedView> =>
    (await request(viewPath(id), { method: "PATCH", body: { name }, schema: SavedViewResponseSchema })).view,
  remove: (id: string): Promise<void> => request(viewPath(id), { method: "DELETE" }),
};
